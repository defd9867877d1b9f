package io.welno.console.ui.common;

import java.util.regex.Pattern;

/**
 * The Alt+letter keys written into the window's words: "_Run" in English, "실행(_R)" in Korean (the Latin letter in
 * brackets, as Korean desktop programs write it). JavaFX takes the letter after an underscore as the key in the text
 * of a button, a check box or a menu item (not of a label or a link); such a control showing outside text (a session
 * id is {@code welno_<hex>}) must not parse it, or the underscore vanishes and Alt+that letter fires the control.
 */
public final class Mnemonics {

    /** The Korean form, with the brackets that only carry the key. */
    private static final Pattern BRACKETED = Pattern.compile("\\(_(\\p{Alnum})\\)");

    private Mnemonics() {
    }

    /** {@code text} as a screen reader should say it, without the key's mark: "Run", "실행". */
    public static String plain(String text) {
        if (text == null || text.indexOf('_') < 0) {
            return text;
        }
        String unbracketed = BRACKETED.matcher(text).replaceFirst("");
        StringBuilder plain = new StringBuilder(unbracketed.length());
        for (int i = 0; i < unbracketed.length(); i++) {
            char c = unbracketed.charAt(i);
            // JavaFX's rule: "__" is one underscore shown, "_x" is x marked as the key
            if (c == '_' && i + 1 < unbracketed.length()) {
                c = unbracketed.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }
}
