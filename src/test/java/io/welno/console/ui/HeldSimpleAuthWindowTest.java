package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionStatus;
import io.welno.console.testing.FxState;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.sim.FailureMode;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import redis.clients.jedis.params.SetParams;

/**
 * The two writes held that are not a plain "done" (docs/flow.md, "Held actions"), as the window tells them: a failed
 * simple-auth's "the session is now error", watched like a change and withdrawn when the backend writes over it; and
 * an applied write that could not be read back, whose headline says written but not yet confirmed.
 */
class HeldSimpleAuthWindowTest extends HeldSimpleAuthWindow {

    @Override
    Duration holdWindow() {
        return Duration.ofMinutes(2); // far longer than any test machine needs to see the watch and write a copy back
    }

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /**
     * "Re-send auth request failed … the session is now error" speaks of a write of the console's own: while held,
     * the note says until when that error is watched; once the backend wrote an older copy over it, the notice
     * (opened to be read) goes, as an applied change's "done" does, and the note says it was written over.
     */
    @Test
    void aFailedSimpleAuthsErrorNoticeGoesWhenTheBackendWritesOverIt(FxRobot robot) throws Exception {
        sim.setFailure(FailureMode.TEMPORARY_FAILURE, TilkoEndpoint.SIMPLE_AUTH);
        String before = REDIS.client().get(KEY); // a stale worker's copy, read before the console's writes
        simpleAuth(robot);
        FxState.await("the action's notice", () -> noticeTexts(robot).stream()
                .anyMatch(t -> t.startsWith("Re-send auth request failed for session")));
        String said = FxState.read(() -> noticeTexts(robot).stream()
                .filter(t -> t.startsWith("Re-send auth request failed for session")).findFirst().orElseThrow());
        assertTrue(said.matches("Re-send auth request failed for session .*\\. It left the session at \"Error\","
                + " which is watched for the next 2 minutes in case the backend writes an older copy back\\."), said);
        // opened to be read at once: a warning's notice goes after 15 s, and the note below may take longer to look at
        Node failed = FxState.read(() -> robot.lookup(".notice").queryAll().stream()
                .filter(n -> ((Label) n.lookup(".notice-text")).getText().startsWith("Re-send auth request failed"))
                .findFirst().orElseThrow());
        robot.interact(((Hyperlink) FxState.read(() -> failed.lookup(".notice-details-link")))::fire);
        FxState.await("the note that the error is watched", () -> note(robot).matches(
                "Your \"Re-send auth request\" failed and left the session at \"Error\": watched until"
                        + " (?:\\w{3} \\d{1,2}, \\d{4} )?\\d\\d:\\d\\d:\\d\\d KST in case the backend writes an older"
                        + " copy back\\.")); // with its date ("Dec 8, 2026 00:01:02 KST") when the hold ends tomorrow

        REDIS.client().set(KEY, before, SetParams.setParams().keepTtl());
        FxState.await("the note that the error was written over", () -> note(robot).equals(
                "The \"Error\" your failed \"Re-send auth request\" left was written over: the session is no longer"
                        + " at it."));
        // the notice agrees with the note: what was written over is the status the failure left, not the action
        FxState.await("the revert's notice naming the status it undid", () -> noticeTexts(robot).stream()
                .anyMatch(t -> t.equals("Session " + ID + " was written over: the \"Error\" your failed"
                        + " \"Re-send auth request\" left was undone.")));
        FxState.await("the failure's notice withdrawn", () -> noticeTexts(robot).stream()
                .noneMatch(t -> t.startsWith("Re-send auth request failed")));
        assertTrue(FxState.read(() -> noteLabel(robot).getStyleClass().contains("warning")));
    }

    /**
     * Tilko's answer was written (its compare-and-set answered), but every read that would confirm it broke: the
     * headline must not say "done", only that it was written and is not yet confirmed, the hold reading it again.
     */
    @Test
    void anAppliedWriteNeverReadBackIsNotToldDone(FxRobot robot) throws Exception {
        loseReadsOnceWritten(SessionStatus.AUTH_REQUEST_SENT, false);
        simpleAuth(robot);
        FxState.await("the action's notice", () -> noticeTexts(robot).stream()
                .anyMatch(t -> t.startsWith("Re-send auth request")));
        List<String> shown = FxState.read(() -> noticeTexts(robot));
        giveReadsBack();
        assertFalse(shown.stream().anyMatch(t -> t.contains("done for")), "said done: " + shown);
        String said = shown.stream().filter(t -> t.startsWith("Re-send auth request")).findFirst().orElseThrow();
        assertTrue(said.matches("Re-send auth request for session .*: written, but not yet confirmed, as the"
                + " session could not be read back\\. It is read again for the next 2 minutes, which tells whether"
                + " it is there and stays\\."), said);
    }
}
