package io.welno.console.ui.actions;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.Hold;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.Formats;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A change this window applied to a session, and its hold: the sentence under the action buttons while the session
 * is shown. While the backend can still write an older copy back it says until when the console watches (read from
 * the hold each time, as a collection's writes move its end); once the hold is over, whether the change stayed
 * (docs/flow.md, "Held actions"). A notice tells the same once; this stays with the session.
 */
record HeldChange(ActionKind kind, Hold hold) {

    /** What the note says now, and whether it is a warning (the change was written over, or nobody can say). */
    record Note(String text, boolean warning) {
        static final Note NONE = new Note("", false);
    }

    /** One look at the hold: the text and its style never disagree when the hold ends between them. */
    Note note(I18n i18n, ZoneId zone, LocalDateTime now) {
        String action = i18n.get("action." + kind.wire());
        HoldOutcome outcome = hold.outcome().getNow(null);
        String until = Formats.moment(i18n, LocalDateTime.ofInstant(hold.until(), zone), now, zone);
        if (outcome == null) {
            return new Note(i18n.format("actions.held.watching", action, until), false);
        }
        return switch (outcome.kind()) {
            case KEPT -> new Note(i18n.format("actions.held.kept", action, until), false);
            case REVERTED -> new Note(i18n.format("actions.held.reverted", action), true);
            case UNCONFIRMED -> new Note(i18n.format("actions.held.unconfirmed", action), true);
            case VANISHED, NOT_HELD -> Note.NONE;
        };
    }
}
