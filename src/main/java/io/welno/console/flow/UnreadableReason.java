package io.welno.console.flow;

import io.welno.console.session.UnreadableSession;
import io.welno.console.text.Phrase;

/** Bridge until unreadable reasons are codes themselves: the parser's sentence as the only argument. */
final class UnreadableReason {

    private UnreadableReason() {
    }

    static Phrase of(UnreadableSession unreadable) {
        return Phrase.of("unreadable.as", unreadable.reason());
    }
}
