package io.welno.console.view;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Durations, ages, times and percentages formatted for the current language. Session times are wall-clock
 * times in the profile's zone (the backend's naive timestamps); absolute times are shown in the locale's
 * own style ("2:03:22 PM", "오후 2:03:22"), full date-times with the zone ("KST").
 */
public final class Formats {

    private static final Map<Locale, DateTimeFormatter> TIME = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> DATE_TIME = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> ZONE = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> SHORT_TIME = new ConcurrentHashMap<>();

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

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }

    public static String age(Texts i18n, LocalDateTime since, LocalDateTime now) {
        return since == null ? "" : duration(i18n, Duration.between(since, now));
    }

    /** Time left until {@code until}, or "expired 3m ago". */
    public static String countdown(Texts i18n, LocalDateTime until, LocalDateTime now) {
        if (until == null) {
            return i18n.get("value.missing");
        }
        Duration left = Duration.between(now, until);
        return left.isNegative() ? i18n.format("countdown.expired", duration(i18n, left.negated()))
                : duration(i18n, left);
    }

    /** The time of day for today's times, else date and time; in the locale's style. */
    public static String time(Texts i18n, LocalDateTime time, LocalDateTime now) {
        if (time == null) {
            return "";
        }
        Locale locale = i18n.locale();
        return time.toLocalDate().equals(now.toLocalDate()) ? timeFormat(locale).format(time)
                : dateTimeFormat(locale).format(time);
    }

    /** Today's times as the time of day, others with the date; both with the zone ("오후 2:03:22 KST"). */
    public static String moment(Texts i18n, LocalDateTime time, LocalDateTime now, ZoneId zone) {
        if (time == null) {
            return "";
        }
        Locale locale = i18n.locale();
        return time(i18n, time, now) + " "
                + ZONE.computeIfAbsent(locale, l -> DateTimeFormatter.ofPattern("zzz", l)).format(time.atZone(zone));
    }

    /** Hours and minutes in the locale's style ("2:10 PM", "오후 2:10"), for chart axes. */
    public static String clock(Texts i18n, LocalDateTime time) {
        return SHORT_TIME.computeIfAbsent(i18n.locale(),
                l -> DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(l)).format(time);
    }

    /** The time of day with seconds in the locale's style ("2:10:05 PM", "오후 2:10:05"). */
    public static String clockSeconds(Texts i18n, LocalDateTime time) {
        return timeFormat(i18n.locale()).format(time);
    }

    /** Date, time and zone, e.g. "Nov 20, 2026, 2:03:22 PM KST" or "2026. 11. 20. 오후 2:03:22 KST". */
    public static String dateTime(Texts i18n, LocalDateTime time, ZoneId zone) {
        if (time == null) {
            return "";
        }
        Locale locale = i18n.locale();
        return dateTimeFormat(locale).format(time) + " "
                + ZONE.computeIfAbsent(locale, l -> DateTimeFormatter.ofPattern("zzz", l)).format(time.atZone(zone));
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

    /** A count with the locale's grouping ("2,546"). */
    public static String count(Texts i18n, long count) {
        return NumberFormat.getIntegerInstance(i18n.locale()).format(count);
    }

    private static DateTimeFormatter timeFormat(Locale locale) {
        return TIME.computeIfAbsent(locale, l -> DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(l));
    }

    private static DateTimeFormatter dateTimeFormat(Locale locale) {
        return DATE_TIME.computeIfAbsent(locale,
                l -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(l));
    }
}
