package io.welno.console.session;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;

/**
 * Python's {@code datetime.fromisoformat(text)} as CPython 3.11 and 3.12 run it (the C module {@code _datetime}),
 * so the console reads a document's timestamp exactly as the backend's {@code get_session} does: the same strings
 * accepted, the same value read, the same strings refused (docs/backend-protocol.md, "Timestamps").
 *
 * <p>java.time's formatters follow ISO 8601 and differ from Python in both directions, so this is a step-by-step port
 * of CPython's reading, quirks included: any single character between date and time (a space, a digit, an emoji);
 * basic and week dates; {@code HH}, {@code HHMM}, {@code HH:MM}; a fraction after {@code .} or {@code ,} of any
 * length, cut to microseconds; an offset with seconds and a fraction; and the laxness of its byte-by-byte reading
 * (after six fraction digits, anything up to an offset is skipped). It reads the string's UTF-8 bytes, as CPython
 * does, and stops at a zero byte where CPython's C code does. The corpus in {@code src/test/resources/fromisoformat}
 * holds Python's own verdicts, and a test holds this class to every one of them.
 */
final class PythonIsoformat {

    /**
     * What {@code fromisoformat} returned.
     *
     * @param wall         the date and time as written (the wall-clock fields of Python's value)
     * @param offsetMicros the UTC offset of an aware value, in microseconds; null for a naive value
     */
    record Reading(LocalDateTime wall, Long offsetMicros) {

        /** An aware value: the backend's naive {@code datetime.now() > value} raises TypeError for it. */
        boolean aware() {
            return offsetMicros != null;
        }
    }

    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final int NO_OFFSET = 0;
    private static final int WITH_OFFSET = 1;

    private PythonIsoformat() {
    }

