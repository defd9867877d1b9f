package io.welno.console.view;

import io.welno.console.session.StuckPolicy;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
 * <p>Every fact the stuck rule reads is fixed when a row is read, so a row becomes stuck after a moment known from then
 * on ({@link SessionRow#stuckAfter}), and stops being stuck after another (its {@code expires_at},
 * {@link SessionRow#backendExpiry}: the backend deletes it then). Both are compared to the microsecond, as the guards
 * compare them ({@link StuckPolicy#isStuck(LocalDateTime, LocalDateTime, LocalDateTime)}): counted to the whole second,
 * the bucket listed for up to a second a session reset-stuck refuses as expired. The tally holds the counted rows that
 * are not stuck yet by the second of the first moment and those with an expiry by the second of the second; moving the
 * clock on moves the rows of the seconds that have passed, and those of the current second whose moment has passed,
 * into the count or out of it and names them (the Stuck bucket, when shown, adds and takes out just those). The
 * table's once-a-second tick then costs a lookup or two, and each row a batch brings one more: the pass over 100,000
 * rows this replaces took 5–15 ms of the FX thread's 16 ms frame (docs/BENCHMARKS.md, P2 FX).
 *
 * <p>Live rows count when they pass the caller's filter (the table's provider and partner choice); ended rows never.
 * The tally counts again from the rows when that filter or the policy changes, or when the clock goes back. Not
 * thread-safe: the table's model owns it.
 */
public final class StuckTally {

    private final Iterable<SessionRow> rows;
    /**
     * The counted rows not stuck yet, by the second of the moment they become stuck after, with that moment: a row
     * leaves by its own second, so adding or removing one is two hash lookups (a sorted set of rows cost the FX thread
     * as much as the pass it replaced), and the rows of a second that passed are the rows that just became stuck.
     */
    private final Map<Long, Map<String, LocalDateTime>> waiting = new HashMap<>();
    /** The counted rows stuck or waiting that expire, by the second of the moment after which they no longer count. */
    private final Map<Long, Map<String, LocalDateTime>> expiring = new HashMap<>();
    private StuckPolicy policy;
    private Predicate<SessionRow> counts;
    /** The backend's naive wall-clock time last counted at. */
    private LocalDateTime now;
    private int stuck;

    /**
     * @param rows   every row the table holds (read again whenever the tally counts from nothing)
     * @param counts which live rows count
     * @param now    the backend's naive wall-clock time, as the guards read it ({@code Timestamps.nowLocal})
     */
    public StuckTally(Iterable<SessionRow> rows, StuckPolicy policy, Predicate<SessionRow> counts, LocalDateTime now) {
        this.rows = rows;
        recount(policy, counts, now);
    }

    /** Counts again from the rows, for a new policy or a new choice of which rows count. */
    public void recount(StuckPolicy newPolicy, Predicate<SessionRow> newCounts, LocalDateTime newNow) {
        policy = newPolicy;
        counts = newCounts;
        now = newNow;
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
        LocalDateTime after = row.stuckAfter(policy);
        LocalDateTime until = row.backendExpiry();
        if (after == null || until != null && (!after.isBefore(until) || now.isAfter(until))) {
            return; // never stuck, or no longer
        }
        if (after.isBefore(now)) {
            stuck += delta;
        } else {
            file(waiting, after, row.id(), delta);
        }
        if (until != null) {
            file(expiring, until, row.id(), delta);
        }
    }

    private static void file(Map<Long, Map<String, LocalDateTime>> bySecond, LocalDateTime moment, String id,
                             int delta) {
        long second = second(moment);
        if (delta > 0) {
            bySecond.computeIfAbsent(second, s -> new HashMap<>()).put(id, moment);
        } else {
            Map<String, LocalDateTime> then = bySecond.get(second);
            if (then != null && then.remove(id) != null && then.isEmpty()) {
                bySecond.remove(second);
            }
        }
    }

    /** The naive wall-clock second of a moment, counted as if it were UTC. */
    private static long second(LocalDateTime moment) {
        return moment.toEpochSecond(ZoneOffset.UTC);
    }

    /** What moving the clock on changed: the rows that became stuck, and those that stopped (they expired). */
    public record Moved(List<String> became, List<String> expired) {
    }

    /**
     * Moves the clock on to {@code to}.
     *
     * @return the rows that became stuck since the time counted at before, and those that stopped being stuck; empty
     *         when the clock went back, and the tally counted again from the rows (which rows moved is then not known
     *         here)
     */
    public Optional<Moved> advanceTo(LocalDateTime to) {
        if (to.isBefore(now)) {
            recount(policy, counts, to);
            return Optional.empty();
        }
        Set<String> became = new HashSet<>(passed(waiting, to));
        List<String> expired = new ArrayList<>();
        for (String id : passed(expiring, to)) {
            // A row that became stuck and expired within this step was never counted.
            if (!became.remove(id)) {
                expired.add(id);
            }
        }
        now = to;
        stuck += became.size() - expired.size();
        return Optional.of(new Moved(List.copyOf(became), expired));
    }

    /** Takes out of {@code bySecond} the rows whose moment is before {@code to}: whole seconds, then part of one. */
    private List<String> passed(Map<Long, Map<String, LocalDateTime>> bySecond, LocalDateTime to) {
        List<String> passed = new ArrayList<>();
        long from = second(now);
        long last = second(to);
        if (last - from <= bySecond.size()) {
            for (long second = from; second < last; second++) {
                Map<String, LocalDateTime> ids = bySecond.remove(second);
                if (ids != null) {
                    passed.addAll(ids.keySet());
                }
            }
        } else { // a long step (the machine slept): fewer seconds held than passed
            for (Iterator<Map.Entry<Long, Map<String, LocalDateTime>>> i = bySecond.entrySet().iterator();
                 i.hasNext(); ) {
                Map.Entry<Long, Map<String, LocalDateTime>> held = i.next();
                if (held.getKey() < last) {
                    passed.addAll(held.getValue().keySet());
                    i.remove();
                }
            }
        }
        Map<String, LocalDateTime> current = bySecond.get(last);
        if (current != null) {
            current.entrySet().removeIf(held -> held.getValue().isBefore(to) && passed.add(held.getKey()));
            if (current.isEmpty()) {
                bySecond.remove(last);
            }
        }
        return passed;
    }

    /** The stuck rows at the time last counted at, with every row added or removed since. */
    public int count() {
        return stuck;
    }
}
