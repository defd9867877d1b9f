package io.welno.console.ui.actions;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult;
import io.welno.console.store.StoreFailure;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Notices;
import io.welno.console.view.SessionIds;
import java.time.Duration;
import java.time.Instant;

/**
 * The sentence a notice leads with when an action returns: what is true of the session at that moment, and for an
 * applied change how long the console goes on watching it. A collection's claim is not the collection: the words say
 * it started, and that its writes are watched until a hold's length after the last one (docs/flow.md, "Held
 * actions").
 */
final class ResultHeadline {

    private ResultHeadline() {
    }

    /**
     * @param holdWindow how long the flow holds a change after its last write: a collection's writes are watched
     *                   that long after the last one, whatever is left of the hold when its claim's result arrives
     */
    static String of(I18n i18n, ActionResult result, Instant now, Duration holdWindow) {
        long heldMinutes = 0;
        if (result.applied() && !result.hold().isOver()) {
            long seconds = result.request().kind() == ActionKind.COLLECT ? holdWindow.toSeconds()
                    : Duration.between(now, result.hold().until()).toSeconds();
            heldMinutes = Math.max(1, (seconds + 59) / 60);
        }
        return of(i18n, result.request().kind(), result.outcome(), result.request().sessionId(), heldMinutes,
                result.audited() ? null : result.auditFailure());
    }

    /**
     * The notice's kind, which its title says: a collection that started is news (its end is told when it comes), not
     * done; an action that did not apply, or whose audit entry is missing, is one to look at.
     */
    static Notices.Kind kind(ActionKind kind, ActionResult.Outcome outcome, boolean audited) {
        if (outcome != ActionResult.Outcome.APPLIED || !audited) {
            return Notices.Kind.WARNING;
        }
        return kind == ActionKind.COLLECT ? Notices.Kind.NEWS : Notices.Kind.DONE;
    }

    /**
     * @param heldMinutes  0 when the change is not held (not applied, or held for no time)
     * @param auditFailure why the action's audit entry is missing, or null when it was written
     */
    static String of(I18n i18n, ActionKind kind, ActionResult.Outcome outcome, String sessionId, long heldMinutes,
                     StoreFailure auditFailure) {
        boolean started = kind == ActionKind.COLLECT && outcome == ActionResult.Outcome.APPLIED;
        String headline = i18n.format("notify.result." + outcome.name() + (started ? ".collect" : ""),
                i18n.get("action." + kind.wire()), SessionIds.shown(i18n, sessionId));
        if (heldMinutes > 0) {
            // "Done" is true now; the backend can still write an older copy back, and the hold watches.
            headline = i18n.format(started ? "notify.result.heldCollecting" : "notify.result.held", headline,
                    heldMinutes);
        }
        if (auditFailure != null) {
            // the audit view will lack this action: said in the headline, not only behind Details
            headline = i18n.format(auditFailure.mayHaveWritten() ? "notify.result.auditUnconfirmed"
                    : "notify.result.unaudited", headline);
        }
        return headline;
    }
}
