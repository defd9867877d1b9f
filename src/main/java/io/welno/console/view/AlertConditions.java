package io.welno.console.view;

import io.welno.console.live.FeedMode;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.StuckPolicy;
import io.welno.console.text.Phrase;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the alert rules look at, read from the table's rows once every few seconds (off the FX thread: at 100,000
 * rows one pass is a few milliseconds). A session waits for the phone approval while its status is
 * {@code auth_request_sent} or {@code auth_pending}, and has waited since its last progress (the message the backend
 * appends when it sends the request): not since {@code updated_at}, which the browser's status poll rewrites every
 * few seconds while the person has not approved yet. A session past its {@code expires_at} waits for nothing: the
 * backend deletes it on its next read (docs/backend-protocol.md), so it is abandoned, not waiting. The error rate is
 * the dashboard's: of the sessions the console saw start within the rule's window, the share that ended failed, counted
 * by the {@link SessionStarts} tally (the rows hold only the newest ended sessions, so they would undercount it).
 */
public final class AlertConditions {

    /** At most this many session ids ride on one alert; the count says how many there were. */
    public static final int MAX_SESSIONS = 50;

    private static final Comparator<SessionRow> LONGEST_WAIT_FIRST =
            Comparator.comparing(SessionRow::lastProgressAt).thenComparing(SessionRow::id);

    private AlertConditions() {
    }

    /**
     * The conditions at {@code now}.
     *
     * @param rows   every session as the feed last told (the held changes of a paused table laid over its rows)
     * @param errors the tally's counts over the rules' error window, or null when that rule is off
     */
    public static AlertMonitor.Conditions of(List<SessionRow> rows, SessionStarts.Window errors, LocalDateTime now,
                                             StuckPolicy policy, AlertRules rules, FeedMode mode) {
        int stuck = 0;
        List<SessionRow> waiting = new ArrayList<>();
        LocalDateTime waitedSince = rules.waitingOn() ? now.minus(rules.waitingLongerThan()) : null;
        for (SessionRow row : rows) {
            if (!row.readable()) {
                continue;
            }
            if (!row.isEnded()) {
                if (row.isStuck(policy, now)) {
                    stuck++;
                }
                if (waitedSince != null && waitsTooLong(row, waitedSince, now)) {
                    waiting.add(row);
                }
            }
        }
        double errorRate = errors == null || errors.funnel().started() == 0 ? 0 : errors.errorRate();
        List<String> longest = waiting.stream().sorted(LONGEST_WAIT_FIRST).limit(MAX_SESSIONS).map(SessionRow::id)
                .toList();
        return new AlertMonitor.Conditions(stuck, waiting.size(), longest, errorRate, !fallback(mode),
                Phrase.of("mode." + mode.name()));
    }

    private static boolean waitsTooLong(SessionRow row, LocalDateTime waitedSince, LocalDateTime now) {
        return waitsForApproval(row.status()) && row.lastProgressAt() != null
                && row.lastProgressAt().isBefore(waitedSince) && !row.pastBackendExpiry(now);
    }

    static boolean waitsForApproval(SessionStatus status) {
        return SessionStatus.AUTH_REQUEST_SENT.equals(status) || SessionStatus.AUTH_PENDING.equals(status);
    }

    /** Connecting is the start, not a fallback; polling, reconnecting and offline are. */
    static boolean fallback(FeedMode mode) {
        return mode == FeedMode.POLLING || mode == FeedMode.RECONNECTING || mode == FeedMode.OFFLINE;
    }
}
