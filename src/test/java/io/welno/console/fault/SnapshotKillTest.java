package io.welno.console.fault;

import io.welno.console.testing.Await;
import io.welno.console.testing.RecordingListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.ChangeKind;
import io.welno.console.live.FeedMode;
import io.welno.console.live.FeedOptions;
import io.welno.console.live.RedisSessionFeed;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Redis SIGKILLed while the feed is in the middle of its first snapshot (live/ReconnectTest covers a kill while
 * the feed watches): the feed says RECONNECTING, comes back LIVE by itself on the restarted server, runs a full
 * snapshot again, and ends with exactly the server's sessions — none reported removed because the first pass was
 * cut short, none missing, and changes made after the restart arrive by push.
 */
@Timeout(300)
class SnapshotKillTest {

    private static final int SESSIONS = 20_000;

    static String doc(String id, String status, int n) {
        return "{\n  \"session_id\": \"" + id + "\",\n  \"status\": \"" + status + "\",\n  \"user_info\": {\n"
                + "    \"name\": \"김하늘\",\n    \"phone_no\": \"01012345678\"\n  },\n  \"messages\": [],\n  \"n\": " + n
                + "\n}";
    }

    @Test
    void aServerKilledDuringTheSnapshotIsFollowedAndTheViewEndsExactlyLikeTheServer(@TempDir Path dir) {
        try (FaultRedis redis = FaultRedis.start(dir)) {
            try (Jedis admin = redis.admin()) {
                Pipeline pipeline = admin.pipelined();
                for (int i = 0; i < SESSIONS; i++) {
                    pipeline.setex("tilko_session:s" + i, 1800, doc("s" + i, "initiated", 0));
                }
                pipeline.sync();
            }
            RecordingListener recorder = new RecordingListener();
            // Small SCAN pages and read chunks on one reader make the snapshot long enough to be cut in two.
            FeedOptions options = FeedOptions.defaults().withScan(10, 10, 1)
                    .withReconnect(Duration.ofMillis(100), Duration.ofMillis(400));
            try (RedisSessionFeed feed = new RedisSessionFeed(redis.settings(), new SessionCodec(), options)) {
                feed.start(recorder);
                recorder.await("the first snapshot under way", Await.EVENTUALLY,
                        () -> recorder.loadedInSnapshot() > 0);
                redis.kill();
                assertEquals(0, recorder.snapshotsCompleted(), "the kill must land inside the first snapshot");
                assertTrue(recorder.size() < SESSIONS, "only part of the sessions were delivered before the kill");
                recorder.awaitMode(FeedMode.RECONNECTING, Await.EVENTUALLY);
                RecordingListener.Mode lost = recorder.lastReported(FeedMode.RECONNECTING);
                assertTrue(lost.text().startsWith("Lost the connection to redis://127.0.0.1:" + redis.port()), lost.text());

                redis.restart();
                recorder.awaitMode(FeedMode.LIVE, Await.EVENTUALLY);
                recorder.await("a complete snapshot after the restart", Await.EVENTUALLY,
                        () -> recorder.snapshotsCompleted() >= 1);
                assertEquals(SESSIONS, recorder.size(), "every session of the server is in the view");
                assertEquals(0, recorder.count(ChangeKind.REMOVED) + recorder.count(ChangeKind.EXPIRED),
                        "a cut-short snapshot must not make sessions look removed");
                assertEquals(1, feed.stats().reconnects());

                try (Jedis admin = redis.admin()) {
                    admin.setex("tilko_session:s7", 1800, doc("s7", "auth_completed", 1));
                    admin.del("tilko_session:s8");
                    admin.setex("tilko_session:new", 1800, doc("new", "initiated", 0));
                }
                recorder.await("changes after the restart by push", Await.EVENTUALLY,
                        () -> recorder.session("new") != null && recorder.session("s8") == null
                                && recorder.session("s7").parsed() instanceof SessionDocument d
                                && d.status().wire().equals("auth_completed"));
                assertNull(recorder.session("s8"));
                assertEquals(SESSIONS, recorder.size());
            }
        }
    }
}
