package io.welno.console.session;

import io.welno.console.text.Phrase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the JSON parser says about a value that is not JSON, as a phrase: its usual complaints (a character where none
 * fits, an unknown word, a bracket that closes nothing, a control character inside a string, Python's NaN and
 * infinities) have words in both
 * languages; any other keeps the parser's English in the English window and reads as "a syntax error" in Korean, so a
 * Korean user never meets the parser's sentence.
 */
final class ParserWords {

    /** Jackson: {@code Unexpected character ('x' (code 120)): was expecting ...}, or {@code (CTRL-CHAR, code 1)}. */
    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\(.*?code (\\d+)");
    /** Jackson: {@code Unrecognized token 'tru': was expecting ...}. */
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '(.*?)'(:|$)");
    /** Jackson: {@code Unexpected close marker ']': expected '}' ...}. */
    private static final Pattern CLOSE = Pattern.compile("^Unexpected close marker '(.)'");
    /**
     * Jackson: {@code Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow}, for the
     * words Python's json writes for a float that is not finite (and reads back).
     */
    private static final Pattern NON_FINITE = Pattern.compile("^Non-standard token '([+-]?(?:NaN|Infinity|INF))'");
    /** Jackson: {@code Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped ...}. */
    private static final Pattern CONTROL = Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)");

    private ParserWords() {
    }

    /** @param message the parser's first line, as it said it */
    static Phrase of(String message) {
        Matcher m = CONTROL.matcher(message);
        if (m.find()) {
            return Phrase.of("unreadable.syntax.control", character(m.group(1)));
        }
        m = NON_FINITE.matcher(message);
        if (m.find()) {
            // the parser's sentence names a switch of its own, which says nothing to whoever reads the reason
            return Phrase.of("unreadable.syntax.nonFinite", "'" + m.group(1) + "'");
        }
        m = UNEXPECTED.matcher(message);
        if (m.find()) {
            return Phrase.of("unreadable.syntax.unexpected", character(m.group(1)));
        }
        m = TOKEN.matcher(message);
        if (m.find()) {
            return Phrase.of("unreadable.syntax.token", "'" + m.group(1) + "'");
        }
        m = CLOSE.matcher(message);
        if (m.find()) {
            return Phrase.of("unreadable.syntax.close", "'" + m.group(1) + "'");
        }
        return Phrase.of("unreadable.syntax.parser", message);
    }

    /** A character by its code: quoted when it shows, as U+XXXX when it is a control or invisible one. */
    private static String character(String code) {
        int c;
        try {
            c = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return "?";
        }
        boolean shows = c > 0x20 && !Character.isISOControl(c) && Character.isDefined(c)
                && !Character.isWhitespace(c) && Character.getType(c) != Character.FORMAT;
        return shows ? "'" + new String(Character.toChars(c)) + "'" : String.format("U+%04X", c);
    }
}
