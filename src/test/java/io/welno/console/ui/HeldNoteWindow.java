package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.welno.console.flow.FlowOptions;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * "Done" is only true until the backend can no longer undo it: while the window's own change of the shown session is
 * held, the note under the action buttons says until when it is watched, and afterwards whether it stayed or was
 * written over — with the session, not only in a notice that has gone. The window around the tests, with the hold
 * each of them needs.
 */
@ExtendWith(ApplicationExtension.class)
abstract class HeldNoteWindow {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    static final String ID = Fixtures.id("03_auth_request_sent.json");
    static final String KEY = "tilko_session:" + ID;

    private TestConsole console;

    /** How long the window's actions are held. */
    abstract Duration holdWindow();

    /** Each test class's own {@code @Start} calls this: TestFX looks for that method in the test class only. */
    void open(Stage stage) {
        console = TestConsole.onLiveFixtures(stage, REDIS, FlowOptions.defaults().withHoldWindow(holdWindow()));
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    void forceAuthComplete(FxRobot robot) throws Exception {
        FxState.await("the fixtures' rows", () -> table(robot).getItems().size() > 1);
        robot.clickOn("#searchField").write(ID.substring(6, 14));
        FxState.await("one row", () -> table(robot).getItems().size() == 1);
        TableView<?> sessions = FxState.read(() -> table(robot));
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

    TestConsole console() {
        return console;
    }

    static Label noteLabel(FxRobot robot) {
        return robot.lookup("#actionHeldNote").queryAs(Label.class);
    }

    static String note(FxRobot robot) {
        Label label = noteLabel(robot);
        return label.isVisible() ? label.getText() : "";
    }
}
