package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * One setting writes every time: the 24-hour clock by default (the command line's too), the language's own style
 * when chosen; the zone is said once, with its offset.
 */
class FormatsTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final LocalDateTime AFTERNOON = LocalDateTime.of(2026, 11, 20, 14, 3, 22);
    private static final LocalDateTime LATER = AFTERNOON.plusHours(1);

    private static Texts texts(Locale locale, TimeStyle style) {
        return new BundleTexts(locale).withTimeStyle(style);
    }

    /** Right after midnight most rows were written yesterday: the table's column still has room for them. */
    @Test
    void recentTimesAreTheTimeOfDayAcrossMidnight() {
        LocalDateTime beforeMidnight = LocalDateTime.of(2026, 12, 5, 23, 59, 34);
        LocalDateTime afterMidnight = LocalDateTime.of(2026, 12, 6, 0, 0, 39);
        Texts english = texts(Locale.ENGLISH, TimeStyle.H24);
        assertEquals("23:59:34", Formats.recentTime(english, beforeMidnight, afterMidnight));
        assertEquals("Dec 5, 2026 23:59:34", Formats.time(english, beforeMidnight, afterMidnight), "elsewhere, dated");
        assertEquals("오후 11:59:34", Formats.recentTime(texts(Locale.KOREAN, TimeStyle.LOCALE), beforeMidnight,
                afterMidnight));
        assertEquals("Dec 5, 2026 11:59:34", Formats.recentTime(english, beforeMidnight.minusHours(12), afterMidnight),
                "older than 12 hours: dated");
        assertEquals("Dec 7, 2026 00:00:39", Formats.recentTime(english, afterMidnight.plusDays(1), afterMidnight),
                "a day ahead of the clock: dated");
        assertEquals("", Formats.recentTime(english, null, afterMidnight));
    }

    @Test
    void the24HourClockIsTheDefaultInBothLanguages() {
        assertEquals(TimeStyle.H24, BundleTexts.english().timeStyle());
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.KOREAN}) {
            Texts texts = texts(locale, TimeStyle.H24);
            assertEquals("14:03:22", Formats.time(texts, AFTERNOON, LATER));
            assertEquals("14:03", Formats.clock(texts, AFTERNOON));
            assertEquals("14:03:22", Formats.clockSeconds(texts, AFTERNOON));
            assertEquals("14:03:22 KST", Formats.moment(texts, AFTERNOON, LATER, SEOUL));
        }
        assertEquals("Nov 20, 2026 14:03:22", Formats.time(texts(Locale.ENGLISH, TimeStyle.H24), AFTERNOON,
                LATER.plusDays(1)));
        assertEquals("2026. 11. 20. 14:03:22 KST", Formats.dateTime(texts(Locale.KOREAN, TimeStyle.H24), AFTERNOON,
                SEOUL));
    }

    @Test
    void aLengthInASentenceDropsAZeroLastPartWhileATickingOneKeepsItsWidth() {
        Texts korean = texts(Locale.KOREAN, TimeStyle.H24);
        Texts english = texts(Locale.ENGLISH, TimeStyle.H24);
        assertEquals("30분", Formats.span(korean, java.time.Duration.ofMinutes(30)));
        assertEquals("30m", Formats.span(english, java.time.Duration.ofMinutes(30)));
        assertEquals("2시간", Formats.span(korean, java.time.Duration.ofHours(2).plusSeconds(20)));
        assertEquals("1시간 30분", Formats.span(korean, java.time.Duration.ofMinutes(90)));
        assertEquals("2분 05초", Formats.span(korean, java.time.Duration.ofSeconds(125)));
        assertEquals("45초", Formats.span(korean, java.time.Duration.ofSeconds(45)));
        assertEquals("30분 00초", Formats.duration(korean, java.time.Duration.ofMinutes(30)));
        assertEquals("지난 30분 동안 시작한 세션의 8%가 오류로 끝났습니다(기준 5% 초과).",
                Wording.window(korean).render(io.welno.console.text.Phrase.of("alert.errorRate", 8, 5,
                        java.time.Duration.ofMinutes(30))));
    }

    @Test
    void aCountdownTicksBySecondsAndAPassedExpirySaysItsLargestUnits() {
        Texts english = texts(Locale.ENGLISH, TimeStyle.H24);
        Texts korean = texts(Locale.KOREAN, TimeStyle.H24);
        assertEquals("4m 05s", Formats.countdown(english, AFTERNOON.plusSeconds(245), AFTERNOON));
        assertEquals("expired 37s ago", Formats.countdown(english, AFTERNOON.minusSeconds(37), AFTERNOON));
        assertEquals("expired 54m ago", Formats.countdown(english, AFTERNOON.minusSeconds(54 * 60 + 59), AFTERNOON));
        assertEquals("expired 1h 05m ago", Formats.countdown(english, AFTERNOON.minusMinutes(65).minusSeconds(9),
                AFTERNOON));
        assertEquals("54분 전 만료", Formats.countdown(korean, AFTERNOON.minusMinutes(54), AFTERNOON));
        assertEquals("54m ago", Formats.expiryCell(english, AFTERNOON.minusMinutes(54), AFTERNOON),
                "the table's column says what passed in its header");
        assertEquals("4m 05s", Formats.expiryCell(english, AFTERNOON.plusSeconds(245), AFTERNOON));
        assertEquals("54분 전 만료", Formats.expiryCell(korean, AFTERNOON.minusMinutes(54), AFTERNOON));
    }

    @Test
    void theLanguagesStyleWhenChosen() {
        Texts english = texts(Locale.ENGLISH, TimeStyle.LOCALE);
        Texts korean = texts(Locale.KOREAN, TimeStyle.LOCALE);
        assertEquals("2:03:22 PM", Formats.time(english, AFTERNOON, LATER).replace('\u202f', ' '));
        assertEquals("오후 2:03:22", Formats.time(korean, AFTERNOON, LATER));
        assertEquals("오후 2:03", Formats.clock(korean, AFTERNOON));
        assertEquals("2:03 PM", Formats.clock(english, AFTERNOON).replace('\u202f', ' '));
    }

    @Test
    void theZoneIsNamedWithItsOffset() {
        Instant now = Instant.parse("2026-11-20T05:10:00Z");
        assertEquals("KST (UTC+9)", Formats.zoneLabel(texts(Locale.ENGLISH, TimeStyle.H24), SEOUL, now));
        assertEquals("KST (UTC+9)", Formats.zoneLabel(texts(Locale.KOREAN, TimeStyle.H24), SEOUL, now));
        assertEquals("IST (UTC+5:30)", Formats.zoneLabel(texts(Locale.ENGLISH, TimeStyle.H24),
                ZoneId.of("Asia/Kolkata"), now));
        assertEquals("UTC", Formats.zoneLabel(texts(Locale.ENGLISH, TimeStyle.H24), ZoneOffset.UTC, now));
        assertEquals("UTC-3", Formats.zoneLabel(texts(Locale.ENGLISH, TimeStyle.H24), ZoneOffset.ofHours(-3), now));
    }
}
