package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The backend's own timestamps are read by a fast path; whatever the string, the result is the general reading's
 * (Python's {@code fromisoformat}, held to Python's own verdicts by {@link PythonIsoformatCorpusTest}).
 */
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
        assertEquals(LocalDateTime.of(2026, 11, 25, 14, 3, 7, 123_456_000),
                SessionTimestamp.parsePythonIsoformat("2026-11-25T14:03:07.123456789"), "cut to microseconds");
        assertNull(SessionTimestamp.parsePythonIsoformat("0000-01-01T00:00:00"), "Python has no year 0");
        assertNull(SessionTimestamp.parsePythonIsoformat("2026-11-25T14:03:07+09:00"), "left to the general reading");
        SessionTimestamp withOffset = SessionTimestamp.parse("2026-11-25T05:03:07+00:00", SEOUL);
        assertNotNull(withOffset);
        assertEquals(LocalDateTime.of(2026, 11, 25, 14, 3, 7), withOffset.local());
    }

    @Test
    void nothingIsTrimmedAsPythonTrimsNothing() {
        assertNull(SessionTimestamp.parse(" 2026-11-20T14:13:22 ", SEOUL));
        assertNull(SessionTimestamp.parse("2026-11-20T14:13:22\n", SEOUL));
        assertEquals(LocalDateTime.of(2026, 11, 20, 14, 13, 22), SessionTimestamp.parse("2026-11-20 14:13:22", SEOUL)
                .local(), "any one character between date and time");
    }

    @Test
    void theFastPathReadsWhatTheGeneralReadingReads() {
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
        int fast = 0;
        for (String sample : samples) {
            PythonIsoformat.Reading general = PythonIsoformat.read(sample);
            LocalDateTime quick = SessionTimestamp.parsePythonIsoformat(sample);
            if (quick != null) {
                fast++;
                assertEquals(new PythonIsoformat.Reading(quick, null), general, sample);
            }
            SessionTimestamp parsed = SessionTimestamp.parse(sample, ZoneOffset.UTC);
            assertEquals(general == null ? null : general.aware()
                    ? general.wall().minus(general.offsetMicros(), ChronoUnit.MICROS) : general.wall(),
                    parsed == null ? null : parsed.local(), sample);
        }
        assertTrue(fast > 1_000 && fast < samples.size(), fast + " of " + samples.size() + " read by the fast path");
    }

    /**
     * The time written into a session is the backend's isoformat whatever the JVM's locale: an Arabic or Persian one
     * would have written its own digits ("٢٠٢٦-…"), which Python's fromisoformat cannot read.
     */
    @Test
    void aWrittenTimeHasAsciiDigitsInAnyDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            for (String tag : new String[] {"ar", "fa", "th-TH-u-nu-thai"}) {
                java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
                assertEquals("2026-05-04T03:02:01.000123",
                        Timestamps.format(LocalDateTime.of(2026, 5, 4, 3, 2, 1, 123_000)), tag);
            }
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
