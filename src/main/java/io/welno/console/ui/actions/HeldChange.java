package io.welno.console.ui.actions;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.Hold;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.session.SessionStatus;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.StatusChips;
import io.welno.console.view.Formats;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A change this window applied to a session, and its hold: the sentence under the action buttons while the session
 * is shown. While the backend can still write an older copy back it says until when the console watches (read from
 * the hold each time, as a collection's writes move its end); once the hold is over, whether the change stayed
 * (docs/flow.md, "Held actions"). A notice tells the same once; this stays with the session.
 *
 * @param failedTo for a failed action whose last write is held (a simple-auth Tilko refused), the status that write
 *                 left: the note speaks of that status, not of a change the action made; null for an applied action
 */
record HeldChange(ActionKind kind, Hold hold, SessionStatus failedTo) {

    HeldChange(ActionKind kind, Hold hold) {
        this(kind, hold, null);
    }


    /** What the note says now, and whether it is a warning (the change was written over, or nobody can say). */
    record Note(String text, boolean warning) {
        static final Note NONE = new Note("", false);
    }

    /** One look at the hold: the text and its style never disagree when the hold ends between them. */
    Note note(I18n i18n, ZoneId zone, LocalDateTime now) {
        String action = i18n.get("action." + kind.wire());
        HoldOutcome outcome = hold.outcome().getNow(null);
        String until = Formats.moment(i18n, LocalDateTime.ofInstant(hold.until(), zone), now, zone);
        String prefix = failedTo == null ? "actions.held." : "actions.held.failed.";
        String status = failedTo == null ? "" : StatusChips.text(i18n, failedTo);
        if (outcome == null) {
            return new Note(i18n.format(prefix + "watching", action, until, status), false);
        }
        return switch (outcome.kind()) {
            // kept after a re-apply: something did write over it, and the note must not say nothing did
            case KEPT -> new Note(i18n.format(prefix + (outcome.reapplies() > 0 ? "keptAfterReapply" : "kept"), action,
                    until, status), false);
            // a value that is no session at all: the note says what is there now
            case REVERTED -> new Note(i18n.format(prefix + (outcome.toUnreadable() ? "unreadable" : "reverted"), action,
                    until, status), true);
            case UNCONFIRMED -> new Note(i18n.format(prefix + "unconfirmed", action, until, status), true);
            case VANISHED, NOT_HELD -> Note.NONE;
        };
    }
}
