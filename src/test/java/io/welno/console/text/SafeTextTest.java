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

    /** For an edit field: text that hides nothing stays as it is, blank edges too; text that hides gets escaped. */
    @Test
    void onlyTextThatHidesSomethingIsEscapedForAField() {
        String spaced = " ops test ";
        assertSame(spaced, SafeText.escapeIfHiding(spaced));
        assertEquals("ops\\u202etset-dorp", SafeText.escapeIfHiding("ops\u202etset-dorp"));
        assertEquals(null, SafeText.escapeIfHiding(null));
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
     * Format characters are escaped whatever the JDK's Unicode tables: the nine Unicode 14 and 15 added are unassigned
     * to Java 17 (Unicode 13), so an id ending in one passed raw there while a terminal that knows them obeys them, and
     * the same text was escaped on Java 21. Found by HostileFuzzTest.
     */
    @Test
    void formatCharactersNewerThanTheJdksUnicodeAreEscapedToo() {
        assertEquals("welno_1\\u0890", SafeText.escape("welno_1\u0890"), "ARABIC POUND MARK ABOVE (Unicode 14)");
        assertEquals("welno_1\\u0891", SafeText.escape("welno_1\u0891"));
        for (int cp = 0x13439; cp <= 0x1343F; cp++) { // Egyptian hieroglyph format controls (Unicode 15)
            String text = "welno_1" + new String(Character.toChars(cp));
            assertEquals(7, SafeText.firstUnsafe(text), Integer.toHexString(cp));
            assertEquals(String.format("welno_1\\u%04x\\u%04x", (int) text.charAt(7), (int) text.charAt(8)),
                    SafeText.escape(text));
        }
        assertEquals("{\"id\":\"welno_1\\u0890\"}", SafeText.json("{\"id\":\"welno_1\u0890\"}"), "and in JSON output");
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

    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👨‍👩‍👧
    private static final String HEART_ON_FIRE = "\u2764\uFE0F\u200D\uD83D\uDD25"; // ❤️‍🔥
    private static final String CODER = "\uD83E\uDDD1\u200D\uD83D\uDCBB"; // 🧑‍💻
    private static final String BLACK_FLAG = "\uD83C\uDFF4";
    private static final String CANCEL_TAG = new String(Character.toChars(0xE007F));

    /** The tag characters that spell {@code ascii} (U+E0000 plus each ASCII code). */
    private static String tags(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.appendCodePoint(0xE0000 + c));
        return out.toString();
    }

    /**
     * What phones and emoji pickers produce every day: ZWJ sequences (a joiner between two emoji), a subdivision flag
     * (tags after the black flag, ended by the cancel tag) and the standardized variants of CJK compatibility
     * ideographs (U+6A02 U+FE00 is the variant of U+F914) are typed, shown and kept as they are.
     */
    @Test
    void wellFormedEmojiSequencesAndIdeographVariantsAreTypedAndShownAsTheyAre() {
        String scotland = BLACK_FLAG + tags("gbsct") + CANCEL_TAG;
        String toned = "\uD83D\uDC68\uD83C\uDFFD\u200D\uD83D\uDCBB"; // 👨🏽‍💻: a skin tone before the joiner
        String rainbow = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08"; // 🏳️‍🌈
        String runner = "\uD83C\uDFC3\u200D\u2640\uFE0F"; // 🏃‍♀️
        for (String whole : List.of("가족 " + FAMILY + " 확인", HEART_ON_FIRE + " 급함", CODER, toned, rainbow, runner,
                scotland + " 지점", "\u6A02\uFE00", "\u6A02\uFE02 음악", "\u349E\uFE00")) {
            assertEquals(-1, SafeText.firstUnsafeTyped(whole), SafeText.escape(whole));
            assertSame(whole, SafeText.escape(whole), "shown as it was typed");
            assertEquals(whole + " 끝", SafeText.bounded(whole + " 끝", 200));
        }
    }

    /** Every joiner, tag or variation selector that is not part of such a sequence is still found and escaped. */
    @Test
    void strayJoinersTagsAndVariationSelectorsAreStillRefusedAndEscaped() {
        String thumb = "\uD83D\uDC4D";
        assertEquals(0, SafeText.firstUnsafeTyped("\u200D" + thumb), "a joiner at the start");
        assertEquals(2, SafeText.firstUnsafeTyped(thumb + "\u200D"), "at the end");
        assertEquals(1, SafeText.firstUnsafeTyped("a\u200Db"), "between letters");
        assertEquals(2, SafeText.firstUnsafeTyped(thumb + "\u200Da"), "before a letter");
        assertEquals(1, SafeText.firstUnsafeTyped("a\u200D" + thumb), "after a letter");
        assertEquals(2, SafeText.firstUnsafeTyped(thumb + "\u200D\u200D" + thumb), "two joiners in a row");
        assertEquals(3, SafeText.firstUnsafeTyped(thumb + " \u200D" + thumb), "after a space");
        assertEquals(1, SafeText.firstUnsafeTyped("1\u200D" + thumb), "after a digit");
        assertEquals(2, SafeText.firstUnsafeTyped("\uD83D\uDE42" + tags("gbsct") + CANCEL_TAG), "tags after a smiley");
        assertEquals(1, SafeText.firstUnsafeTyped("x" + tags("gbsct") + CANCEL_TAG), "tags after a letter");
        assertEquals(2, SafeText.firstUnsafeTyped(BLACK_FLAG + tags("gbsct")), "no cancel tag");
        assertEquals(2, SafeText.firstUnsafeTyped(BLACK_FLAG + CANCEL_TAG), "no subdivision");
        assertEquals(2, SafeText.firstUnsafeTyped(BLACK_FLAG + tags("GBSCT") + CANCEL_TAG), "not a subdivision code");
        assertEquals(2, SafeText.firstUnsafeTyped(BLACK_FLAG + tags("ignore all") + CANCEL_TAG),
                "hidden words longer than any subdivision code");
        assertEquals(14, SafeText.firstUnsafeTyped(BLACK_FLAG + tags("gbsct") + CANCEL_TAG + CANCEL_TAG),
                "a second cancel tag");
        assertEquals(0, SafeText.firstUnsafeTyped(CANCEL_TAG), "a lone cancel tag");
        assertEquals(1, SafeText.firstUnsafeTyped("\u6A02\uFE03"), "a variant Unicode does not define");
        assertEquals(1, SafeText.firstUnsafeTyped("\u4E00\uFE00"), "an ideograph without variants");
        assertEquals(1, SafeText.firstUnsafeTyped("가\uFE00"), "after a Hangul syllable");
        assertEquals(1, SafeText.firstUnsafeTyped("\u2229\uFE00"), "a mathematical variant is left out: narrow");
        assertEquals(0, SafeText.firstUnsafeTyped("\uFE01"), "a lone selector");
        assertEquals("a\\u200db", SafeText.escape("a\u200Db"));
        assertEquals(thumb + "\\u200d", SafeText.escape(thumb + "\u200D"));
        assertEquals("\u4E00\\ufe00", SafeText.escape("\u4E00\uFE00"));
        assertTrue(SafeText.firstUnsafe(FAMILY) >= 0, "names, URLs and prefixes still refuse every joiner");
    }

    /**
     * A cut never splits a grapheme cluster: cut inside a ZWJ sequence it left a trailing joiner (escaped on screen,
     * refused in a reason), inside a flag an unterminated tag run. The whole cluster goes, unless it is all there is.
     */
    @Test
    void aCutNeverSplitsAGraphemeCluster() {
        assertEquals("ab…", SafeText.bounded("ab" + FAMILY + "cd", 8));
        assertEquals("ab…", SafeText.bounded("ab" + BLACK_FLAG + tags("gbsct") + CANCEL_TAG + "cd", 10));
        assertEquals("ab" + FAMILY + "…", SafeText.bounded("ab" + FAMILY + "cdef", 11));
        assertEquals("a\u0301\u0301…", SafeText.bounded("a" + "\u0301".repeat(10), 4),
                "one cluster longer than the bound is cut between code points");
        assertEquals(197, SafeText.cutPoint("x".repeat(197) + FAMILY, 200));
        assertEquals(200, SafeText.cutPoint("x".repeat(210), 200));
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

    /**
     * What draws a value shorter or emptier than it is is shown: the Braille blank anywhere (a symbol, not a space,
     * and no session field holds Braille), and a space other than U+0020 at a value's start or end, or a value of
     * nothing but spaces. Between visible characters a space is text: U+3000 is ordinary in Korean text.
     */
    @Test
    void blanksThatHideAValueAreShownButSpacesInsideTextAreText() {
        assertEquals("welno_a\\u2800", SafeText.escape("welno_a\u2800"));
        assertEquals("\\u2800\\u2800", SafeText.bounded("\u2800\u2800", SafeText.FIELD));
        assertEquals("welno_a\\u3000", SafeText.escape("welno_a\u3000"), "not the session welno_a");
        assertEquals("\\u3000\\u3000", SafeText.escape("\u3000\u3000"), "not an empty name");
        assertEquals("\\u2003welno_a\\u205f", SafeText.bounded("\u2003welno_a\u205f", SafeText.FIELD));
        assertEquals("\\u00a0x", SafeText.escape("\u00a0x"));
        assertEquals("\\u0020\\u0020", SafeText.escape("  "), "a value of spaces");
        assertEquals("\\u3164\\u3164", SafeText.escape("\u3164\u3164"), "Hangul fillers, as before");
        assertEquals("홍길동\u3000님", SafeText.escape("홍길동\u3000님"), "an ideographic space inside Korean text");
        assertEquals("a\u2003b c", SafeText.escape("a\u2003b c"), "typographic and ASCII spaces inside are text");
        assertEquals(-1, SafeText.firstUnsafe("a\u3000b"));
        assertTrue(SafeText.firstUnsafe("operator\u2800") >= 0, "an operator name refuses the Braille blank");
    }

    /**
     * An ASCII space at a value's start or end draws nothing either: "welno_a " listed, shown and logged as the
     * session welno_a, and " welno_a" only as far in as the column began. It is shown like the other spaces there,
     * whether the value is bounded or whole, and a space between visible characters stays text.
     */
    @Test
    void anAsciiSpaceAtAnEdgeIsShown() {
        assertEquals("welno_a\\u0020", SafeText.escape("welno_a "), "not the session welno_a");
        assertEquals("\\u0020welno_a", SafeText.bounded(" welno_a", SafeText.FIELD));
        assertEquals("\\u0020\\u0020welno_a\\u0020\\u3000", SafeText.escape("  welno_a \u3000"));
        assertEquals("김*늘 님", SafeText.escape("김*늘 님"), "a space inside is text");
        assertEquals("a\\tb\\u0020", SafeText.bounded("a\tb ", 10));
        assertEquals("x".repeat(7) + SafeText.ELLIPSIS, SafeText.bounded("x".repeat(7) + " " + "y".repeat(5), 8),
                "a space cut off is no edge of what is shown");
    }

    /**
     * One spelling for every escape the CLI prints: Jackson writes C0 controls in capitals, SafeText and Python in
     * small letters, so a line of {@code --json} held both and a search for one missed the other. An escaped
     * backslash before a "u" is text, and stays as it is.
     */
    @Test
    void jsonSpellsEveryEscapeInSmallLetters() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String value = "evil\u001b[2J\u202e \\u00AB";
        String json = mapper.writeValueAsString(java.util.Map.of("name", value));
        assertTrue(json.contains("\\u001B"), "Jackson's own spelling: " + json);
        assertEquals("{\"name\":\"evil\\u001b[2J\\u202e \\\\u00AB\"}", SafeText.json(json));
        assertEquals(value, mapper.readTree(SafeText.json(json)).get("name").asText());
        assertEquals("{\"a\":\"\\u00ab\\\\\\u00ab\"}", SafeText.json("{\"a\":\"\\u00AB\\\\\\u00Ab\"}"),
                "a stored value's escapes, after an escaped backslash too");
        String literal = mapper.writeValueAsString(java.util.Map.of("name", "C:\\u00AB"));
        assertEquals("{\"name\":\"C:\\\\u00AB\"}", literal, "a backslash and the text u00AB, no escape");
        assertSame(literal, SafeText.json(literal), "nothing to change: the text after an escaped backslash is text");
        assertEquals("C:\\u00AB", mapper.readTree(SafeText.json(literal)).get("name").asText());
    }

    /**
     * Safe for a terminal whatever it is handed: the four characters after a {@code \}{@code u} are judged one by
     * one, so a control among them (text that is no JSON) is escaped as anywhere else, not passed raw with the
     * escape's digits.
     */
    @Test
    void jsonEscapesAControlWhereAnEscapesDigitsWouldBe() {
        assertEquals("\\u00ab \\u\\u001b]0;x\\u0007", SafeText.json("\\u00AB \\u\u001b]0;x\u0007"));
        assertEquals("\\u00ab\\u\n\\u202e", SafeText.json("\\u00AB\\u\r\u202e"));
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
