package io.welno.console.view;

import io.welno.console.view.DashboardModel.Funnel;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * The sessions this console saw start within the last hour, with how far each got, and the approvals it saw: what the
 * dashboard's "started", funnel, error rate and times to approval count, and the alert rules' error rate. Counting the
 * table model's rows instead undercounted every busy hour, since the model keeps only the newest ended rows
 * (in the demo some 3,300 of 5,400 starts).
 *
 * <p>The table model hands it every change as it arrives, paused or not. Per session id (a session read again is the
 * same session) it keeps the moment its {@code created_at} names, the steps it reached (once reached, a step stays
 * reached: a re-sent request that passes through {@code auth_requesting} again did not undo the first approval) and
 * whether its status when last read is a failure; and, for an approved session, when the approval came and how long
 * after the request. Entries are filed by minute and dropped when their minute leaves the hour ({@link MinuteTally}),
 * so memory follows the sessions started in an hour, not the rows: at some 150 bytes a session (its id included),
 * 100,000 starts an hour keep about 15 MB. A change costs O(1) on the FX thread; a window's counts cost O(its minutes).
 *
 * <p>It counts what it saw. A session that started and ended before the console connected, or while it was not
 * connected, never reached it: {@link Coverage} says when that may have happened within a window, so the dashboard can
 * say its figures may be short instead of claiming a full hour. A pause is no gap: changes reach the tally while the
 * table holds them back.
 *
 * <p>Not thread-safe: the FX thread feeds it and reads it.
 */
public final class SessionStarts {

    /** The longest window asked for: the dashboard's hour, which an alert rule's error window does not exceed. */
    public static final Duration KEEP = DashboardModel.DEFAULT_WINDOW;

    static final int REQUESTED = 1;
    static final int APPROVED = 2;
    static final int COMPLETED = 4;
    static final int FAILED = 8;
    private static final int STEPS = REQUESTED | APPROVED | COMPLETED;

    /** A time the console was not connected, so saw no session start or end. */
    public record Gap(LocalDateTime from, LocalDateTime to) {
    }

    /**
     * What a window's counts may lack.
     *
     * @param connectedAt when the console first connected, when that is within the window (null: before it): sessions
     *                    that ended before then were never seen
     * @param gaps        the times within the window the connection was down, oldest first
     */
    public record Coverage(LocalDateTime connectedAt, List<Gap> gaps) {
        public static final Coverage FULL = new Coverage(null, List.of());

        public Coverage {
            gaps = List.copyOf(gaps);
        }

        public boolean complete() {
            return connectedAt == null && gaps.isEmpty();
        }
    }

    /**
     * The counts of one window, taken on the FX thread in O(its minutes); what costs more (sorting the approval times)
     * is left to whoever reads them, off that thread.
     *
     * @param funnel         the sessions seen whose {@code created_at} is within the window, and how far they got
     * @param failed         of those, the ones whose status when last read is an error, info mismatch, timeout or
     *                       expiry
     * @param approvalMillis milliseconds from the auth request to the approval, of the approvals within the window, in
     *                       no order (the window's own array: read it through {@link #approvals()})
     */
    public record Window(Funnel funnel, int failed, int[] approvalMillis, Coverage coverage) {

        @Override
        public int[] approvalMillis() {
            return approvalMillis.clone();
        }

        /** The approval times, shortest first. */
        public List<Duration> approvals() {
            int[] sorted = approvalMillis.clone();
            Arrays.sort(sorted);
            List<Duration> times = new ArrayList<>(sorted.length);
            for (int ms : sorted) {
                times.add(Duration.ofMillis(ms));
            }
            return times;
        }

        public double errorRate() {
            return Funnel.rate(failed, funnel.started());
        }
    }

    private final Duration keep;
    private final MinuteTally starts;
    private final MinuteTally approvals;
    private LocalDateTime connectedAt;
    /** When the connection went down, while it is; null while connected. */
    private LocalDateTime lostAt;
    private final Deque<Gap> gaps = new ArrayDeque<>();

    public SessionStarts() {
        this(KEEP);
    }

    public SessionStarts(Duration keep) {
        this.keep = keep;
        this.starts = new MinuteTally(4, keep.toMillis());
        this.approvals = new MinuteTally(0, keep.toMillis());
    }

    /** A tally of {@code rows} as if each had just been read (for tests and one-off figures). */
    public static SessionStarts of(Collection<SessionRow> rows, LocalDateTime now) {
        SessionStarts tally = new SessionStarts();
        rows.forEach(row -> tally.saw(row, now));
        return tally;
    }

    /** One read of a session, at {@code now}: a session read again is the same one, counted as last read. */
    public void saw(SessionRow row, LocalDateTime now) {
        if (!row.readable() || row.createdAt() == null) {
            return; // an unreadable copy leaves what was counted of the session as it was
        }
        long at = millis(now);
        starts.put(row.id(), millis(row.createdAt()), outcome(row), at, SessionStarts::merge);
        DashboardModel.Approval approval = row.approval();
        if (approval.known()) {
            long took = Math.min(Integer.MAX_VALUE, approval.duration().toMillis());
            approvals.put(row.id(), millis(approval.approvedAt()), (int) took, at, (earlier, later) -> later);
        }
    }

    private static int outcome(SessionRow row) {
        int steps = row.progressSteps();
        int flags = 0;
        if (steps >= 2) {
            flags |= REQUESTED;
        }
        if (steps >= DashboardModel.APPROVED_STEPS) {
            flags |= APPROVED | REQUESTED;
        }
        if (steps >= 6) {
            flags |= COMPLETED;
        }
        if (DashboardModel.Group.of(row.status()) == DashboardModel.Group.FAILED) {
            flags |= FAILED;
        }
        return flags;
    }

    /** Steps reached stay reached; failed is the latest read's. */
    private static int merge(int earlier, int later) {
        return ((earlier | later) & STEPS) | (later & FAILED);
    }

    /**
     * Whether the console follows the sessions (live or polling) at {@code at}; called as the feed's mode is checked.
     * The first time it does is when the console connected; a time it did not, after that, is a gap.
     */
    public void following(boolean following, LocalDateTime at) {
        if (following) {
            if (connectedAt == null) {
                connectedAt = at;
            } else if (lostAt != null) {
                gaps.addLast(new Gap(lostAt, at));
            }
            lostAt = null;
        } else if (connectedAt != null && lostAt == null) {
            lostAt = at;
        }
        LocalDateTime oldest = at.minus(keep);
        while (!gaps.isEmpty() && !gaps.peekFirst().to().isAfter(oldest)) {
            gaps.pollFirst();
        }
    }

    /** The counts of the sessions started within {@code window} before {@code now} (at most {@link #KEEP}). */
    public Window within(Duration window, LocalDateTime now) {
        Duration span = window.compareTo(keep) > 0 ? keep : window;
        LocalDateTime from = now.minus(span);
        long to = millis(now);
        starts.dropBefore(to);
        approvals.dropBefore(to);
        int[] c = starts.count(millis(from), to);
        return new Window(new Funnel(c[0], c[1], c[2], c[3]), c[4], approvals.values(millis(from), to), coverage(from));
    }

    private Coverage coverage(LocalDateTime from) {
        List<Gap> within = new ArrayList<>();
        for (Gap gap : gaps) {
            if (gap.to().isAfter(from)) {
                within.add(gap);
            }
        }
        return new Coverage(connectedAt != null && connectedAt.isAfter(from) ? connectedAt : null, within);
    }

    /** Sessions kept: those whose start is within the hour. */
    public int size() {
        return starts.size();
    }

    private static long millis(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
