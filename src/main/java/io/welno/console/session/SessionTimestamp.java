package io.welno.console.session;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A timestamp as found in a session document, read as the backend reads {@code expires_at}: Python's
 * {@code datetime.fromisoformat} ({@link PythonIsoformat}), which accepts far more than the backend writes, and less
 * than java.time (docs/backend-protocol.md, "Timestamps"). An aware value (an offset or {@code Z}) is readable for us
 * but breaks the backend's naive comparison ({@link #hasOffset()}).
 *
 * @param raw      the exact string in the document
 * @param local    the wall-clock time in the backend's zone (aware values converted into that zone); fractions past
 *                 the microsecond are cut, as Python cuts them
 * @param hasOffset whether Python reads the string as an aware value (an offset, {@code Z}, even {@code +00:00})
 */
public record SessionTimestamp(String raw, LocalDateTime local, boolean hasOffset) {

    /**
     * Reads a document value as {@code fromisoformat} does; returns {@code null} where Python raises ValueError (the
     * backend then reads the session as missing). Nothing is trimmed: Python does not trim either.
     */
    public static SessionTimestamp parse(String raw, ZoneId backendZone) {
        if (raw == null) {
            return null;
        }
        LocalDateTime naive = parsePythonIsoformat(raw);
        if (naive != null) {
            return new SessionTimestamp(raw, naive, false);
        }
        PythonIsoformat.Reading read = PythonIsoformat.read(raw);
        if (read == null) {
            return null;
        }
        if (!read.aware()) {
            return new SessionTimestamp(raw, read.wall(), false);
        }
        LocalDateTime utc = read.wall().minus(read.offsetMicros(), ChronoUnit.MICROS);
        return new SessionTimestamp(raw, utc.atZone(ZoneOffset.UTC).withZoneSameInstant(backendZone).toLocalDateTime(),
                true);
    }

    private static final int[] MICROS_PER_DIGIT = {100_000, 10_000, 1_000, 100, 10, 1};

    /**
     * The backend's own form, {@code datetime.isoformat()} of a naive time ({@code 2026-11-25T14:03:07.123456}, or
     * without the fraction, or with up to nine fraction digits), read without the general reading: every session read
     * parses several timestamps. Null for anything else, which {@link PythonIsoformat} then reads (or rejects); what
     * this returns is what that returns for the same string (a test holds the two together).
     */
    static LocalDateTime parsePythonIsoformat(String t) {
        int n = t.length();
        if (n < 19 || n == 20 || n > 29 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || (n > 19 && t.charAt(19) != '.')) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        int fractionEnd = Math.min(n, 26); // Python reads six digits and skips the rest
        int fraction = n > 19 ? digits(t, 20, fractionEnd) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0 || year == 0
                || digits(t, fractionEnd, n) < 0) {
            return null;
        }
        int micros = n > 19 ? fraction * MICROS_PER_DIGIT[fractionEnd - 21] : 0;
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The decimal number in {@code t[from, to)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public ZonedDateTime inZone(ZoneId backendZone) {
        return local.atZone(backendZone);
    }
}
