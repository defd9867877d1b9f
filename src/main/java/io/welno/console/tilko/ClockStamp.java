package io.welno.console.tilko;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A moment read from both clocks, for the client's short memories (a cached key, a failed probe): one stands while
 * both clocks say it is recent. The monotonic clock ({@link System#nanoTime}) stands still while the computer sleeps,
 * and the wall clock can be set back an hour by a time sync; each alone kept a memory from before the hour.
 */
record ClockStamp(long nanos, long millis) {

    static ClockStamp now(LongSupplier nanoTime, Clock wall) {
        return new ClockStamp(nanoTime.getAsLong(), wall.millis());
    }

    /** Whether less than {@code span} has passed between this moment and {@code now} by both clocks. */
    boolean within(Duration span, ClockStamp now) {
        return now.nanos - nanos < span.toNanos() && now.millis - millis < span.toMillis();
    }
}
