package io.welno.console.ui;

import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.view.SessionRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The window on the backend's fixtures as if just written, for the tests that walk its session table: each test
 * starts on a freshly seeded Redis and closes the window after it.
 */
@ExtendWith(ApplicationExtension.class)
abstract class FixturesWindow {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    TestConsole console;
    ConsoleWindow window;

    /**
     * Each test class's own {@code @Start} calls this (TestFX looks for that method in the test class only): Redis
     * emptied and seeded with the fixtures, the window opened with a profile of {@code role} in {@code environment}.
     */
    void open(Stage stage, String profileName, String role, String environment) {
        REDIS.flush();
        REDIS.seedLiveFixtures();
        console = TestConsole.open(stage, TestConsole.profile(profileName, REDIS.url(), role, environment, true));
        window = console.window();
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    @SuppressWarnings("unchecked")
    static TableView<SessionRow> table(FxRobot robot) {
        return robot.lookup("#sessionTable").queryAs(TableView.class);
    }

    /**
     * Where {@code table} lists session {@code id} among the rows it shows, or -1 (on the FX thread). For every test
     * that looks up a session's row in a window, whether or not it opens that window through this class.
     */
    static int indexOf(TableView<?> table, String id) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (((SessionRow) table.getItems().get(i)).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The session table's row of {@code id}, or null while it lists none (on the FX thread). */
    static SessionRow row(FxRobot robot, String id) {
        TableView<SessionRow> table = table(robot);
        int index = indexOf(table, id);
        return index < 0 ? null : table.getItems().get(index);
    }

    /** Waits for the fixtures' rows: every readable fixture and every malformed one. */
    static void awaitRows(FxRobot robot) {
        FxState.await("19 rows", () -> table(robot).getItems().size() == 19);
    }
}
