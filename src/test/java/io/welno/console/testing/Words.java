package io.welno.console.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.welno.console.flow.ActionKind;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.Wording;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;

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
     * The first action or status a sentence names as Redis and the command line store it ("collect",
     * "auth_requesting"), or null: the window names them by its labels. An endpoint's path ("/session/simple-auth") is
     * not a name, and a one-word status is only one where the sentence puts the session in it ("is now error", not
     * "server error").
     */
    public static String storedName(String sentence) {
        for (ActionKind kind : ActionKind.values()) {
            if (Pattern.compile("(?<![\\w/-])" + Pattern.quote(kind.wire()) + "(?![\\w-])").matcher(sentence).find()) {
                return kind.wire();
            }
        }
        for (SessionStatus status : SessionStatus.KNOWN) {
            String before = status.wire().contains("_") ? "\\b" : "\\b(?:now|at|becomes|stays|is) ";
            if (Pattern.compile(before + status.wire() + "\\b").matcher(sentence).find()) {
                return status.wire();
            }
        }
        return null;
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
