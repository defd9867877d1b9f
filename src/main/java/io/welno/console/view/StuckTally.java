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
 * on ({@link SessionRow#stuckAfterSecond}), and stops being stuck at another (its {@code expires_at},
 * {@link SessionRow#stuckUntilSecond}: the backend deletes it then). The tally holds the counted rows that are not
 * stuck yet by the first second and those with an expiry by the second; moving the clock on moves the rows of the
 * seconds that have passed into the count or out of it and names them (the Stuck bucket, when shown, adds and takes
 * out just those). The table's once-a-second tick then costs a lookup or two, and each row a batch brings one
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
    /** The counted rows stuck or waiting that expire, by the second after which they no longer count. */
    private final Map<Long, Set<String>> expiring = new HashMap<>();
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
        expiring.clear();
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
        long until = row.stuckUntilSecond();
        if (second == Long.MAX_VALUE || until <= second || now > until) {
            return; // never stuck, or no longer
        }
        if (now > second) {
            stuck += delta;
        } else {
            file(waiting, second, row.id(), delta);
        }
        if (until != Long.MAX_VALUE) {
            file(expiring, until, row.id(), delta);
        }
    }

    private static void file(Map<Long, Set<String>> bySecond, long second, String id, int delta) {
        if (delta > 0) {
            bySecond.computeIfAbsent(second, s -> new HashSet<>()).add(id);
        } else {
            Set<String> then = bySecond.get(second);
            if (then != null && then.remove(id) && then.isEmpty()) {
                bySecond.remove(second);
            }
        }
    }

    /** What moving the clock on changed: the rows that became stuck, and those that stopped (they expired). */
    public record Moved(List<String> became, List<String> expired) {
    }

    /**
     * Moves the clock on to {@code nowSecond}.
     *
     * @return the rows that became stuck since the second counted at before, and those that stopped being stuck; empty
     *         when the clock went back, and the tally counted again from the rows (which rows moved is then not known
     *         here)
     */
    public Optional<Moved> advanceTo(long nowSecond) {
        if (nowSecond < now) {
            recount(policy, counts, nowSecond);
            return Optional.empty();
        }
        Set<String> became = new HashSet<>(passed(waiting, nowSecond));
        List<String> expired = new ArrayList<>();
        for (String id : passed(expiring, nowSecond)) {
            // A row that became stuck and expired within this step was never counted.
            if (!became.remove(id)) {
                expired.add(id);
            }
        }
        now = nowSecond;
        stuck += became.size() - expired.size();
        return Optional.of(new Moved(List.copyOf(became), expired));
    }

    /** Takes out of {@code bySecond} the rows of every second before {@code nowSecond}. */
    private List<String> passed(Map<Long, Set<String>> bySecond, long nowSecond) {
        List<String> passed = new ArrayList<>();
        if (nowSecond - now <= bySecond.size()) {
            for (long second = now; second < nowSecond; second++) {
                Set<String> ids = bySecond.remove(second);
                if (ids != null) {
                    passed.addAll(ids);
                }
            }
        } else { // a long step (the machine slept): fewer seconds held than passed
            for (Iterator<Map.Entry<Long, Set<String>>> i = bySecond.entrySet().iterator(); i.hasNext(); ) {
                Map.Entry<Long, Set<String>> held = i.next();
                if (held.getKey() < nowSecond) {
                    passed.addAll(held.getValue());
                    i.remove();
                }
            }
        }
        return passed;
    }

    /** The stuck rows at the second last counted at, with every row added or removed since. */
    public int count() {
        return stuck;
    }
}
