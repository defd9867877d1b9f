package io.welno.console.ui;

import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.UiPreferences;
import io.welno.console.ui.common.Themes;
import io.welno.console.ui.actions.ActionsController;
import io.welno.console.ui.dashboard.DashboardView;
import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.ui.shell.KeyboardShortcuts;
import io.welno.console.ui.shell.SettingsMenu;
import io.welno.console.testing.FxState;
import io.welno.console.testing.TestRows;
import io.welno.console.view.Bucket;
import io.welno.console.view.DashboardModel;
import io.welno.console.view.SessionStarts;
import io.welno.console.view.Formats;
import io.welno.console.view.SessionRow;
import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import redis.clients.jedis.params.SetParams;

/**
 * The real window, headless, on a real Redis with the backend's fixtures: language and theme switched at
 * runtime from the settings menu (and remembered), the keyboard shortcuts, the dashboard and the export.
 * The clock stands at 14:10 KST on the fixtures' day, so their sessions fall in the dashboard's hour.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleSettingsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);
    @RegisterExtension
    static final PrivatePreferences PREFS = new PrivatePreferences("settings");
    static final String APPROVED_ID = "welno_a990bed0a990bed0a990bed0a990bed0";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T05:10:00Z"), ZoneOffset.UTC);

    private ConsoleWindow window;
    private TestConsole console;

    @Start
    void start(Stage stage) {
        REDIS.flush();
        REDIS.seedFixtures();
        // one session with a request and an approval in the hour: 1 min 30 s to approve
        LocalDateTime created = LocalDateTime.parse("2026-11-20T14:04:00");
        REDIS.client().set("tilko_session:" + APPROVED_ID, TestRows.session(APPROVED_ID, "auth_completed", created)
                .requested(created.plusSeconds(10)).approved(created.plusSeconds(100)).json(),
                SetParams.setParams().ex(1800));
        console = TestConsole.open(stage, CLOCK, TestConsole.profile("test", REDIS.url(), "developer", "production", true));
        window = console.window();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            if (window.view().shortcutSheet() != null) {
                window.view().shortcutSheet().close();
            }
        });
        console.close(robot);
    }


    private void awaitRows(FxRobot robot, int expected) {
        FxState.await(expected + " rows", () -> table(robot).getItems().size() == expected);
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return FxState.read(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    /** Opens the settings menu and picks an item (fired: Monocle does not drive popup submenus reliably). */
    private void choose(FxRobot robot, String menu, String item) throws Exception {
        SettingsMenu settings = window.view().settings();
        robot.clickOn("#settingsMenu");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(FxState.read(settings::isShowing), "the settings menu opens");
        robot.interact(() -> {
            settings.item(item).fire();
            settings.hide();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Color background(Region region) {
        return (Color) region.getBackground().getFills().get(0).getFill();
    }

    @Test
    void languageAndThemeSwitchAtRuntimeFromTheSettingsMenuAndAreRemembered(FxRobot robot) throws Exception {
        awaitRows(robot, 20);
                FxState.await("LIVE", () -> "LIVE".equals(robot.lookup("#feedMode").queryAs(Label.class).getText()));
        List<String> english = UiWalk.visibleTexts();
        for (String text : List.of("Sessions", "Dashboard", "Settings", "All sessions", "Waiting for approval",
                "Status", "Last message", "Pause live", "LIVE", "Search id, name or last 4 phone digits")) {
            assertTrue(english.contains(text), text + " not shown in English: " + english);
        }
        assertTrue(text(robot, "#roleBadge").endsWith("developer"));
        assertTrue(text(robot, "#environmentBadge").endsWith(" · production"));

        choose(robot, "menu-language", "menu-lang-ko");
                FxState.await("LIVE in Korean", () -> "실시간".equals(robot.lookup("#feedMode").queryAs(Label.class).getText()));
        List<String> korean = UiWalk.visibleTexts();
        String environment = text(robot, "#environmentBadge");
        assertTrue(environment.endsWith(" · 운영"), "the profile's environment in Korean: " + environment);
        for (String text : List.of("세션", "대시보드", "설정", "전체 세션", "승인 대기", "상태", "최근 메시지",
                "실시간 일시정지", "실시간", "ID, 이름, 전화번호 끝 4자리로 검색", "세션 20개")) {
            assertTrue(korean.stream().anyMatch(t -> t.equals(text) || t.startsWith(text)),
                    text + " not shown in Korean: " + korean);
        }
        for (String text : List.of("Sessions", "Dashboard", "Settings", "All sessions", "Waiting for approval",
                "Status", "Pause live", "LIVE")) {
            assertFalse(korean.contains(text), "still in English after the switch: " + text);
        }
        assertEquals(List.of(), leftBehind(Locale.ENGLISH, Locale.KOREAN, korean), "English after the switch");
        assertTrue(korean.contains("읽을 수 없음: 잘린 JSON입니다. 값이 700자에서 끝나는데, 문자열이나 객체가 아직 닫히지 않은 "
                + "위치입니다."), "the parser's reasons are translated: " + korean);
        assertTrue(korean.stream().noneMatch(t -> t.contains("Truncated JSON")), korean.toString());
        String feed = FxState.read(() -> robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class)
                .getText());
        assertTrue(feed.startsWith("실시간으로 받는 중: ") && feed.contains("키스페이스 알림"),
                "the feed's phrase is worded in Korean, its cause too: " + feed);
        assertTrue(text(robot, "#roleBadge").endsWith("개발자"),
                "the role badge follows the language");
        assertEquals("ko", PREFS.node().get(UiPreferences.LANGUAGE, null));

        Region detail = FxState.read(() -> robot.lookup("#detailPane").queryAs(Region.class));
        assertEquals(Color.web("#ffffff"), FxState.read(() -> background(detail)));
        choose(robot, "menu-theme", "menu-theme-dark");
        assertEquals(Themes.DARK, FxState.read(window::theme), "the window knows its theme");
        FxState.await("the dark background", () -> Color.web("#0d1117").equals(background(detail)));
        javafx.scene.paint.Paint bucketFill = FxState.read(() -> robot.lookup("#bucket-all").lookup(".label")
                .queryAs(Label.class).getTextFill());
        assertTrue(bucketFill instanceof Color c && c.getBrightness() > 0.8,
                "light text on the dark theme: " + bucketFill);
        assertEquals("dark", PREFS.node().get(UiPreferences.THEME, null));
        assertEquals(Themes.DARK, UiPreferences.user().theme().orElseThrow(), "the next start uses it");

        choose(robot, "menu-language", "menu-lang-en");
        choose(robot, "menu-theme", "menu-theme-light");
        FxState.await("the light background", () -> Color.web("#ffffff").equals(background(detail)));
        List<String> back = UiWalk.visibleTexts();
        assertTrue(back.contains("All sessions") && back.contains("Dashboard") && !back.contains("전체 세션"), back.toString());
        assertEquals(List.of(), leftBehind(Locale.KOREAN, Locale.ENGLISH, back), "Korean after the switch back");
        assertEquals(Locale.ENGLISH, UiPreferences.user().language().orElseThrow());
    }

    /** With a session open in the detail pane, a switch leaves none of the other language behind, either way. */
    /**
     * A modal dialog's words are made when it opens: the language is not switched while one is open (the dialog
     * blocks the window's menu anyway), so the dialog and the window never speak two languages; once it is closed the
     * switch works again.
     */
    @Test
    void theLanguageStaysWhileAModalDialogIsOpen(FxRobot robot) throws Exception {
        awaitRows(robot, 20);
        I18n i18n = window.i18n();
        assertEquals(Locale.ENGLISH, FxState.read(i18n::locale));
        io.welno.console.ui.alerts.AlertRulesDialog dialog = FxState.read(() -> {
            var opened = new io.welno.console.ui.alerts.AlertRulesDialog((Stage) window.view().getScene().getWindow(), i18n,
                    io.welno.console.view.AlertRules.defaults(), io.welno.console.ui.alerts.OsNotifier.NONE, Runnable::run);
            opened.show();
            return opened;
        });
        try {
            assertEquals("Alert rules", FxState.read(dialog::getTitle));
            robot.interact(() -> window.view().settings().item("menu-lang-ko").fire());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(Locale.ENGLISH, FxState.read(i18n::locale), "not switched under the dialog");
            assertTrue(FxState.read(() -> ((javafx.scene.control.RadioMenuItem) window.view().settings()
                    .item("menu-lang-en")).isSelected()), "the menu still marks the language in use");
            assertEquals("Alert rules", FxState.read(dialog::getTitle));
            assertEquals(List.of("Sessions", "Dashboard"), List.of("Sessions", "Dashboard").stream()
                    .filter(UiWalk.visibleTexts()::contains).toList(), "the window too");
        } finally {
            robot.interact(dialog::close);
        }
        choose(robot, "menu-language", "menu-lang-ko");
        assertEquals(Locale.KOREAN, FxState.read(i18n::locale), "switched once the dialog is closed");
        choose(robot, "menu-language", "menu-lang-en");
    }

    @Test
    void aSwitchWithASessionShownLeavesNoTextOfTheOtherLanguage(FxRobot robot) throws Exception {
        awaitRows(robot, 20);
        robot.interact(() -> {
            TableView<?> sessions = table(robot);
            sessions.getSelectionModel().select(FixturesWindow.indexOf(sessions, APPROVED_ID));
        });
        FxState.await("the approved session in the detail pane", () -> APPROVED_ID.equals(text(robot, "#detailTitle")));
        choose(robot, "menu-language", "menu-lang-ko");
        FxState.await("LIVE in Korean", () -> "실시간".equals(text(robot, "#feedMode")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("인증 완료", text(robot, "#detailStatus"), "the detail pane follows");
        assertEquals(List.of(), leftBehind(Locale.ENGLISH, Locale.KOREAN, UiWalk.visibleTexts()),
                "English in the Korean window");
        choose(robot, "menu-language", "menu-lang-en");
        FxState.await("LIVE in English", () -> "LIVE".equals(text(robot, "#feedMode")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), leftBehind(Locale.KOREAN, Locale.ENGLISH, UiWalk.visibleTexts()),
                "Korean in the English window");
    }

    /**
     * The window's own texts of the language left that are still shown after a switch: every text of the bundle
     * without arguments that the two languages say differently.
     */
    private static List<String> leftBehind(Locale left, Locale now, List<String> shown) {
        ResourceBundle was = ResourceBundle.getBundle(I18n.BUNDLE, left);
        ResourceBundle is = ResourceBundle.getBundle(I18n.BUNDLE, now);
        return was.keySet().stream()
                .filter(k -> !was.getString(k).contains("{") && !was.getString(k).equals(is.getString(k)))
                .map(was::getString).filter(shown::contains).distinct().toList();
    }

    @Test
    void shortcutsMoveThroughBucketsAndSessionsAndTheSheetListsThem(FxRobot robot) throws Exception {
        awaitRows(robot, 20);
        robot.push(KeyCode.CONTROL, KeyCode.F);
        assertTrue(FxState.read(() -> robot.lookup("#searchField").queryAs(TextField.class).isFocused()),
                "Ctrl+F focuses the search");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5); // all, stuck, initiated, auth_requesting, auth_request_sent
        awaitRows(robot, 2);
        assertEquals(Bucket.of(io.welno.console.session.SessionStatus.AUTH_REQUEST_SENT),
                FxState.read(() -> window.view().model().bucketProperty().get()));
        robot.push(KeyCode.ALT, KeyCode.UP);
        assertEquals(Bucket.of(io.welno.console.session.SessionStatus.AUTH_REQUESTING),
                FxState.read(() -> window.view().model().bucketProperty().get()));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        awaitRows(robot, 20);

        robot.push(KeyCode.CONTROL, KeyCode.DOWN);
        assertEquals(0, FxState.read(() -> table(robot).getSelectionModel().getSelectedIndex()));
        robot.push(KeyCode.CONTROL, KeyCode.DOWN);
        robot.push(KeyCode.J);
        assertEquals(2, FxState.read(() -> table(robot).getSelectionModel().getSelectedIndex()),
                "Ctrl+Down, J: next session");
        robot.push(KeyCode.K);
        assertEquals(1, FxState.read(() -> table(robot).getSelectionModel().getSelectedIndex()),
                "K: previous session");
        String selected = FxState.read(() -> ((SessionRow) table(robot).getSelectionModel().getSelectedItem()).id());
        assertEquals(selected, text(robot, "#detailTitle"));

        robot.push(KeyCode.F1);
        FxState.await("the shortcut sheet", () -> robot.lookup("#shortcutSheet").tryQuery().isPresent());
        List<String> sheet = UiWalk.texts(FxState.read(() -> robot.lookup("#shortcutSheet").query()));
        for (KeyboardShortcuts.Shortcut s : FxState.read(() -> List.copyOf(window.view().shortcuts()))) {
            assertTrue(sheet.contains(s.display()), s.display() + " missing from the sheet");
        }
        for (var keys : ActionsController.SHORTCUTS.values()) {
            assertTrue(sheet.contains(keys.getDisplayText()), keys.getDisplayText() + " missing from the sheet");
        }
        for (String text : List.of("Ctrl+F", "Ctrl+E", "F1", "F5", "J / K", "Force auth complete",
                "Show bucket: Waiting for approval")) {
            assertTrue(sheet.contains(text), text + " missing: " + sheet);
        }
        robot.clickOn("#shortcutSheetClose");
        FxState.await("the shortcut sheet closed", () -> robot.lookup("#shortcutSheet").tryQuery().isEmpty());

        robot.push(KeyCode.CONTROL, KeyCode.D);
        assertEquals("tab-dashboard",
                FxState.read(() -> window.view().tabs().getSelectionModel().getSelectedItem().getId()));
        robot.push(KeyCode.CONTROL, KeyCode.D);
        assertEquals("tab-sessions",
                FxState.read(() -> window.view().tabs().getSelectionModel().getSelectedItem().getId()));
    }

    @Test
    void theDashboardShowsTheFiguresOfTheRowsAndTheExportWritesTheFilteredTable(FxRobot robot, @TempDir Path dir)
            throws Exception {
        awaitRows(robot, 20);
        robot.clickOn("#tab-dashboard");
        DashboardView dashboard = FxState.read(() -> window.view().dashboard());
        // a refresh after all rows arrived (the timer runs every 2 s; ask for one now)
        robot.interact(dashboard::refresh);
        FxState.await("the dashboard's figures of the 20 sessions", () -> dashboard.shown() != null
                && dashboard.shown().liveTotal() + dashboard.shown().live(DashboardModel.Group.PAST_EXPIRY) == 20);
        var allRows = FxState.read(() -> List.copyOf(window.view().model().allRows()));
        LocalDateTime now = LocalDateTime.now(CLOCK.withZone(Timestamps.DEFAULT_ZONE));
        DashboardModel.Snapshot expected = new DashboardModel().update(allRows,
                SessionStarts.of(allRows, now).within(DashboardModel.DEFAULT_WINDOW, now), now, StuckPolicy.defaults(),
                true);
        DashboardModel.Snapshot shown = FxState.read(dashboard::shown);
        assertEquals(expected.funnel(), shown.funnel());
        assertTrue(shown.funnel().started() >= 10, "the fixtures started in the last hour: " + shown.funnel());
        assertEquals(expected.approvals(), shown.approvals());
        assertEquals(1, shown.approvals());
        assertEquals(java.time.Duration.ofSeconds(90), shown.approvalMedian());
        var funnel = FxState.read(() -> dashboard.funnelChartNode().getData().get(0).getData());
        var series = FxState.read(() -> dashboard.statusChartNode().getData());
        FxState.check(() -> {
            assertEquals("1m 30s", robot.lookup("#kpi-approval-median").queryAs(Label.class).getText());
            assertEquals(expected.liveTotal(), shown.liveTotal(), "the ones the backend still serves");
            assertEquals(expected.live(DashboardModel.Group.PAST_EXPIRY), shown.live(DashboardModel.Group.PAST_EXPIRY));
            assertEquals(Formats.count(window.i18n(), shown.liveTotal()),
                    robot.lookup("#kpi-live").queryAs(Label.class).getText());
            assertEquals(Formats.count(window.i18n(), shown.funnel().started()),
                    robot.lookup("#kpi-started").queryAs(Label.class).getText());
            assertEquals(Formats.duration(window.i18n(), shown.approvalMedian()),
                    robot.lookup("#kpi-approval-median").queryAs(Label.class).getText());
            assertEquals(Formats.percent(window.i18n(), shown.errorRate()),
                    robot.lookup("#kpi-error-rate").queryAs(Label.class).getText());
            assertEquals(Formats.percent(window.i18n(), shown.stuckRate()),
                    robot.lookup("#kpi-stuck-rate").queryAs(Label.class).getText());
            assertEquals(List.of(shown.funnel().started(), shown.funnel().requested(), shown.funnel().approved(),
                    shown.funnel().completed()), funnel.stream().map(d -> d.getYValue().intValue()).toList());
            assertEquals(7, series.size());
            int stacked = series.stream().mapToInt(s -> s.getData().get(s.getData().size() - 1).getYValue()
                    .intValue()).sum();
            assertEquals(20, stacked, "the latest minute stacks up to every session Redis keeps");
            assertEquals("Waiting for auth", series.get(0).getName());
        });

        // the same figures in Korean, without waiting for the next computation
        robot.interact(() -> window.i18n().setLocale(Locale.KOREAN));
        FxState.check(() -> {
            assertEquals("인증 진행 중", series.get(0).getName());
            assertEquals("시작", funnel.get(0).getXValue());
            assertEquals("1분 30초", robot.lookup("#kpi-approval-median").queryAs(Label.class).getText());
        });
        robot.interact(() -> window.i18n().setLocale(Locale.ENGLISH));

        // export what the table shows: the "Waiting for approval" bucket
        robot.interact(() -> window.view().chooseBucket(Bucket.of(io.welno.console.session.SessionStatus.AUTH_REQUEST_SENT)));
        awaitRows(robot, 2);
        Path file = dir.resolve("sessions.csv");
        var written = WaitForAsyncUtils.asyncFx(() -> window.view().exportTo(file)).get(60, TimeUnit.SECONDS);
        assertEquals(2, written.get(60, TimeUnit.SECONDS));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("\uFEFFSession,Name,Status,"), lines.get(0));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",auth_request_sent,Waiting for approval,")), lines.toString());
        assertNotNull(lines.stream().skip(1).filter(l -> l.contains("박*준")).findFirst().orElse(null), lines.toString());
        assertFalse(String.join("\n", lines).contains("박서준"));
    }
}
