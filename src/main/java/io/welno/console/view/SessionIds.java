package io.welno.console.view;

import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;

/**
 * A session id as the console names it in a sentence: escaped and cut to a field's length (it comes from Redis), and
 * the key that is the prefix alone, whose id is empty, as "(no id)" in the reader's language — a blank where an id
 * should be reads as a mistake of the sentence.
 */
public final class SessionIds {

    private SessionIds() {
    }

    public static String shown(Texts texts, String id) {
        return id == null || id.isEmpty() ? texts.get("table.emptyId") : SafeText.bounded(id, SafeText.FIELD);
    }

    /** The same as the argument of a phrase that is worded later, in whichever language reads it. */
    public static Object argument(String id) {
        return id == null || id.isEmpty() ? Phrase.of("table.emptyId") : SafeText.bounded(id, SafeText.FIELD);
    }
}
