package io.welno.console.session;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A timestamp as found in a session document. The backend writes naive local ISO strings and compares
 * them naively, so a value with an offset is readable for us but breaks the backend ({@link #hasOffset()}).
 *
 * @param raw      the exact string in the document
 * @param local    the wall-clock time in the backend's zone (offset values converted into that zone)
 * @param hasOffset whether the string carried an offset or {@code Z}
 */
public record SessionTimestamp(String raw, LocalDateTime local, boolean hasOffset) {

    /** Parses a document value; returns {@code null} when the string is not an ISO-8601 date-time. */
    public static SessionTimestamp parse(String raw, ZoneId backendZone) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.trim();
        LocalDateTime naive = parsePythonIsoformat(text);
        if (naive != null) {
            return new SessionTimestamp(raw, naive, false);
        }
        try {
            return new SessionTimestamp(raw, LocalDateTime.parse(text), false);
        } catch (DateTimeParseException notNaive) {
            try {
                OffsetDateTime withOffset = OffsetDateTime.parse(text);
                return new SessionTimestamp(raw, withOffset.atZoneSameInstant(backendZone).toLocalDateTime(), true);
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }

    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    /**
     * The backend's own form, {@code datetime.isoformat()} of a naive time ({@code 2026-11-25T14:03:07.123456}, or
     * without the fraction), read without a formatter: {@link LocalDateTime#parse} costs about a microsecond, and
     * every session read parses several timestamps. Null for anything else, which the formatter then reads (or
     * rejects) exactly as before; impossible dates are rejected by {@link LocalDateTime#of} as the formatter would.
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
        int fraction = n > 19 ? digits(t, 20, n) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0) {
            return null;
        }
        int nanos = n > 19 ? fraction * NANOS_PER_DIGIT[n - 21] : 0;
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
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
