package io.welno.console.view;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Durations, ages, times and percentages formatted for the current language. Session times are wall-clock
 * times in the profile's zone (the backend's naive timestamps). Times of day follow the window's {@link TimeStyle}:
 * the 24-hour clock ("14:03:22") or the language's own style ("2:03:22 PM", "오후 2:03:22"); the zone is shown once
 * in the window ({@link #zoneLabel}) and with full date-times ("KST").
 */
public final class Formats {

    /** The parts of a time that are written, per style and locale. */
    private enum Part { TIME, SHORT_TIME, DATE_TIME }

    private record Key(Part part, TimeStyle style, Locale locale) {
    }

    private static final Map<Key, DateTimeFormatter> FORMATS = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> ZONE = new ConcurrentHashMap<>();

    private Formats() {
    }

    /** "2h 05m", "4m 12s", "37s" — or in Korean "2시간 05분", "4분 12초", "37초". */
    public static String duration(Texts i18n, Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        if (h > 0) {
            return i18n.format("duration.hm", h, twoDigits(m));
        }
        if (m > 0) {
            return i18n.format("duration.ms", m, twoDigits(s));
        }
        return i18n.format("duration.s", s);
    }

    /**
     * A length of time inside a sentence: as {@link #duration}, without a last part that is zero — "30m", "2h",
     * "4m 12s" ("30분", "2시간", "4분 12초"), where a ticking column keeps "30m 00s" for an even width.
     */
    public static String span(Texts i18n, Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds >= 3600 && seconds % 3600 < 60) {
            return i18n.format("duration.h", seconds / 3600);
        }
        if (seconds >= 60 && seconds < 3600 && seconds % 60 == 0) {
            return i18n.format("duration.m", seconds / 60);
        }
        return duration(i18n, duration);
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }

    public static String age(Texts i18n, LocalDateTime since, LocalDateTime now) {
        return since == null ? "" : duration(i18n, Duration.between(since, now));
    }

    /**
     * Time left until {@code until} ("4m 12s"), or how long ago it passed in its largest unit ("expired 37s ago",
     * "expired 54m ago", "expired 1h 05m ago"): the seconds of something long gone only make the table's column too
     * narrow for it.
     */
    public static String countdown(Texts i18n, LocalDateTime until, LocalDateTime now) {
        if (until == null) {
            return i18n.get("value.missing");
        }
        Duration left = Duration.between(now, until);
        return left.isNegative() ? i18n.format("countdown.expired", largestUnits(i18n, left.negated()))
                : duration(i18n, left);
    }

    /**
     * The table's expiry cell: {@link #countdown} while time is left, "54m ago" once the expiry passed (the column's
     * header says what passed, and the cell is marked red).
     */
    public static String expiryCell(Texts i18n, LocalDateTime until, LocalDateTime now) {
        if (until == null || !until.isBefore(now)) {
            return countdown(i18n, until, now);
        }
        return i18n.format("countdown.passed", largestUnits(i18n, Duration.between(until, now)));
    }

    private static String largestUnits(Texts i18n, Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds < 60) {
            return i18n.format("duration.s", seconds);
        }
        if (seconds < 3600) {
            return i18n.format("duration.m", seconds / 60);
        }
        return i18n.format("duration.hm", seconds / 3600, twoDigits((seconds % 3600) / 60));
    }

    /** The time of day for today's times, else date and time; in the window's {@link TimeStyle}. */
    public static String time(Texts i18n, LocalDateTime time, LocalDateTime now) {
        if (time == null) {
            return "";
        }
        return format(i18n, time.toLocalDate().equals(now.toLocalDate()) ? Part.TIME : Part.DATE_TIME).format(time);
    }

    /**
     * The time of day for the last 12 hours (and a minute ahead, a clock's skew), else date and time: for a column
     * sized to the time of day. A session lives half an hour, so right after midnight most rows were last written
     * yesterday, and a date that the column cut to "2026. 12. 5. 2…" said nothing at all.
     */
    public static String recentTime(Texts i18n, LocalDateTime time, LocalDateTime now) {
        if (time == null) {
            return "";
        }
        boolean recent = !time.isBefore(now.minusHours(12)) && !time.isAfter(now.plusMinutes(1));
        return recent ? format(i18n, Part.TIME).format(time) : time(i18n, time, now);
    }

    /** Today's times as the time of day, others with the date; both with the zone ("14:03:22 KST"). */
    public static String moment(Texts i18n, LocalDateTime time, LocalDateTime now, ZoneId zone) {
        if (time == null) {
            return "";
        }
        Locale locale = i18n.locale();
        return time(i18n, time, now) + " "
                + ZONE.computeIfAbsent(locale, l -> DateTimeFormatter.ofPattern("zzz", l)).format(time.atZone(zone));
    }

    /** Hours and minutes ("14:10"; "2:10 PM", "오후 2:10" in the language's style), for chart axes. */
    public static String clock(Texts i18n, LocalDateTime time) {
        return format(i18n, Part.SHORT_TIME).format(time);
    }

    /** The time of day with seconds ("14:10:05"; "2:10:05 PM", "오후 2:10:05" in the language's style). */
    public static String clockSeconds(Texts i18n, LocalDateTime time) {
        return format(i18n, Part.TIME).format(time);
    }

    /** The same for a time of day a phrase carries (a claim's lease: {@link Wording}), so it reads as the window's. */
    public static String clockSeconds(Texts i18n, LocalTime time) {
        return format(i18n, Part.TIME).format(time);
    }

    /**
     * Date, time and zone, in the form {@link #time} gives another day's time: "Nov 20, 2026 14:03:22 KST" on the
     * 24-hour clock, "Nov 20, 2026, 2:03:22 PM KST" or "2026. 11. 20. 오후 2:03:22 KST" in the language's style.
     */
    public static String dateTime(Texts i18n, LocalDateTime time, ZoneId zone) {
        if (time == null) {
            return "";
        }
        Locale locale = i18n.locale();
        return format(i18n, Part.DATE_TIME).format(time) + " "
                + ZONE.computeIfAbsent(locale, l -> DateTimeFormatter.ofPattern("zzz", l)).format(time.atZone(zone));
    }

    /**
     * The zone the window's times are in, said once: its short name and offset at {@code at}, e.g. "KST (UTC+9)",
     * "IST (UTC+5:30)", or just "UTC".
     */
    public static String zoneLabel(Texts i18n, ZoneId zone, Instant at) {
        ZoneOffset offset = zone.getRules().getOffset(at);
        String name = ZONE.computeIfAbsent(i18n.locale(), l -> DateTimeFormatter.ofPattern("zzz", l))
                .format(at.atZone(zone));
        String utc = utcOffset(offset);
        // a zone without a name of its own is written "-03:00", "Z", "UTC" or "GMT+09:00": the offset says it all
        boolean named = name.chars().allMatch(Character::isLetter) && !name.equals("Z") && !name.equals("UTC")
                && !name.equals("GMT");
        return named ? name + " (" + utc + ")" : utc;
    }

    private static String utcOffset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        int minutes = Math.abs(seconds) / 60;
        return "UTC" + (seconds < 0 ? "-" : "+") + minutes / 60 + (minutes % 60 == 0 ? "" : ":" + twoDigits(minutes % 60));
    }

    /** "12.5%" (one decimal), or "–" when there is nothing to divide by. */
    public static String percent(Texts i18n, double ratio) {
        if (Double.isNaN(ratio)) {
            return i18n.get("dashboard.none");
        }
        NumberFormat format = NumberFormat.getPercentInstance(i18n.locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(ratio);
    }

    /**
     * A rate or other figure with one decimal, in the window's language ("1,234.5"): never the JVM's default locale,
     * whose "1,5" would sit beside an English or Korean sentence.
     */
    public static String decimal(Texts i18n, double value) {
        NumberFormat format = NumberFormat.getNumberInstance(i18n.locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    /**
     * A count with the locale's grouping ("2,546"). The one rule for every whole figure the window shows, counts
     * and milliseconds alike: a pattern writes its figure as {@code {n}} or {@code {n,number,integer}}, which group
     * the same way, so the status bar's "Redis 2,500ms" and the feed's "no PONG within 2,500ms" agree. Only codes
     * and values typed as written (an HTTP status, a URL's limit) keep {@code {n,number,#}} (BundleTest checks).
     */
    public static String count(Texts i18n, long count) {
        return NumberFormat.getIntegerInstance(i18n.locale()).format(count);
    }

    private static DateTimeFormatter format(Texts i18n, Part part) {
        return FORMATS.computeIfAbsent(new Key(part, i18n.timeStyle(), i18n.locale()), Formats::formatter);
    }

    private static DateTimeFormatter formatter(Key key) {
        if (key.style() == TimeStyle.LOCALE) {
            return switch (key.part()) {
                case TIME -> DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(key.locale());
                case SHORT_TIME -> DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(key.locale());
                case DATE_TIME -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(key.locale());
            };
        }
        return switch (key.part()) {
            case TIME -> DateTimeFormatter.ofPattern("HH:mm:ss", key.locale());
            case SHORT_TIME -> DateTimeFormatter.ofPattern("HH:mm", key.locale());
            // the date as the language writes it ("Nov 20, 2026", "2026. 11. 20."), the time on the 24-hour clock
            case DATE_TIME -> new DateTimeFormatterBuilder().appendLocalized(FormatStyle.MEDIUM, null)
                    .appendLiteral(' ').appendPattern("HH:mm:ss").toFormatter(key.locale());
        };
    }
}
