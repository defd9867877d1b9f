package io.welno.console.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CsvExporterTest {

    @Test
    void theSuggestedFileIsNamedByTheWindowsClockInItsZone() {
        // 15:30 UTC on the 2nd is half past midnight on the 3rd in Seoul.
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T15:30:00Z"), ZoneOffset.UTC);
        CsvExporter exporter = new CsvExporter(null, null, null, clock, ZoneId.of("Asia/Seoul"), Runnable::run, null);

        assertEquals("welno-sessions-20261203-0030.csv", exporter.suggestedFileName());
    }
}
