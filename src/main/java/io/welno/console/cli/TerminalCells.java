package io.welno.console.cli;

/**
 * How wide a text is on a terminal: East Asian wide characters (Hangul, Han, kana, full-width forms) take two cells,
 * combining marks none, the rest one. A column padded by characters came out one cell short per Hangul syllable, so
 * the columns after a Korean name did not line up with the header.
 */
final class TerminalCells {

    private TerminalCells() {
    }

    /** {@code text} followed by spaces up to {@code cells} terminal cells (as it is when it is already wider). */
    static String padRight(String text, int cells) {
        int width = width(text);
        return width >= cells ? text : text + " ".repeat(cells - width);
    }

    static int width(String text) {
        int cells = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            cells += cells(cp);
        }
        return cells;
    }

    private static int cells(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    /** The East Asian Wide and Fullwidth ranges a session field can hold (Unicode's EastAsianWidth.txt, W and F). */
    private static boolean wide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F // Hangul Jamo, leading consonants
                || cp >= 0x2E80 && cp <= 0x303E // CJK radicals, symbols and punctuation
                || cp >= 0x3041 && cp <= 0x33FF // kana, Hangul compatibility Jamo, CJK compatibility
                || cp >= 0x3400 && cp <= 0x4DBF // CJK extension A
                || cp >= 0x4E00 && cp <= 0x9FFF // CJK unified ideographs
                || cp >= 0xA960 && cp <= 0xA97F // Hangul Jamo extended A
                || cp >= 0xAC00 && cp <= 0xD7A3 // Hangul syllables
                || cp >= 0xF900 && cp <= 0xFAFF // CJK compatibility ideographs
                || cp >= 0xFE30 && cp <= 0xFE4F // CJK compatibility forms
                || cp >= 0xFF00 && cp <= 0xFF60 // full-width forms
                || cp >= 0xFFE0 && cp <= 0xFFE6
                || cp >= 0x1F300 && cp <= 0x1F64F // pictographs and emoticons
                || cp >= 0x20000 && cp <= 0x3FFFD; // CJK extensions B and later
    }
}
