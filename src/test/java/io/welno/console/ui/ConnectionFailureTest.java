package io.welno.console.ui;

import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.testing.Await;
import io.welno.console.testing.FxState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.demo.EmbeddedRedis;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A profile pointing at a port where nothing listens: the window says so in a sentence and keeps retrying. */
@ExtendWith(ApplicationExtension.class)
class ConnectionFailureTest {

    private ConsoleWindow window;
    private TestConsole console;

    @Start
    void start(Stage stage) {
        int deadPort = EmbeddedRedis.freePort();
        console = TestConsole.open(stage, TestConsole.profile("nowhere",
                "redis://127.0.0.1:" + deadPort + "/0?connectTimeout=300", "viewer", "production", false));
        window = console.window();
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    @Test
    void aRefusedConnectionIsShownAsASentenceAndTheViewerIsReadOnly(FxRobot robot) throws Exception {
        FxState.await("the refusal in the status bar", () -> {
            String mode = robot.lookup("#feedMode").queryAs(Label.class).getText();
            String text = robot.lookup("#statusBar").queryAs(StatusBar.class).getText();
            return ("RECONNECTING".equals(mode) || "OFFLINE".equals(mode)) && text.toLowerCase().contains("refused");
        });
        FxState.check(() -> {
            assertTrue(robot.lookup("#roleBadge").queryAs(Label.class).getText().contains("READ-ONLY"));
            assertTrue(robot.lookup("#action-collect").tryQuery().isEmpty(),
                    "no session is selected, so no action buttons are shown");
            assertTrue(robot.lookup("#environmentBadge").queryAs(Label.class).getStyleClass()
                    .contains("env-production"));
            // Never followed, so nothing was left behind: no "as last read".
            assertEquals("0 sessions", robot.lookup("#sessionCount").queryAs(Label.class).getText());
            assertFalse(robot.lookup("#countsNote").queryAs(Label.class).isVisible());
        });
    }

    /**
     * Hovered, a counter or the clock says what it is, and the mode and the bar's sentence show the feed's sentence
     * whole: JavaFX shows the outermost tooltip under the mouse, so none may sit on the whole bar.
     */
    @Test
    void eachItemOfTheBarShowsItsOwnTooltip(FxRobot robot) throws Exception {
        FxState.await("the refusal in the status bar", () -> robot.lookup("#statusBar").queryAs(StatusBar.class)
                .getText().toLowerCase().contains("refused"));
        String feed = FxState.read(() -> robot.lookup("#statusBar").queryAs(StatusBar.class).getText());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("#sessionCount", "Sessions that exist now");
        expected.put("#eventRate", "Keyspace notifications received per second");
        expected.put("#redisLatency", "Round trip of the last PING");
        expected.put("#statusClock", "Every time in this window is");
        expected.put("#feedMode", "Cannot reach");
        expected.put(".status-label", "Cannot reach");
        for (Map.Entry<String, String> item : expected.entrySet()) {
            hoverUntilTooltip(robot, item.getKey(), item.getValue());
            if (item.getValue().equals("Cannot reach")) {
                assertTrue(feed.startsWith(shownTooltip().substring(0, 20)), "the feed's sentence: " + feed);
            }
        }
    }

    /**
     * Rests the mouse on {@code query} until a tooltip starting with {@code text} shows. JavaFX starts a tooltip's
     * delay on a mouse move inside its node; a jump from one node's tooltip straight onto the next now and then
     * shows none (seen once in a full run), so the mouse is nudged within the node, as a person's would be.
     */
    private static void hoverUntilTooltip(FxRobot robot, String query, String text) {
        long deadline = System.nanoTime() + Await.EVENTUALLY.toNanos();
        robot.moveTo(robot.lookup(query).<Node>query());
        while (true) {
            try {
                FxState.await(query + "'s tooltip", Duration.ofSeconds(5), () -> shownTooltip().startsWith(text));
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw notYet;
                }
                robot.moveBy(2, 0);
                robot.moveTo(robot.lookup(query).<Node>query());
            }
        }
    }

    /** The text of the tooltip showing now ("" when none is). */
    private static String shownTooltip() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> ((Tooltip) w).getText()).findFirst().orElse("");
    }

    /** With no room for the whole sentence, the sentence is cut; the mode, the counters and the clock are not. */
    @Test
    void aLongFailureGivesWayToTheModeAndTheCounters(FxRobot robot) throws Exception {
        FxState.await("the refusal in the status bar", () -> !robot.lookup("#statusBar").queryAs(StatusBar.class)
                .getText().isEmpty());
        Stage stage = (Stage) robot.lookup("#statusBar").query().getScene().getWindow();
        double width = FxState.read(stage::getWidth);
        try {
            robot.interact(() -> stage.setWidth(640));
            WaitForAsyncUtils.waitForFxEvents();
            FxState.check(() -> {
                for (String id : List.of("#feedMode", "#sessionCount", "#eventRate", "#redisLatency", "#statusClock",
                        "#timeZone")) {
                    Label label = robot.lookup(id).queryAs(Label.class);
                    assertTrue(label.getWidth() >= label.prefWidth(-1) - 0.5, id + " is whole: " + label.getWidth()
                            + " of " + label.prefWidth(-1) + " (" + label.getText() + ")");
                }
            });
        } finally {
            robot.interact(() -> stage.setWidth(width));
        }
    }
}
