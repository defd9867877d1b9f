package io.welno.console.view;

import io.welno.console.session.StuckPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Stuck bucket's count, kept as rows come and go instead of counted by a pass over every row each second.
 *
 * <p>Every fact the stuck rule reads is fixed when a row is read, so a row becomes stuck at a second known from then
 * on ({@link SessionRow#stuckAfterSecond}). The tally holds the counted rows that are not stuck yet by that second;
 * moving the clock on moves the seconds that have passed into the count and names their rows (the Stuck bucket, when
 * shown, adds just those). The table's once-a-second tick then costs a lookup or two, and each row a batch brings one
 * more: the pass over 100,000 rows this replaces took 5–15 ms of the FX thread's 16 ms frame (docs/BENCHMARKS.md,
 * P2 FX).
 *
 * <p>Live rows count when they pass the caller's filter (the table's provider and partner choice); ended rows never.
 * The tally counts again from the rows when that filter or the policy changes, or when the clock goes back. Not
 * thread-safe: the table's model owns it.
 */
public final class StuckTally {

    private final Iterable<SessionRow> rows;
    /**
     * The counted rows not stuck yet, by the second they become stuck after: a row leaves by its own second, so adding
     * or removing one is two hash lookups (a sorted set of rows cost the FX thread as much as the pass it replaced),
     * and the ids of a second that passed are the rows that just became stuck.
     */
    private final Map<Long, Set<String>> waiting = new HashMap<>();
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
        } else if (delta > 0) {
            waiting.computeIfAbsent(second, s -> new HashSet<>()).add(row.id());
        } else {
            Set<String> then = waiting.get(second);
            if (then != null && then.remove(row.id()) && then.isEmpty()) {
                waiting.remove(second);
            }
        }
    }

    /**
     * Moves the clock on to {@code nowSecond}.
     *
     * @return the ids of the rows that became stuck since the second counted at before; empty when the clock went
     *         back, and the tally counted again from the rows (which rows left the count is then not known here)
     */
    public Optional<List<String>> advanceTo(long nowSecond) {
        if (nowSecond < now) {
            recount(policy, counts, nowSecond);
            return Optional.empty();
        }
        List<String> became = new ArrayList<>();
        if (nowSecond - now <= waiting.size()) {
            for (long second = now; second < nowSecond; second++) {
                Set<String> passed = waiting.remove(second);
                if (passed != null) {
                    became.addAll(passed);
                }
            }
        } else { // a long step (the machine slept): fewer seconds held than passed
            for (Iterator<Map.Entry<Long, Set<String>>> i = waiting.entrySet().iterator(); i.hasNext(); ) {
                Map.Entry<Long, Set<String>> held = i.next();
                if (held.getKey() < nowSecond) {
                    became.addAll(held.getValue());
                    i.remove();
                }
            }
        }
        now = nowSecond;
        stuck += became.size();
        return Optional.of(became);
    }

    /** The stuck rows at the second last counted at, with every row added or removed since. */
    public int count() {
        return stuck;
    }
}
