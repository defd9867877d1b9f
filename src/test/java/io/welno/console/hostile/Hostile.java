package io.welno.console.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.TestRows;
import io.welno.console.text.SafeText;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Text an attacker (or a broken client) can put into Redis or type: terminal escape sequences, forged lines,
 * bidi overrides, invisible characters. The sessions carry them in every field a person sees.
 */
public final class Hostile {

    public static final String CLEAR_SCREEN = "\u001b[2J\u001b[H";
    public static final String SET_TITLE = "\u001b]0;owned\u0007";
    public static final String HYPERLINK = "\u001b]8;;http://evil.example/\u001b\\click\u001b]8;;\u001b\\";
    public static final String FORGED_ROW = "\nFORGED 2026-01-01 00:00:00 root complete APPLIED";
    public static final String ERASE_LINE = "\r\u001b[Kover";
    public static final String BIDI = "\u202egnp.exe\u202c \u2066iso\u2069";
    public static final String C1 = "\u009b31m\u0090";
    public static final String C0 = "\u007f\u0000\u0008\u0007";
    public static final String INVISIBLE = "\u200b\ufeff\u2028\u2029\u3164";
    public static final List<String> PAYLOADS = List.of(CLEAR_SCREEN, SET_TITLE, HYPERLINK, FORGED_ROW, ERASE_LINE, BIDI, C1,
            C0, INVISIBLE);
    public static final String ALL = String.join("", PAYLOADS);

    /** The start of the forged row: it must never begin a line of any output. */
    public static final String FORGED = "FORGED ";

    /** The person's data in the hostile sessions, which must never show unmasked. */
    public static final String NAME = "배수지";
    public static final String PHONE = "01098765432";
    public static final String BIRTHDATE = "19860517";
    public static final String TOKEN = "tok.SECRET.aG9zdGlsZQ";

    private Hostile() {
    }

