package io.welno.console.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.Wording;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;

/** What the command line would print for a code: tests keep asserting on the English words. */
public final class Words {

    private static final Set<String> KEYS = ResourceBundle.getBundle(BundleTexts.BUNDLE, Locale.ROOT).keySet();

    private Words() {
    }

    public static String en(Object value) {
        if (value instanceof Phrase phrase) {
            return Wording.cli().render(phrase);
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(Words::en).orElse(null);
        }
        return String.valueOf(value);
    }

    /** What the window shows for a code in Korean. */
    public static String ko(Phrase phrase) {
        return Wording.window(new BundleTexts(BundleTexts.KOREAN)).render(phrase);
    }

    /**
     * Fails when a line that should read as words shows a phrase's code instead ({@code feed.error.closed}, a key of
     * the bundles, or {@code key[args]}), or a character it should have shown escaped.
     */
    public static void assertWords(String line) {
        assertFalse(KEYS.stream().anyMatch(line::contains), "a code in: " + line);
        assertFalse(line.contains("["), "a phrase's arguments in: " + line);
        assertFalse(SafeText.firstUnsafe(line) >= 0, "unescaped text in: " + line);
    }
}
