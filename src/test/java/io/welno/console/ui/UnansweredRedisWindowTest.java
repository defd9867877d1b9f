package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.table;

import io.welno.console.live.FeedPulse;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import java.util.Optional;
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
 * A server that stops answering (frozen, or a link broken without a word) leaves the feed LIVE until the watchdog gives
 * the link up; meanwhile the status bar's mode says NO ANSWER instead of LIVE, the detail pane does not say it follows
 * live changes, and the session count says it is the last one read; all say so again once Redis answers.
 * The feed's own unanswered PING is what the window reads ({@code PauseTest} freezes a real server under the feed);
 * here the window is handed that reading.
 */
@ExtendWith(ApplicationExtension.class)
class UnansweredRedisWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private TestConsole console;

    @Start
    void start(Stage stage) {
        console = TestConsole.onLiveFixtures(stage, REDIS);
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    @Test
    void theDetailPaneDoesNotClaimToFollowAServerThatIsNotAnswering(FxRobot robot) throws Exception {
        FxState.await("rows", () -> !table(robot).getItems().isEmpty());
        TableView<?> sessions = FxState.read(() -> table(robot));
        robot.interact(() -> sessions.getSelectionModel().clearAndSelect(0));
        FxState.await("following", () -> freshness(robot).equals("Following live changes"));

        robot.interact(() -> console.window().view().setFeedPulse(unansweredFor(4_000)));
        FxState.await("not answering", () -> freshness(robot)
                .equals("Redis is not answering (see the status bar); this copy may be behind."));
        FxState.await("the count is the last one read", () -> count(robot).endsWith("when last read"));
        FxState.await("the mode is not LIVE", () -> mode(robot).equals("NO ANSWER"));
        robot.interact(() -> console.window().view().setFeedPulse(unansweredFor(0)));
        FxState.await("following again", () -> freshness(robot).equals("Following live changes"));
        FxState.await("the count current again", () -> !count(robot).contains("last read"));
        FxState.await("LIVE again", () -> mode(robot).equals("LIVE"));
    }

    private static String count(FxRobot robot) {
        return robot.lookup("#sessionCount").queryAs(Label.class).getText();
    }

    private static String mode(FxRobot robot) {
        return robot.lookup("#feedMode").queryAs(Label.class).getText();
    }

    private static String freshness(FxRobot robot) {
        return robot.lookup("#detailFreshness").queryAs(Label.class).getText();
    }

    /** The feed's figures with a PING unanswered for {@code millis} (0: answered) and a link otherwise quick. */
    private static FeedPulse unansweredFor(long millis) {
        return new FeedPulse.Fixed(0, 0, millis, Optional.empty());
    }
}
