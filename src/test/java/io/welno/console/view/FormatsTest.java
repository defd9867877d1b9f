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
