package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import java.time.Clock;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A window whose clock is ten minutes ahead of Redis's says so on its status bar: it judges expiry, stuck sessions and
 * time left by that clock, and the backend by its own (docs/live.md, "Clocks"). The feed compares Redis's TIME with
 * the window's own clock, the one its rows and actions are judged by.
 */
@ExtendWith(ApplicationExtension.class)
class ClockOffsetWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private TestConsole console;

    @Start
    void start(Stage stage) {
        console = TestConsole.onLiveFixtures(stage, REDIS, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)));
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    @Test
    void theStatusBarSaysTheWindowsClockIsAheadOfRedissByHowMuch(FxRobot robot) throws Exception {
        FxState.await("the clock's offset on the status bar", () -> {
            Label offset = robot.lookup("#clockOffset").queryAs(Label.class);
            return offset.isVisible() && !offset.getText().isEmpty();
        });
        Label offset = robot.lookup("#clockOffset").queryAs(Label.class);
        // ten minutes, give or take the half round trip a busy machine may add to the reading
        String tenMinutes = "(10m|10m 0[1-2]s|9m 5[8-9]s)";
        String text = FxState.read(offset::getText);
        assertTrue(text.matches("Clock " + tenMinutes + " ahead of Redis"), text);
        String tip = FxState.read(() -> offset.getTooltip().getText());
        assertTrue(tip.matches("(?s).*take those judgements as about " + tenMinutes + " early.*"), tip);
    }
}
