package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The window's and the commands' clock reads the moment the guards judge by, to the microsecond. */
class TimestampsClockTest {

    @Test
    void aClockInMicrosecondsReadsTheGuardsMoment() {
        Instant justAfter = Instant.parse("2026-12-06T05:00:00.000001999Z");
        Clock system = Clock.fixed(justAfter, ZoneOffset.UTC);
        Clock micros = Timestamps.inMicroseconds(system);

        assertEquals(Instant.parse("2026-12-06T05:00:00.000001Z"), micros.instant());
        Timestamps guards = new Timestamps(system, Timestamps.DEFAULT_ZONE);
        assertEquals(guards.nowLocal(), LocalDateTime.now(micros.withZone(Timestamps.DEFAULT_ZONE)),
                "a view's now is the guards' now");
    }

    /**
     * Its millis() answers: Java 17's tick clock divides by the tick's whole milliseconds, none for a microsecond, and
     * threw ArithmeticException there — every second from the detail pane's "Following live changes" line, which then
     * stayed empty in the window.
     */
    @Test
    void aClockInMicrosecondsReadsMillisecondsToo() {
        Instant at = Instant.parse("2026-12-06T05:00:00.123456789Z");
        Clock micros = Timestamps.inMicroseconds(Clock.fixed(at, ZoneOffset.UTC));
        assertEquals(at.toEpochMilli(), micros.millis());
        assertEquals(Instant.parse("2026-12-06T05:00:00.123456Z"),
                micros.withZone(Timestamps.DEFAULT_ZONE).instant(), "in another zone too");
        assertEquals(at.toEpochMilli(), micros.withZone(Timestamps.DEFAULT_ZONE).millis());
    }
}
