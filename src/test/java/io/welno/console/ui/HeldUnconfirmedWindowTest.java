package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionStatus;
import io.welno.console.testing.FxState;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.sim.FailureMode;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A write told "written, but not yet confirmed" promised that the hold's reads would tell: when they find the change
 * and it stays to the hold's end, the window says so, and the notice that it was not confirmed gives way, as it does
 * to a revert's (docs/flow.md, "Held actions").
 */
class HeldUnconfirmedWindowTest extends HeldSimpleAuthWindow {

    @Override
    Duration holdWindow() {
        return Duration.ofSeconds(12); // short, so that the hold ends within the test: its end is what is told
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void anUnconfirmedWriteTheHoldKeepsIsToldConfirmed(FxRobot robot) throws Exception {
        loseReadsOnceWritten(SessionStatus.AUTH_REQUEST_SENT, true);
        simpleAuth(robot);
        FxState.await("the unconfirmed notice", () -> noticeTexts(robot).stream()
                .anyMatch(t -> t.contains(": written, but not yet confirmed")));
        // kept open to be read, as an operator who waits for the answer would
        Node unconfirmed = FxState.read(() -> robot.lookup(".notice").queryAll().stream()
                .filter(n -> ((Label) n.lookup(".notice-text")).getText().contains(": written, but not yet confirmed"))
                .findFirst().orElseThrow());
        robot.interact(((javafx.scene.control.Hyperlink) FxState.read(
                () -> unconfirmed.lookup(".notice-details-link")))::fire);

        FxState.await("the note that the change stayed", () -> note(robot).startsWith(
                "Your \"Re-send auth request\" stayed"));
        FxState.await("the confirmation", () -> noticeTexts(robot).contains("Re-send auth request: confirmed for"
                + " session " + ID + ". The session was read again: the change is there, and it stayed while it was"
                + " watched."));
        List<String> shown = FxState.read(() -> noticeTexts(robot));
        assertTrue(shown.stream().noneMatch(t -> t.contains("not yet confirmed")), "still unconfirmed: " + shown);
    }

    /**
     * A simple-auth Tilko refused leaves the session at error, a write held like an applied one: when that write could
     * not be read back, its notice says it is not yet confirmed (not that the status is there, watched), and it is
     * told confirmed when the hold keeps it, as an applied write is.
     */
    @Test
    void aFailuresErrorWriteNotReadBackIsToldUnconfirmedThenConfirmed(FxRobot robot) throws Exception {
        sim.setFailure(FailureMode.TEMPORARY_FAILURE, TilkoEndpoint.SIMPLE_AUTH);
        loseReadsOnceWritten(SessionStatus.ERROR, true);
        simpleAuth(robot);
        String failed = "Re-send auth request failed for session " + ID + ". It left the session at \"Error\","
                + " written but not yet confirmed, as the session could not be read back.";
        FxState.await("the unconfirmed failure's notice", () -> noticeTexts(robot).stream()
                .anyMatch(t -> t.startsWith(failed)));

        FxState.await("the confirmation", () -> noticeTexts(robot).contains("Re-send auth request for session " + ID
                + ": the \"Error\" it left is confirmed. The session was read again: it is there, and it stayed while"
                + " it was watched."));
        List<String> shown = FxState.read(() -> noticeTexts(robot));
        assertTrue(shown.stream().noneMatch(t -> t.contains("not yet confirmed")), "still unconfirmed: " + shown);
    }
}
