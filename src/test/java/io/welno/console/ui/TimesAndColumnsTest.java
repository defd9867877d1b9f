package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.UiPreferences;
import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.ui.shell.SettingsMenu;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.Formats;
import io.welno.console.view.Texts;
import io.welno.console.view.TimeStyle;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Times on the 24-hour clock unless the settings menu says otherwise (one setting for the table, the detail pane and
 * the charts, remembered), their zone said once in the status bar, and the Age and Last update columns wide enough
 * for their header and values in Korean and in English, in either style. The clock stands at 14:10 KST on the
 * fixtures' day.
 */
@ExtendWith(ApplicationExtension.class)
class TimesAndColumnsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);
    @RegisterExtension
    static final PrivatePreferences PREFERENCES = new PrivatePreferences("times-test");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T05:10:00Z"), ZoneOffset.UTC);
    static final List<String> FITTED = List.of("column.age", "column.updated");

    private ConsoleWindow window;
    private TestConsole console;

    @Start
    void start(Stage stage) {
        REDIS.flush();
        REDIS.seedFixtures();
        console = TestConsole.open(stage, CLOCK, TestConsole.profile("test", REDIS.url(), "developer", "production", true));
        window = console.window();
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }


    private void awaitRows(FxRobot robot) throws Exception {
        FxState.await("at least 15 rows", () -> table(robot).getItems().size() >= 15);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void choose(FxRobot robot, String item) {
        SettingsMenu settings = window.view().settings();
        robot.interact(() -> settings.item(item).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The filled cells of a column as the table shows them. */
    private static List<TableCell<?, ?>> cells(FxRobot robot, String columnId) {
        List<TableCell<?, ?>> cells = new ArrayList<>();
        for (Node node : robot.lookup(".table-cell").queryAll()) {
            if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                    && columnId.equals(cell.getTableColumn().getId()) && cell.getText() != null
                    && !cell.getText().isEmpty() && cell.isVisible()) {
                cells.add(cell);
            }
        }
        return cells;
    }

    private static Labeled header(FxRobot robot, String columnId) {
        Node header = robot.lookup(".column-header").match(n -> columnId.equals(n.getId())).query();
        return (Labeled) header.lookup(".label");
    }

    /** What a label draws: its text, or that text cut short with an ellipsis when it does not fit. */
    private static String drawn(Labeled labeled) {
        Text text = (Text) labeled.lookup(".text");
        return text == null ? "" : text.getText();
    }

    /** The longest values a column shows in a working day, in both languages and styles. */
    private static List<String> typical(String column) {
        List<String> values = new ArrayList<>();
        LocalDateTime noon = LocalDateTime.of(2026, 11, 20, 12, 59, 58);
        for (Locale language : List.of(I18n.KOREAN, I18n.ENGLISH)) {
            for (TimeStyle style : TimeStyle.values()) {
                Texts texts = new BundleTexts(language).withTimeStyle(style);
                if (column.equals("column.age")) {
                    values.add(Formats.duration(texts, Duration.ofMinutes(10).plusSeconds(12)));
                    values.add(Formats.duration(texts, Duration.ofMinutes(58).plusSeconds(48)));
                    values.add(Formats.duration(texts, Duration.ofHours(12).plusMinutes(58)));
                } else {
                    values.add(Formats.time(texts, noon, noon));
                    values.add(Formats.time(texts, noon.plusHours(11), noon.plusHours(11)));
                }
            }
        }
        return values;
    }

    private static List<String> lastUpdates(FxRobot robot) throws Exception {
        return FxState.read(() -> cells(robot, "column.updated").stream().map(c -> c.getText()).toList());
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return FxState.read(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static String tooltip(FxRobot robot, String query) throws Exception {
        return FxState.read(() -> robot.lookup(query).queryAs(Label.class).getTooltip().getText());
    }

    @Test
    void timesAreOnThe24HourClockWithTheZoneSaidOnceUntilTheSettingsMenuChangesThem(FxRobot robot)
            throws Exception {
        awaitRows(robot);
        List<String> shown = lastUpdates(robot);
        assertFalse(shown.isEmpty());
        assertTrue(shown.stream().allMatch(t -> t.matches("\\d\\d:\\d\\d:\\d\\d")), "24-hour times: " + shown);
        assertEquals("KST (UTC+9)", text(robot, "#timeZone"));
        assertTrue(tooltip(robot, "#timeZone").contains("Asia/Seoul"));

        // the cells take a new style when the table is next laid out, which a loaded machine may not have reached
        choose(robot, "menu-time-locale");
        assertEquals(TimeStyle.LOCALE, FxState.read(() -> window.i18n().timeStyle()));
        FxState.await("the language's style", () -> lastUpdates(robot).stream()
                .allMatch(t -> t.matches("\\d{1,2}:\\d\\d:\\d\\d\\s(AM|PM)")));
        assertEquals("locale", PREFERENCES.node().get(UiPreferences.TIME_STYLE, null));
        assertEquals(TimeStyle.LOCALE, UiPreferences.user().timeStyle().orElseThrow(), "the next start uses it");

        choose(robot, "menu-lang-ko");
        FxState.await("Korean's style", () -> lastUpdates(robot).stream()
                .allMatch(t -> t.matches("(오전|오후) \\d{1,2}:\\d\\d:\\d\\d")));

        choose(robot, "menu-time-24h");
        FxState.await("back on the 24-hour clock, in Korean too", () -> lastUpdates(robot).equals(shown));
        assertEquals("KST (UTC+9)", text(robot, "#timeZone"));
        assertTrue(tooltip(robot, "#timeZone").contains("기준"));
        // "14:10 KST", not "14:10KST": the status bar's items stand apart
        double gap = FxState.read(() -> {
            Label clock = robot.lookup("#statusClock").queryAs(Label.class);
            Label zone = robot.lookup("#timeZone").queryAs(Label.class);
            return zone.localToScene(zone.getBoundsInLocal()).getMinX()
                    - clock.localToScene(clock.getBoundsInLocal()).getMaxX();
        });
        assertTrue(gap >= 3, "clock and zone " + gap + " px apart");
    }

    @Test
    void ageAndLastUpdateAreNotCutInEitherLanguageOrStyle(FxRobot robot) throws Exception {
        awaitRows(robot);
        // Age is one of the columns shown on request (the column chooser); shown here to be measured
        robot.interact(() -> table(robot).getColumns().stream().filter(c -> FITTED.contains(c.getId()))
                .forEach(c -> c.setVisible(true)));
        for (Locale language : List.of(I18n.KOREAN, I18n.ENGLISH)) {
            choose(robot, "ko".equals(language.getLanguage()) ? "menu-lang-ko" : "menu-lang-en");
            for (String style : List.of("menu-time-24h", "menu-time-locale")) {
                choose(robot, style);
                robot.interact(() -> table(robot).layout());
                WaitForAsyncUtils.waitForFxEvents();
                FxState.check(() -> {
                    for (String column : FITTED) {
                        Labeled header = header(robot, column);
                        assertEquals(header.getText(), drawn(header), column + " header, " + language + " " + style);
                        List<TableCell<?, ?>> cells = cells(robot, column);
                        assertFalse(cells.isEmpty(), column);
                        for (TableCell<?, ?> cell : cells) {
                            assertEquals(cell.getText(), drawn(cell), column + " cell, " + language + " " + style);
                        }
                        TableCell<?, ?> cell = cells.get(0);
                        double room = cell.getTableColumn().getWidth() - cell.snappedLeftInset()
                                - cell.snappedRightInset();
                        for (String typical : typical(column)) {
                            Text text = new Text(typical);
                            text.setFont(cell.getFont());
                            assertTrue(text.getLayoutBounds().getWidth() <= room, "\"" + typical + "\" ("
                                    + text.getLayoutBounds().getWidth() + " px) fits in " + column + " (" + room
                                    + " px)");
                        }
                    }
                });
            }
        }
    }
}
