package io.welno.console.ui;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Durations, ages and times formatted for the current language. */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Formats() {
    }

    /** "2h 05m", "4m 12s", "37s" — or in Korean "2시간 05분", "4분 12초", "37초". */
    static String duration(I18n i18n, Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        if (h > 0) {
            return i18n.format("duration.hm", h, String.format("%02d", m));
        }
        if (m > 0) {
            return i18n.format("duration.ms", m, String.format("%02d", s));
        }
        return i18n.format("duration.s", s);
    }

    static String age(I18n i18n, LocalDateTime since, LocalDateTime now) {
        return since == null ? "" : duration(i18n, Duration.between(since, now));
    }

    /** Time left until {@code until}, or "expired 3m ago". */
    static String countdown(I18n i18n, LocalDateTime until, LocalDateTime now) {
        if (until == null) {
            return i18n.get("value.missing");
        }
        Duration left = Duration.between(now, until);
        return left.isNegative() ? i18n.format("countdown.expired", duration(i18n, left.negated()))
                : duration(i18n, left);
    }

    static String time(LocalDateTime time, LocalDateTime now) {
        if (time == null) {
            return "";
        }
        return time.toLocalDate().equals(now.toLocalDate()) ? TIME.format(time) : DATE_TIME.format(time);
    }

    static String dateTime(LocalDateTime time) {
        return time == null ? "" : DATE_TIME.format(time);
    }
}
