package io.welno.console.view;

import io.welno.console.live.FeedMode;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.StuckPolicy;
import io.welno.console.text.Phrase;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the alert rules look at, read from the table's rows once every few seconds (off the FX thread: at 100,000
 * rows one pass is a few milliseconds). A session waits for the phone approval while its status is
 * {@code auth_request_sent} or {@code auth_pending}; it has waited since its last update (the backend writes the
 * document when it sends the request, and not again until the approval or a failure). The error rate is the
 * dashboard's: of the sessions started within the rule's window, the share that ended failed.
 */
public final class AlertConditions {

    /** At most this many session ids ride on one alert; the count says how many there were. */
    public static final int MAX_SESSIONS = 50;

    private AlertConditions() {
    }

    public static AlertMonitor.Conditions of(List<SessionRow> rows, LocalDateTime now, StuckPolicy policy,
                                             AlertRules rules, FeedMode mode) {
        int stuck = 0;
        List<String> waiting = new ArrayList<>();
        int started = 0;
        int failed = 0;
        LocalDateTime waitedSince = rules.waitingOn() ? now.minus(rules.waitingLongerThan()) : null;
        LocalDateTime errorsFrom = rules.errorRateOn() ? now.minus(rules.errorWindow()) : null;
        for (SessionRow row : rows) {
            if (!row.readable()) {
                continue;
            }
            if (!row.isEnded()) {
                if (row.isStuck(policy, now)) {
                    stuck++;
                }
                if (waitedSince != null && waitsForApproval(row.status()) && row.updatedAt() != null
                        && row.updatedAt().isBefore(waitedSince) && waiting.size() < MAX_SESSIONS) {
                    waiting.add(row.id());
                }
            }
            LocalDateTime created = row.createdAt();
            if (errorsFrom != null && created != null && created.isAfter(errorsFrom) && !created.isAfter(now)) {
                started++;
                if (DashboardModel.Group.of(row.status()) == DashboardModel.Group.FAILED) {
                    failed++;
                }
            }
        }
        double errorRate = started == 0 ? 0 : (double) failed / started;
        return new AlertMonitor.Conditions(stuck, waiting, errorRate, !fallback(mode), Phrase.of("mode." + mode.name()));
    }

    static boolean waitsForApproval(SessionStatus status) {
        return SessionStatus.AUTH_REQUEST_SENT.equals(status) || SessionStatus.AUTH_PENDING.equals(status);
    }

    /** Connecting is the start, not a fallback; polling, reconnecting and offline are. */
    static boolean fallback(FeedMode mode) {
        return mode == FeedMode.POLLING || mode == FeedMode.RECONNECTING || mode == FeedMode.OFFLINE;
    }
}
