package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.FlowOptions;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import java.time.Duration;
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
import redis.clients.jedis.params.SetParams;

/**
 * "Done" is only true until the backend can no longer undo it: while the window's own change of the shown session is
 * held, the note under the action buttons says until when it is watched, and afterwards whether it stayed or was
 * written over — with the session, not only in a notice that has gone.
 */
@ExtendWith(ApplicationExtension.class)
class HeldNoteWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private static final String ID = Fixtures.id("03_auth_request_sent.json");
    private static final String KEY = "tilko_session:" + ID;

    private TestConsole console;

    @Start
    void start(Stage stage) {
        // long enough for a test to write an older copy back while it runs, short enough to wait for its end
        console = TestConsole.onLiveFixtures(stage, REDIS, FlowOptions.defaults().withHoldWindow(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    @Test
    void theNoteFollowsTheHoldUntilTheChangeStayed(FxRobot robot) throws Exception {
        forceAuthComplete(robot);
        FxState.await("the note that the change is watched", () -> note(robot).matches(
                "Your \"Force auth complete\" is watched until \\d\\d:\\d\\d:\\d\\d KST in case the backend writes an"
                        + " older copy back\\."));
        FxState.await("the note that the change stayed", () -> note(robot).matches(
                "Your \"Force auth complete\" stayed: the backend wrote no older copy back until \\d\\d:\\d\\d:\\d\\d"
                        + " KST\\."));
        assertFalse(FxState.read(() -> noteLabel(robot).getStyleClass().contains("warning")));
    }

    @Test
    void anOlderCopyWrittenBackShowsWithTheSession(FxRobot robot) throws Exception {
        String before = REDIS.client().get(KEY);
        forceAuthComplete(robot);
        FxState.await("the note that the change is watched", () -> note(robot).startsWith(
                "Your \"Force auth complete\" is watched until "));
        REDIS.client().set(KEY, before, SetParams.setParams().keepTtl()); // a stale worker's copy
        FxState.await("the note that the change was written over", () -> note(robot).equals(
                "The backend wrote an older copy back over your \"Force auth complete\"."));
        assertTrue(FxState.read(() -> noteLabel(robot).getStyleClass().contains("warning")));
    }

    private void forceAuthComplete(FxRobot robot) throws Exception {
        FxState.await("the fixtures' rows", () -> robot.lookup("#sessionTable").queryAs(TableView.class)
                .getItems().size() > 1);
        robot.clickOn("#searchField").write(ID.substring(6, 14));
        FxState.await("one row", () -> robot.lookup("#sessionTable").queryAs(TableView.class).getItems().size() == 1);
        TableView<?> sessions = FxState.read(() -> robot.lookup("#sessionTable").queryAs(TableView.class));
        robot.interact(() -> sessions.getSelectionModel().select(0));
        FxState.await("Force auth complete enabled",
                () -> !robot.lookup("#action-manual-auth-complete").queryButton().isDisabled());
        assertFalse(FxState.read(() -> noteLabel(robot).isVisible()), "nothing held before the action");
        robot.clickOn("#action-manual-auth-complete");
        FxState.await("the action's preview", () -> robot.lookup("#actionPreview")
                .queryAs(javafx.scene.control.TextArea.class).getText().contains("auth_completed"));
        robot.clickOn("#actionReason").write("user approved on the phone, support call");
        robot.clickOn("#actionRun");
    }

    private static Label noteLabel(FxRobot robot) {
        return robot.lookup("#actionHeldNote").queryAs(Label.class);
    }

    private static String note(FxRobot robot) {
        Label label = noteLabel(robot);
        return label.isVisible() ? label.getText() : "";
    }
}
