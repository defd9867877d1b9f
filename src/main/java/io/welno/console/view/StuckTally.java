package io.welno.console.view;

import io.welno.console.session.StuckPolicy;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Stuck bucket's count, kept as rows come and go instead of counted by a pass over every row each second.
 *
 * <p>Every fact the stuck rule reads is fixed when a row is read, so a row becomes stuck at a second known from then
 * on ({@link SessionRow#stuckAfterSecond}). The tally holds how many counted rows are not stuck yet, by that second;
 * moving the clock on moves the seconds that have passed into the count. The table's once-a-second tick then costs
 * a lookup or two, and each row a batch brings one more: the pass over 100,000 rows this replaces took 5–15 ms of the
 * FX thread's 16 ms frame (docs/BENCHMARKS.md, P2 FX).
 *
 * <p>Live rows count when they pass the caller's filter (the table's provider and partner choice); ended rows never.
 * The tally counts again from the rows when that filter or the policy changes, or when the clock goes back. Not
 * thread-safe: the table's model owns it.
 */
public final class StuckTally {

    private final Iterable<SessionRow> rows;
    /**
     * How many counted rows become stuck after each second, for the seconds not passed yet: a row leaves by its own
     * second, so counts are enough, and adding or removing one is a hash lookup (a sorted set of rows cost the FX
     * thread as much as the pass it replaced).
     */
    private final Map<Long, int[]> waiting = new HashMap<>();
    private StuckPolicy policy;
    private Predicate<SessionRow> counts;
    private long now;
    private int stuck;

    /**
     * @param rows   every row the table holds (read again whenever the tally counts from nothing)
     * @param counts which live rows count
     */
    public StuckTally(Iterable<SessionRow> rows, StuckPolicy policy, Predicate<SessionRow> counts, long nowSecond) {
        this.rows = rows;
        recount(policy, counts, nowSecond);
    }

    /** Counts again from the rows, for a new policy or a new choice of which rows count. */
    public void recount(StuckPolicy newPolicy, Predicate<SessionRow> newCounts, long nowSecond) {
        policy = newPolicy;
        counts = newCounts;
        now = nowSecond;
        stuck = 0;
        waiting.clear();
        for (SessionRow row : rows) {
            add(row);
        }
    }

    /** A row the table now holds (new, or the new version of one it held). */
    public void add(SessionRow row) {
        change(row, +1);
    }

    /** A row the table no longer holds (gone, or replaced by its new version). */
    public void remove(SessionRow row) {
        change(row, -1);
    }

    private void change(SessionRow row, int delta) {
        if (row.isEnded() || !counts.test(row)) {
            return;
        }
        long second = row.stuckAfterSecond(policy);
        if (second == Long.MAX_VALUE) {
            return; // never stuck
        }
        if (now > second) {
            stuck += delta;
            return;
        }
        int[] waitingThen = waiting.computeIfAbsent(second, s -> new int[1]);
        waitingThen[0] += delta;
        if (waitingThen[0] == 0) {
            waiting.remove(second);
        }
    }

    /** The stuck rows at {@code nowSecond}; a clock that went back counts again from the rows. */
    public int countAt(long nowSecond) {
        if (nowSecond < now) {
            recount(policy, counts, nowSecond);
            return stuck;
        }
        if (nowSecond - now <= waiting.size()) {
            for (long second = now; second < nowSecond; second++) {
                int[] passed = waiting.remove(second);
                if (passed != null) {
                    stuck += passed[0];
                }
            }
        } else { // a long step (the machine slept): fewer seconds held than passed
            for (Iterator<Map.Entry<Long, int[]>> i = waiting.entrySet().iterator(); i.hasNext(); ) {
                Map.Entry<Long, int[]> held = i.next();
                if (held.getKey() < nowSecond) {
                    stuck += held.getValue()[0];
                    i.remove();
                }
            }
        }
        now = nowSecond;
        return stuck;
    }

    /** The stuck rows at the second last counted at, with every row added or removed since. */
    public int count() {
        return stuck;
    }
}
