package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.FxState;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import redis.clients.jedis.params.SetParams;

/**
 * While the hold lasts the note says until when the change is watched; an older copy written back meanwhile shows
 * with the session, as a warning.
 */
class HeldNoteRevertWindowTest extends HeldNoteWindow {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    Duration holdWindow() {
        // far longer than any test machine needs to see the watch and write a copy back; a revert ends the hold at once
        return Duration.ofMinutes(2);
    }

    @Test
    void anOlderCopyWrittenBackDuringTheWatchShowsWithTheSession(FxRobot robot) throws Exception {
        String before = REDIS.client().get(KEY);
        forceAuthComplete(robot);
        FxState.await("the note that the change is watched", () -> note(robot).matches(
                "Your \"Force auth complete\" is watched until \\d\\d:\\d\\d:\\d\\d KST in case the backend writes an"
                        + " older copy back\\."));
        REDIS.client().set(KEY, before, SetParams.setParams().keepTtl()); // a stale worker's copy
        FxState.await("the note that the change was written over", () -> note(robot).equals(
                "The backend wrote an older copy back over your \"Force auth complete\"."));
        assertTrue(FxState.read(() -> noteLabel(robot).getStyleClass().contains("warning")));
    }
}
