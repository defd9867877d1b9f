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
}
