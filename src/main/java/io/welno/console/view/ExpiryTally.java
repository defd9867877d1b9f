package io.welno.console.view;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * How many live rows the backend no longer serves: past their {@code expires_at}, the backend deletes a session on its
 * next read ({@link SessionRow#pastBackendExpiry}), so a key still in Redis is not a session it would answer for.
 * Kept as rows come and go and as the clock moves on, without a pass over every row: the rows are counted by the
 * second of their expiry, and moving the clock on adds the seconds that passed (or takes them back when it goes back).
 *
 * <p>Seconds are naive wall-clock seconds counted as UTC, as {@link StuckTally} files its rows. A row counts as past
 * from the second after its {@code expires_at}'s, so the count follows the backend's to-the-microsecond rule within a
 * second (the Stuck bucket, which decides what a bulk reset takes, follows it exactly). Ended
 * rows and rows without an expiry the backend reads never count. Not thread-safe: the table's model owns it.
 */
public final class ExpiryTally {

    /** Live rows with an expiry, by its second. */
    private final Map<Long, Integer> bySecond = new HashMap<>();
    private long now;
    private int past;

    public ExpiryTally(long nowSecond) {
        now = nowSecond;
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
        long second = expiry.toEpochSecond(ZoneOffset.UTC);
        bySecond.merge(second, delta, (a, b) -> a + b == 0 ? null : a + b);
        if (second < now) {
            past += delta;
        }
    }

    /** Moves the clock to {@code nowSecond}, either way. */
    public void advanceTo(long nowSecond) {
        long from = Math.min(now, nowSecond);
        long to = Math.max(now, nowSecond);
        if (to - from > bySecond.size()) {
            // A long jump (a machine waking up): fewer seconds to look at in the map than on the clock.
            now = nowSecond;
            past = 0;
            bySecond.forEach((second, count) -> past += second < now ? count : 0);
            return;
        }
        int passed = 0;
        for (long second = from; second < to; second++) {
            passed += bySecond.getOrDefault(second, 0);
        }
        past += nowSecond > now ? passed : -passed;
        now = nowSecond;
    }

    /** The live rows past their {@code expires_at} at the last second the clock was moved to. */
    public int past() {
        return past;
    }
}
