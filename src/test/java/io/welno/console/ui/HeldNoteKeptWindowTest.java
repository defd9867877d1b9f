package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.welno.console.testing.FxState;
import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** A change nobody wrote over: once its hold is over, the note says it stayed, and until when it was watched. */
class HeldNoteKeptWindowTest extends HeldNoteWindow {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    Duration holdWindow() {
        return Duration.ofSeconds(2); // waited for whole
    }

    @Test
    void onceTheHoldIsOverTheNoteSaysTheChangeStayed(FxRobot robot) throws Exception {
        forceAuthComplete(robot);
        FxState.await("the note that the change stayed", () -> note(robot).matches(
                "Your \"Force auth complete\" stayed until "
                        + "(?:\\w{3} \\d{1,2}, \\d{4} )?\\d\\d:\\d\\d:\\d\\d"
                        + " KST, when the watch ended\\."));
        assertFalse(FxState.read(() -> noteLabel(robot).getStyleClass().contains("warning")));
    }
}
