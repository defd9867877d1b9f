package io.welno.console.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.FxState;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.AlertRules;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A threshold typed into the alert rules is saved as typed, or said to be wrong with the dialog left open: JavaFX's
 * spinner made "2000" percent its maximum, 100, and kept the old value behind "abc", and saved those silently.
 */
@ExtendWith(ApplicationExtension.class)
class AlertRulesDialogTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final AtomicReference<Optional<AlertRules>> result = new AtomicReference<>();
    private AlertRulesDialog dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
        dialog = new AlertRulesDialog(stage, i18n, AlertRules.defaults(), OsNotifier.NONE, Runnable::run);
        dialog.setOnHidden(e -> result.set(Optional.ofNullable(dialog.getResult())));
        dialog.show();
    }

    @Test
    void aNumberOutOfRangeOrNotANumberIsSaidAndNothingIsSaved(FxRobot robot) throws Exception {
        type(robot, "#alertErrorPercent", "2000");
        robot.clickOn("#alertRulesSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.isShowing(), "not saved");
        assertEquals("Enter a whole number from 0 to 100 for \"Error rate above (%)\".", problem(robot));
        assertEquals("2000", editor(robot, "#alertErrorPercent").getText(), "what was typed stays to be corrected");

        type(robot, "#alertErrorPercent", "15");
        type(robot, "#alertWait", "abc");
        robot.clickOn("#alertRulesSave");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialog.isShowing(), "not saved");
        assertEquals("Enter a whole number from 0 to 1,440 for \"A session waits for the phone approval longer than "
                + "(minutes)\".", problem(robot));
        assertEquals("abc", editor(robot, "#alertWait").getText());

        type(robot, "#alertWait", "45");
        robot.clickOn("#alertRulesSave");
        FxState.await("the dialog to close", () -> result.get() != null);
        AlertRules saved = result.get().orElseThrow();
        assertEquals(0.15, saved.errorRateAbove(), 1e-9);
        assertEquals(Duration.ofMinutes(45), saved.waitingLongerThan());
        assertFalse(dialog.isShowing());
    }

    /** Each check box answers its Alt key as a click does: Alt+W the reverts, Alt+P the feed, Alt+O the system's. */
    @Test
    void altAndALetterTickTheRulesCheckBoxes(FxRobot robot) throws Exception {
        javafx.scene.control.CheckBox reverts = FxState.read(() -> robot.lookup("#alertReverts")
                .queryAs(javafx.scene.control.CheckBox.class));
        javafx.scene.control.CheckBox feed = FxState.read(() -> robot.lookup("#alertFeed")
                .queryAs(javafx.scene.control.CheckBox.class));
        boolean revertsWas = FxState.read(reverts::isSelected);
        boolean feedWas = FxState.read(feed::isSelected);
        robot.targetWindow(FxState.read(() -> dialog.getDialogPane().getScene().getWindow()));
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.W)
                .release(javafx.scene.input.KeyCode.W, javafx.scene.input.KeyCode.ALT);
        FxState.await("Alt+W toggled the reverts rule", () -> reverts.isSelected() != revertsWas);
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.P)
                .release(javafx.scene.input.KeyCode.P, javafx.scene.input.KeyCode.ALT);
        FxState.await("Alt+P toggled the feed rule", () -> feed.isSelected() != feedWas);
        assertEquals(revertsWas, !FxState.read(reverts::isSelected), "each key its own box");
    }

    /**
     * AWT's Linux tray draws in a font that may have no Hangul, and then keeps every Korean text out of it: the setting
     * said "notify through the operating system" all the same, and in a Korean window nothing ever came. It says so
     * now, in either language; where the tray draws Korean, or there is none, it says what it said.
     */
    @Test
    void theOsSettingSaysWhenTheTrayCannotDrawKorean(FxRobot robot) throws Exception {
        assertEquals("Also notify through the _operating system while this window is not focused (this desktop's tray"
                + " has no Korean font: alerts with Korean text stay in the window)", osSetting(robot, I18n.ENGLISH,
                tray(false)));
        assertEquals("이 창이 활성 상태가 아닐 때는 운영체제 알림으로도 알리기(_O)(이 데스크톱의 트레이에는 한글 글꼴이 없어 한글이 들어간"
                + " 알림은 창 안에만 표시됩니다)", osSetting(robot, I18n.KOREAN, tray(false)));
        assertEquals("Also notify through the _operating system while this window is not focused",
                osSetting(robot, I18n.ENGLISH, tray(true)));
        assertEquals(new I18n(I18n.ENGLISH).get("alerts.rules.os.unsupported"),
                osSetting(robot, I18n.ENGLISH, OsNotifier.NONE));
    }

    /**
     * Opening the dialog never waits for the tray: AWT's answer (its tray, its Dialog font, which asks fontconfig) was
     * asked on the FX thread, which stood still until it came. Made while the tray has not answered, the dialog says
     * the plain words; when the answer comes, it says what the tray will do.
     */
    @Test
    void theDialogIsMadeWithoutWaitingForTheTraysAnswer(FxRobot robot) throws Exception {
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        OsNotifier slowTray = new OsNotifier() {
            @Override
            public boolean supported() {
                return true;
            }

            @Override
            public boolean drawsKorean() {
                try {
                    answer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }

            @Override
            public void show(String title, String text) {
            }
        };
        java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            javafx.scene.control.CheckBox os = FxState.read(() -> (javafx.scene.control.CheckBox)
                    new AlertRulesDialog(null, new I18n(I18n.KOREAN), AlertRules.defaults(), slowTray, background)
                            .getDialogPane().lookup("#alertOs"));
            I18n korean = new I18n(I18n.KOREAN);
            assertEquals(korean.get("alerts.rules.os"), FxState.read(os::getText), "made before the tray answered");
            answer.countDown();
            FxState.await("the tray's answer said", () -> korean.get("alerts.rules.os.noKorean").equals(os.getText()));
        } finally {
            answer.countDown();
            background.shutdownNow();
        }
    }

    /** The words of the OS setting in a dialog opened in {@code locale} with {@code notifier}, once it has answered. */
    private static String osSetting(FxRobot robot, Locale locale, OsNotifier notifier) throws Exception {
        javafx.scene.control.CheckBox os = FxState.read(() -> (javafx.scene.control.CheckBox) new AlertRulesDialog(
                null, new I18n(locale), AlertRules.defaults(), notifier, Runnable::run).getDialogPane().lookup("#alertOs"));
        WaitForAsyncUtils.waitForFxEvents(); // the answer is shown on the FX thread, after the dialog is made
        return FxState.read(os::getText);
    }

    /** A tray that is there, as AWT's Linux one, whose font has Hangul or not (the real one asks AWT's Dialog font). */
    private static OsNotifier tray(boolean hangul) {
        return new TrayNotifier(new javafx.beans.property.SimpleStringProperty("WELNO"),
                text -> hangul || text.chars().allMatch(c -> c < 0x80), true);
    }

    private static void type(FxRobot robot, String spinner, String text) {
        TextField editor = editor(robot, spinner);
        robot.clickOn(editor);
        robot.interact(editor::selectAll);
        robot.write(text);
    }

    private static TextField editor(FxRobot robot, String spinner) {
        return robot.lookup(spinner).queryAs(Spinner.class).getEditor();
    }

    private static String problem(FxRobot robot) throws Exception {
        return FxState.read(() -> robot.lookup("#alertRulesProblem").tryQueryAs(Label.class)
                .filter(Label::isVisible).map(Label::getText).orElse("(none)"));
    }
}
