package io.welno.console.fault;

import io.welno.console.cli.Main;
import io.welno.console.testing.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
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
            StringWriter out = new StringWriter();
            AtomicInteger exit = new AtomicInteger(-1);
            CommandLine command = Main.commandLine().setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(new StringWriter(), true));
            Thread watching = new Thread(() -> exit.set(command.execute("watch", "--json", "--redis", redis.url())),
                    "watch-under-test");
            watching.start();
            try {
                Await.until("LIVE and the first session", Await.EVENTUALLY,
                        () -> out.toString().contains("\"mode\":\"LIVE\"") && out.toString().contains("\"id\":\"a\""));
                redis.kill();
                Await.until("RECONNECTING", Await.EVENTUALLY,
                        () -> out.toString().contains("\"mode\":\"RECONNECTING\""));
                redis.restart();
                Await.until("LIVE again", Await.EVENTUALLY, () -> count(out.toString(), "\"mode\":\"LIVE\"") >= 2);
                try (Jedis admin = redis.admin()) {
                    admin.setex("tilko_session:b", 1800, SnapshotKillTest.doc("b", "auth_completed", 1));
                }
                Await.until("a change after the restart", Await.EVENTUALLY,
                        () -> out.toString().contains("\"id\":\"b\""));
            } finally {
                watching.interrupt();
                watching.join(10_000);
            }
            assertFalse(watching.isAlive(), "the command ends when interrupted");
            assertEquals(0, exit.get());
        }
    }
}
