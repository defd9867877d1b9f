package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The backend's timestamps are read without a formatter; whatever the string, the result is the formatter's. */
class SessionTimestampTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void theBackendsFormsAreReadExactly() {
        assertEquals(LocalDateTime.of(2026, 11, 25, 14, 3, 7, 123_456_000),
                SessionTimestamp.parsePythonIsoformat("2026-11-25T14:03:07.123456"));
        assertEquals(LocalDateTime.of(2026, 11, 25, 14, 3, 7), SessionTimestamp.parsePythonIsoformat("2026-11-25T14:03:07"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 0, 0, 0, 100_000_000),
                SessionTimestamp.parsePythonIsoformat("2024-02-29T00:00:00.1"));
        assertNull(SessionTimestamp.parsePythonIsoformat("2025-02-29T00:00:00"), "no such day");
        assertNull(SessionTimestamp.parsePythonIsoformat("2026-11-25T14:03:07+09:00"), "left to the formatter");
        SessionTimestamp withOffset = SessionTimestamp.parse("2026-11-25T05:03:07+00:00", SEOUL);
        assertNotNull(withOffset);
        assertEquals(LocalDateTime.of(2026, 11, 25, 14, 3, 7), withOffset.local());
    }

    @Test
    void everyStringReadsAsTheFormatterReadsIt() {
        List<String> samples = new ArrayList<>(List.of("", " ", "2026-11-25", "2026-11-25T14:03", "2026-11-25 14:03:07",
                "2026-11-25T14:03:07.", "2026-11-25T14:03:07.1234567890", "2026-11-25T14:03:07.123456789",
                "2026-11-25T24:00:00", "2026-11-25T23:59:60", "2026-13-01T00:00:00", "2026-00-01T00:00:00",
                "2026-11-31T00:00:00", "2026-11-25T14:03:07Z", "2026-11-25T14:03:07.5-03:30", " 2026-11-25T14:03:07 ",
                "２０２６-11-25T14:03:07", "+2026-11-25T14:03:07", "2026-11-25t14:03:07", "0000-01-01T00:00:00",
                "9999-12-31T23:59:59.999999"));
        Random random = new Random(20261125);
        String template = "dddd-dd-ddTdd:dd:dd";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (char c : template.toCharArray()) {
                s.append(c == 'd' ? (char) ('0' + random.nextInt(random.nextInt(4) == 0 ? 10 : 3)) : c);
            }
            int fraction = random.nextInt(12) - 1;
            if (fraction >= 0) {
                s.append('.');
                for (int f = 0; f < fraction; f++) {
                    s.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(10) == 0) {
                s.setCharAt(random.nextInt(s.length()), "x:-.T9 ".charAt(random.nextInt(7)));
            }
            samples.add(s.toString());
        }
        int read = 0;
        for (String sample : samples) {
            SessionTimestamp expected = formatterOnly(sample, SEOUL);
            assertEquals(expected, SessionTimestamp.parse(sample, SEOUL), sample);
            read += expected == null ? 0 : 1;
        }
        assertTrue(read > 1_000 && read < samples.size(), read + " of " + samples.size() + " readable");
    }

    /** SessionTimestamp.parse as it was, with the formatters only. */
    private static SessionTimestamp formatterOnly(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.trim();
        try {
            return new SessionTimestamp(raw, LocalDateTime.parse(text), false);
        } catch (DateTimeParseException notNaive) {
            try {
                return new SessionTimestamp(raw, OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDateTime(), true);
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }
}
