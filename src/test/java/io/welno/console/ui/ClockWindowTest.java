package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.Timestamps;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.MutableClock;
import io.welno.console.testing.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the window says stays true as time passes with no write to Redis: the window and the flow judge by one clock,
 * which this test moves. A session the backend would still read turns expired for it once its {@code expires_at}
 * passes, and what was judged before follows.
 */
@ExtendWith(ApplicationExtension.class)
class ClockWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private final MutableClock clock = new MutableClock(Instant.now(), Timestamps.DEFAULT_ZONE);
    private TestConsole console;

    @Start
    void start(Stage stage) {
        console = TestConsole.onLiveFixtures(stage, REDIS, clock);
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    private void select(FxRobot robot, String id) throws Exception {
        robot.clickOn("#searchField").write(id.substring(6, 14));
        FxState.await("its row", () -> robot.lookup("#sessionTable").queryAs(TableView.class).getItems().size() == 1);
        TableView<?> sessions = FxState.read(() -> robot.lookup("#sessionTable").queryAs(TableView.class));
        robot.interact(() -> sessions.getSelectionModel().select(0));
    }

    /**
     * The action dialog was opened while the session was still the backend's (its preview: the change it would make,
     * Run enabled); its expires_at passes while the dialog is open. The preview is made again and refuses, and Run
     * goes grey, rather than offering a change the flow refuses at the press.
     */
    @Test
    void anOpenActionDialogsPreviewTurnsRefusedWhenItsSessionExpires(FxRobot robot) throws Exception {
        select(robot, Fixtures.id("03_auth_request_sent.json"));
        FxState.await("Force auth complete enabled",
                () -> !robot.lookup("#action-manual-auth-complete").queryButton().isDisabled());
        robot.clickOn("#action-manual-auth-complete");
        FxState.await("the action's preview", () -> robot.lookup("#actionPreview")
                .queryAs(javafx.scene.control.TextArea.class).getText().contains("auth_completed"));
        robot.clickOn("#actionReason").write("고객이 전화로 승인함");
        FxState.await("Run enabled", () -> !robot.lookup("#actionRun").queryButton().isDisabled());

        clock.advance(Duration.ofMinutes(5)); // its expires_at is 87 s after it was written

        FxState.await("the preview refuses the expired session", () -> {
            Label refusal = robot.lookup("#actionRefusal").queryAs(Label.class);
            return refusal.isVisible() && refusal.getText().contains("deletes this session on its next read");
        });
        assertTrue(FxState.read(() -> robot.lookup("#actionRun").queryButton().isDisabled()));
        assertFalse(FxState.read(() -> robot.lookup("#actionSessionChanged").query().isVisible()),
                "the session was not written: the clock changed the verdict");
        robot.type(javafx.scene.input.KeyCode.ESCAPE); // closes the dialog; nothing is run
    }
}
