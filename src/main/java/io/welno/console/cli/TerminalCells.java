package io.welno.console.cli;

import io.welno.console.text.Graphemes;

/**
 * How wide a text is on a terminal, counted per grapheme cluster (what the terminal draws as one thing): East Asian
 * wide characters (Hangul, Han, kana, full-width forms, emoji drawn as emoji) take two cells, the rest one. Inside a
 * cluster what draws onto the character before it takes none: combining marks, a Hangul syllable's vowel and final
 * consonant written as jamo (macOS writes names so), variation selectors, a skin tone, a subdivision flag's tags, and
 * the emoji after a zero-width joiner ("👨‍👩‍👧" is one emoji, two cells); an emoji presentation selector makes its
 * cluster two cells ("✔️", "1️⃣"), and two regional indicators are one flag of two. A column padded by characters, or
 * by code points, came out short or long by as many cells, so the columns after such a name did not line up with the
 * header. The text measured is already escaped ({@code SafeText}): what is left raw is drawn.
 */
final class TerminalCells {

    private static final int ZWJ = 0x200D;
    private static final int EMOJI_PRESENTATION = 0xFE0F;

    /**
     * The East Asian Wide and Fullwidth ranges a session field can hold (Unicode 15's EastAsianWidth.txt, W and F),
     * first and last code point of each, in order; the emoji among them are those drawn as emoji without a selector.
     */
    private static final int[] WIDE = {
            0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
            0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
            0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA,
            0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
            0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
            0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
            0x2E80, 0x303E, // CJK radicals, symbols and punctuation (the ideographic space included)
            0x3041, 0x33FF, // kana, Hangul compatibility jamo, CJK compatibility
            0x3400, 0x4DBF, 0x4E00, 0x9FFF, // CJK extension A, unified ideographs
            0xA960, 0xA97F, // Hangul jamo extended A (leading consonants)
            0xAC00, 0xD7A3, // Hangul syllables
            0xF900, 0xFAFF, 0xFE30, 0xFE4F, 0xFF00, 0xFF60, 0xFFE0, 0xFFE6, // compatibility, full-width forms
            0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F202,
            0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251, 0x1F260, 0x1F265,
            0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA,
            0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440,
            0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A,
            0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC,
            0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DC, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC,
            0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1F9FF,
            0x1FA70, 0x1FA7C, 0x1FA80, 0x1FA88, 0x1FA90, 0x1FABD, 0x1FABF, 0x1FAC5, 0x1FACE, 0x1FADB,
            0x1FAE0, 0x1FAE8, 0x1FAF0, 0x1FAF8,
            0x20000, 0x3FFFD // CJK extensions B and later
    };

    private TerminalCells() {
    }

    /** {@code text} followed by spaces up to {@code cells} terminal cells (as it is when it is already wider). */
    static String padRight(String text, int cells) {
        int width = width(text);
        return width >= cells ? text : text + " ".repeat(cells - width);
    }

    static int width(String text) {
        if (Graphemes.oneCharEach(text)) {
            // Latin text, ids, escapes and names in Hangul syllables, nearly every row: no segmentation needed
            return text.chars().map(c -> c < 0x300 ? 1 : 2).sum();
        }
        return Graphemes.clusters(text).stream().mapToInt(TerminalCells::clusterCells).sum();
    }

    private static int clusterCells(String cluster) {
        int cells = 0;
        boolean emoji = false;
        for (int i = 0; i < cluster.length(); ) {
            int cp = cluster.codePointAt(i);
            if (cp == ZWJ) {
                break; // what follows joins the emoji before it into one glyph
            }
            emoji |= cp == EMOJI_PRESENTATION;
            cells += i == 0 ? cells(cp) : joinedCells(cp);
            i += Character.charCount(cp);
        }
        return emoji ? Math.max(cells, 2) : cells;
    }

    private static int cells(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    /** A code point after the first of its cluster: a second regional indicator or a spacing mark takes its cell. */
    private static int joinedCells(int cp) {
        boolean jamoVowelOrFinal = cp >= 0x1160 && cp <= 0x11FF || cp >= 0xD7B0 && cp <= 0xD7FF;
        boolean skinTone = cp >= 0x1F3FB && cp <= 0x1F3FF;
        return jamoVowelOrFinal || skinTone ? 0 : cells(cp);
    }

    private static boolean wide(int cp) {
        return Graphemes.inRanges(WIDE, cp);
    }
}
