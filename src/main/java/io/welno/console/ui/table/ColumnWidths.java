package io.welno.console.ui.table;

import io.welno.console.ui.common.HangulFont;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.Formats;
import io.welno.console.view.Texts;
import io.welno.console.view.TimeStyle;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Default widths of the columns whose words differ most between the languages ("Age" / "경과", "12m 05s" /
 * "12분 05초", "14:03:22" / "오후 2:03:22"): wide enough for the header and the longest typical value in Korean and
 * in English, in either time style, measured in the window's font, so that switching language or time style never
 * cuts them to "10분 1…".
 */
final class ColumnWidths {

    /** The stylesheet's root size (console.css). */
    static final double FONT_SIZE = 13;
    /** A cell's padding and its right border, with room to spare. */
    private static final double CELL_SLACK = 14;
    /** The header's padding and the sort arrow of the sorted column. */
    private static final double HEADER_SLACK = 30;
    private static final LocalDateTime WIDEST_TIME = LocalDateTime.of(2026, 12, 31, 12, 59, 58);

    private ColumnWidths() {
    }

    /** Ages up to a day: "59m 59s", "23h 59m", "59분 59초", "23시간 59분". */
    static double age() {
        return fit("column.age", texts -> List.of(Formats.duration(texts, Duration.ofSeconds(59 * 60 + 59)),
                Formats.duration(texts, Duration.ofHours(23).plusMinutes(59))));
    }

    /** Recent times in both styles: "23:59:58", "12:59:58 PM", "오후 12:59:58". */
    static double lastUpdate() {
        return fit("column.updated", texts -> List.of(Formats.recentTime(texts, WIDEST_TIME, WIDEST_TIME),
                Formats.recentTime(texts, WIDEST_TIME.plusHours(11), WIDEST_TIME.plusHours(11))));
    }

    /**
     * Countdowns ("29m 59s") and passed expiries up to an hour ("59m ago", "59분 전 만료"), the latter in the bold the
     * table marks them with.
     */
    static double expiry() {
        double ticking = fit("column.expires",
                texts -> List.of(Formats.duration(texts, Duration.ofSeconds(29 * 60 + 59))));
        double passed = fit("column.expires", texts -> List.of(Formats.expiryCell(texts, WIDEST_TIME,
                WIDEST_TIME.plusMinutes(59))), FontWeight.BOLD);
        return Math.max(ticking, passed);
    }

    interface Samples {
        List<String> of(Texts texts);
    }

    private static double fit(String headerKey, Samples samples) {
        return fit(headerKey, samples, FontWeight.NORMAL);
    }

    private static double fit(String headerKey, Samples samples, FontWeight cellWeight) {
        String family = HangulFont.family().orElse(Font.getDefault().getFamily());
        Font cell = Font.font(family, cellWeight, FONT_SIZE);
        Font header = Font.font(family, FontWeight.BOLD, FONT_SIZE);
        double widest = 0;
        for (Locale locale : List.of(BundleTexts.KOREAN, BundleTexts.ENGLISH)) {
            BundleTexts bundle = new BundleTexts(locale);
            widest = Math.max(widest, width(bundle.get(headerKey), header) + HEADER_SLACK);
            List<String> values = new ArrayList<>();
            for (TimeStyle style : TimeStyle.values()) {
                values.addAll(samples.of(bundle.withTimeStyle(style)));
            }
            for (String value : values) {
                widest = Math.max(widest, width(value, cell) + CELL_SLACK);
            }
        }
        return Math.ceil(widest);
    }

    private static double width(String text, Font font) {
        Text node = new Text(text);
        node.setFont(font);
        return node.getLayoutBounds().getWidth();
    }
}
