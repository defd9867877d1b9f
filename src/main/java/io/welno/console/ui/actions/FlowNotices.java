package io.welno.console.ui.actions;

import io.welno.console.flow.AuditUnwritten;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.flow.FlowListener;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.flow.Reapplied;
import io.welno.console.flow.RevertDetected;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Notices;
import io.welno.console.ui.common.StatusChips;
import io.welno.console.view.AuditWords;
import io.welno.console.view.SessionIds;
import io.welno.console.view.Wording;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Platform;

/**
 * What the flow did in the background, as the window's notices: a collection that ended (not a bulk run's), a change
 * the backend wrote over (this console's or another's; once per bulk run), a change applied again, a hold that could
 * not confirm its change or whose session ended (once per bulk run), and the audit entry of any of these that could
 * not be written.
 *
 * <p>Each notice is worded again when the language is switched while it is up (its words are made, not kept).
 *
 * <p>The session id and another console's operator name are read from Redis: each is cut to a field's length, so a
 * long one cannot push the rest of the sentence (which action, whose) out of the notice, which bounds the whole.
 */
final class FlowNotices implements FlowListener {

    private final Notices notices;
    private final I18n i18n;
    /** The bulk runs (with the kind of end) whose reverts or hold ends were told: one notice per run and kind. */
    private final Set<String> batchesTold = ConcurrentHashMap.newKeySet();
    /**
     * By action: what takes a collection's end notice away while its writes are held (on the FX thread). "The session
     * is now completed" is untrue once the backend has written an older copy over it, whose own notice says so.
     */
    private final Map<String, Runnable> collectionEnds = new HashMap<>();

    FlowNotices(Notices notices, I18n i18n) {
        this.notices = notices;
        this.i18n = i18n;
    }

    @Override
    public void onCollectionFinished(CollectionFinished finished) {
        if (finished.batchId() != null) {
            return; // a bulk collect's sessions end one after another: its dialog counts them, its summary lists them
        }
        // Only a collection that saved its data is good news; any other end (Tilko's error, not approved yet, the
        // session gone, Redis unusable) is one to look at, with the collection's own account behind Details. The
        // status is unknown when the session vanished or Redis could not be written.
        Platform.runLater(() -> {
            Runnable withdraw = notices.show(() -> finished.finalStatus() == null
                            ? i18n.format("notify.collection.noStatus", session(finished.sessionId()))
                            : i18n.format("notify.collection", session(finished.sessionId()),
                                    StatusChips.text(i18n, finished.finalStatus())),
                    () -> words().render(finished.message()),
                    finished.result() == CollectionFinished.Result.COMPLETED ? Notices.Kind.DONE
                            : Notices.Kind.WARNING);
            if (finished.finalStatus() != null) {
                collectionEnds.put(finished.actionId(), withdraw);
            }
        });
    }

    @Override
    public void onRevertDetected(RevertDetected revert) {
        if (revert.batchId() != null) {
            // One notice per run and kind of overwrite (its alert and its dialog's summary count every session written
            // over): a value that is no session is not the backend writing back an older copy, so each says which.
            String kind = revert.toUnreadable() ? "UNREADABLE" : "REVERTED";
            if (batchesTold.add(kind + "/" + revert.batchId())) {
                String key = (revert.ours() ? "notify.revert.batch" : "notify.revert.other.batch")
                        + (revert.toUnreadable() ? ".unreadable" : "");
                Platform.runLater(() -> notices.show(() -> i18n.format(key, field(revert.batchId()),
                                session(revert.sessionId()), field(revert.operator())),
                        () -> words().render(revert.lost()), true));
            }
            return;
        }
        // A failed action's held write changed nothing the operator asked for: what is gone is the status it left.
        // A value that is no session at all is nothing the backend writes back: the words say what is there now.
        Platform.runLater(() -> notices.show(() -> revert.ours() && revert.toUnreadable()
                ? i18n.format("notify.revert.unreadable", session(revert.sessionId()), actionName(revert))
                : revert.toUnreadable()
                ? i18n.format("notify.revert.other.unreadable", session(revert.sessionId()), actionName(revert),
                        field(revert.operator()))
                : revert.ours() && revert.failedTo() != null
                ? i18n.format("notify.revert.failed", session(revert.sessionId()), actionName(revert),
                        StatusChips.text(i18n, revert.failedTo()))
                : revert.ours()
                ? i18n.format("notify.revert.short", session(revert.sessionId()), actionName(revert))
                : i18n.format("notify.revert.other.short", session(revert.sessionId()), actionName(revert),
                        field(revert.operator())), () -> words().render(revert.lost()), true));
    }

    @Override
    public void onReapplied(Reapplied reapplied) {
        Platform.runLater(() -> notices.show(() -> i18n.format(reapplied.applied() ? "notify.reapplied.short"
                        : "notify.reapplied.failed", session(reapplied.sessionId())),
                () -> words().render(reapplied.message()), !reapplied.applied()));
    }

    /**
     * A warning of its own, shown before the notice of what it follows: the audit tab will lack that entry, and only
     * this says so. The headline names the session and the entry; the details say it in the action's words, cause
     * and all.
     */
    @Override
    public void onAuditUnwritten(AuditUnwritten unwritten) {
        Platform.runLater(() -> notices.show(() -> i18n.format(unwritten.unconfirmed()
                        ? "notify.followUp.auditUnconfirmed" : "notify.followUp.unaudited",
                        session(unwritten.sessionId()), AuditWords.event(i18n, unwritten.event())),
                () -> words().render(unwritten.told()), true));
    }

    @Override
    public void onHoldEnded(String sessionId, String actionId, String batchId, HoldOutcome outcome) {
        Platform.runLater(() -> {
            Runnable withdraw = collectionEnds.remove(actionId);
            if (withdraw != null && !outcome.kept()) {
                withdraw.run();
            }
        });
        // Not "could not be confirmed" when the session ended: the change stayed as long as the session did.
        boolean ended = outcome.kind() == HoldOutcome.Kind.VANISHED;
        if (!ended && outcome.kind() != HoldOutcome.Kind.UNCONFIRMED) {
            return;
        }
        if (batchId == null) {
            Platform.runLater(() -> notices.show(() -> i18n.format(ended ? "notify.holdEnded.vanished"
                    : "notify.holdEnded.short", session(sessionId)), () -> words().render(outcome.message()), true));
        } else if (batchesTold.add(outcome.kind() + "/" + batchId)) {
            // A bulk run's holds end together: its first such end is told, the run's summary and alert count them all.
            Platform.runLater(() -> notices.show(() -> i18n.format(ended ? "notify.holdEnded.vanished.batch"
                            : "notify.holdEnded.short.batch", field(batchId), session(sessionId)),
                    () -> words().render(outcome.message()), true));
        }
    }

    private String session(String id) {
        return SessionIds.shown(i18n, id);
    }

    private static String field(String fromRedis) {
        return SafeText.bounded(fromRedis, SafeText.FIELD);
    }

    private Wording words() {
        return Wording.window(i18n);
    }

    private String actionName(RevertDetected revert) {
        return revert.action() == null ? i18n.get("action.unknown") : i18n.get("action." + revert.action().wire());
    }
}
