package io.welno.console.testing;

import io.welno.console.text.Phrase;
import io.welno.console.view.Wording;
import java.util.Optional;

/** What the command line would print for a code: tests keep asserting on the English words. */
public final class Words {

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
}
