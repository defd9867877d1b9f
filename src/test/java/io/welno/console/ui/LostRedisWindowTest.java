package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import redis.clients.jedis.Jedis;

/**
 * Once Redis is gone from under a window that followed it, the counts it shows are the last ones read: the status
 * bar's count and the note under the buckets say so until the feed follows again. Before the first snapshot ends
 * there is nothing left behind to say it of.
 */
@ExtendWith(ApplicationExtension.class)
class LostRedisWindowTest {

    private EmbeddedRedis redis;
    private TestConsole console;

    @Start
    void start(Stage stage) {
        redis = EmbeddedRedis.start();
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            jedis.setex("tilko_session:" + Fixtures.id("03_auth_request_sent.json"), 1800,
                    Fixtures.live("03_auth_request_sent.json"));
        }
        console = TestConsole.open(stage, TestConsole.profile("lost", redis.url() + "?connectTimeout=300",
                "viewer", "production", true));
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
        redis.close();
    }

    @Test
    void theCountsSayTheyAreTheLastReadOnceRedisIsGone(FxRobot robot) throws Exception {
        FxState.await("the session, live", () -> "1 session".equals(text(robot, "#sessionCount"))
                && "LIVE".equals(text(robot, "#feedMode")));
        assertFalse(FxState.read(() -> robot.lookup("#countsNote").queryAs(Label.class).isVisible()));

        redis.kill();
        FxState.await("the count as last read", () -> "1 session when last read".equals(text(robot, "#sessionCount")));
        Label note = robot.lookup("#countsNote").queryAs(Label.class);
        assertTrue(FxState.read(note::isVisible));
        assertEquals("Counts as last read: the console is not following Redis right now (see the status bar).",
                FxState.read(note::getText));
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return FxState.read(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
