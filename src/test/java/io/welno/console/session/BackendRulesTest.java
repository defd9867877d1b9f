package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The verdicts the console gives for a document are the backend's: its {@code expires_at} read as Python's
 * {@code fromisoformat} reads it and compared as {@code datetime.now() > expires_at}, and its {@code partner_id}
 * compared with Python's {@code !=}. Each document is read both ways the codec reads stored values (the bytes in one
 * pass, and the tree).
 */
class BackendRulesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 20, 14, 12, 30);

    private final SessionCodec codec = new SessionCodec();

    /** The initiated fixture with one field replaced by a JSON value (null: removed), under {@code id}. */
    private List<SessionDocument> docs(String id, String field, String json) throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(Fixtures.text("01_initiated.json"));
        doc.put("session_id", id);
        if (json == null) {
            doc.remove(field);
        } else {
            doc.set(field, MAPPER.readTree(json));
        }
        String text = doc.toPrettyString();
        return List.of((SessionDocument) codec.parse(id, text.getBytes(StandardCharsets.UTF_8)),
                (SessionDocument) codec.parse(id, text));
    }

    private List<SessionDocument> expiringAt(String json) throws Exception {
        return docs("welno_042896dc1966b8a6214e5383aba5b8b9", SessionDocument.EXPIRES_AT, json);
    }

    private static String quoted(String text) throws Exception {
        return MAPPER.writeValueAsString(text);
    }

    @Test
    void aSpaceSeparatedExpiryInThePastIsExpiredAsForPython() throws Exception {
        for (SessionDocument doc : expiringAt(quoted("2026-11-20 14:10:00"))) {
            assertEquals(Set.of(), doc.warnings(), "Python 3.11+ reads it");
            assertEquals(Optional.of(Duration.ofSeconds(150)), BackendRules.expiredFor(doc, NOW));
            assertEquals(List.of("expired"), BackendRules.ruleWarnings(doc, NOW));
            assertFalse(BackendRules.canRead(doc, NOW));
            assertEquals("backend.expired", BackendRules.readProblem(doc, NOW).orElseThrow().key());
        }
    }

    @Test
    void aTrailingSpaceMakesTheExpiryUnreadableForTheBackendNotExpired() throws Exception {
        for (String raw : List.of("2026-11-20T14:10:00 ", " 2026-11-20T14:10:00", "2026-11-20T14:10:00\n")) {
            for (SessionDocument doc : expiringAt(quoted(raw))) {
                assertEquals(Set.of(DocumentWarning.UNPARSEABLE_TIMESTAMP), doc.warnings(), raw);
                assertTrue(doc.breaksBackend(), raw);
                assertEquals(Optional.empty(), BackendRules.expiredFor(doc, NOW), "never deleted: " + raw);
                assertEquals(List.of(), BackendRules.ruleWarnings(doc, NOW), raw);
                assertFalse(BackendRules.canRead(doc, NOW), raw);
                Phrase why = BackendRules.readProblem(doc, NOW).orElseThrow();
                assertEquals("backend.cannotRead", why.key(), raw);
                assertEquals(DocumentWarning.UNPARSEABLE_TIMESTAMP.phrase(), why.arg(0), raw);
            }
        }
    }

    @Test
    void expiryIsStrictlyAfterAndReadAsPythonReadsIt() throws Exception {
        // the date alone is midnight; seven or more fraction digits are cut to microseconds; week dates are dates
        for (String raw : List.of("2026-11-20", "20261120T141229", "2026-11-20T14:12:29.9999999", "2026-W47-5 14:12",
                "2026-11-20t14:12")) {
            for (SessionDocument doc : expiringAt(quoted(raw))) {
                assertEquals(Set.of(), doc.warnings(), raw);
                assertEquals(List.of("expired"), BackendRules.ruleWarnings(doc, NOW), raw);
            }
        }
        for (SessionDocument doc : expiringAt(quoted("2026-11-20T14:12:30.0000009"))) {
            assertTrue(BackendRules.canRead(doc, NOW), "equal, not after (nanoseconds are cut): the backend keeps it");
            assertFalse(BackendRules.canRead(doc, NOW.plusNanos(1_000)), "a microsecond later it deletes it");
        }
    }

    @Test
    void anExpiryThePythonBackendCannotCompareReadsAsMissingAndIsNeverExpired() throws Exception {
        // aware values (even +00:00) make datetime.now() > value raise TypeError
        for (String raw : List.of("2026-11-20T14:10:00+09:00", "2026-11-20T14:10:00Z", "2026-11-20T14:10:00+00:00",
                "2026-11-20 14:10:00-00:00")) {
            for (SessionDocument doc : expiringAt(quoted(raw))) {
                assertEquals(Set.of(DocumentWarning.OFFSET_TIMESTAMP), doc.warnings(), raw);
                assertEquals(Optional.empty(), doc.backendExpiry(), raw);
                assertEquals(Optional.empty(), BackendRules.expiredFor(doc, NOW), raw);
                assertFalse(BackendRules.canRead(doc, NOW), raw);
            }
        }
        // not a string: fromisoformat raises TypeError, even for a number that reads as a date as text
        for (String json : List.of("20261120", "1.5", "true", "[\"2026-11-20T14:10:00\"]", "{}")) {
            for (SessionDocument doc : expiringAt(json)) {
                assertEquals(Set.of(DocumentWarning.UNPARSEABLE_TIMESTAMP), doc.warnings(), json);
                assertEquals(Optional.empty(), BackendRules.expiredFor(doc, NOW), json);
                assertFalse(BackendRules.canRead(doc, NOW), json);
            }
        }
        for (String json : new String[] {null, "null"}) {
            for (SessionDocument doc : expiringAt(json)) {
                assertEquals(Set.of(DocumentWarning.MISSING_EXPIRES_AT), doc.warnings(), json);
                assertFalse(BackendRules.canRead(doc, NOW), json);
            }
        }
    }

    @Test
    void anOffsetOnlyInATimestampTheBackendNeverComparesBreaksNothing() throws Exception {
        ObjectNode tree = (ObjectNode) MAPPER.readTree(Fixtures.text("01_initiated.json"));
        tree.put(SessionDocument.CREATED_AT, "2026-11-20T05:03:22+00:00");
        tree.put(SessionDocument.UPDATED_AT, "2026-11-20T14:03:22+09:00");
        SessionDocument doc = (SessionDocument) codec.parse(Fixtures.id("01_initiated.json"), tree.toString());
        assertEquals(Set.of(), doc.warnings());
        assertTrue(BackendRules.canRead(doc, LocalDateTime.of(2026, 11, 20, 14, 5)));
    }

    private List<SessionDocument> owned(String id, String partnerJson) throws Exception {
        return docs(id, "partner_id", partnerJson);
    }

    @Test
    void aPartnerIdThatIsNotAStringFailsOwnershipAsPythonsInequalityDoes() throws Exception {
        String hex = "_042896dc1966b8a6214e5383aba5b8b9";
        // "123" as text would pass for the id 123_…; the number 123 never equals the string "123" in Python
        for (String[] c : new String[][] {{"123" + hex, "123"}, {"true" + hex, "true"}, {"welno" + hex, "123"},
                {"welno" + hex, "false"}, {"welno" + hex, "[\"welno\"]"}, {"welno" + hex, "{\"welno\": 1}"},
                {"1.5" + hex, "1.5"}}) {
            for (SessionDocument doc : owned(c[0], c[1])) {
                Phrase why = BackendRules.ownershipProblem(doc).orElseThrow(() -> new AssertionError(c[1]));
                assertEquals("backend.ownership.notText", why.key(), c[1]);
                assertEquals(List.of("partner_id_not_text"), BackendRules.ruleWarnings(doc, LocalDateTime.of(2026,
                        11, 20, 14, 5)), c[1]);
                String words = Words.en(why);
                assertTrue(words.contains("not a string"), words);
                assertFalse(words.contains("{\"welno\"") || words.contains("[\"welno\"]"), "never quoted: " + words);
                assertTrue(BackendRules.canRead(doc, LocalDateTime.of(2026, 11, 20, 14, 5)),
                        "get_session reads it; only simple-auth refuses it");
            }
        }
        for (SessionDocument doc : owned("welno" + hex, "null")) {
            assertEquals("backend.ownership.noPartnerId", BackendRules.ownershipProblem(doc).orElseThrow().key());
            assertEquals(List.of("no_partner_id"), BackendRules.ruleWarnings(doc, LocalDateTime.of(2026, 11, 20, 14,
                    5)));
        }
        for (SessionDocument doc : owned("123" + hex, "\"123\"")) {
            assertEquals(Optional.empty(), BackendRules.ownershipProblem(doc), "a string equal to the prefix passes");
        }
    }

    @Test
    void theConsoleNeverWritesAPartnerIdThatIsNotAString() {
        UserInfo user = new UserInfo("홍길동", "19900101", "01012345678", "M", "0");
        Timestamps timestamps = Timestamps.system();
        JsonNode written = NewSessionDocuments.initiated("welno_x", "welno", user, timestamps).get("partner_id");
        assertTrue(written.isTextual());
        assertThrows(NullPointerException.class,
                () -> NewSessionDocuments.initiated("welno_x", null, user, timestamps));
    }

    /**
     * get_session compares only expires_at: a document without a status is read, reported as "unknown", and moved on by
     * the steps that need none (manual-auth-complete sets one). Only collecting refuses it, by its own rule.
     */
    @Test
    void aDocumentWithoutAStatusIsReadByTheBackend() throws Exception {
        for (String status : new String[] {null, "null"}) {
            for (SessionDocument doc : docs("welno_042896dc1966b8a6214e5383aba5b8b9", SessionDocument.STATUS, status)) {
                assertTrue(doc.status().isMissing());
                assertEquals(Set.of(DocumentWarning.MISSING_STATUS), doc.warnings());
                assertFalse(doc.breaksBackend(), "a warning, not a read the backend fails");
                assertTrue(BackendRules.canRead(doc, NOW));
                assertEquals(Optional.empty(), BackendRules.readProblem(doc, NOW));
            }
        }
    }

    /**
     * A field of the wrong shape makes the value no session for the console (nothing of it is written), but the
     * backend's get_session reads it until its expires_at passes: whether it can is not known here, never "no".
     */
    @Test
    void aDocumentWithAFieldOfTheWrongShapeIsNotSaidUnreadableByTheBackend() {
        for (String field : new String[] {"\"messages\": null", "\"messages\": \"x\"", "\"progress\": []",
                "\"user_info\": null"}) {
            String json = "{\"status\": \"initiated\", \"partner_id\": \"welno\", "
                    + "\"expires_at\": \"2026-11-20T14:13:22\", " + field + "}";
            for (ParsedSession parsed : List.of(codec.parse("welno_x", json.getBytes(StandardCharsets.UTF_8)),
                    codec.parse("welno_x", json))) {
                UnreadableSession value = (UnreadableSession) parsed;
                assertTrue(value.wrongShape(), field);
                assertEquals(null, BackendRules.canRead(value), field);
            }
        }
        UnreadableSession notJson = (UnreadableSession) codec.parse("welno_x", "{\"status\": ");
        assertFalse(notJson.wrongShape());
        assertEquals(Boolean.FALSE, BackendRules.canRead(notJson), "json.loads fails on it too");
    }
}
