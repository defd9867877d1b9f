package io.welno.console.session;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Writes timestamps the way Python's {@code datetime.now().isoformat()} does: naive local time, six
 * fraction digits, and no fraction at all when the microseconds are zero. Anything with an offset makes
 * the backend's {@code datetime.now() > fromisoformat(expires_at)} raise and the session vanish for it.
 */
public final class Timestamps {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Seoul");

    private final Clock clock;
    private final ZoneId zone;

    public Timestamps(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public static Timestamps system() {
        return new Timestamps(Clock.systemUTC(), DEFAULT_ZONE);
    }

    public ZoneId zone() {
        return zone;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * A clock that reads the time as {@link #nowLocal()} does, in whole microseconds: what a view or a command
     * judges by it (expired, stuck, how long ago) then agrees with the guards and the backend at every moment,
     * where a nanosecond reading called a session expired up to a microsecond before they did.
     */
    public static Clock inMicroseconds(Clock clock) {
        return new MicrosecondClock(clock);
    }

    /**
     * {@code Clock.tick(clock, 1 µs)} read the same instants, but Java 17's tick clock divides by the tick's whole
     * milliseconds in {@code millis()}, none for a microsecond: it threw ArithmeticException to every view that asked
     * for milliseconds (the detail pane's freshness line, every second).
     */
    private static final class MicrosecondClock extends Clock {
        private final Clock base;

        MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(base.getZone()) ? this : new MicrosecondClock(base.withZone(zone));
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return base.millis(); // a millisecond is whole microseconds: truncating to them changes no millisecond
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MicrosecondClock clock && clock.base.equals(base);
        }

        @Override
        public int hashCode() {
            return base.hashCode() + 1;
        }

        @Override
        public String toString() {
            return "MicrosecondClock[" + base + "]";
        }
    }

    public LocalDateTime nowLocal() {
        return LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MICROS);
    }

    public String now() {
        return format(nowLocal());
    }

    public String nowPlusSeconds(long seconds) {
        return format(nowLocal().plusSeconds(seconds));
    }

    public static String format(LocalDateTime time) {
        LocalDateTime micros = time.truncatedTo(ChronoUnit.MICROS);
        // Locale.ROOT: the JVM's locale may write other digits (Arabic, Persian, Thai), which the backend cannot parse
        String base = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d",
                micros.getYear(), micros.getMonthValue(), micros.getDayOfMonth(),
                micros.getHour(), micros.getMinute(), micros.getSecond());
        int micro = micros.getNano() / 1000;
        return micro == 0 ? base : base + String.format(Locale.ROOT, ".%06d", micro);
    }
}
