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

    String said(I18n i18n, ZoneId zone, LocalDateTime now) {
        String action = i18n.get("action." + kind.wire());
        String until = Formats.moment(i18n, LocalDateTime.ofInstant(hold.until(), zone), now, zone);
        if (!hold.isOver()) {
            return i18n.format("actions.held.watching", action, until);
        }
        HoldOutcome outcome = hold.outcome().getNow(null);
        if (outcome == null) {
            return "";
        }
        return switch (outcome.kind()) {
            case KEPT -> i18n.format("actions.held.kept", action, until);
            case REVERTED -> i18n.format("actions.held.reverted", action);
            case UNCONFIRMED -> i18n.format("actions.held.unconfirmed", action);
            case VANISHED, NOT_HELD -> "";
        };
    }

    /** The backend wrote over it, or nobody can say whether it stayed. */
    boolean undone() {
        HoldOutcome outcome = hold.isOver() ? hold.outcome().getNow(null) : null;
        return outcome != null && (outcome.kind() == HoldOutcome.Kind.REVERTED
                || outcome.kind() == HoldOutcome.Kind.UNCONFIRMED);
    }
}
