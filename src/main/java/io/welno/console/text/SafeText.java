package io.welno.console.text;

/**
 * The one rule for text that came from outside (a session field, a reason, a Redis or Tilko error, a key) before
 * it reaches a terminal, a log line or the window: every character that is not meant to be seen is shown as an
 * escape instead of being obeyed, and the length is bounded.
 *
 * <p>Shown escaped: C0 controls, DEL and C1 controls (so no ANSI/OSC sequence can clear a screen or set a title,
 * and no newline can forge a second row), line and paragraph separators, every invisible format character (the
 * bidi overrides U+202A–U+202E and isolates U+2066–U+2069, zero-width characters, the byte-order mark, tag
 * characters, and those a newer Unicode than the JDK's added), lone surrogates, the invisible Hangul fillers
 * (U+115F, U+1160, U+3164, U+FFA0) and the Braille blank (U+2800) that make a name look blank, the default-ignorable marks (variation selectors, the combining grapheme joiner) that make an id
 * look like another, and the code points Unicode reserves as default-ignorable. Such a character that is part of a
 * well-formed sequence ({@link VisibleSequences}: an emoji's presentation selector "✔️", a joiner between two emoji
 * "👨‍👩‍👧", a subdivision flag's tags, a CJK compatibility variant) is shown as it is: it changes how visible
 * characters are drawn, and a reason typed with it reads back as typed. Spaces ({@link #blankAt}) are text, the
 * ideographic space of Korean text (U+3000) and the typographic ones included, except where they draw a value
 * shorter or emptier than it is: at its start or end (U+0020 too: "welno_a " is not the session welno_a), and in a
 * value made only of them. Escapes read like Java or JSON: {@code \n},
 * {@code \r}, {@code \t}, {@code \u001b}, {@code \u0020}. Backslashes are left as they are, so ordinary text reads unchanged.
 *
 * <p>A bounded text that was cut ends with {@link #ELLIPSIS}, cut between grapheme clusters ({@link #cutPoint}); the
 * whole value stays one action away (the {@code --json} output, the window's raw view or full-text view).
 */
public final class SafeText {

    /** Ids, names, partners, statuses, titles: one cell or one column. */
    public static final int FIELD = 200;
    /** Messages, reasons, errors, sentences. */
    public static final int TEXT = 1000;
    public static final String ELLIPSIS = "…";
    /** The end {@link #shortened} gives a value it cut; group 1 is the length of the whole. */
    public static final java.util.regex.Pattern SHORTENED = java.util.regex.Pattern.compile(
            "… \\((\\d{1,9}) characters\\)$");

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /**
     * U+2800, the Braille pattern with no dots: drawn as a blank but not whitespace (strip and isBlank keep it), so a
     * name of it looks empty and an id ending in it looks like another; no session field holds Braille.
     */
    private static final int BRAILLE_BLANK = 0x2800;

    private SafeText() {
    }

