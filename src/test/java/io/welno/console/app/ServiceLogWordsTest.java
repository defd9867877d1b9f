package io.welno.console.app;

import static io.welno.console.testing.Words.assertWords;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.live.FeedMode;
import io.welno.console.testing.Await;
import io.welno.console.testing.LogCapture;
import io.welno.console.testing.RecordingListener;
import io.welno.console.testing.Words;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * The feed's log lines in the window's services read in English (docs/architecture.md, "Layers", words only at the
 * edge): the services below the edge log phrases with the words {@link ConsoleServices} hands them, never as codes.
 */
class ServiceLogWordsTest {

    private static final String LIVE_LOGS = "io.welno.console.live";

    private static ConnectionProfile profile(String url, String role, boolean mayEnableNotifications) {
        return new ConnectionProfile("log-words", url, role, "Asia/Seoul", "test", mayEnableNotifications, null);
    }

    /** The one line that starts with {@code prefix}, once it has been logged. */
    private static String awaitLine(LogCapture logs, String prefix) {
        Await.until("a log line starting with \"" + prefix + "\"", Await.EVENTUALLY,
                () -> !logs.startingWith(prefix).isEmpty());
        return logs.startingWith(prefix).get(0);
    }

    /**
     * The feed's own mode lines (DEBUG) carry the same phrases, each as a clause after the line's own words, as every
     * cause in the log is ("Feed CONNECTING: connecting to …"; it said "Feed CONNECTING: Connecting to …"): a capital
     * after the colon only where the detail begins with a name (Redis, CONFIG).
     */
    private static void assertModeLinesAreWords(LogCapture logs) {
        List<String> modes = logs.startingWith("Feed ");
        assertFalse(modes.isEmpty(), logs.lines().toString());
        modes.forEach(Words::assertWords);
        modes.forEach(line -> {
            String detail = line.substring(line.indexOf(": ") + 2);
            assertTrue(!Character.isUpperCase(detail.charAt(0)) || detail.startsWith("Redis ")
                    || detail.startsWith("CONFIG "), line);
        });
    }

    @Test
    void aRefusedSubscriptionAndALostConnectionAreLoggedInEnglish() {
        try (EmbeddedRedis server = EmbeddedRedis.start();
             RedisClient admin = RedisClient.create(server.host(), server.port());
             LogCapture logs = new LogCapture(LIVE_LOGS)) {
            admin.sendCommand(Protocol.Command.ACL, "SETUSER", "nosub", "on", ">n0sub", "~*", "resetchannels",
                    "+@all");
            String url = "redis://nosub@127.0.0.1:" + server.port() + "/0";
            try (ConsoleServices services = ConsoleServices.connect(profile(url, "viewer", false), "n0sub")) {
                RecordingListener listener = new RecordingListener();
                services.startFeed(listener);
                String refused = awaitLine(logs, "Subscribing on ");
                assertTrue(refused.contains(" was refused: this user may not subscribe to the keyspace channels"
                        + " (NOPERM"), refused);
                assertWords(refused);
                listener.awaitMode(FeedMode.POLLING);

                server.kill();
                String lost = awaitLine(logs, "Lost the connection to ");
                String redacted = "redis://nosub:\\*\\*\\*@127\\.0\\.0\\.1:" + server.port() + "/0";
                assertTrue(lost.matches("Lost the connection to " + redacted + ": (the server closed the connection"
                        + "|Redis could not be reached .*|the connection to Redis .*)"), lost);
                assertWords(lost);
                assertModeLinesAreWords(logs);
            }
        }
    }

    @Test
    void notificationsSwitchedOffUnderALiveFeedAreLoggedInEnglish() {
        try (EmbeddedRedis server = EmbeddedRedis.start();
             RedisClient admin = RedisClient.create(server.host(), server.port());
             LogCapture logs = new LogCapture(LIVE_LOGS);
             ConsoleServices services = ConsoleServices.connect(profile(server.url(), "viewer", false), null)) {
            RecordingListener listener = new RecordingListener();
            services.startFeed(listener);
            listener.awaitMode(FeedMode.LIVE);

            admin.configSet("notify-keyspace-events", "");
            String reconnecting = awaitLine(logs, "Reconnecting to ");
            assertTrue(reconnecting.endsWith(": keyspace notifications are no longer available: keyspace notifications"
                    + " are off and this connection may not turn them on (a profile's setting; watch --allow-config)"),
                    reconnecting);
            assertWords(reconnecting);
            listener.awaitMode(FeedMode.POLLING);
            assertModeLinesAreWords(logs);
        }
    }

    @Test
    void theFlagsAnOperatorsConsoleEnablesAreLoggedInEnglish() {
        try (EmbeddedRedis server = EmbeddedRedis.start(List.of("notify-keyspace-events \"\""));
             LogCapture logs = new LogCapture(LIVE_LOGS);
             ConsoleServices services = ConsoleServices.connect(profile(server.url(), "operator", true), null)) {
            RecordingListener listener = new RecordingListener();
            services.startFeed(listener);
            listener.awaitMode(FeedMode.LIVE);

            String enabled = awaitLine(logs, "127.0.0.1:" + server.port() + ": ");
            assertTrue(enabled.contains(": enabled keyspace notifications (\"\" → \""), enabled);
            assertWords(enabled);
        }
    }
}
