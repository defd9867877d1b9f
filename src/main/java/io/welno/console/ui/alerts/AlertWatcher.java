package io.welno.console.ui.alerts;

import io.welno.console.flow.FlowListener;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.flow.RevertDetected;
import io.welno.console.live.FeedMode;
import io.welno.console.session.StuckPolicy;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.view.AlertConditions;
import io.welno.console.view.AlertMonitor;
import io.welno.console.view.AlertRules;
import io.welno.console.view.SessionIds;
import io.welno.console.view.SessionRow;
import io.welno.console.view.SessionStarts;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Wires the alert rules to the live data: every {@link #PERIOD} the sessions as the feed last told are taken (on the
 * FX thread, the rows supplier's own copy of references, the table's held changes laid over its rows while it is
 * paused) with the started counts of the error window (the {@link SessionStarts} tally's, a sum of its minutes), the
 * conditions computed from them in the background, and the alert center told on the FX thread; a check still running
 * makes the next one wait.
 * Reverts come from the flow as they are detected, and so do holds of this console's changes that ended without
 * knowing the change stayed.
 */
public final class AlertWatcher {

    public static final Duration PERIOD = Duration.seconds(2);

    private final AlertCenter center;
    private final Supplier<List<SessionRow>> rows;
    private final Supplier<SessionStarts> starts;
    private final Supplier<FeedMode> mode;
    private final Supplier<StuckPolicy> policy;
    private final Clock clock;
    private final ZoneId zone;
    private final Executor background;
    private final Timeline timer = new Timeline();
    private final AtomicBoolean checking = new AtomicBoolean();
    private FlowService flow;
    private FlowListener reverts;

    /**
     * @param rows every session as the feed last told, as a list of its own on each call (taken on the FX thread and
     *             read in the background, so it is not copied again here)
     */
    public AlertWatcher(AlertCenter center, Supplier<List<SessionRow>> rows, Supplier<SessionStarts> starts,
                        Supplier<FeedMode> mode, Supplier<StuckPolicy> policy, Clock clock, ZoneId zone,
                        Executor background) {
        this.center = center;
        this.rows = rows;
        this.starts = starts;
        this.mode = mode;
        this.policy = policy;
        this.clock = clock;
        this.zone = zone;
        this.background = background;
        timer.getKeyFrames().add(new KeyFrame(PERIOD, e -> checkNow()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    /** Starts the checks, and hears the flow's reverts (its own and other consoles') and holds that end unkept. */
    public void start(FlowService flowService) {
        this.flow = flowService;
        this.reverts = flowAlerts();
        flowService.addListener(reverts);
        timer.play();
    }

    /** What the flow tells that becomes an alert: reverts, and holds that end without the change kept. */
    FlowListener flowAlerts() {
        return new FlowListener() {
            @Override
            public void onRevertDetected(RevertDetected revert) {
                Phrase what = revertPhrase(revert);
                Platform.runLater(() -> center.revert(revert.sessionId(), revert.batchId(), what,
                        revert.overwrittenBy(), clock.instant()));
            }

            @Override
            public void onHoldEnded(String sessionId, String actionId, String batchId, HoldOutcome outcome) {
                if (outcome.kind() == HoldOutcome.Kind.UNCONFIRMED) {
                    Platform.runLater(() -> center.unconfirmed(sessionId, batchId, outcome.message(),
                            clock.instant()));
                } else if (outcome.kind() == HoldOutcome.Kind.VANISHED) {
                    Platform.runLater(() -> center.ended(sessionId, batchId, outcome.message(), clock.instant()));
                }
            }
        };
    }

    /**
     * What the alert says of a revert. The session id and the operator (another console's, read from the session) are
     * cut to a field's length: the list and the tray cut the whole sentence, and a long id would cut which action
     * and whose out of it.
     */
    static Phrase revertPhrase(RevertDetected revert) {
        Object action = revert.action() == null ? Phrase.of("action.unknown") : revert.action();
        String operator = SafeText.bounded(revert.operator(), SafeText.FIELD);
        if (revert.toUnreadable()) {
            // not an older copy written back: a value nobody can read as a session (and the failed action's status
            // is gone with everything else)
            return Phrase.of("alert.revert.unreadable", SessionIds.argument(revert.sessionId()), action, operator,
                    revert.lost());
        }
        if (revert.failedTo() != null) {
            // a failed action's write: what the backend wrote over is the status it left, not a change it made
            return Phrase.of("alert.revert.failed", SessionIds.argument(revert.sessionId()), action, operator,
                    revert.lost(), revert.failedTo());
        }
        return Phrase.of("alert.revert", SessionIds.argument(revert.sessionId()), action, operator, revert.lost());
    }

    /** One check now (on the FX thread); skipped while the previous one is still being computed. */
    public void checkNow() {
        if (!checking.compareAndSet(false, true)) {
            return;
        }
        List<SessionRow> copy = rows.get(); // a list of its own each time: nobody changes it after this
        FeedMode feed = mode.get();
        StuckPolicy stuck = policy.get();
        var rules = center.rules();
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        SessionStarts.Window errors = rules.errorRateOn() ? starts.get().within(rules.errorWindow(), now) : null;
        try {
            background.execute(() -> check(copy, errors, now, feed, stuck, rules));
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            // the window is closing and its background threads are gone: nothing to check any more
            checking.set(false);
            timer.stop();
        }
    }

    private void check(List<SessionRow> copy, SessionStarts.Window errors, LocalDateTime at, FeedMode feed,
                       StuckPolicy stuck, AlertRules rules) {
        try {
            AlertMonitor.Conditions now = AlertConditions.of(copy, errors, at, stuck, rules, feed);
            Platform.runLater(() -> center.check(now, clock.instant()));
        } finally {
            checking.set(false);
        }
    }

    public void stop() {
        timer.stop();
        if (flow != null && reverts != null) {
            flow.removeListener(reverts);
        }
    }
}
