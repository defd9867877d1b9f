package io.welno.console.live;

import io.welno.console.testing.RecordingListener;
import io.welno.console.testing.Await;
import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.testing.Words;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import static io.welno.console.live.Docs.doc;
import static io.welno.console.live.Docs.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A master, a replica and a real sentinel (the same binary with --sentinel): the feed finds the master through the
 * sentinel and follows a failover to the promoted replica, resyncing there.
 */
class SentinelFeedTest {

    private static final String MASTER = "sessions";

    @Test
    void theFeedFollowsAFailover(@TempDir Path tmp) {
        RedisProcess master = RedisProcess.start(EmbeddedRedis.freePort(), tmp.resolve("master"), List.of());
        RedisProcess replica = null;
        RedisProcess sentinel = null;
        RedisSessionFeed feed = null;
        try {
            replica = RedisProcess.start(EmbeddedRedis.freePort(), tmp.resolve("replica"),
                    List.of("replicaof 127.0.0.1 " + master.port()));
            RedisProcess promoted = replica;
            Await.until("the replica is in sync", Await.EVENTUALLY, () -> {
                try (Jedis jedis = new Jedis(promoted.address())) {
                    return jedis.info("replication").contains("master_link_status:up");
                }
            });
            sentinel = RedisProcess.startSentinel(EmbeddedRedis.freePort(), tmp.resolve("sentinel"), List.of(
                    "sentinel monitor " + MASTER + " 127.0.0.1 " + master.port() + " 1",
                    "sentinel down-after-milliseconds " + MASTER + " 1000",
                    "sentinel failover-timeout " + MASTER + " 5000"));
            RedisProcess watching = sentinel;
            Await.until("the sentinel knows the replica", Await.EVENTUALLY, () -> {
                try (Jedis jedis = new Jedis(watching.address())) {
                    List<Map<String, String>> replicas = jedis.sentinelReplicas(MASTER);
                    return replicas.size() == 1 && "ok".equals(replicas.get(0).get("master-link-status"))
                            && !replicas.get(0).get("flags").contains("disconnected");
                }
            });

            try (Jedis writer = new Jedis(master.address())) {
                writer.set(key("before"), doc("before", "initiated", 1));
            }
            RecordingListener listener = new RecordingListener();
            feed = new RedisSessionFeed(RedisConnectionSettings.parse("redis://127.0.0.1:1/0"), new SessionCodec(),
                    FeedOptions.defaults().withTopologyRefresh(Duration.ofMillis(300))
                            .withReconnect(Duration.ofMillis(100), Duration.ofMillis(500)),
                    FeedTopology.sentinel(MASTER, List.of(sentinel.address()), null, null));
            feed.start(listener);
            listener.awaitMode(FeedMode.LIVE);
            assertEquals("feed.live", feed.modeDetail().key());
            assertTrue(Words.en(feed.modeDetail()).contains("from master " + MASTER + " at 127.0.0.1:" + master.port()),
                    feed.modeDetail().toString());
            listener.awaitSnapshots(1);
            assertTrue(listener.has("before"));
            try (Jedis writer = new Jedis(master.address())) {
                writer.set(key("on-old"), doc("on-old", "initiated", 1));
            }
            listener.await("a change on the first master", () -> listener.has("on-old"));

            try (Jedis jedis = new Jedis(sentinel.address())) {
                assertEquals("OK", jedis.sentinelFailover(MASTER));
                Await.until("the sentinel names the replica as master", Await.EVENTUALLY,
                        () -> jedis.sentinelGetMasterAddrByName(MASTER).get(1).equals(String.valueOf(promoted.port())));
            }
            RedisSessionFeed running = feed;
            listener.await("the feed is live on the promoted replica", Await.EVENTUALLY,
                    () -> running.mode() == FeedMode.LIVE
                            && Words.en(running.modeDetail()).contains("at 127.0.0.1:" + promoted.port()));
            listener.awaitSnapshots(2);
            try (Jedis writer = new Jedis(promoted.address())) {
                writer.set(key("on-new"), doc("on-new", "initiated", 1));
            }
            listener.await("a change on the new master", () -> listener.has("on-new"));
            assertTrue(listener.has("before") && listener.has("on-old"), "replicated sessions stay");
        } finally {
            if (feed != null) {
                feed.close();
            }
            if (sentinel != null) {
                sentinel.kill();
            }
            if (replica != null) {
                replica.kill();
            }
            master.kill();
        }
    }
}
