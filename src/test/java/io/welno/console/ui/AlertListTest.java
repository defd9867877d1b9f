package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.FxState;
import io.welno.console.text.Phrase;
import io.welno.console.ui.alerts.AlertCenter;
import io.welno.console.ui.alerts.AlertListView;
import io.welno.console.ui.alerts.OsNotifier;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Themes;
import io.welno.console.view.AlertMonitor;
import io.welno.console.view.Bucket;
import io.welno.console.view.AlertRules;
import io.welno.console.view.Wording;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The alert list: a rule's episode adds one alert however often it is checked, an alert can be acknowledged, and the
 * operating system is notified only while the window is not focused and only where the platform has a notification
 * area (a notifier that fails never reaches the window).
 */
@ExtendWith(ApplicationExtension.class)
class AlertListTest {

    private static final Executor NOW = Runnable::run;
    private static final Instant T = Instant.parse("2026-12-03T01:00:00Z");
    private static final AlertRules RULES = new AlertRules(5, Duration.ofMinutes(10), 0.2, Duration.ofMinutes(15),
            true, true, true);

    /** Records what it is asked; supported or not as the test says. */
    static final class RecordingNotifier implements OsNotifier {
        final AtomicBoolean supported = new AtomicBoolean();
        final AtomicInteger asked = new AtomicInteger();
        final List<String> shown = new CopyOnWriteArrayList<>();
        volatile boolean fail;

        @Override
        public boolean supported() {
            asked.incrementAndGet();
            return supported.get();
        }

        @Override
        public void show(String title, String text) {
            if (!supported.get()) {
                throw new AssertionError("notified on a platform without a notification area");
            }
            if (fail) {
                throw new IllegalStateException("the tray went away");
            }
            shown.add(title + ": " + text);
        }
    }

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final AtomicBoolean focused = new AtomicBoolean(false);
    private final List<String> shownSessions = new CopyOnWriteArrayList<>();
    private final List<Bucket> shownBuckets = new CopyOnWriteArrayList<>();
    private AlertCenter center;

    @Start
    void start(Stage stage) {
        center = new AlertCenter(RULES, i18n, notifier, NOW, focused::get);
        AlertListView list = new AlertListView(center, i18n, ZoneId.of("Asia/Seoul"),
                java.time.Clock.fixed(T.plusSeconds(600), ZoneId.of("Asia/Seoul")), shownSessions::add,
                shownBuckets::add, () -> { });
        stage.setScene(new Scene(list, 1100, 400));
        stage.show();
    }

    private static AlertMonitor.Conditions stuck(int count, List<String> waiting) {
        return new AlertMonitor.Conditions(count, waiting.size(), waiting, 0, true, Phrase.of("mode.LIVE"));
    }

