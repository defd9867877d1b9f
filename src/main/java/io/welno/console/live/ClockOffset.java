package io.welno.console.live;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * How far Redis's clock is from the clock that judges the console (docs/live.md, "Clocks"): Redis's TIME minus the
 * console's time at the middle of the round trip, positive when the console's clock is behind. The answer was made at
 * some moment of the round trip, so the offset is known to within half of it ({@code uncertaintyMillis}).
 *
 * <p>The console judges expiry, stuck sessions and countdowns by its own clock, and the backend by its own; Redis's is
 * the one clock of the backend's side the console can read, so a console whose clock is far from it is told so.
 */
public record ClockOffset(long offsetMillis, long uncertaintyMillis) {

    /**
     * A difference the window and the command line mention: above what a second's countdown or an "updated 10 s ago"
     * shrugs off, below the minutes by which expiry and stuck sessions are judged.
     */
    public static final Duration NOTICEABLE = Duration.ofSeconds(30);

    public ClockOffset {
        if (uncertaintyMillis < 0) {
            throw new IllegalArgumentException("uncertainty " + uncertaintyMillis);
        }
    }

    /**
     * Reads Redis's clock with TIME against {@code clock}.
     *
     * @throws redis.clients.jedis.exceptions.JedisDataException when Redis refuses TIME (an ACL without it, or the
     *                                                            command renamed away)
     * @throws IllegalArgumentException                          when Redis answers something else than two numbers
     */
    public static ClockOffset read(UnifiedJedis redis, Clock clock) {
        long sent = clock.millis();
        long sentNanos = System.nanoTime();
        Object answer = redis.sendCommand(Protocol.Command.TIME);
        // the round trip by the monotonic clock: the wall clock set during it would widen or shift the measure
        long answered = sent + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentNanos);
        try {
            return measured(answer instanceof List<?> values ? values : null, sent, answered);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("TIME answered a time out of range", e);
        }
    }

    /**
     * @param time          TIME's answer: the seconds and the microseconds of the second, as Redis sends them
     * @param sentMillis    the console's clock when TIME was sent
     * @param answeredMillis the console's clock when the answer came
     */
    static ClockOffset measured(List<?> time, long sentMillis, long answeredMillis) {
        if (time == null || time.size() != 2) {
            throw new IllegalArgumentException("TIME answered " + (time == null ? "nothing" : time.size() + " values"));
        }
        long seconds = Long.parseLong(text(time.get(0)));
        long micros = Long.parseLong(text(time.get(1)));
        long serverMillis = Math.addExact(Math.multiplyExact(seconds, 1000), micros / 1000);
        long roundTrip = Math.max(0, answeredMillis - sentMillis);
        // the middle of the round trip, and half of it either way (a millisecond more for the clocks' rounding)
        long middle = sentMillis + roundTrip / 2;
        return new ClockOffset(serverMillis - middle, (roundTrip + 1) / 2 + 1);
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.US_ASCII)
                : String.valueOf(value);
    }

    /** Whether the clocks differ by more than {@link #NOTICEABLE}, whatever the round trip hid. */
    public boolean noticeable() {
        return Math.abs(offsetMillis) - uncertaintyMillis > NOTICEABLE.toMillis();
    }

    /** Whether the console's clock is ahead of Redis's. */
    public boolean consoleAhead() {
        return offsetMillis < 0;
    }

    /** The difference to the nearest second (what the console says; a round trip's milliseconds are not worth it). */
    public Duration difference() {
        return Duration.ofSeconds((Math.abs(offsetMillis) + 500) / 1000);
    }
}
