package io.welno.console.ui.actions;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.store.StoreFailure;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Notices;
import io.welno.console.ui.common.StatusChips;
import io.welno.console.view.Formats;
import io.welno.console.view.SessionIds;
import java.time.Duration;

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
     * @param holdLeft   what was left of the hold's window when the result arrived ({@code Hold.remaining})
     * @param holdWindow how long the flow holds a change after its last write: a collection's writes are watched
     *                   that long after the last one, whatever is left of the hold when its claim's result arrives
     */
    static String of(I18n i18n, ActionResult result, Duration holdLeft, Duration holdWindow) {
        if (result.claimStandsUntil() != null) {
            // The outcome's own headline says "nothing was changed" or "check the session": the claim was written,
            // though, and stays until its lease lapses, which only these words say
            return audited(i18n, i18n.format("notify.result.claimStands",
                    i18n.get("action." + result.request().kind().wire()),
                    SessionIds.shown(i18n, result.request().sessionId()),
                    Formats.clockSeconds(i18n, result.claimStandsUntil())),
                    result.audited() ? null : result.auditFailure());
        }
        long heldMinutes = 0;
        if (result.held() && !result.hold().isOver()) {
            long seconds = result.request().kind() == ActionKind.COLLECT ? holdWindow.toSeconds()
                    : holdLeft.toSeconds();
            heldMinutes = Math.max(1, (seconds + 59) / 60);
        }
        String headline = of(i18n, result.request().kind(), result.outcome(), result.request().sessionId(),
                result.applied() ? heldMinutes : 0, result.unconfirmed());
        if (!result.applied() && heldMinutes > 0 && result.statusAfter() != null) {
            // A failure that left the session in a state of the console's writing (a simple-auth Tilko refused: the
            // session is now error): the backend can write over that too, and the hold watches it. A write of it
            // that could not be read back is not yet known to be there: said as for an applied one, the hold's reads
            // to tell.
            headline = i18n.format(result.unconfirmed() ? "notify.result.heldFailureUnconfirmed"
                            : "notify.result.heldFailure", headline, heldMinutes,
                    StatusChips.text(i18n, result.statusAfter()));
        }
        return audited(i18n, headline, result.audited() ? null : result.auditFailure());
    }

    /**
     * When a write told "written, but not yet confirmed" ({@link ActionResult#unconfirmed()}) is found kept by its
     * hold ({@code end}): the hold's reads were to tell, and they did — that it stayed, that it was written over and
     * applied again, or that it was in place when the session's flow ended and the session with it.
     */
    static String confirmed(I18n i18n, ActionResult result, HoldOutcome end) {
        String how = end.message() != null && end.message().key().startsWith("hold.finished") ? "Finished"
                : end.reapplies() > 0 ? "AfterReapply" : "";
        if (isHeldFailure(result)) {
            // the action failed all the same: what is confirmed is the status its failure left, not a change
            return i18n.format("notify.result.confirmedFailure" + how,
                    i18n.get("action." + result.request().kind().wire()),
                    SessionIds.shown(i18n, result.request().sessionId()),
                    StatusChips.text(i18n, result.statusAfter()), end.reapplies());
        }
        return i18n.format("notify.result.confirmed" + how, i18n.get("action." + result.request().kind().wire()),
                SessionIds.shown(i18n, result.request().sessionId()), end.reapplies());
    }

    /**
     * Whether a notice told "written, but not yet confirmed" of this result gives way to {@link #confirmed} when its
     * hold ends {@code KEPT}: an applied write, and a failure's held write (simple-auth's error) alike.
     */
    static boolean confirmsWhenKept(ActionResult result) {
        return result.unconfirmed() && result.held() && (result.applied() || isHeldFailure(result));
    }

    /** The kind of the notice {@link #confirmed} makes: a failure stays one, so it is news rather than done. */
    static Notices.Kind confirmedKind(ActionResult result) {
        return isHeldFailure(result) ? Notices.Kind.NEWS : Notices.Kind.DONE;
    }

    /** A failure whose last write (the status it left) is held, as simple-auth's error is. */
    private static boolean isHeldFailure(ActionResult result) {
        return !result.applied() && result.held() && result.statusAfter() != null;
    }

    /** {@link #kind(ActionKind, ActionResult.Outcome, boolean)} for a result: one not confirmed is to look at too. */
    static Notices.Kind kind(ActionResult result) {
        return result.unconfirmed() ? Notices.Kind.WARNING
                : kind(result.request().kind(), result.outcome(), result.audited());
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
        return audited(i18n, of(i18n, kind, outcome, sessionId, heldMinutes, false), auditFailure);
    }

    /**
     * @param unconfirmed the write was made but could not be read back: "done" would claim more than is known, so
     *                    the headline says it is written and not yet confirmed, and that the hold will tell
     */
    private static String of(I18n i18n, ActionKind kind, ActionResult.Outcome outcome, String sessionId,
                             long heldMinutes, boolean unconfirmed) {
        boolean applied = outcome == ActionResult.Outcome.APPLIED;
        boolean started = kind == ActionKind.COLLECT && applied;
        boolean unread = applied && unconfirmed;
        String headline = i18n.format("notify.result." + outcome.name()
                        + (unread ? ".unconfirmed" : started ? ".collect" : ""),
                i18n.get("action." + kind.wire()), SessionIds.shown(i18n, sessionId));
        if (heldMinutes > 0) {
            // "Done" is true now; the backend can still write an older copy back, and the hold watches. An unconfirmed
            // write: the hold's reads are what will confirm it, or say that they could not.
            headline = i18n.format(unread ? "notify.result.heldUnconfirmed"
                    : started ? "notify.result.heldCollecting" : "notify.result.held", headline, heldMinutes);
        }
        return headline;
    }

    private static String audited(I18n i18n, String headline, StoreFailure auditFailure) {
        if (auditFailure != null) {
            // the audit view will lack this action: said in the headline, not only behind Details
            headline = i18n.format(auditFailure.mayHaveWritten() ? "notify.result.auditUnconfirmed"
                    : "notify.result.unaudited", headline);
        }
        return headline;
    }
}
