package io.welno.console.fault;

import io.welno.console.testing.CliRun;
import io.welno.console.testing.RunningCli;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * {@code welno-console watch --json} while Redis is SIGKILLed and restarted: it says RECONNECTING, then LIVE again
 * by itself, keeps printing changes made after the restart, and still ends cleanly when interrupted. (The feed
 * behind it is covered in more detail by live/ReconnectTest.)
 */
@Timeout(300)
class WatchKillTest {

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void theWatchCommandRidesOutAKillAndRestart(@TempDir Path dir) throws InterruptedException {
        try (FaultRedis redis = FaultRedis.start(dir)) {
            try (Jedis admin = redis.admin()) {
                admin.setex("tilko_session:a", 1800, SnapshotKillTest.doc("a", "initiated", 0));
            }
            RunningCli watch = CliRun.start("watch", "--json", "--redis", redis.url());
            try {
                watch.await("LIVE and the first session",
                        out -> out.contains("\"mode\":\"LIVE\"") && out.contains("\"id\":\"a\""));
                redis.kill();
                watch.await("RECONNECTING", out -> out.contains("\"mode\":\"RECONNECTING\""));
                redis.restart();
                watch.await("LIVE again", out -> count(out, "\"mode\":\"LIVE\"") >= 2);
                try (Jedis admin = redis.admin()) {
                    admin.setex("tilko_session:b", 1800, SnapshotKillTest.doc("b", "auth_completed", 1));
                }
                watch.await("a change after the restart", out -> out.contains("\"id\":\"b\""));
            } finally {
                watch.stop();
            }
            assertEquals(0, watch.exit());
        }
    }
}
