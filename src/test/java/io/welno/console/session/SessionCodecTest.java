package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.PythonNumbers;
import io.welno.console.text.Phrase;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionCodecTest {

    private final SessionCodec codec = new SessionCodec();

    static java.util.List<String> readable() {
        return Fixtures.readable();
    }

    static java.util.List<String> malformed() {
        return Fixtures.MALFORMED;
    }

    @ParameterizedTest
    @MethodSource("readable")
    void everyReadableFixtureRoundTripsToAnIdenticalTree(String fixture) {
        String raw = Fixtures.text(fixture);
        SessionDocument doc = assertInstanceOf(SessionDocument.class, codec.parse("id", raw));
        String written = codec.write(doc.tree());
        SessionDocument again = assertInstanceOf(SessionDocument.class, codec.parse("id", written));
        // Compact serialization compares key order, array contents and exact number text, not just equality.
        assertEquals(codec.writeCompact(doc.tree()), codec.writeCompact(again.tree()));
        assertEquals(doc.tree(), again.tree());
    }

    @ParameterizedTest
    @ValueSource(strings = {"01_initiated.json", "03_auth_request_sent.json", "06_fetching_prescription_data.json",
            "07_completed.json", "09_info_required_object_message.json", "12_missing_status_and_expires.json",
            "14_timezone_aware_timestamps.json"})
    void writesTheBackendsOwnIndentTwoLayoutByteForByte(String fixture) {
        String raw = Fixtures.text(fixture).stripTrailing();
        SessionDocument doc = (SessionDocument) codec.parse("id", raw);
        assertEquals(raw, codec.write(doc.tree()));
    }

    @Test
    void codecsOfDifferentZonesShareOneMapperAndReadAlike() {
        // A codec is made per connection; sharing the mapper lets a new connection's parsers start with the field
        // names the earlier ones met (docs/live.md, "Reading").
        SessionCodec seoul = new SessionCodec(java.time.ZoneId.of("Asia/Seoul"));
        SessionCodec utc = new SessionCodec(java.time.ZoneOffset.UTC);
        assertSame(seoul.treeReader(), utc.treeReader());
        byte[] raw = Fixtures.text("07_completed.json").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SessionDocument a = assertInstanceOf(SessionDocument.class, seoul.parse("id", raw));
        SessionDocument b = assertInstanceOf(SessionDocument.class, utc.parse("id", raw));
        assertEquals(a.tree(), b.tree());
        assertEquals(a.status(), b.status());
    }

    @Test
    void keepsUnknownFieldsNumbersAndEmptyArrays() {
        SessionDocument doc = (SessionDocument) codec.parse("id", Fixtures.text("11_campaign_with_unknown_fields.json"));
        String written = codec.write(doc.tree());
        assertTrue(written.contains("\"x_future_field\": {"), written);
        assertTrue(written.contains("\"kept\": ["));
        SessionDocument again = (SessionDocument) codec.parse("id", written);
        assertTrue(written.contains("\"n\": 1e-07\n"), written); // as Python writes it
        assertEquals(1e-07, again.tree().at("/x_future_field/n").doubleValue());
        assertTrue(again.tree().get("terms_expires_at").isNull());
        ObjectNode empty = ((SessionDocument) codec.parse("id", "{\"messages\": [], \"progress\": {}, \"n\": 1}")).tree();
        assertEquals("{\n  \"messages\": [],\n  \"progress\": {},\n  \"n\": 1\n}", codec.write(empty));
    }

    /**
     * Every form of number Python writes or reads, in a field the console never touches, is written back as the
     * backend's json.dumps writes the value its json.loads read (docs/backend-protocol.md, "Numbers"): -0.0 stays
     * -0.0, 1e400 is Infinity, NaN and the infinities are read and written bare. Read from bytes (the store's and the
     * feed's path, facts first and the tree later) and from text alike.
     */
    @Test
    void numbersAreReadAsPythonReadsThemAndWrittenAsItWritesThem() {
        PythonNumbers.EXPECTED.forEach((literal, python) -> {
            String raw = "{\n  \"status\": \"initiated\",\n  \"messages\": [],\n  \"n\": " + literal + "\n}";
            for (ParsedSession parsed : List.of(codec.parse("id", raw), codec.parse("id", raw.getBytes(StandardCharsets.UTF_8)))) {
                SessionDocument doc = assertInstanceOf(SessionDocument.class, parsed, literal);
                assertEquals(raw.replace(": " + literal + "\n", ": " + python + "\n"), codec.write(doc.tree()), literal);
                assertEquals("{\"status\":\"initiated\",\"messages\":[],\"n\":" + python + "}",
                        codec.writeCompact(doc.tree()), literal);
            }
        });
    }

    /**
     * The parser also reads +Infinity, +INF and -INF, which the backend's json.loads refuses: such a value stays
     * unreadable (the backend cannot read it either), said where and why; a string holding those words is no number.
     */
    @Test
    void nonFiniteSpellingsPythonRefusesAreUnreadable() {
        for (String word : List.of("+Infinity", "+INF", "-INF")) {
            String raw = "{\"status\": \"initiated\", \"n\": [1, " + word + "]}";
            for (ParsedSession parsed : List.of(codec.parse("id", raw), codec.parse("id", raw.getBytes(StandardCharsets.UTF_8)))) {
                UnreadableSession unreadable = assertInstanceOf(UnreadableSession.class, parsed, word);
                assertEquals(Phrase.of("unreadable.syntax", 1, 34, Phrase.of("unreadable.syntax.foreignNonFinite",
                        "'" + word + "'")), unreadable.reason(), word);
            }
        }
        String words = "{\"status\": \"initiated\", \"cxId\": \"+INF -INF +Infinity\", \"n\": -Infinity}";
        assertInstanceOf(SessionDocument.class, codec.parse("id", words));
        assertInstanceOf(SessionDocument.class, codec.parse("id", words.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedValuesAreUnreadableWithAReason(String fixture) {
        UnreadableSession unreadable = assertInstanceOf(UnreadableSession.class,
                codec.parse("x", Fixtures.text(fixture)));
        assertTrue(unreadable.reason().key().startsWith("unreadable."), unreadable.reason().toString());
        assertFalse(unreadable.readable());
    }

    @Test
    void malformedReasonsSayWhatIsWrong() {
        Phrase syntax = reason("90_not_json.txt");
        assertEquals("unreadable.syntax", syntax.key());
        assertEquals(List.of(1L, 1L), syntax.args().subList(0, 2), "line and column");
        assertEquals(Phrase.of("unreadable.syntax.token", "'this'"), syntax.arg(2), "the parser's complaint, named");
        assertEquals("unreadable.truncated", reason("91_truncated.json").key());
        assertEquals(Phrase.of("unreadable.notObject", Phrase.of("unreadable.kind.array")), reason("92_json_array.json"));
        assertEquals(Phrase.of("unreadable.notList", "messages", Phrase.of("unreadable.kind.string")),
                reason("93_messages_not_list.json"));
    }

    /** A surrogate (ED A0–BF) anywhere, even split across the eight-byte steps, asks for the strict check; 한 (ED 95 9C) not. */
    @Test
    void surrogatesAskForTheStrictCheckAndHangulDoesNot() {
        for (int length = 2; length <= 20; length++) {
            for (int at = 0; at + 1 < length; at++) {
                byte[] raw = "{\"status\": \"a\"}      ".substring(0, length).getBytes(StandardCharsets.UTF_8);
                raw[at] = (byte) 0xED;
                raw[at + 1] = (byte) 0xA0;
                assertTrue(SessionCodec.mayHideInvalidUtf8(raw), length + " at " + at);
                raw[at + 1] = (byte) 0x95;
                assertFalse(SessionCodec.mayHideInvalidUtf8(raw), length + " at " + at);
            }
        }
    }

    /**
     * A lone surrogate, escaped in the stored JSON (valid JSON, kept by Python's json.loads), is written as the same
     * escape: UTF-8 has no form for it, and written raw it reached Redis as '?'. A pair is one character, kept raw.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udc00x", "a\\ud83d", "\\ud83d\\ude00", "\\udfff\\ud800"})
    void aLoneSurrogateSurvivesAWriteAsItsEscapeAndAPairStaysRaw(String escaped) throws CharacterCodingException {
        String raw = "{\n  \"status\": \"initiated\",\n  \"x_lone\": \"" + escaped + "\",\n  \"" + escaped + "\": 1\n}";
        SessionDocument doc = assertInstanceOf(SessionDocument.class,
                codec.parse("id", raw.getBytes(StandardCharsets.UTF_8)));
        String value = doc.tree().get("x_lone").asText();
        assertTrue(value.chars().anyMatch(c -> Character.isSurrogate((char) c)), "the escape was read as a surrogate");

        byte[] written = codec.write(doc.tree()).getBytes(StandardCharsets.UTF_8);
        String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(written)).toString();
        SessionDocument again = assertInstanceOf(SessionDocument.class, codec.parse("id", written));
        assertEquals(value, again.tree().get("x_lone").asText());
        assertEquals(1, again.tree().get(value).asInt(), "a name holding one is kept too");
        assertEquals(doc.tree(), again.tree());
        if (escaped.equals("\\ud83d\\ude00")) {
            assertEquals(raw.replace(escaped, "\uD83D\uDE00"), decoded, "an emoji is written raw, as before");
        } else {
            assertEquals(raw, decoded, "the same escapes, lower case, and nothing else changed");
        }
    }

    @Test
    void onlyTextHoldingALoneSurrogateIsCopied() {
        String text = "{\"note\": \"한글 \uD83D\uDE00\"}";
        assertSame(text, SessionCodec.escapeLoneSurrogates(text));
        // A low surrogate before a high one is no pair: both are alone.
        assertEquals("{\"a\": \"\\udc00\\udbff\"}", SessionCodec.escapeLoneSurrogates("{\"a\": \"\uDC00\uDBFF\"}"));
    }

    /** Jackson's own limit of 20,000,000 characters per string made a valid 20 MB value "not valid JSON". */
    @Test
    void aValidValueOfTwentyMegabytesIsParsed() {
        String blob = "가".repeat(7_000_000); // 21 MB of UTF-8 in one string
        byte[] raw = ("{\"session_id\": \"big\", \"status\": \"completed\", \"health_data\": {\"blob\": \"" + blob
                + "\"}}").getBytes(StandardCharsets.UTF_8);
        assertTrue(raw.length > 20_000_000);
        SessionDocument doc = assertInstanceOf(SessionDocument.class, codec.parse("big", raw));
        assertEquals(blob.length(), doc.healthData().get("blob").asText().length());
        String ascii = "x".repeat(20_500_000);
        assertInstanceOf(SessionDocument.class, codec.parse("big", "{\"x\": \"" + ascii + "\"}"));
    }

    @Test
    void aValueAboveTheBoundIsTooLargeToParseNeverInvalid() {
        byte[] raw = new byte[SessionCodec.MAX_PARSE_BYTES + 1];
        java.util.Arrays.fill(raw, (byte) 'x');
        byte[] head = "{\"status\": \"initiated\", \"x\": \"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, raw, 0, head.length);
        raw[raw.length - 2] = '"';
        raw[raw.length - 1] = '}'; // valid JSON, one byte above the bound
        UnreadableSession unreadable = assertInstanceOf(UnreadableSession.class, codec.parse("huge", raw));
        assertEquals(Phrase.of("unreadable.tooLarge", 65L, 64), unreadable.reason());
        assertTrue(unreadable.stoppedAtOwnBound(), "the backend, with no such bound, may read it");
        assertEquals(2_000, unreadable.preview().length(), "only a preview is decoded");
        assertTrue(unreadable.preview().startsWith("{\"status\""));
        UnreadableSession fromText = assertInstanceOf(UnreadableSession.class,
                codec.parse("huge", new String(raw, StandardCharsets.UTF_8)));
        assertEquals(unreadable.reason(), fromText.reason());
        // Exactly at the bound it is parsed.
        byte[] atBound = java.util.Arrays.copyOf(raw, SessionCodec.MAX_PARSE_BYTES);
        atBound[atBound.length - 2] = '"';
        atBound[atBound.length - 1] = '}';
        assertInstanceOf(SessionDocument.class, codec.parse("huge", atBound));
    }

    @Test
    void jsonNestedDeeperThanTheParserGoesIsSaidSoNotInvalid() {
        String deep = "{\"status\": \"initiated\", \"x\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        UnreadableSession unreadable = assertInstanceOf(UnreadableSession.class,
                codec.parse("deep", deep.getBytes(StandardCharsets.UTF_8)));
        assertEquals("unreadable.tooDeep", unreadable.reason().key());
    }

    private Phrase reason(String fixture) {
        return ((UnreadableSession) codec.parse("x", Fixtures.text(fixture))).reason();
    }

    @Test
    void ordinaryFixturesCarryNoWarnings() {
        for (String fixture : Fixtures.ORDINARY) {
            SessionDocument doc = (SessionDocument) codec.parse(Fixtures.id(fixture), Fixtures.text(fixture));
            Set<DocumentWarning> expected = fixture.startsWith("10_")
                    ? Set.of(DocumentWarning.CAMELCASE_AUTH_DATA) : Set.of();
            assertEquals(expected, doc.warnings(), fixture);
            assertTrue(doc.status().isKnown(), fixture);
        }
    }

    @Test
    void oddFixturesCarryTheirFlags() {
        SessionDocument missing = doc("12_missing_status_and_expires.json");
        assertEquals(Set.of(DocumentWarning.MISSING_STATUS, DocumentWarning.MISSING_EXPIRES_AT), missing.warnings());
        assertTrue(missing.breaksBackend());
        assertTrue(missing.status().isMissing());

        SessionDocument unknown = doc("13_unknown_status.json");
        assertEquals(Set.of(DocumentWarning.UNKNOWN_STATUS), unknown.warnings());
        assertEquals("quantum_superposition", unknown.status().wire());
        assertFalse(unknown.breaksBackend());

        SessionDocument offset = doc("14_timezone_aware_timestamps.json");
        assertEquals(Set.of(DocumentWarning.OFFSET_TIMESTAMP), offset.warnings());
        assertTrue(offset.breaksBackend());
        assertTrue(offset.expiresAt().hasOffset());

        SessionDocument escaped = doc("15_ascii_escaped.json");
        assertEquals(Set.of(), escaped.warnings());
        assertEquals("최지우", escaped.userInfo().name());
    }

    @Test
    void typedAccessorsReadTheBackendShapes() {
        SessionDocument sent = doc("03_auth_request_sent.json");
        assertEquals(SessionStatus.AUTH_REQUEST_SENT, sent.status());
        assertEquals(AuthProvider.TELECOM_PASS, sent.provider());
        assertEquals("welno", sent.partnerId());
        AuthCredentials temp = sent.tempAuthData().orElseThrow();
        assertEquals(AuthCredentials.Casing.CAMEL, temp.casing());
        assertEquals("CX000003-7d1e", temp.cxId());
        assertTrue(sent.authData().isEmpty());
        assertEquals(3, sent.messages().size());

        SessionDocument completed = doc("04_auth_completed.json");
        assertEquals(AuthCredentials.Casing.PASCAL, completed.authData().orElseThrow().casing());
        assertTrue(completed.progress().authCompleted());

        SessionDocument info = doc("09_info_required_object_message.json");
        SessionMessage objectMessage = info.lastMessage().orElseThrow();
        assertTrue(objectMessage.isObject());
        assertEquals("입력 정보 확인 필요", objectMessage.title());
        assertEquals("health_data_error", objectMessage.errorKind());
        assertEquals(MessageType.ERROR, objectMessage.type());
        assertTrue(objectMessage.summary().startsWith("입력 정보 확인 필요: 입력하신 정보가"));

        SessionDocument legacy = doc("10_legacy_uuid_authenticated_camelcase_auth_data.json");
        assertNull(legacy.partnerId(), "a uuid-era id: the backend cannot tell its partner");
        assertNull(legacy.storedPartnerId());
        assertEquals(AuthCredentials.Casing.CAMEL, legacy.authData().orElseThrow().casing());

        SessionDocument prescriptions = doc("06_fetching_prescription_data.json");
        assertTrue(prescriptions.hasHealthData());
        assertFalse(prescriptions.hasPrescriptionData());
        assertTrue(prescriptions.collectionStarted());
        assertNull(doc("01_initiated.json").tempAuthData().orElse(null));
    }

    @ParameterizedTest
    @MethodSource("everyFixture")
    void bytesAreReadAsTheirDecodedTextIs(String fixture) {
        String text = Fixtures.text(fixture);
        ParsedSession fromText = codec.parse("id", text);
        ParsedSession fromBytes = codec.parse("id", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(fromText.getClass(), fromBytes.getClass());
        if (fromText instanceof SessionDocument doc) {
            assertEquals(codec.writeCompact(doc.tree()), codec.writeCompact(((SessionDocument) fromBytes).tree()));
            assertEquals(doc.warnings(), ((SessionDocument) fromBytes).warnings());
        } else {
            assertEquals(((UnreadableSession) fromText).reason(), ((UnreadableSession) fromBytes).reason());
        }
    }

    static List<String> everyFixture() {
        List<String> all = new ArrayList<>(Fixtures.readable());
        all.addAll(Fixtures.MALFORMED);
        return all;
    }

    /**
     * Every one- to four-byte sequence built from the bytes where UTF-8 decoders differ, inside a string value: what
     * Java's strict decoder rejects is unreadable (Jackson alone takes overlong forms and code points above
     * U+10FFFF), and the rest reads as Java decodes it.
     */
    @Test
    void bytesJavaRejectsAsUtf8AreUnreadableAndTheRestReadAsJavaDecodesThem() {
        int[] follow = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
        List<byte[]> sequences = new ArrayList<>();
        for (int lead = 0x80; lead <= 0xFF; lead++) {
            sequences.add(new byte[] {(byte) lead});
            for (int b1 : follow) {
                sequences.add(new byte[] {(byte) lead, (byte) b1});
                for (int b2 : follow) {
                    sequences.add(new byte[] {(byte) lead, (byte) b1, (byte) b2});
                    if (lead >= 0xF0) {
                        for (int b3 : new int[] {0x41, 0x80, 0xBF, 0xC0}) {
                            sequences.add(new byte[] {(byte) lead, (byte) b1, (byte) b2, (byte) b3});
                        }
                    }
                }
            }
        }
        byte[] head = "{\"session_id\": \"id\", \"status\": \"initiated\", \"note\": \"a".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "b\"}".getBytes(StandardCharsets.UTF_8);
        int valid = 0;
        for (byte[] sequence : sequences) {
            byte[] raw = new byte[head.length + sequence.length + tail.length];
            System.arraycopy(head, 0, raw, 0, head.length);
            System.arraycopy(sequence, 0, raw, head.length, sequence.length);
            System.arraycopy(tail, 0, raw, head.length + sequence.length, tail.length);
            String bytes = HexFormat.ofDelimiter(" ").formatHex(sequence);
            ParsedSession parsed = codec.parse("id", raw);
            if (SessionCodec.validUtf8(raw)) {
                valid++;
                SessionDocument doc = assertInstanceOf(SessionDocument.class, parsed, bytes);
                assertEquals("a" + new String(sequence, StandardCharsets.UTF_8) + "b", doc.tree().get("note").asText(), bytes);
            } else {
                UnreadableSession unreadable = assertInstanceOf(UnreadableSession.class, parsed, bytes);
                assertEquals("unreadable.utf8", unreadable.reason().key(), bytes);
            }
        }
        assertTrue(valid > 1_000 && valid < sequences.size() / 2, valid + " of " + sequences.size());
    }

    @Test
    void theStrictCheckIsAskedForWhereverASuspectLeadByteSits() {
        for (int length = 1; length <= 24; length++) {
            byte[] ascii = "{\"status\": \"initiated\"}    ".repeat(2).substring(0, length).getBytes(StandardCharsets.UTF_8);
            assertFalse(SessionCodec.mayHideInvalidUtf8(ascii));
            for (int at = 0; at < length; at++) {
                for (int value = 0x80; value <= 0xFF; value++) {
                    byte[] raw = ascii.clone();
                    raw[at] = (byte) value;
                    if (at > 0) {
                        raw[at - 1] = (byte) 0xEA; // a Hangul lead byte beside it changes nothing
                    }
                    boolean suspect = value == 0xC0 || value == 0xC1 || value == 0xE0 || value == 0xF0 || value >= 0xF4;
                    assertEquals(suspect, SessionCodec.mayHideInvalidUtf8(raw), Integer.toHexString(value) + " at " + at);
                }
            }
        }
    }

    private SessionDocument doc(String fixture) {
        return (SessionDocument) codec.parse(Fixtures.id(fixture), Fixtures.text(fixture));
    }
}