    @Test
    void aRuleFiresOncePerEpisodeAndCanBeAcknowledged(FxRobot robot) {
        robot.interact(() -> {
            center.check(stuck(9, List.of()), T);
            center.check(stuck(12, List.of()), T.plusSeconds(2));
            center.check(stuck(30, List.of()), T.plusSeconds(4));
        });
        assertEquals(1, center.entries().size(), "one episode, one alert");
        assertEquals(AlertMonitor.Rule.STUCK, center.entries().get(0).alert().rule());
        assertEquals("1 not acknowledged", robot.lookup("#alertsUnread").queryAs(Label.class).getText());
        assertTrue(robot.lookup("9 sessions are stuck (alert above 5).").tryQuery().isPresent(), "its words listed");

        robot.interact(() -> {
            center.check(stuck(2, List.of()), T.plusSeconds(6)); // cleared
            center.check(stuck(2, List.of()), T.plusSeconds(66)); // for a minute: the episode ended
            center.check(stuck(8, List.of("welno_waiting1aaaabbbbccccddddeeeeffff", "welno_waiting2")),
                    T.plusSeconds(68));
        });
        assertEquals(List.of(AlertMonitor.Rule.LONG_WAIT, AlertMonitor.Rule.STUCK, AlertMonitor.Rule.STUCK),
                center.entries().stream().map(e -> e.alert().rule()).toList(), "a new episode after it cleared");
        // The first episode's alert says it is over, from when its count dropped; still not acknowledged.
        AlertCenter.Entry over = center.entries().get(2);
        assertEquals(T.plusSeconds(6), over.alert().cleared());
        assertFalse(over.acknowledgedProperty().get());
        assertTrue(robot.lookup("(Over since 10:00:06) 9 sessions are stuck (alert above 5).").tryQuery().isPresent(),
                "its words say it is over");
        assertEquals(null, center.entries().get(1).alert().cleared(), "the episode going on is not over");

        // The short id, so that the count fits the column: a whole id cut the "+1 more" off.
        robot.clickOn("welno_waiting1 (+1 more)");
        assertEquals(List.of("welno_waiting1aaaabbbbccccddddeeeeffff"), shownSessions,
                "the link shows its session in the table");
        // The stuck alerts name no sessions (there may be thousands): their link opens the bucket that lists them.
        robot.clickOn(robot.lookup("Show the Stuck bucket").queryAll().iterator().next());
        assertEquals(List.of(Bucket.STUCK), shownBuckets);

        robot.clickOn(robot.lookup(".alert-ack").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> !b.isDisabled()).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, center.unacknowledgedProperty().get());
        robot.clickOn("#alertsAcknowledgeAll");
        assertEquals(0, center.unacknowledgedProperty().get());
        assertEquals("0 not acknowledged", robot.lookup("#alertsUnread").queryAs(Label.class).getText());
    }

    @Test
    void theOperatingSystemIsNotifiedOnlyWhereItCanBeAndOnlyWhileTheWindowIsNotFocused(FxRobot robot) {
        notifier.supported.set(false);
        robot.interact(() -> center.check(stuck(9, List.of()), T));
        assertTrue(notifier.asked.get() > 0, "the platform was asked");
        assertTrue(notifier.shown.isEmpty(), "and nothing was shown where it has no notification area");
        assertEquals(1, center.entries().size(), "the window lists it all the same");

        notifier.supported.set(true);
        robot.interact(() -> center.revert("welno_a", null, Phrase.of("text.verbatim", "reset reverted"), T));
        assertEquals(List.of("Change reverted: reset reverted"), notifier.shown);

        focused.set(true);
        robot.interact(() -> center.revert("welno_b", null, Phrase.of("text.verbatim", "again"), T));
        assertEquals(1, notifier.shown.size(), "not while the window is focused");

        focused.set(false);
        robot.interact(() -> center.setRules(new AlertRules(5, Duration.ofMinutes(10), 0.2, Duration.ofMinutes(15),
                true, true, false)));
        robot.interact(() -> center.revert("welno_c", null, Phrase.of("text.verbatim", "off"), T));
        assertEquals(1, notifier.shown.size(), "not when the setting is off");

        robot.interact(() -> center.setRules(RULES));
        robot.interact(() -> center.unconfirmed("welno_e", null, Phrase.of("text.verbatim", "could not be read"),
                T));
        assertEquals("Change not confirmed: could not be read", notifier.shown.get(1),
                "a change this console cannot confirm is an alert too");
        assertEquals(AlertMonitor.Rule.UNCONFIRMED, center.entries().get(0).alert().rule());
        robot.interact(() -> center.ended("welno_f", null, Phrase.of("text.verbatim", "expired for the backend"),
                T));
        assertEquals("Session ended while held: expired for the backend", notifier.shown.get(2),
                "a session that ended under a held change is said so, not as a change nobody could confirm");
        assertEquals(AlertMonitor.Rule.ENDED, center.entries().get(0).alert().rule());

        notifier.fail = true;
        robot.interact(() -> center.revert("welno_d", null, Phrase.of("text.verbatim", "tray gone"), T));
        assertEquals(7, center.entries().size(), "a failing tray loses no alert");
        assertFalse(center.entries().isEmpty());
    }

    /** A long wait names only the longest waits: its link counts every session the alert is about, not the named. */
    @Test
    void aLinkCountsEverySessionTheAlertIsAboutNotOnlyThoseItNames(FxRobot robot) {
        robot.interact(() -> center.check(new AlertMonitor.Conditions(0, 160, List.of("welno_w1", "welno_w2"), 0,
                true, Phrase.of("mode.LIVE")), T));
        assertEquals(AlertMonitor.Rule.LONG_WAIT, center.entries().get(0).alert().rule());
        assertTrue(robot.lookup("welno_w1 (+159 more)").tryQuery().isPresent(), "159 more, as the sentence says 160");
    }

    @Test
    void whatTheUserAskedToHearGoesOutsideLikeAnAlertEscaped(FxRobot robot) {
        notifier.supported.set(true);
        robot.interact(() -> center.tellOutside("Followed session changed", "welno_x: Waiting\u001b[2J → Approved"));
        assertEquals(1, notifier.shown.size());
        assertFalse(notifier.shown.get(0).contains("\u001b"), "escaped before the OS sees it: " + notifier.shown);
        focused.set(true);
        robot.interact(() -> center.tellOutside("Followed session changed", "welno_y"));
        assertEquals(1, notifier.shown.size(), "not while the window is focused");
        focused.set(false);
        robot.interact(() -> center.setRules(new AlertRules(5, Duration.ofMinutes(10), 0.2, Duration.ofMinutes(15),
                true, true, false)));
        robot.interact(() -> center.tellOutside("Followed session changed", "welno_z"));
        assertEquals(1, notifier.shown.size(), "not when the setting is off");
        assertTrue(center.entries().isEmpty(), "and it is no alert of the list");
    }
    @Test
    void aNewTimeStyleOrLanguageRedrawsTheListAtOnce(FxRobot robot) {
        robot.interact(() -> center.check(stuck(9, List.of()), T));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cellTexts(robot).contains("10:00:00"), "24-hour clock, Seoul time: " + cellTexts(robot));
        robot.interact(() -> i18n.setTimeStyle(io.welno.console.view.TimeStyle.LOCALE));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cellTexts(robot).stream().anyMatch(t -> t.startsWith("10:00:00") && t.endsWith("AM")),
                "as English writes it, without waiting for another alert: " + cellTexts(robot));
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cellTexts(robot).stream().anyMatch(t -> t.startsWith("오전")), "and as Korean does: " + cellTexts(robot));
        robot.interact(() -> {
            i18n.setTimeStyle(io.welno.console.view.TimeStyle.H24);
            i18n.setLocale(Locale.ENGLISH);
        });
    }

    /**
     * The column cuts a long alert (a bulk run's ends with its latest session's account): its whole text is on the
     * cell's tooltip, wrapped, and a double click opens it in a window to read or copy.
     */
    @Test
    void aLongAlertIsReadWholeOnHoverAndInAWindow(FxRobot robot) throws Exception {
        String account = "status is auth_request_sent again (the action had set auth_completed); "
                + "progress.auth_completed is false again (the action had set true); auth_data changed back";
        robot.interact(() -> {
            center.revert("welno_r0", "run9", Phrase.of("text.verbatim", account), T);
            center.revert("welno_r1", "run9", Phrase.of("text.verbatim", account), T);
        });
        String said = FxState.read(() -> Wording.window(i18n).render(center.entries().get(0).alert().message()));
        assertTrue(said.startsWith("2 sessions of bulk run run9:") && said.endsWith(account), said);
        TableCell<?, ?> cell = FxState.read(() -> robot.lookup(".table-cell")
                .match((TableCell<?, ?> c) -> said.equals(c.getItem())).queryAs(TableCell.class));
        Tooltip tip = FxState.read(cell::getTooltip);
        assertEquals(said, FxState.read(tip::getText));
        assertTrue(FxState.read(tip::isWrapText), "wrapped, not one line as wide as the screen");

        robot.doubleClickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        TextArea whole = FxState.read(() -> robot.lookup("#fullText").queryAs(TextArea.class));
        assertEquals(said, FxState.read(whole::getText));
        robot.interact(() -> ((Stage) whole.getScene().getWindow()).close());
    }

    /** A selected alert's session link takes the selection's text colour, as its other cells do, in both themes. */
    @Test
    void aSelectedAlertsSessionLinkCanBeRead(FxRobot robot) throws Exception {
        robot.interact(() -> center.revert("welno_link", null, Phrase.of("text.verbatim", "reverted"), T));
        for (Themes theme : Themes.values()) {
            robot.interact(() -> {
                theme.applyTo(robot.window(0).getScene());
                robot.lookup("#alertTable").queryTableView().getSelectionModel().select(0);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Hyperlink link = FxState.read(() -> robot.lookup("#alertTable .hyperlink").queryAs(Hyperlink.class));
            TableCell<?, ?> rule = FxState.read(() -> robot.lookup("#alertTable .table-cell")
                    .match((TableCell<?, ?> c) -> "Change reverted".equals(c.getText())).queryAs(TableCell.class));
            assertEquals(FxState.read(rule::getTextFill), FxState.read(link::getTextFill), theme.name());
            assertTrue(FxState.read(link::isUnderline), "still shown as a link");
        }
    }

    private static List<String> cellTexts(FxRobot robot) {
        return robot.lookup("#alertTable .table-cell").queryAll().stream()
                .map(n -> ((TableCell<?, ?>) n).getText()).filter(t -> t != null).toList();
    }
}
