package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.table;

import io.welno.console.live.ClockOffset;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.ui.shell.MainView;
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
    private volatile long unanswered;

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

        robot.interact(() -> console.window().view().setStats(new MainView.FeedStats() {
            @Override
            public double eventsPerSecond() {
                return 0;
            }

            @Override
            public long latencyMillis() {
                return 0;
            }

            @Override
            public long unansweredMillis() {
                return unanswered;
            }

            @Override
            public Optional<ClockOffset> clockOffset() {
                return Optional.empty();
            }
        }));
        unanswered = 4_000;
        FxState.await("not answering", () -> freshness(robot)
                .equals("Redis is not answering (see the status bar); this copy may be behind."));
        FxState.await("the count is the last one read", () -> count(robot).endsWith("when last read"));
        FxState.await("the mode is not LIVE", () -> mode(robot).equals("NO ANSWER"));
        unanswered = 0;
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
}
