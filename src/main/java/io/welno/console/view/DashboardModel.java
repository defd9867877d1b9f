package io.welno.console.view;

import io.welno.console.session.AuthApproval;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.SessionTimestamp;
import io.welno.console.session.StuckPolicy;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's figures (no JavaFX here, so it is unit-tested without a window and runs off the FX thread): the
 * live ones from a copy of every session as the feed last told, the started ones (funnel, error rate, times to
 * approval) from the {@link SessionStarts} tally, which counts every session the console saw start however many of
 * them the table still holds. It keeps its own rolling time series of live sessions per status group, one sample per
 * minute, so the chart grows by a point a minute instead of being rebuilt on every feed event.
 *
 * <p>The time from the auth request to the approval comes with each row ({@link SessionRow}), read with the
 * document's facts in the one pass that reads them; nothing here parses.
 *
 * <p>Not thread-safe: one caller at a time (the view runs one computation at a time).
 */
public final class DashboardModel {

    /**
     * Statuses grouped the way support staff think about them; few enough for a readable stacked chart. A session
     * past its {@code expires_at} is {@link #PAST_EXPIRY} whatever its status: the backend deletes it on its next read
     * (docs/backend-protocol.md), so it is nobody's session any more, only a key Redis keeps until its TTL.
     */
    public enum Group {
        WAITING, APPROVED, COLLECTING, COMPLETED, FAILED, OTHER, PAST_EXPIRY;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The row's group at {@code now} (the backend's wall-clock time). */
        public static Group of(SessionRow row, LocalDateTime now) {
            if (!row.readable()) {
                return OTHER;
            }
            return row.pastBackendExpiry(now) ? PAST_EXPIRY : of(row.status());
        }