    /** A readable session with the payloads in its name, partner, status, timestamps and messages. */
    public static ObjectNode session(String id, LocalDateTime created) {
        ObjectNode doc;
        try {
            doc = (ObjectNode) new ObjectMapper().readTree(TestRows.session(id, "auth_request_sent", created)
                    .requested(created).json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        doc.put("partner_id", "partner" + ALL);
        ObjectNode user = (ObjectNode) doc.get("user_info");
        // invisible characters around the name: it still reads (and must be masked) as the name
        user.put("name", "\u202e" + NAME + "\u200b\u0007");
        user.put("birthdate", BIRTHDATE);
        user.put("phone_no", PHONE);
        ObjectNode temp = (ObjectNode) doc.get("temp_auth_data");
        temp.put("cxId", "CX" + TOKEN);
        temp.put("token", TOKEN);
        ArrayNode messages = doc.putArray("messages");
        ObjectNode plain = messages.addObject();
        plain.put("timestamp", Timestamps.format(created) + CLEAR_SCREEN);
        plain.put("type", "info" + C1);
        plain.put("message", NAME + "님 " + ALL + " 010-9876-5432");
        ObjectNode object = messages.addObject();
        object.put("timestamp", Timestamps.format(created.plusSeconds(5)));
        object.put("type", "error");
        ObjectNode body = object.putObject("message");
        body.put("title", "title" + FORGED_ROW + BIDI);
        body.put("message", "body" + HYPERLINK);
        body.put("type", "kind" + ERASE_LINE);
        return doc;
    }

    /** A session whose status is no status the backend writes, made of escape sequences. */
    public static ObjectNode oddStatus(String id, LocalDateTime created) {
        ObjectNode doc = session(id, created);
        doc.put("status", "weird" + CLEAR_SCREEN + FORGED_ROW);
        return doc;
    }

    /** A value that is not a readable session but holds a person's data in every spelling. */
    public static String unreadable(String id) {
        return "{\"session_id\": \"" + id + "\", \"user_info\": {\"name\": \"" + NAME + "\", \"birthdate\": \""
                + BIRTHDATE + "\", \"phone_no\": \"" + PHONE + "\"}, \"messages\": [{\"message\": \"" + NAME
                + "님 010-9876-5432 생일 " + BIRTHDATE + " 주민 860517-2345678 \u001b[2J\"}], \"temp_auth_data\": "
                + "{\"token\": \"" + TOKEN + "\", \"cxId\": \"CX" + TOKEN;
    }

    /** The same data inside a JSON string, as a backend that encodes twice would store it. */
    public static String doubleEncoded(String id) {
        String inner = "{\"session_id\": \"" + id + "\", \"user_info\": {\"name\": \"" + NAME + "\", \"phone_no\": \""
                + PHONE + "\", \"birthdate\": \"" + BIRTHDATE + "\"}, \"temp_auth_data\": {\"token\": \"" + TOKEN + "\"}}";
        return JsonNodeFactory.instance.textNode(inner).toString();
    }

    public static List<String> secrets() {
        return List.of(NAME, PHONE, "010-9876-5432", BIRTHDATE, TOKEN, "860517-2345678");
    }

    /** No line of the output holds a character a terminal would obey, and no line is a forged one. */
    public static void assertNothingRaw(String output, String where) {
        List<String> bad = new ArrayList<>();
        for (String line : output.split("\n", -1)) {
            int at = SafeText.firstUnsafe(line);
            if (at >= 0) {
                bad.add("U+" + Integer.toHexString(line.codePointAt(at)) + " in: " + SafeText.bounded(line, 200));
            }
            if (line.startsWith(FORGED)) {
                bad.add("a forged line: " + SafeText.bounded(line, 200));
            }
        }
        assertEquals(List.of(), bad, where);
    }

    public static void assertNoSecret(String output, String where) {
        for (String secret : secrets()) {
            assertFalse(output.contains(secret), where + ": " + secret + " in " + SafeText.bounded(output, 2000));
        }
    }

    /**
     * Whether the character at {@code i} must never stand raw in a terminal, a log line or the window, judged by a rule
     * of its own rather than {@link SafeText}'s: C0 and C1 controls, format characters (bidi overrides and isolates,
     * zero-width characters, the byte-order mark, tags, and those Unicode 14 and 15 added, which the JDK's own tables may
     * not know), line and paragraph separators, the Hangul fillers and halves of no surrogate pair. Allowed, as
     * everyday emoji need them: a zero-width joiner between two symbols (👨‍👩‍👧) and tags after a black flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿).
     */
    public static boolean forbidden(String text, int i) {
        char c = text.charAt(i);
        if (c == '\u200d') {
            return !(symbolEndsBefore(text, i) && i + 1 < text.length()
                    && Character.getType(text.codePointAt(i + 1)) == Character.OTHER_SYMBOL);
        }
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < text.length() && isTag(text.codePointAt(i)) && followsBlackFlag(text, i)) {
                return false;
            }
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    || forbiddenCodePoint(text.codePointAt(i));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return forbiddenCodePoint(c);
    }

    /** Whether a symbol (with its presentation selector or skin tone, if any) ends right before {@code i}. */
    private static boolean symbolEndsBefore(String text, int i) {
        int at = i;
        while (at > 0) {
            int cp = text.codePointBefore(at);
            if (cp == 0xfe0f || cp >= 0x1f3fb && cp <= 0x1f3ff) {
                at -= Character.charCount(cp);
            } else {
                return Character.getType(cp) == Character.OTHER_SYMBOL;
            }
        }
        return false;
    }

    private static boolean isTag(int cp) {
        return cp >= 0xe0020 && cp <= 0xe007f;
    }

    private static boolean followsBlackFlag(String text, int i) {
        int at = i;
        while (at > 0 && isTag(text.codePointBefore(at))) {
            at -= 2;
        }
        return at > 0 && text.codePointBefore(at) == 0x1f3f4;
    }

    private static boolean forbiddenCodePoint(int cp) {
        int type = Character.getType(cp);
        return cp < 0x20 || cp >= 0x7f && cp <= 0x9f || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || cp >= 0x202a && cp <= 0x202e || cp >= 0x2066 && cp <= 0x2069
                || cp == 0x3164 || cp == 0x115f || cp == 0xffa0 || cp >= 0xe0000 && cp <= 0xe0fff
                || cp == 0x0890 || cp == 0x0891 || cp >= 0x13439 && cp <= 0x1343f; // format since Unicode 14 and 15
    }

    /**
     * No line of {@code output} holds a {@link #forbidden} character (a tab only where {@code tabs}: a trace's frames),
     * and none is a forged one.
     */
    public static void assertNothingForbidden(String output, String where, boolean tabs) {
        List<String> bad = new ArrayList<>();
        for (String line : output.split("\n", -1)) {
            for (int i = 0; i < line.length(); i++) {
                if (forbidden(line, i) && !(tabs && line.charAt(i) == '\t')) {
                    bad.add("U+" + Integer.toHexString(line.charAt(i)) + " at " + i + " in: "
                            + SafeText.bounded(line, 300));
                    break;
                }
            }
            if (line.startsWith("FORGED")) {
                bad.add("a forged line: " + SafeText.bounded(line, 300));
            }
        }
        assertEquals(List.of(), bad, where);
    }
}
