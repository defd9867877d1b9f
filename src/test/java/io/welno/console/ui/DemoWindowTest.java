package io.welno.console.ui;

import io.welno.console.flow.ActionKind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.app.ConsoleServices;
import io.welno.console.flow.Role;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.FxState;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Themes;
import io.welno.console.ui.common.UiPreferences;
import io.welno.console.ui.shell.ConsoleWindow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The default launch, the embedded demo: a newcomer is an operator (not a developer with every action), is told once
 * what the buckets mean and how to try another role, and switches roles from the status bar.
 */
@ExtendWith(ApplicationExtension.class)
class DemoWindowTest {

    @RegisterExtension
    static final PrivatePreferences PREFS = new PrivatePreferences("demo-test");

    private final ExecutorService background = Executors.newFixedThreadPool(2);

    /** A window on a demo of its own, as the app opens it with no profile saved. */
    private ConsoleWindow openDemo(FxRobot robot) throws Exception {
        ConsoleWindow[] window = new ConsoleWindow[1];
        robot.interact(() -> {
            window[0] = new ConsoleWindow(new Stage(), new I18n(Locale.ENGLISH), ConsoleWindow.systemClock(),
                    Timestamps.DEFAULT_ZONE, background, StuckPolicy.defaults(), Themes.LIGHT);
            window[0].show();
        });
        ConsoleServices services = ConsoleServices.startDemo(Timestamps.system());
        robot.interact(() -> window[0].attach(services));
        TableView<?> table = FxState.read(() -> window[0].view().table());
        FxState.await("the demo's sessions", () -> !table.getItems().isEmpty());
        return window[0];
    }

    private static void close(FxRobot robot, ConsoleWindow window) throws Exception {
        boolean[] closed = {false};
        robot.interact(() -> window.close(() -> closed[0] = true));
        FxState.await("the window to close", () -> closed[0]);
    }

    /**
     * What the FX thread threw and nothing caught while the window ran: JavaFX hands an exception of a handler, a
     * timeline or a listener to the thread's handler and goes on, so a test would not see it otherwise.
     */
    private static List<Throwable> recordFxThreadExceptions(FxRobot robot) {
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            Thread.UncaughtExceptionHandler before = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> {
                thrown.add(e);
                before.uncaughtException(thread, e);
            });
        });
        return thrown;
    }

    @Test
    void theDemoStartsAsAnOperatorWithAHintShownOnceAndSwitchesRoles(FxRobot robot) throws Exception {
        List<Throwable> fxThrown = recordFxThreadExceptions(robot);
        ConsoleWindow first = openDemo(robot);
        try {
            Label badge = FxState.read(() -> (Label) first.scene().lookup("#roleBadge"));
            String operatorBadge = FxState.read(badge::getText);
            assertTrue(operatorBadge.endsWith("operator"), operatorBadge);
            @SuppressWarnings("unchecked")
            ComboBox<Role> roles = FxState.read(() -> (ComboBox<Role>) first.scene().lookup("#roleSwitch"));
            assertEquals(Role.OPERATOR, FxState.read(roles::getValue), "the role box is in the demo's status bar");
            robot.interact(() -> first.view().table().getSelectionModel().select(0));
            WaitForAsyncUtils.waitForFxEvents();
            // the detail pane ticks on the app's own clock: its freshness line is written, and nothing was thrown
            FxState.await("the selected session's freshness line", () -> !FxState.read(() ->
                    ((Label) first.scene().lookup("#detailFreshness")).getText()).isEmpty());
            assertEquals(List.of(), fxThrown, "nothing thrown on the FX thread with a session selected");
            assertTrue(FxState.read(() -> first.scene().lookup("#action-simple-auth") != null),
                    "an operator re-sends auth");
            // the button is there, grey, and says that forcing needs the developer role
            assertTrue(FxState.read(() -> first.scene().lookup("#action-manual-auth-complete").isDisabled()),
                    "but does not force it");
            String operatorReason = FxState.read(() -> first.actions().reason(ActionKind.MANUAL_COMPLETE));
            // the role's refusal; a developer may still meet the guard's ("A developer may override this") on the
            // demo's first row, whose status is the traffic's to choose
            String roleRefusal = "it needs the developer role";
            assertTrue(operatorReason.contains(roleRefusal), operatorReason);
            // the demo has no profile to choose: its fix is the role box, where Connections… would leave the demo
            assertTrue(operatorReason.contains("the Role box in the status bar")
                    && !operatorReason.contains("Connections"), operatorReason);

            assertTrue(FxState.read(() -> first.scene().lookup("#demoHint").isVisible()), "the first-run hint is shown");
            String hint = FxState.read(() -> ((Label) first.scene().lookup("#demoHintText")).getText());
            assertTrue(hint.contains("Stuck") && hint.contains("Role"), "it says what the buckets mean and where the "
                    + "role switch is: " + hint);

            robot.interact(() -> roles.setValue(Role.DEVELOPER));
            WaitForAsyncUtils.waitForFxEvents();
            String developerReason = FxState.read(() -> first.actions().reason(ActionKind.MANUAL_COMPLETE));
            assertFalse(developerReason.contains(roleRefusal), "a developer may force it: " + developerReason);
            String developerBadge = FxState.read(badge::getText);
            assertTrue(developerBadge.endsWith("developer"), developerBadge);
            robot.interact(() -> roles.setValue(Role.VIEWER));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(FxState.read(() -> first.scene().lookup("#action-simple-auth").isDisabled()),
                    "a viewer runs nothing");
            assertFalse(FxState.read(() -> first.scene().lookup("#bulkMenu").isVisible()),
                    "nor a bulk action: the menu goes with the role");
            String viewerBadge = FxState.read(badge::getText);
            assertTrue(viewerBadge.contains("READ-ONLY"), viewerBadge);
            // switched by the window's API (as the screenshot tour does): the box follows, the badge agrees with it
            robot.interact(() -> first.switchRole(Role.DEVELOPER));
            assertEquals(Role.DEVELOPER, FxState.read(roles::getValue));
            String switchedBadge = FxState.read(badge::getText);
            assertTrue(switchedBadge.endsWith("developer"), switchedBadge);
            assertTrue(FxState.read(() -> first.scene().lookup("#bulkMenu").isVisible()), "back for a developer");

            robot.interact(() -> robot.lookup("#demoHintDismiss").queryButton().fire());
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(FxState.read(() -> first.scene().lookup("#demoHint") == null), "dismissed");
            assertTrue(UiPreferences.user().demoHintDismissed(), "and remembered");
        } finally {
            close(robot, first);
        }

        ConsoleWindow second = openDemo(robot);
        try {
            assertTrue(FxState.read(() -> second.scene().lookup("#demoHint") == null),
                    "the hint is shown once, not at every start");
            assertTrue(FxState.read(() -> second.scene().lookup("#roleSwitch") != null));
            assertFalse(FxState.read(() -> ((Label) second.scene().lookup("#roleBadge")).getText())
                    .endsWith("developer"));
        } finally {
            close(robot, second);
            background.shutdownNow();
        }
    }
}
