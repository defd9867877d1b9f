package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.SetParams;

/**
 * The window of a Redis user who may read values but not their TTLs: a session's row says what Redis refused, the
 * detail pane does not call the value no session (the console never judged it), the raw view shows what Redis
 * sent, masked, and the pane does not call a polled copy live.
 */
@ExtendWith(ApplicationExtension.class)
class RefusedTtlWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private static final String ID = "welno_nottl";

    private TestConsole console;

    @Start
    void start(Stage stage) {
        REDIS.flush();
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "nottl", "reset", "on", ">s3cret",
                "~tilko_session:*", "&*", "+@read", "-pttl", "+@connection", "+info");
        REDIS.client().set("tilko_session:" + ID, Fixtures.text("01_initiated.json"), SetParams.setParams().ex(1800));
        String url = "redis://nottl@127.0.0.1:" + REDIS.port() + "/0";
        console = TestConsole.open(stage, TestConsole.profile("nottl", url, "viewer", "development", true), "s3cret");
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    @Test
    void theDetailSaysWhatRedisRefusedAndShowsWhatItSent(FxRobot robot) throws Exception {
        FxState.await("the session's row", () -> table(robot).getItems().size() == 1);
        TableView<?> table = FxState.read(() -> table(robot));
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        FxState.await("the detail of the row",
                () -> !robot.lookup("#detailSubtitle").queryAs(Label.class).getText().isEmpty());
        String subtitle = FxState.read(() -> robot.lookup("#detailSubtitle").queryAs(Label.class).getText());
        assertTrue(subtitle.startsWith("Redis did not let the console read all of this key"), subtitle);
        assertTrue(subtitle.contains("Redis sent the value but not its time to live"), subtitle);
        assertFalse(subtitle.contains("not a readable session"), "never judged: " + subtitle);
        String raw = FxState.read(() -> robot.lookup("#detailRaw").queryAs(TextArea.class).getText());
        assertTrue(raw.contains("\"session_id\""), "what Redis sent: " + raw);
        assertFalse(raw.contains("01012345678"), "masked: " + raw);
        // The user may not read CONFIG either, so the feed polls: the pane does not call its copy live.
        FxState.await("the pane to say the copy is polled", () -> robot.lookup("#detailFreshness").queryAs(Label.class)
                .getText().startsWith("Following changes by reading Redis every few seconds, not live"));
    }
}
