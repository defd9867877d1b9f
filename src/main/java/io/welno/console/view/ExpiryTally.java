package io.welno.console.view;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * How many live rows the backend no longer serves: past their {@code expires_at}, the backend deletes a session on its
 * next read ({@link SessionRow#pastBackendExpiry}), so a key still in Redis is not a session it would answer for.
 * Kept as rows come and go and as the clock moves on, without a pass over every row: the rows are filed by the second
 * of their expiry, and moving the clock on adds those whose expiry it passed (or takes them back when it goes back).
 *
 * <p>A row counts from the moment after its {@code expires_at}, to the microsecond, as the guards and the Stuck bucket
 * judge it ({@link StuckTally}): counted from the next whole second, the status bar left out for up to a second a
 * session that was neither stuck nor served any more. The clock is the backend's naive wall-clock time, as the guards
 * read it ({@code Timestamps.nowLocal}). Ended rows and rows without an expiry the backend reads never count. Not
 * thread-safe: the table's model owns it.
 */
public final class ExpiryTally {

    /** Live rows with an expiry, by its second, then by the expiry itself. */
    private final Map<Long, Map<LocalDateTime, Integer>> bySecond = new HashMap<>();
    private LocalDateTime now;
    private int past;

    /** @param now the backend's naive wall-clock time */
    public ExpiryTally(LocalDateTime now) {
        this.now = now;
    }

    public void add(SessionRow row) {
        change(row, 1);
    }

    public void remove(SessionRow row) {
        change(row, -1);
    }

    private void change(SessionRow row, int delta) {
        LocalDateTime expiry = row.backendExpiry();
        if (expiry == null || row.isEnded()) {
            return;
        }
        Map<LocalDateTime, Integer> second = bySecond.computeIfAbsent(second(expiry), s -> new HashMap<>());
        second.merge(expiry, delta, (a, b) -> a + b == 0 ? null : a + b);
        if (second.isEmpty()) {
            bySecond.remove(second(expiry));
        }
        if (row.pastBackendExpiry(now)) {
            past += delta;
        }
    }

    /** Moves the clock to {@code to}, either way. */
    public void advanceTo(LocalDateTime to) {
        LocalDateTime from = now.isBefore(to) ? now : to;
        LocalDateTime until = now.isBefore(to) ? to : now;
        long first = second(from);
        long last = second(until);
        int passed = 0;
        if (last - first > bySecond.size()) {
            // A long jump (a machine waking up): fewer seconds to look at in the map than on the clock.
            for (Map<LocalDateTime, Integer> second : bySecond.values()) {
                passed += between(second, from, until);
            }
        } else {
            for (long second = first; second <= last; second++) {
                passed += between(bySecond.getOrDefault(second, Map.of()), from, until);
            }
        }
        past += now.isBefore(to) ? passed : -passed;
        now = to;
    }

    /** The rows of {@code second} whose expiry lies in [from, until): passed as the clock moves from one to the other. */
    private static int between(Map<LocalDateTime, Integer> second, LocalDateTime from, LocalDateTime until) {
        int rows = 0;
        for (Map.Entry<LocalDateTime, Integer> expiry : second.entrySet()) {
            if (!expiry.getKey().isBefore(from) && expiry.getKey().isBefore(until)) {
                rows += expiry.getValue();
            }
        }
        return rows;
    }

    /** The naive wall-clock second of a moment, counted as if it were UTC. */
    private static long second(LocalDateTime moment) {
        return moment.toEpochSecond(ZoneOffset.UTC);
    }

    /** The time the clock was last moved to: what {@link #past()} counts at. */
    public LocalDateTime at() {
        return now;
    }

    /** The live rows past their {@code expires_at} at the time the clock was last moved to. */
    public int past() {
        return past;
    }
}