    /** @return what Python reads, or null where it raises (ValueError) */
    static Reading read(String text) {
        byte[] s = pythonUtf8(text);
        if (s == null) {
            return null;
        }
        Cursor c = new Cursor(s);
        int len = s.length;
        int separator = separatorAt(c, len);
        int[] date = new int[3];
        int rv = date(c, separator, date);
        int[] time = new int[4];
        long[] offset = new long[2];
        if (rv == 0 && len > separator) {
            int p = separator + utf8Length(c.at(separator));
            rv = time(c, p, len, time, offset);
        }
        if (rv < 0) {
            return null;
        }
        Long offsetMicros = null;
        if (rv == WITH_OFFSET) {
            // A zero in seconds is UTC whatever the fraction says (CPython returns timezone.utc before it looks).
            offsetMicros = offset[0] == 0 ? 0L : offset[0] * 1_000_000L + offset[1];
            if (offsetMicros <= -MICROS_PER_DAY || offsetMicros >= MICROS_PER_DAY) {
                return null;
            }
        }
        int year = date[0];
        int hour = time[0];
        int minute = time[1];
        int second = time[2];
        if (year < 1 || year > 9999 || hour > 23 || minute > 59 || second > 59) {
            return null; // datetime() raises where java.time would accept (year 0, 10000)
        }
        try {
            return new Reading(LocalDateTime.of(year, date[1], date[2], hour, minute, second, time[3] * 1000),
                    offsetMicros);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /**
     * The bytes CPython parses: fewer than 7 characters are refused at once; a lone surrogate at index 7, 8 or 10 (the
     * first such place) becomes {@code T}; any other lone surrogate cannot be encoded and is refused.
     */
    private static byte[] pythonUtf8(String text) {
        if (text == null) {
            return null;
        }
        int[] points = text.codePoints().toArray(); // a lone surrogate is a code point of its own, as in Python
        if (points.length < 7) {
            return null;
        }
        for (int pos : new int[] {7, 8, 10}) {
            if (pos >= points.length) {
                break;
            }
            if (Character.getType(points[pos]) == Character.SURROGATE) {
                points[pos] = 'T';
                break;
            }
        }
        for (int point : points) {
            if (Character.getType(point) == Character.SURROGATE) {
                return null;
            }
        }
        return new String(points, 0, points.length).getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes with the zero byte C finds after the end (and beyond, so no read runs out). */
    private static final class Cursor {
        private final byte[] s;

        Cursor(byte[] s) {
            this.s = s;
        }

        int at(int i) {
            return i >= 0 && i < s.length ? s[i] & 0xff : 0;
        }

        boolean digit(int i) {
            int b = at(i);
            return b >= '0' && b <= '9';
        }

        /** {@code n} digits from {@code i} into {@code out[slot]}; the index after them, or -1 at a non-digit. */
        int digits(int i, int n, int[] out, int slot) {
            for (int k = 0; k < n; k++, i++) {
                if (!digit(i)) {
                    return -1;
                }
                out[slot] = out[slot] * 10 + (at(i) - '0');
            }
            return i;
        }
    }

    /** The length of the UTF-8 sequence its first byte starts, as CPython counts it to skip the separator. */
    private static int utf8Length(int lead) {
        if ((lead & 0x80) == 0) {
            return 1;
        }
        return switch (lead & 0xf0) {
            case 0xe0 -> 3;
            case 0xf0 -> 4;
            default -> 2;
        };
    }

    /** Where the date ends and the one separator character stands (YYYY-MM-DD: 10, YYYYMMDD: 8, week dates: 7–10). */
    private static int separatorAt(Cursor c, int len) {
        if (len == 7) {
            return 7;
        }
        if (c.at(4) == '-') {
            if (c.at(5) != 'W') {
                return 10;
            }
            if (len < 8) {
                return -1;
            }
            if (len > 8 && c.at(8) == '-') {
                if (len == 9) {
                    return -1;
                }
                return len > 10 && c.digit(10) ? 8 : 10;
            }
            return 8;
        }
        if (c.at(4) != 'W') {
            return 8;
        }
        int idx = 7;
        while (idx < len && c.digit(idx)) {
            idx++;
        }
        if (idx < 9) {
            return idx;
        }
        return idx % 2 == 0 ? 7 : 8;
    }

    /** The date in {@code [0, end)} into year, month, day; 0, or negative when Python refuses it. */
    private static int date(Cursor c, int end, int[] ymd) {
        int p = c.digits(0, 4, ymd, 0);
        if (p < 0) {
            return -1;
        }
        boolean separated = c.at(p) == '-';
        if (separated) {
            p++;
        }
        if (c.at(p) == 'W') {
            int[] week = new int[2];
            p = c.digits(p + 1, 2, week, 0);
            if (p < 0) {
                return -3;
            }
            // end is -1 (unsigned: never reached) for the shapes the separator search gives up on
            if (end < 0 || p < end) {
                if (separated && c.at(p++) != '-') {
                    return -2;
                }
                if (c.digits(p, 1, week, 1) < 0) {
                    return -4;
                }
            } else {
                week[1] = 1;
            }
            return weekDate(ymd[0], week[0], week[1], ymd);
        }
        p = c.digits(p, 2, ymd, 1);
        if (p < 0) {
            return -1;
        }
        if (separated && c.at(p++) != '-') {
            return -2;
        }
        return c.digits(p, 2, ymd, 2) < 0 ? -1 : 0;
    }

    /** An ISO week date as a calendar date; week 53 only in the years that have it, days 1–7. */
    private static int weekDate(int isoYear, int week, int day, int[] ymd) {
        if (isoYear < 1) {
            // CPython's arithmetic for year 0 lands before 0001-01-01, which datetime() refuses
            return -5;
        }
        LocalDate mid = LocalDate.of(isoYear, 7, 1);
        long weeks = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(mid).getMaximum();
        if (week < 1 || week > weeks) {
            return -5;
        }
        if (day < 1 || day > 7) {
            return -6;
        }
        LocalDate date = mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(java.time.temporal.ChronoField.DAY_OF_WEEK, day);
        ymd[0] = date.getYear();
        ymd[1] = date.getMonthValue();
        ymd[2] = date.getDayOfMonth();
        return 0;
    }

    /**
     * The time in {@code [from, end)}: hour, minute, second, microsecond into {@code hms}, and an offset (seconds,
     * microseconds) into {@code offset}; {@link #NO_OFFSET}, {@link #WITH_OFFSET} or negative when refused.
     */
    private static int time(Cursor c, int from, int end, int[] hms, long[] offset) {
        int tz = from;
        do {
            int b = c.at(tz);
            if (b == 'Z' || b == '+' || b == '-') {
                break;
            }
        } while (++tz < end);
        int rv = hhmmssff(c, from, tz, hms);
        if (rv < 0) {
            return rv;
        }
        if (tz == end) {
            return rv == 1 ? -5 : NO_OFFSET;
        }
        if (c.at(tz) == 'Z') {
            return c.at(tz + 1) != 0 ? -5 : WITH_OFFSET;
        }
        int sign = c.at(tz) == '-' ? -1 : 1;
        int[] parts = new int[4];
        rv = hhmmssff(c, tz + 1, end, parts);
        offset[0] = sign * (parts[0] * 3600L + parts[1] * 60L + parts[2]);
        offset[1] = (long) sign * parts[3];
        return rv != 0 ? -5 : WITH_OFFSET;
    }

    private static final int[] CORRECTION = {100_000, 10_000, 1_000, 100, 10};

    /**
     * {@code HH[:?MM[:?SS]][(.|,)f…]} in {@code [from, end)}, the separator style set by the first; 0 when it ends
     * the string, 1 when something follows (an offset, or what is left of the string), negative when refused.
     */
    private static int hhmmssff(Cursor c, int from, int end, int[] out) {
        int p = from;
        boolean separated = true;
        for (int i = 0; i < 3; i++) {
            p = c.digits(p, 2, out, i);
            if (p < 0) {
                return -3;
            }
            int ch = c.at(p++);
            if (i == 0) {
                separated = ch == ':';
            }
            if (p >= end) {
                return ch != 0 ? 1 : 0;
            } else if (separated && ch == ':') {
                continue;
            } else if (ch == '.' || ch == ',') {
                break;
            } else if (!separated) {
                p--;
            } else {
                return -4;
            }
        }
        int toParse = Math.min(end - p, 6);
        p = c.digits(p, toParse, out, 3);
        if (p < 0) {
            return -3;
        }
        if (toParse > 0 && toParse < 6) {
            out[3] *= CORRECTION[toParse - 1];
        }
        while (c.digit(p)) {
            p++; // digits past the sixth are cut
        }
        return c.at(p) != 0 ? 1 : 0;
    }
}
