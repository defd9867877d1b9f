package io.welno.console.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A text's grapheme clusters: what a reader sees as one letter and a terminal draws as one thing (a letter and its
 * accents, a Hangul syllable written as jamo, a flag, an emoji sequence). Masking counts letters by them, the command
 * line's columns measure by them, and cuts fall between them.
 */
public final class Graphemes {

    /** One extended grapheme cluster. */
    static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {
    }

    /**
     * Whether every character of {@code text} is a cluster of its own: Latin text, ids, escapes and names in Hangul
     * syllables, nearly every value, which then need no segmentation.
     */
    public static boolean oneCharEach(String text) {
        return text.chars().allMatch(c -> c < 0x300 || c >= 0xAC00 && c <= 0xD7A3);
    }

    /** The clusters of {@code text}, in order. */
    public static List<String> clusters(String text) {
        List<String> clusters = new ArrayList<>(text.length());
        if (oneCharEach(text)) {
            text.chars().forEach(c -> clusters.add(String.valueOf((char) c)));
            return clusters;
        }
        var cluster = CLUSTER.matcher(text);
        while (cluster.find()) {
            clusters.add(cluster.group());
        }
        return clusters;
    }

    /**
     * Whether {@code cp} lies in one of {@code ranges}: the first and last code point of each range, in order (a
     * Unicode data file's ranges copied as they stand).
     */
    public static boolean inRanges(int[] ranges, int cp) {
        int at = java.util.Arrays.binarySearch(ranges, cp);
        // a hit is a range's first or last code point; a miss falls inside a range when it lands after a first one
        return at >= 0 || (-at - 1) % 2 == 1;
    }
}