        public static Group of(SessionStatus status) {
            if (status.equals(SessionStatus.INITIATED) || status.equals(SessionStatus.AUTH_REQUESTING)
                    || status.equals(SessionStatus.AUTH_REQUEST_SENT) || status.equals(SessionStatus.AUTH_PENDING)) {
                return WAITING;
            }
            if (status.isAuthenticated()) {
                return APPROVED;
            }
            if (status.isFetching()) {
                return COLLECTING;
            }
            if (status.equals(SessionStatus.COMPLETED)) {
                return COMPLETED;
            }
            if (status.equals(SessionStatus.ERROR) || status.equals(SessionStatus.INFO_REQUIRED)
                    || status.equals(SessionStatus.TIMEOUT) || status.equals(SessionStatus.EXPIRED)) {
                return FAILED;
            }
            return OTHER;
        }
    }

    /** Live sessions per group at one minute (the last sample taken in that minute). */
    public record MinuteSample(long minute, int[] counts) {
        public MinuteSample {
            counts = counts.clone();
        }

        public int count(Group group) {
            return counts[group.ordinal()];
        }

        /** The minute as a wall-clock time in the profile's zone. */
        public LocalDateTime time() {
            return minuteTime(minute);
        }

        @Override
        public int[] counts() {
            return counts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MinuteSample m && m.minute == minute && Arrays.equals(m.counts, counts);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(minute) * 31 + Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return "MinuteSample[" + time() + " " + Arrays.toString(counts) + "]";
        }
    }

    /** Sessions started in the window and how far they got. */
    public record Funnel(int started, int requested, int approved, int completed) {

        /** {@code part / whole} in [0, 1], or NaN when {@code whole} is zero. */
        public static double rate(int part, int whole) {
            return whole == 0 ? Double.NaN : (double) part / whole;
        }

        public double requestRate() {
            return rate(requested, started);
        }

        public double approvalRate() {
            return rate(approved, requested);
        }

        public double completionRate() {
            return rate(completed, approved);
        }

        public double overallRate() {
            return rate(completed, started);
        }
    }

    /**
     * Everything the dashboard shows at one moment.
     *
     * @param live           sessions still in Redis (not ended) per group right now, {@link Group#PAST_EXPIRY}
     *                       included
     * @param liveTotal      live sessions: still in Redis and not past their expiry (the ones the backend serves)
     * @param stuck          live sessions that are stuck by the table's stuck policy
     * @param funnel         sessions the console saw start within the window ({@link SessionStarts})
     * @param failed         of those, the ones that ended in error, info mismatch or timeout
     * @param approvals      approvals within the window whose auth request time is known
     * @param approvalMedian median time from the auth request to the approval, or null without approvals
     * @param approvalP90    90th percentile of the same, or null
     * @param history        one sample per minute over the window, oldest first; a minute the console did not follow
     *                       the sessions in has none
     * @param coverage       what the started figures may lack: the console connected within the window, or was not
     *                       connected for a while in it
     */
    public record Snapshot(LocalDateTime at, Duration window, int[] live, int liveTotal, int stuck, Funnel funnel,
                           int failed, int approvals, Duration approvalMedian, Duration approvalP90,
                           List<MinuteSample> history, SessionStarts.Coverage coverage) {
        public Snapshot {
            live = live.clone();
            history = List.copyOf(history);
        }

        public int live(Group group) {
            return live[group.ordinal()];
        }

        @Override
        public int[] live() {
            return live.clone();
        }

        public double errorRate() {
            return Funnel.rate(failed, funnel.started());
        }

        public double stuckRate() {
            return Funnel.rate(stuck, liveTotal);
        }

        /** The first minute of the window (for the chart's axis). */
        public long firstMinute() {
            return minuteOf(at) - (window.toMinutes() - 1);
        }

        public long lastMinute() {
            return minuteOf(at);
        }
    }

    /** When a session's auth was requested and approved, read from its messages (null when unknown). */
    record Approval(LocalDateTime requestedAt, LocalDateTime approvedAt) {
        static final Approval NONE = new Approval(null, null);

        boolean known() {
            return requestedAt != null && approvedAt != null && !approvedAt.isBefore(requestedAt);
        }

        Duration duration() {
            return Duration.between(requestedAt, approvedAt);
        }
    }

    /** Progress steps reached by a session whose authentication was approved ({@link ProgressStepper}). */
    static final int APPROVED_STEPS = 3;

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private final Duration window;
    private final Deque<MinuteSample> history = new ArrayDeque<>();

    public DashboardModel() {
        this(DEFAULT_WINDOW);
    }

    public DashboardModel(Duration window) {
        if (window.toMinutes() < 2) {
            throw new IllegalArgumentException("The dashboard window must be at least two minutes");
        }
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /**
     * Computes the figures at {@code now} (wall-clock time in the profile's zone): the live ones from {@code rows}
     * (every session as the feed last told, ended ones included or not), the started ones from {@code started} (the
     * {@link SessionStarts} tally's counts of this window: the rows are not all sessions that started, since the table
     * keeps only the newest ended ones). Records this minute's sample of the live sessions only when {@code measured}:
     * while the connection is down the rows are the last ones read, and a point made of them would draw a flat line
     * that was never measured; the minute stays without a point instead.
     */
    public Snapshot update(List<SessionRow> rows, SessionStarts.Window started, LocalDateTime now, StuckPolicy policy,
                           boolean measured) {
        int[] live = new int[Group.values().length];
        int liveTotal = 0;
        int stuck = 0;
        for (SessionRow row : rows) {
            if (row.isEnded()) {
                continue;
            }
            Group group = Group.of(row, now);
            live[group.ordinal()]++;
            if (group != Group.PAST_EXPIRY) {
                liveTotal++;
            }
            if (row.isStuck(policy, now)) {
                stuck++;
            }
        }
        if (measured) {
            record(minuteOf(now), live);
        } else {
            dropBefore(minuteOf(now));
        }
        List<Duration> approvalTimes = started.approvals();
        return new Snapshot(now, window, live, liveTotal, stuck, started.funnel(), started.failed(),
                approvalTimes.size(), percentile(approvalTimes, 0.5), percentile(approvalTimes, 0.9),
                new ArrayList<>(history), started.coverage());
    }

    private void record(long minute, int[] live) {
        MinuteSample sample = new MinuteSample(minute, live);
        while (!history.isEmpty() && history.peekLast().minute() >= minute) {
            history.pollLast(); // this minute's earlier sample (or a clock that went back)
        }
        history.addLast(sample);
        dropBefore(minute);
    }

    /** Forgets the samples older than the window ending at {@code minute}. */
    private void dropBefore(long minute) {
        long oldest = minute - (window.toMinutes() - 1);
        while (!history.isEmpty() && history.peekFirst().minute() < oldest) {
            history.pollFirst();
        }
    }

    /** The samples recorded so far, oldest first. */
    public List<MinuteSample> history() {
        return List.copyOf(history);
    }

    /** The auth request and approval times of a document ({@link AuthApproval}), in its zone. */
    public static Approval approvalOf(SessionDocument doc) {
        if (doc == null) {
            return Approval.NONE;
        }
        AuthApproval read = doc.approval();
        return read.equals(AuthApproval.NONE) ? Approval.NONE
                : new Approval(time(read.requestedAt(), doc), time(read.approvedAt(), doc));
    }

    private static LocalDateTime time(String timestamp, SessionDocument doc) {
        SessionTimestamp parsed = SessionTimestamp.parse(timestamp, doc.zone());
        return parsed == null ? null : parsed.local();
    }

    /** Linear interpolation between the closest ranks (as numpy's default); null for no values. */
    public static Duration percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        double position = p * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        long a = sorted.get(lower).toMillis();
        long b = sorted.get(upper).toMillis();
        return Duration.ofMillis(Math.round(a + (b - a) * (position - lower)));
    }

    /** Minutes since the epoch of a wall-clock time (the zone's local time line; no DST in Korea). */
    public static long minuteOf(LocalDateTime time) {
        return Math.floorDiv(time.truncatedTo(ChronoUnit.MINUTES).toEpochSecond(ZoneOffset.UTC), 60);
    }

    public static LocalDateTime minuteTime(long minute) {
        return LocalDateTime.ofEpochSecond(minute * 60, 0, ZoneOffset.UTC);
    }
}
