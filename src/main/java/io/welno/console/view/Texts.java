package io.welno.console.view;

import java.util.Locale;

/**
 * Words for codes: the only way the read model turns a key and its arguments into text. The window's
 * implementation follows the language switch ({@code ui.I18n}); the command line and logs use the English
 * bundle ({@link BundleTexts#english()}), so a sentence reads the same wherever it is shown.
 */
public interface Texts {

    public Locale locale();

    /** How times of day are written; the command line and logs use the 24-hour clock. */
    public default TimeStyle timeStyle() {
        return TimeStyle.H24;
    }

    /** The text for a key, or {@code !key!} when the bundle lacks it (a test finds those). */
    public String get(String key);

    /** The {@link java.text.MessageFormat} pattern of a key filled with arguments. */
    public String format(String key, Object... args);
}
