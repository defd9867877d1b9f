package io.welno.console.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * The well-formed sequences in which a character that draws nothing alone is part of what is drawn, as phones and
 * emoji pickers produce them every day: outside them the character is hidden text and stays escaped or refused.
 * <ul>
 *   <li>a presentation selector (U+FE0E, U+FE0F) after a symbol that takes one ({@link EmojiVariations});</li>
 *   <li>a zero-width joiner between two emoji ("👨‍👩‍👧", "❤️‍🔥"): the emoji before it may carry its presentation
 *       selector or a skin tone;</li>
 *   <li>a subdivision flag ("🏴󠁧󠁢󠁳󠁣󠁴󠁿"): tag characters right after the black flag spelling a subdivision code
 *       (3 to 7 lowercase letters or digits, Unicode's unicode_subdivision_id) and ended by the cancel tag — a longer
 *       run would carry words nobody sees;</li>
 *   <li>a standardized variant of a CJK compatibility ideograph ("樂" + U+FE00 is U+F914 kept apart from U+6A02
 *       through normalisation): U+FE00, U+FE01… after a unified ideograph, as many as there are compatibility
 *       ideographs that decompose to it. The other standardized variants (mathematical symbols, scripts the console
 *       never meets) are left out.</li>
 * </ul>
 * Emoji are Unicode's Extended_Pictographic characters, read from the JDK's own grapheme segmentation (the regex
 * {@code \X}, which joins them across a joiner where it would not join a letter); the ideographs' variants from its
 * normaliser: the only table is the emoji variation bases' ({@link EmojiVariations}).
 */
final class VisibleSequences {

    private static final int ZWJ = 0x200D;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int CANCEL_TAG = 0xE007F;

    private VisibleSequences() {
    }

    /** Whether the code point {@code cp} at {@code i} of {@code text} is part of one of the sequences above. */
    static boolean partOf(String text, int i, int cp) {
        int previous = i > 0 ? text.codePointBefore(i) : -1;
        if (EmojiVariations.isSelector(cp)) {
            return selectsPresentation(text, i, previous);
        }
        if (cp == ZWJ) {
            return joinsEmoji(text, i);
        }
        if (cp >= 0xE0020 && cp <= CANCEL_TAG) {
            return inSubdivisionFlag(text, i);
        }
        return cp >= 0xFE00 && cp <= 0xFE0D && previous >= 0 && cp - 0xFE00 < IdeographVariants.count(previous);
    }

    /**
     * An ASCII digit, {@code #} or {@code *} takes a selector only as a keycap ("1️⃣", with U+20E3 after it): alone
     * after such a character it draws nothing, and an id ending in a digit would look like another.
     */
    private static boolean selectsPresentation(String text, int i, int previous) {
        if (previous < 0 || !EmojiVariations.takesSelector(previous)) {
            return false;
        }
        return previous >= 0x80 || i + 1 < text.length() && text.charAt(i + 1) == '\u20E3';
    }

    private static boolean joinsEmoji(String text, int i) {
        if (i == 0 || i + 1 >= text.length()) {
            return false;
        }
        int before = text.codePointBefore(i);
        int at = i - Character.charCount(before);
        if ((EmojiVariations.isSelector(before) || isSkinTone(before)) && at > 0) {
            before = text.codePointBefore(at);
        }
        return isPictographic(before) && isPictographic(text.codePointAt(i + 1));
    }

    private static boolean isSkinTone(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF;
    }

    /**
     * Extended_Pictographic, as the JDK's segmentation knows it: after "❤" and a joiner such a character stays in the
     * same grapheme cluster (rule GB11), after "a" and a joiner only a mark or another joiner does.
     */
    static boolean isPictographic(int cp) {
        String after = new String(Character.toChars(cp));
        return oneCluster("\u2764\u200D" + after) && !oneCluster("a\u200D" + after);
    }

    private static boolean oneCluster(String text) {
        var m = Graphemes.CLUSTER.matcher(text);
        return m.lookingAt() && m.end() == text.length();
    }

    private static boolean inSubdivisionFlag(String text, int i) {
        int start = i;
        while (start > 0 && isTag(text.codePointBefore(start))) {
            start -= 2;
        }
        if (start == 0 || text.codePointBefore(start) != BLACK_FLAG) {
            return false;
        }
        int letters = 0;
        for (int j = start; j < text.length(); j += 2) {
            int cp = text.codePointAt(j);
            if (cp == CANCEL_TAG) {
                return letters >= 3 && letters <= 7 && i <= j;
            }
            if (!(cp >= 0xE0030 && cp <= 0xE0039 || cp >= 0xE0061 && cp <= 0xE007A)) {
                return false;
            }
            letters++;
        }
        return false;
    }

    private static boolean isTag(int cp) {
        return cp >= 0xE0020 && cp <= CANCEL_TAG;
    }

    /**
     * The index where a text may be cut at or before {@code end} without splitting a grapheme cluster (an emoji
     * sequence, a letter and its marks, a Hangul syllable in jamo); between code points when the first cluster alone
     * is longer than {@code end}.
     */
    static int cutPoint(String text, int end) {
        if (end >= text.length()) {
            return text.length();
        }
        if (end <= 0) {
            return 0;
        }
        var m = Graphemes.CLUSTER.matcher(text);
        int last = 0;
        while (m.find() && m.end() <= end) {
            last = m.end();
        }
        if (last > 0) {
            return last;
        }
        return Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))
                ? end - 1 : end;
    }

    /** How many standardized variants each unified ideograph has: one per compatibility ideograph it stands for. */
    private static final class IdeographVariants {

        private static final Map<Integer, Integer> COUNTS = counts();

        static int count(int cp) {
            return Character.isIdeographic(cp) ? COUNTS.getOrDefault(cp, 0) : 0;
        }

        private static Map<Integer, Integer> counts() {
            Map<Integer, Integer> counts = new HashMap<>();
            int[][] blocks = {{0xF900, 0xFAFF}, {0x2F800, 0x2FA1F}}; // CJK Compatibility Ideographs (Supplement)
            for (int[] block : blocks) {
                for (int cp = block[0]; cp <= block[1]; cp++) {
                    String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
                    if (decomposed.codePointCount(0, decomposed.length()) == 1 && decomposed.codePointAt(0) != cp) {
                        counts.merge(decomposed.codePointAt(0), 1, Integer::sum);
                    }
                }
            }
            return counts;
        }
    }
}
