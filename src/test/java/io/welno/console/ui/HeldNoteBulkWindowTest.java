package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.table;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.BulkRun;
import io.welno.console.testing.FxState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A change this console made in a bulk run is held like a single one, and the session's pane says so: the note is
 * not only for the actions taken from the pane's own buttons.
 */
class HeldNoteBulkWindowTest extends HeldNoteWindow {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    Duration holdWindow() {
        return Duration.ofMinutes(5); // still watched while the test looks
    }

    @Test
    void aBulkRunsChangeIsWatchedInTheSessionsPane(FxRobot robot) throws Exception {
        FxState.await("the fixtures' rows", () -> table(robot).getItems().size() > 1);
        ExecutorService workers = Executors.newSingleThreadExecutor();
        // the run is over only once its holds are: the note is looked at while it is held
        try {
            BulkRun.start(console().services().flow(), console().services().operator(),
                    ActionRequest.of(ActionKind.MANUAL_COMPLETE, "-", "approved on the phone, bulk"), List.of(ID),
                    workers, null);
            lookAtTheSession(robot);
        } finally {
            workers.shutdownNow();
        }
    }

    private void lookAtTheSession(FxRobot robot) throws Exception {
        robot.clickOn("#searchField").write(ID.substring(6, 14));
        FxState.await("one row", () -> table(robot).getItems().size() == 1);
        TableView<?> sessions = FxState.read(() -> table(robot));
        robot.interact(() -> sessions.getSelectionModel().select(0));

        FxState.await("the note that the bulk run's change is watched", () -> note(robot).matches(
                "Your \"Force auth complete\" is watched until "
                        + "(?:\\w{3} \\d{1,2}, \\d{4} )?\\d\\d:\\d\\d:\\d\\d KST in case the backend writes an"
                        + " older copy back\\."));
    }
}
