package io.welno.console.fault;

import io.welno.console.testing.Await;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.RecordingListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.live.FeedMode;
import io.welno.console.live.FeedOptions;
import io.welno.console.live.RedisSessionFeed;
import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * The live feed and the CLI over {@code rediss://} (a server started with the test certificate, verified against
 * the test CA) as an ACL user that may only read sessions, subscribe to their keyspace channels and read the
 * notification flags: LIVE, the snapshot, and pushed changes all work. The store over TLS and ACL users (read-only
 * refusals, wrong passwords) are covered by store/RedisTlsAndAclTest; the feed's ACL variants without CONFIG or
 * channel permissions by live/NotificationModesTest; a viewer against a read-only ACL user by flow/FlowRefusalTest.
 */
@Timeout(300)
class FeedOverTlsTest {

    @Test
    void theFeedAndTheCliWorkOverTlsAsARestrictedAclUser(@TempDir Path dir) throws IOException {
        Path cert = copy("server.pem", dir);
        Path key = copy("server.key", dir);
        Path ca = copy("ca.pem", dir);
        int tlsPort = EmbeddedRedis.freePort();
        try (EmbeddedRedis server = EmbeddedRedis.start(List.of("tls-port " + tlsPort, "tls-cert-file " + cert,
                "tls-key-file " + key, "tls-ca-cert-file " + ca, "tls-auth-clients no"));
             Jedis admin = new Jedis("127.0.0.1", server.port())) {
            admin.sendCommand(Protocol.Command.ACL, "SETUSER", "watcher", "on", ">w4tch", "~tilko_session:*",
                    "resetchannels", "&__keyspace@0__:tilko_session:*", "+@read", "+@connection", "+info", "+psubscribe",
                    "+punsubscribe", "+config|get");
            admin.setex("tilko_session:a", 1800, SnapshotKillTest.doc("a", "initiated", 0));
            String url = "rediss://watcher:w4tch@localhost:" + tlsPort + "/0?ca=" + ca;

            RecordingListener recorder = new RecordingListener();
            try (RedisSessionFeed feed = new RedisSessionFeed(RedisConnectionSettings.parse(url), new SessionCodec(),
                    FeedOptions.defaults())) {
                feed.start(recorder);
                recorder.awaitMode(FeedMode.LIVE, Await.EVENTUALLY);
                recorder.await("the snapshot over TLS", Await.EVENTUALLY, () -> recorder.snapshotsCompleted() >= 1);
                assertTrue(recorder.session("a") != null);
                admin.setex("tilko_session:b", 1800, SnapshotKillTest.doc("b", "initiated", 0));
                recorder.await("a change pushed over TLS", Await.EVENTUALLY, () -> recorder.session("b") != null);
                assertEquals(FeedMode.LIVE, feed.mode(), feed.modeDetail().toString());
            }

            CliRun list = CliRun.of("list", "--redis", url);
            assertEquals(0, list.exit(), list.err());
            assertTrue(list.out().contains("2 session(s)"), list.out());
            assertTrue(!list.all().contains("w4tch"), "no password printed");
        }
    }

    private static Path copy(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = FeedOverTlsTest.class.getResourceAsStream("/tls/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }
}
