package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.FxState;
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
                "Your \"Force auth complete\" is watched until "
                        + "(?:\\w{3} \\d{1,2}, \\d{4} )?\\d\\d:\\d\\d:\\d\\d KST in case the backend writes an"
                        + " older copy back\\."));
        REDIS.client().set(KEY, before, SetParams.setParams().keepTtl()); // a stale worker's copy
        FxState.await("the note that the change was written over", () -> note(robot).equals(
                "Your \"Force auth complete\" was written over: it is no longer in the session."));
        assertTrue(FxState.read(() -> noteLabel(robot).getStyleClass().contains("warning")));
    }

    /**
     * A value that is no session at all (a write cut off mid-way) is nothing the backend wrote back: the note says what
     * is there now, as the notice and the alert do, not that an older copy was written back.
     */
    @Test
    void aValueThatIsNoSessionWrittenOverTheChangeIsNotCalledAnOlderCopy(FxRobot robot) throws Exception {
        forceAuthComplete(robot);
        FxState.await("the note that the change is watched", () -> note(robot).startsWith(
                "Your \"Force auth complete\" is watched until "));
        REDIS.client().set(KEY, "{\"status\": \"auth_", SetParams.setParams().keepTtl()); // cut off mid-write
        FxState.await("the note that the change was written over", () -> note(robot).equals(
                "The session now holds a value that is not a readable session: what your \"Force auth complete\""
                        + " wrote is gone."));
        assertTrue(FxState.read(() -> noteLabel(robot).getStyleClass().contains("warning")));
    }

    /**
     * The action's own notice said "done" while the change was watched; once the backend wrote over it, that notice,
     * still open (its details were opened to be read), must not go on saying so beside the notice of the revert.
     */
    @Test
    void theActionsDoneNoticeDoesNotOutliveTheRevert(FxRobot robot) throws Exception {
        String before = REDIS.client().get(KEY);
        forceAuthComplete(robot);
        FxState.await("the action's notice", () -> noticeTexts(robot).stream().anyMatch(t -> t.contains("done for")));
        Node done = FxState.read(() -> robot.lookup(".notice").queryAll().stream()
                .filter(n -> ((Label) n.lookup(".notice-text")).getText().contains("done for")).findFirst()
                .orElseThrow());
        Hyperlink details = FxState.read(() -> (Hyperlink) done.lookup(".notice-details-link"));
        robot.interact(details::fire); // opened to be read: it stays until closed
        REDIS.client().set(KEY, before, SetParams.setParams().keepTtl()); // a stale worker's copy
        FxState.await("the revert's notice", () -> noticeTexts(robot).stream()
                .anyMatch(t -> t.contains("your \"Force auth complete\" was undone")));
        FxState.await("the note that the change was written over", () -> note(robot).equals(
                "Your \"Force auth complete\" was written over: it is no longer in the session."));
        List<String> shown = FxState.read(() -> noticeTexts(robot));
        assertFalse(shown.stream().anyMatch(t -> t.contains("done for")), "still said done: " + shown);
    }

    private static List<String> noticeTexts(FxRobot robot) {
        return robot.lookup(".notice-text").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