    /** Whether a code point is shown escaped rather than as itself. */
    public static boolean isUnsafe(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            case Character.OTHER_LETTER -> cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
            case Character.OTHER_SYMBOL -> cp == BRAILLE_BLANK;
            case Character.NON_SPACING_MARK -> invisibleMark(cp);
            case Character.UNASSIGNED -> reservedInvisible(cp) || laterFormat(cp);
            default -> false;
        };
    }

    /**
     * The marks Unicode makes default-ignorable: they draw nothing (variation selectors, the combining grapheme joiner,
     * Mongolian free variation selectors, two Khmer vowels), so after an id they make it look like another one.
     */
    private static boolean invisibleMark(int cp) {
        return cp == 0x034F || cp == 0x17B4 || cp == 0x17B5 || cp >= 0x180B && cp <= 0x180F
                || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    /** Unassigned code points Unicode keeps default-ignorable, so a later font draws nothing for them either. */
    private static boolean reservedInvisible(int cp) {
        return cp == 0x2065 || cp == 0x180F || cp >= 0xFFF0 && cp <= 0xFFF8 || cp >= 0xE0000 && cp <= 0xE0FFF;
    }

    /**
     * The format characters Unicode 14 and 15 added (two Arabic marks above a number, U+0890 and U+0891, and seven
     * Egyptian hieroglyph format controls, U+13439 to U+1343F). A JDK with older tables (Java 17 knows Unicode 13) calls
     * them unassigned, so without this they would pass raw there and be escaped on a newer JDK, while a terminal or font
     * that knows them obeys them like any other format character.
     */
    private static boolean laterFormat(int cp) {
        return cp == 0x0890 || cp == 0x0891 || cp >= 0x13439 && cp <= 0x1343F;
    }

    /** The index of the first character that would be escaped, or -1: for validators that refuse such input. */
    public static int firstUnsafe(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isUnsafe(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /**
     * Like {@link #firstUnsafe}, for text the operator typed (a reason): a character that is part of a well-formed
     * sequence ({@link VisibleSequences}) is not hidden text — an emoji picker's "✔️" is U+2714 U+FE0F, a phone's
     * "👨‍👩‍👧" three emoji joined by U+200D, and a reason "확인 ✔️" hides nothing. A selector, joiner or tag alone,
     * at the start or the end, after a space, a letter or a character that takes none, or a second one in a row is
     * still found. What is shown of outside text follows the same rule ({@link #escape}), so a reason accepted reads
     * back as it was typed.
     */
    public static int firstUnsafeTyped(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isUnsafe(cp) && !VisibleSequences.partOf(text, i, cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /**
     * Where {@code text} may be cut at or before index {@code end} without splitting a grapheme cluster: cut inside
     * "👨‍👩‍👧" it would end in a joiner that draws nothing (shown escaped, refused in a reason), inside a flag in an
     * unended run of tags. Between code points when the first cluster alone is longer than {@code end}.
     */
    public static int cutPoint(String text, int end) {
        return VisibleSequences.cutPoint(text, end);
    }

    /**
     * The text itself, not escaped, cut to at most {@code max} characters between grapheme clusters and ended with
     * {@link #ELLIPSIS} when it was cut: half an emoji kept by a cut would reach every later reader as a lone surrogate.
     * For a detail that is escaped where it is shown (a parser's message, a Tilko answer, a summary line).
     */
    public static String clipped(String text, int max) {
        return text.length() <= max ? text : text.substring(0, cutPoint(text, max)) + ELLIPSIS;
    }

    /**
     * The text as it is when it hides nothing ({@link #firstUnsafeTyped}), else escaped whole: for an edit field or a
     * list of choices, which show what they hold, filled from a file the user may have edited by hand.
     */
    public static String escapeIfHiding(String text) {
        return text == null || firstUnsafeTyped(text) < 0 ? text : escape(text);
    }

    /** The text with every unsafe character escaped, whole (for the full value behind a bounded one). */
    public static String escape(String text) {
        return bounded(text, Integer.MAX_VALUE, false);
    }

    /** Escaped like {@link #escape} but keeping line breaks and tabs: for multi-line views (raw JSON, a diff). */
    public static String escapeKeepingLines(String text) {
        return bounded(text, Integer.MAX_VALUE, true);
    }

    /** Escaped and at most {@code max} characters long, ending with {@link #ELLIPSIS} when it was cut. */
    public static String bounded(String text, int max) {
        return bounded(text, max, false);
    }

    /**
     * Like {@link #bounded} but a cut text also says how long the whole was ({@code abc… (1048576 characters)}):
     * for echoes of input, where the size is the point.
     */
    public static String excerpt(String text, int max) {
        boolean[] cut = new boolean[1];
        String shown = bounded(text, max, false, cut);
        return cut[0] ? shown + " (" + text.length() + " characters)" : shown;
    }

    /**
     * The text itself, not escaped, cut to at most {@code max} characters between grapheme clusters
     * ({@link #cutPoint}) and then saying how long the whole was ({@link #SHORTENED}): for values that are stored,
     * where the exact characters matter but the size must not grow without bound. The marker is stored, so it is in
     * English; the window words it in its own language ({@code view.AuditWords.field}).
     */
    public static String shortened(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String suffix = ELLIPSIS + " (" + text.length() + " characters)";
        return text.substring(0, cutPoint(text, Math.max(0, max - suffix.length()))) + suffix;
    }

    /**
     * JSON text made safe for a terminal without changing what it means: JSON writers escape C0 controls inside
     * strings but write DEL, C1 controls and format characters raw, and those can only stand inside strings, where
     * a {@code \}{@code uXXXX} escape is the same value. Stored values (shown as they are) may also carry a raw
     * carriage return between tokens, JSON whitespace that on a terminal returns to the start of the line and
     * overprints what came before it: it becomes a line break, the same whitespace to a JSON reader. Every
     * {@code \}{@code uXXXX} escape comes out in small letters, as {@link #escape} and Python write them: Jackson
     * writes C0 controls in capitals ({@code \}{@code u001B}), so one line of {@code --json} spelt ESC one way and
     * U+202E the other, and a search for {@code \}{@code u001b} missed it.
     */
    public static String json(String json) {
        if (json == null) {
            return null;
        }
        StringBuilder out = null; // made at the first change: most lines have none and come back as they are
        int hexDigitsLeft = 0; // of the u-escape being walked: its capital hex digits are written small
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length() && (json.charAt(i + 1) == '\\' || json.charAt(i + 1) == 'u')) {
                // an escaped backslash is passed whole, so the "u00AB" after it is text, whose letters are the value's
                hexDigitsLeft = json.charAt(i + 1) == 'u' ? 4 : 0;
                if (out != null) {
                    out.append(c).append(json.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean hexDigit = hexDigitsLeft > 0;
            hexDigitsLeft = hexDigit ? hexDigitsLeft - 1 : 0;
            if (hexDigit && c >= 'A' && c <= 'F') {
                out = started(out, json, i).append((char) (c + ('a' - 'A')));
            } else if (c == '\r') {
                out = started(out, json, i);
                if (i + 1 >= json.length() || json.charAt(i + 1) != '\n') {
                    out.append('\n');
                }
            } else if (isUnsafeInJson(json, i)) {
                unicodeEscape(out = started(out, json, i), c);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }

    /** A character {@link #json} escapes: a control other than tab and line feed, or one unsafe inside a string. */
    private static boolean isUnsafeInJson(String json, int i) {
        char c = json.charAt(i);
        return c < 0x20 ? c != '\n' && c != '\t' : c >= 0x7F && isUnsafeJsonChar(json, i);
    }

    /** {@code out}, or at the first change (at {@code i}) a builder holding the text before it. */
    private static StringBuilder started(StringBuilder out, String text, int i) {
        return out != null ? out : new StringBuilder(text.length() + 16).append(text, 0, i);
    }

    /** One unit of a JSON text: surrogate halves are judged by the code point they form. */
    private static boolean isUnsafeJsonChar(String json, int i) {
        char c = json.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
            return isUnsafe(Character.toCodePoint(c, json.charAt(i + 1)));
        }
        if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(json.charAt(i - 1))) {
            return isUnsafe(Character.toCodePoint(json.charAt(i - 1), c));
        }
        return isUnsafe(c);
    }

    private static String bounded(String text, int max, boolean keepLines) {
        return bounded(text, max, keepLines, null);
    }

    /** Escapes and bounds in one pass that stops soon after {@code max}; {@code cut[0]} says whether it cut. */
    private static String bounded(String text, int max, boolean keepLines, boolean[] cut) {
        if (text == null) {
            return "";
        }
        if (max <= ELLIPSIS.length()) {
            throw new IllegalArgumentException("max must leave room for the ellipsis");
        }
        int first = keepLines ? firstUnsafeKeepingLines(text) : firstUnsafeTyped(text);
        boolean blankEdges = !keepLines && hasBlankEdge(text);
        if (first < 0 && text.length() <= max && !blankEdges) {
            return text; // the common case costs one scan and no copy
        }
        int leadEnd = blankEdges ? leadingBlanksEnd(text) : 0;
        int trailStart = blankEdges ? trailingBlanksStart(text) : text.length();
        int limit = max - ELLIPSIS.length();
        int cutAt = -1;
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        // where each code point of the text starts in the output: text index <= output length, and the loop stops
        // soon after max, so a cut can go back to the start of its grapheme cluster
        int[] shownAt = max == Integer.MAX_VALUE ? null : new int[Math.min(text.length(), max) + 1];
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int before = out.length();
            if (shownAt != null) {
                shownAt[i] = before;
            }
            boolean hiddenBlank = i < leadEnd || i >= trailStart;
            if (hiddenBlank || isUnsafe(cp) && !(keepLines && (cp == '\n' || cp == '\t'))
                    && !VisibleSequences.partOf(text, i, cp)) {
                escapeTo(out, text, i, cp);
            } else {
                out.appendCodePoint(cp);
            }
            if (cutAt < 0 && out.length() > limit) {
                int clusterStart = cutPoint(text, i);
                cutAt = clusterStart > 0 ? shownAt[clusterStart] : before; // an escape or a pair is never split
            }
            if (out.length() > max) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (out.length() <= max) {
            return out.toString();
        }
        if (cut != null) {
            cut[0] = true;
        }
        out.setLength(cutAt);
        return out.append(ELLIPSIS).toString();
    }

    /**
     * A space (Unicode's space separators: U+0020, the no-break spaces, U+2000–U+200A, U+205F, U+3000…) at
     * {@code i}. Inside text it is drawn as what it is; at a value's edge it draws nothing one can see.
     */
    static boolean blankAt(String text, int i) {
        return Character.getType(text.codePointAt(i)) == Character.SPACE_SEPARATOR;
    }

    /**
     * Whether a value starts or ends with a space, U+0020 included: "welno_a" followed by U+3000 or by an ASCII space
     * would show as the session welno_a (a terminal, a table cell and a log line draw a trailing space as nothing),
     * a name of ideographic spaces as no name.
     */
    private static boolean hasBlankEdge(String text) {
        return !text.isEmpty() && (blankAt(text, 0) || blankAt(text, text.length()
                - Character.charCount(text.codePointBefore(text.length()))));
    }

    private static int leadingBlanksEnd(String text) {
        int i = 0;
        while (i < text.length() && blankAt(text, i)) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    private static int trailingBlanksStart(String text) {
        int i = text.length();
        while (i > 0 && blankAt(text, i - Character.charCount(text.codePointBefore(i)))) {
            i -= Character.charCount(text.codePointBefore(i));
        }
        return i;
    }

    private static int firstUnsafeKeepingLines(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isUnsafe(cp) && cp != '\n' && cp != '\t' && !VisibleSequences.partOf(text, i, cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static void escapeTo(StringBuilder out, String text, int i, int cp) {
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (Character.isSupplementaryCodePoint(cp)) {
                    unicodeEscape(out, text.charAt(i));
                    unicodeEscape(out, text.charAt(i + 1));
                } else {
                    unicodeEscape(out, (char) cp);
                }
            }
        }
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
