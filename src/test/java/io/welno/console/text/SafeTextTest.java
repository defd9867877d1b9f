package io.welno.console.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void ordinaryTextIsReturnedAsItIs() {
        String text = "김하늘님의 인증 세션이 시작되었습니다. C:\\temp \"quoted\" 🙂";
        assertSame(text, SafeText.bounded(text, 500));
        assertSame(text, SafeText.escape(text));
    }

    @Test
    void controlAndInvisibleCharactersAreShownEscaped() {
        assertEquals("a\\nb\\r\\tc", SafeText.escape("a\nb\r\tc"));
        assertEquals("\\u001b[2J\\u001b]0;owned\\u0007", SafeText.escape("\u001b[2J\u001b]0;owned\u0007"));
        assertEquals("\\u007f\\u009b31m", SafeText.escape("\u007f\u009b31m"), "DEL and the 8-bit CSI");
        assertEquals("abc\\u202edcba\\u2066x\\u2069", SafeText.escape("abc\u202edcba\u2066x\u2069"), "bidi");
        assertEquals("a\\u200bb\\ufeff\\u2028\\u2029", SafeText.escape("a\u200bb\ufeff\u2028\u2029"));
        assertEquals("\\u3164", SafeText.escape("\u3164"), "the Hangul filler that makes a name look blank");
        assertEquals("\\udb40\\udc01", SafeText.escape(new String(Character.toChars(0xE0001))), "a tag character");
        assertEquals("x\\ud800y", SafeText.escape("x\ud800y"), "a lone surrogate");
    }

    /**
     * Default-ignorable characters that are marks, not format characters, draw nothing either: a variation selector, the
     * combining grapheme joiner or a Mongolian free variation selector after an id makes it look like another session's
     * id, so they are escaped like the zero-width space. So are the code points Unicode keeps invisible for the future.
     */
    @Test
    void invisibleMarksAndReservedInvisibleCodePointsAreEscaped() {
        assertEquals("welno_a\\ufe0f", SafeText.escape("welno_a\ufe0f"), "a variation selector");
        assertEquals("a\\ufe00b\\u034fc\\u180bd\\u17b4", SafeText.escape("a\ufe00b\u034fc\u180bd\u17b4"));
        assertEquals("x\\udb40\\udd00", SafeText.escape("x" + new String(Character.toChars(0xE0100))),
                "a supplementary variation selector");
        assertEquals("\\u2065\\ufff0", SafeText.escape("\u2065\ufff0"), "reserved default-ignorable");
        assertTrue(SafeText.firstUnsafeTyped("reason \ufe0f") >= 0, "a reason with one after a space is refused");
        assertSame("김하늘 é ü 🙂", SafeText.escape("김하늘 é ü 🙂"), "visible marks and emoji stay as they are");
        String combining = "e\u0301";
        assertSame(combining, SafeText.escape(combining), "a combining accent draws");
    }

    /**
     * Typed text (a reason): an emoji picked with its presentation selector ("✔️" is U+2714 U+FE0F, as emoji pickers
     * and Korean and macOS keyboards insert it) is one character, not hidden text. A selector that belongs to nothing is
     * still found where it stands; shown, such text reads as it was typed, and every other selector stays escaped.
     */
    @Test
    void aPresentationSelectorRightAfterACharacterThatTakesOneIsPartOfItInTypedText() {
        for (String whole : List.of("확인 \u2714\ufe0f", "확인 \u2714\ufe0e 재시도", "\u2764\ufe0f 고객 응대",
                "1\ufe0f\u20e3 두 번째 시도", "\u263a\ufe0f", "#\ufe0f\u20e3")) {
            assertEquals(-1, SafeText.firstUnsafeTyped(whole), SafeText.escape(whole));
        }
        assertEquals(0, SafeText.firstUnsafeTyped("\ufe0f확인"), "alone at the start");
        assertEquals(3, SafeText.firstUnsafeTyped("확인 \ufe0f"), "after a space");
        assertEquals(5, SafeText.firstUnsafeTyped("확인 \u2714\ufe0f\ufe0f"), "a second one in a row");
        assertEquals(1, SafeText.firstUnsafeTyped("a\ufe0f"), "after a letter that takes none");
        assertEquals(1, SafeText.firstUnsafeTyped("가\ufe0f"), "after a Hangul syllable that takes none");
        assertEquals(1, SafeText.firstUnsafeTyped("\u2714\ufe00"), "a selector emoji do not take");
        assertEquals(2, SafeText.firstUnsafeTyped("🙂" + new String(Character.toChars(0xE0100))),
                "a supplementary selector");
        assertEquals(1, SafeText.firstUnsafeTyped("1\ufe0f 번"), "after a digit that is no keycap: it draws nothing");
        assertEquals("확인 \u2714\ufe0f", SafeText.escape("확인 \u2714\ufe0f"), "shown as it was typed");
        assertEquals("1\ufe0f\u20e3", SafeText.escape("1\ufe0f\u20e3"), "a keycap as it was typed");
        assertEquals("welno_1\\ufe0f", SafeText.escape("welno_1\ufe0f"), "after an id's digit it is shown escaped");
        assertEquals("확인 \\ufe0f", SafeText.escape("확인 \ufe0f"), "after a space it is shown escaped");
        assertTrue(SafeText.firstUnsafe("확인 \u2714\ufe0f") >= 0, "names, URLs and prefixes still refuse every one");
    }

    @Test
    void noEscapedTextHoldsAnUnsafeCharacter() {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp < 0x30000; cp++) {
            if (!Character.isSurrogate((char) cp) || cp > 0xFFFF) {
                all.appendCodePoint(cp);
            }
        }
        String escaped = SafeText.escape(all.toString());
        assertEquals(-1, SafeText.firstUnsafe(escaped));
    }

    @Test
    void longTextsAreCutWithAnEllipsisNeverInsideAnEscapeOrAPair() {
        String cut = SafeText.bounded("x".repeat(1_000_000), 80);
        assertEquals(80, cut.length());
        assertTrue(cut.endsWith(SafeText.ELLIPSIS));
        assertEquals("ab…", SafeText.bounded("ab\u001bcdef", 5), "the 6-character escape does not fit");
        assertEquals("a🙂…", SafeText.bounded("a🙂🙂🙂", 4));
        assertEquals("a\\nb", SafeText.bounded("a\nb", 4), "fits exactly, escaped");
        assertEquals("abcd", SafeText.bounded("abcd", 4));
    }

    @Test
    void excerptsSayHowLongTheWholeWas() {
        assertEquals("aaaaaaa… (1048576 characters)", SafeText.excerpt("a".repeat(1 << 20), 8));
        assertEquals("short", SafeText.excerpt("short", 8));
    }

    @Test
    void multiLineViewsKeepTheirLinesButNotTheRest() {
        assertEquals("{\n\t\"a\": \"\\u001b[2J\\u202e\"\n}", SafeText.escapeKeepingLines("{\n\t\"a\": \"\u001b[2J\u202e\"\n}"));
    }

    @Test
    void jsonStaysTheSameValueButPrintsNoRawControl() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String value = "evil\u001b[2J\u009b\u007f\u202e\u2028ok🙂" + new String(Character.toChars(0xE0041));
        String json = mapper.writeValueAsString(java.util.Map.of("name", value));
        String safe = SafeText.json(json);
        assertEquals(-1, SafeText.firstUnsafe(safe), safe);
        assertEquals(value, mapper.readTree(safe).get("name").asText());
        String plain = "{\"name\":\"김하늘\"}";
        assertSame(plain, SafeText.json(plain));
    }

    /** A stored value's raw carriage returns between tokens would overprint a terminal's line: line breaks instead. */
    @Test
    void jsonWhitespaceCarriageReturnsBecomeLineBreaks() throws Exception {
        String stored = "{\"status\": \"error\",\r\"name\": \"x\"\r\n}";
        String safe = SafeText.json(stored);
        assertEquals("{\"status\": \"error\",\n\"name\": \"x\"\n}", safe);
        ObjectMapper mapper = new ObjectMapper();
        assertEquals(mapper.readTree(stored), mapper.readTree(safe));
        String pretty = "{\n\t\"a\": 1\n}";
        assertSame(pretty, SafeText.json(pretty));
    }

    @Test
    void firstUnsafeFindsThePosition() {
        assertEquals(-1, SafeText.firstUnsafe("fine 사유"));
        assertEquals(4, SafeText.firstUnsafe("line\nbreak"));
        assertFalse(SafeText.isUnsafe('a'));
        assertTrue(SafeText.isUnsafe(0x9b));
    }
}
