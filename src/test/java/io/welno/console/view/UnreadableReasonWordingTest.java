package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.UnreadableSession;
import io.welno.console.testing.Fixtures;
import io.welno.console.text.Phrase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Unreadable values carry codes, and words come only from the bundles: every {@code unreadable.*} key the reading
 * code names exists in both languages, and what the parser says about real bad values reads as a whole sentence in
 * each, with its position, length or kind filled in.
 */
class UnreadableReasonWordingTest {

    private static final Path SOURCES = Path.of("src/main/java/io/welno/console");
    private static final Pattern KEY = Pattern.compile("\"(unreadable\\.[A-Za-z.]+)\"");

    private final SessionCodec codec = new SessionCodec();
    private final Wording english = Wording.window(new BundleTexts(Locale.ENGLISH));
    private final Wording korean = Wording.window(new BundleTexts(Locale.KOREAN));

    @Test
    void everyReasonTheReadersNameIsInBothBundles() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String dir : List.of("session", "store", "live")) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(dir))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY.matcher(Files.readString(file));
                    while (m.find()) {
                        if (!m.group(1).endsWith(".")) {
                            keys.add(m.group(1));
                        }
                    }
                }
            }
        }
        for (String kind : List.of("array", "string", "number", "boolean", "null", "object", "other")) {
            keys.add("unreadable.kind." + kind);
        }
        assertTrue(keys.size() > 10, "found " + keys);
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            for (BundleTexts texts : List.of(new BundleTexts(Locale.ENGLISH), new BundleTexts(Locale.KOREAN))) {
                if (!texts.has(key)) {
                    missing.add(key + " (" + texts.locale() + ")");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void realReasonsReadAsSentencesInEitherLanguage() {
        List<Phrase> reasons = new ArrayList<>();
        for (String fixture : Fixtures.MALFORMED) {
            reasons.add(reason(Fixtures.text(fixture).getBytes(StandardCharsets.UTF_8)));
        }
        reasons.add(reason(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '@', '"', '}'}));
        reasons.add(reason("{\"x\": 1} trailing".getBytes(StandardCharsets.UTF_8)));
        reasons.add(reason(("{\"x\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}").getBytes(StandardCharsets.UTF_8)));
        reasons.add(reason("{\"progress\": 3}".getBytes(StandardCharsets.UTF_8)));
        reasons.add(reason("{\"h\": -INF}".getBytes(StandardCharsets.UTF_8)));
        reasons.add(Phrase.of("unreadable.notString", io.welno.console.store.SessionReader.typeName("hash")));
        reasons.add(Phrase.of("unreadable.tooLarge", 513L, 64));
        reasons.add(Phrase.of("unreadable.redisError", Phrase.of("store.failure.timeout")));
        reasons.add(Phrase.of("unreadable.empty"));
        reasons.add(Phrase.of("unreadable.keyNotUtf8"));
        for (String bad : PARSER_COMPLAINTS.keySet()) {
            reasons.add(reason(bad.getBytes(StandardCharsets.UTF_8)));
        }

        for (Phrase reason : reasons) {
            for (Wording wording : List.of(english, korean)) {
                String text = wording.render(reason);
                assertFalse(text.contains("!unreadable."), reason + ": " + text);
                assertFalse(text.contains("{"), reason + " leaves a placeholder: " + text);
                assertTrue(text.endsWith("."), reason + " is a whole sentence: " + text);
                if (wording == korean) {
                    String english = text.replaceAll("JSON|UTF-8|Redis|MB|U\\+[0-9A-F]{4}|'[^']*'|\"[^\"]*\"", "");
                    assertFalse(english.matches("(?s).*[A-Za-z]{3,}.*"), "English in Korean: " + text);
                }
                // The window's frames put the reason between sentences of their own.
                for (String frame : List.of("detail.unreadable", "detail.refused", "store.unreadable", "flow.unreadable")) {
                    String framed = wording.render(Phrase.of(frame, reason));
                    assertFalse(framed.contains(".."), framed);
                    assertTrue(framed.endsWith("."), framed);
                }
            }
        }
        assertEquals("Truncated JSON: the value ends after 700 characters, inside a string or object.",
                english.render(Phrase.of("unreadable.truncated", 700)));
        assertEquals("\"messages\" 필드가 목록이 아니라 문자열입니다. 백엔드가 메시지를 추가하지 못합니다.",
                korean.render(Phrase.of("unreadable.notList", "messages", Phrase.of("unreadable.kind.string"))));
        assertEquals("JSON이지만 객체가 아닙니다(배열).",
                korean.render(Phrase.of("unreadable.notObject", Phrase.of("unreadable.kind.array"))));
        assertTrue(english.render(Phrase.of("unreadable.tooLarge", 513L, 64)).startsWith("Too large to parse: 513 MB"));
    }

    /** Values the parser refuses, and how the English window says why (the Korean one has words of its own). */
    private static final java.util.Map<String, String> PARSER_COMPLAINTS = java.util.Map.of(
            "{'a': 1}", "Not valid JSON (line 1, column 2): unexpected character '''.",
            "{\"a\": tru}", "Not valid JSON (line 1, column 7): unknown word 'tru'.",
            "[1, 2}", "Not valid JSON (line 1, column 6): '}' with nothing open to close.",
            "{\"a\": \"x\u0001y\"}", "Not valid JSON (line 1, column 9): control character U+0001 inside a string,"
                    + " where it must be escaped.",
            "{\"a\": 1 \u200b}", "Not valid JSON (line 1, column 9): unexpected character U+200B.");

    @Test
    void theParsersUsualComplaintsHaveWordsOfTheirOwn() {
        List<String> wrong = new ArrayList<>();
        PARSER_COMPLAINTS.forEach((bad, said) -> {
            Phrase reason = reason(bad.getBytes(StandardCharsets.UTF_8));
            if (!said.equals(english.render(reason))) {
                wrong.add(bad + " -> " + english.render(reason));
            }
            assertTrue(korean.render(reason).startsWith("올바른 JSON이 아닙니다"), korean.render(reason));
        });
        assertEquals(List.of(), wrong);
        // Anything else keeps the parser's words in English and is "a syntax error" in Korean.
        Phrase other = Phrase.of("unreadable.syntax", 1, 2, Phrase.of("unreadable.syntax.parser", "Odd thing"));
        assertEquals("Not valid JSON (line 1, column 2): Odd thing.", english.render(other));
        assertEquals("올바른 JSON이 아닙니다(1행 2열): 구문 오류.", korean.render(other));
    }

    /**
     * NaN and the infinities are what Python's json writes for a float that is not finite, and what it reads back: the
     * console reads them too (docs/backend-protocol.md, "Numbers"). The other spellings the parser knows (+Infinity,
     * +INF, -INF), which Python refuses, are unreadable, and the reason says what the word is, not which switch of the
     * parser would accept it (an operator cannot flip it). A number past the parser's length bound says the bound in
     * the same plain words.
     */
    @Test
    void pythonsNonFiniteNumbersAndOverlongNumbersAreSaidPlainly() {
        for (String word : List.of("NaN", "Infinity", "-Infinity")) {
            byte[] raw = ("{\"session_id\": \"x\", \"h\": " + word + "}").getBytes(StandardCharsets.UTF_8);
            assertTrue(codec.parse("x", raw) instanceof io.welno.console.session.SessionDocument, word);
        }
        for (String word : List.of("+Infinity", "+INF", "-INF")) {
            Phrase reason = reason(("{\"session_id\": \"x\", \"h\": " + word + "}").getBytes(StandardCharsets.UTF_8));
            String en = english.render(reason);
            assertEquals("Not valid JSON (line 1, column 26): '" + word + "', a spelling of a number that is not finite"
                    + " which Python's json does not read (it reads NaN, Infinity and -Infinity).", en);
            String ko = korean.render(reason);
            assertTrue(ko.contains("'" + word + "'(유한하지 않은 수를 나타내지만 파이썬이 JSON에서 읽는 표기와 달라서"), ko);
        }
        Phrase limit = reason(("{\"n\": " + "9".repeat(2_000) + "}").getBytes(StandardCharsets.UTF_8));
        String en = english.render(limit);
        assertFalse(en.contains("`") || en.contains("StreamReadConstraints"), en);
        assertTrue(en.contains("(Number value length (2000) exceeds the maximum allowed (1000))"), en);
    }

    private Phrase reason(byte[] raw) {
        return ((UnreadableSession) codec.parse("x", raw)).reason();
    }
}
