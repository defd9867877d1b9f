package io.welno.console.live;

import io.welno.console.testing.Await;
import io.welno.console.testing.RecordingListener;
import static io.welno.console.live.Docs.doc;
import static io.welno.console.live.Docs.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.text.Phrase;
import io.welno.console.view.Wording;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/** Redis killed and restarted under a running feed: RECONNECTING, then LIVE, and the resync brings what changed. */
class ReconnectTest {

    /**
     * A polling feed (notifications off, no consent) whose server is killed and comes back with notifications on:
     * RECONNECTING, then LIVE (not POLLING), and what changed while it was down arrives: no lost, no ghost row.
     */
    @Test
    void aPollingFeedWhoseServerComesBackWithNotificationsGoesLiveAndLosesNothing(@TempDir Path tmp) {
        int port = EmbeddedRedis.freePort();
        RedisProcess first = RedisProcess.start(port, tmp.resolve("first"), List.of("notify-keyspace-events \"\""));
        Path restartDir = tmp.resolve("restart");
        try (RedisProcess scratch = RedisProcess.start(EmbeddedRedis.freePort(), restartDir, List.of());
             Jedis client = new Jedis(scratch.address())) {
            client.set(key("a"), doc("a", "auth_completed", 2));
            client.set(key("d"), doc("d", "initiated", 1));
            client.save();
        }
        RecordingListener listener = new RecordingListener();
        RedisSessionFeed feed = new RedisSessionFeed(RedisConnectionSettings.parse(first.url()), new SessionCodec(),
                FeedOptions.defaults().withReconnect(Duration.ofMillis(100), Duration.ofMillis(500))
                        .withPollInterval(Duration.ofMillis(200)));
        RedisProcess second = null;
        try {
            try (RedisClient client = RedisClient.create(first.address())) {
                client.set(key("a"), doc("a", "initiated", 1));
                client.set(key("c"), doc("c", "initiated", 1));
            }
            feed.start(listener);
            listener.awaitMode(FeedMode.POLLING);
            listener.awaitSnapshots(1);

            first.kill();
            listener.awaitMode(FeedMode.RECONNECTING);
            second = RedisProcess.start(port, restartDir, List.of());
            listener.awaitMode(FeedMode.LIVE);
            listener.await("the resync", () -> "2".equals(listener.field("a", "n")) && listener.has("d")
                    && listener.lastKind("c") == ChangeKind.REMOVED);
            assertEquals(FeedMode.LIVE, feed.mode());
            assertEquals(2, feed.stats().knownSessions(), "a and d, no ghost of c");
            try (Jedis writer = new Jedis(second.address())) {
                writer.set(key("e"), doc("e", "initiated", 1));
            }
            listener.await("e by push", () -> listener.has("e"));
        } finally {
            feed.close();
            first.kill();
            if (second != null) {
                second.kill();
            }
        }
    }

    @Test
    void aKilledAndRestartedServerIsFollowedAndChangesMadeMeanwhileArriveAfterTheResync(@TempDir Path tmp) {
        int port = EmbeddedRedis.freePort();
        RedisProcess first = RedisProcess.start(port, tmp.resolve("first"), List.of());
        // The data the server will come back with: what "happened while it was down", prepared on a scratch
        // server and saved, so the restarted server starts with it (no race with the feed's reconnect).
        Path restartDir = tmp.resolve("restart");
        try (RedisProcess scratch = RedisProcess.start(EmbeddedRedis.freePort(), restartDir, List.of());
             Jedis client = new Jedis(scratch.address())) {
            client.set(key("a"), doc("a", "initiated", 1));
            client.set(key("b"), doc("b", "auth_completed", 2));
            client.set(key("d"), doc("d", "initiated", 1));
            client.save();
        }
        RecordingListener listener = new RecordingListener();
        RedisSessionFeed feed = new RedisSessionFeed(RedisConnectionSettings.parse(first.url()), new SessionCodec(),
                FeedOptions.defaults().withReconnect(Duration.ofMillis(100), Duration.ofMillis(500)));
        RedisProcess second = null;
        try {
            try (RedisClient client = RedisClient.create(first.address())) {
                client.set(key("a"), doc("a", "initiated", 1));
                client.set(key("b"), doc("b", "initiated", 1));
                client.set(key("c"), doc("c", "initiated", 1));
            }
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);
            assertEquals(3, listener.ids().size());

            first.kill();
            listener.awaitMode(FeedMode.RECONNECTING);
            assertEquals(FeedMode.RECONNECTING, feed.mode());
            Phrase lostDetail = feed.modeDetail();
            assertEquals("feed.lost", lostDetail.key(), lostDetail.toString());
            assertTrue(lostDetail.arg(0).toString().startsWith("redis://127.0.0.1:" + port), lostDetail.toString());
            assertEquals(FeedPhrases.closedByServer(), lostDetail.arg(1));
            assertTrue(Wording.cli().render(lostDetail).matches("Lost the connection to redis://127\\.0\\.0\\.1:" + port
                    + "/0: the server closed the connection; retrying in \\d+ ms"), Wording.cli().render(lostDetail));

            second = RedisProcess.start(port, restartDir, List.of());
            listener.awaitMode(FeedMode.LIVE);
            listener.awaitSnapshots(2);
            assertEquals("auth_completed", listener.status("b"), "b changed while the server was down");
            assertEquals(ChangeKind.UPDATED, listener.lastKind("b"));
            assertTrue(listener.has("d"), "d was created while the server was down");
            assertEquals(ChangeKind.ADDED, listener.lastKind("d"));
            assertFalse(listener.has("c"), "c vanished while the server was down");
            assertEquals(ChangeKind.REMOVED, listener.lastKind("c"));
            assertTrue(listener.last("c").fromSnapshot(), "found gone by the resync, not told as it went");
            assertTrue(listener.has("a"));

            List<FeedMode> modes = listener.modeSequence();
            int lost = modes.indexOf(FeedMode.RECONNECTING);
            assertTrue(lost > 0 && modes.subList(lost, modes.size()).contains(FeedMode.LIVE), modes.toString());
            assertEquals(1, feed.stats().reconnects());

            // And the new subscription works.
            try (Jedis writer = new Jedis(second.address())) {
                writer.set(key("e"), doc("e", "initiated", 1));
            }
            listener.await("e by push after the reconnect", () -> listener.has("e"));
        } finally {
            feed.close();
            first.kill();
            if (second != null) {
                second.kill();
            }
        }
    }

    @Test
    void aSubscriptionThatStopsAnsweringIsClosedByTheWatchdogAndReconnected(@TempDir Path tmp) {
        RedisProcess server = RedisProcess.start(EmbeddedRedis.freePort(), tmp, List.of());
        RecordingListener listener = new RecordingListener();
        RedisSessionFeed feed = pingWatched(server, Duration.ofMillis(100), Duration.ofMillis(300));
        try (Jedis admin = new Jedis(server.address())) {
            feed.start(listener);
            listener.awaitMode(FeedMode.LIVE);
            listener.awaitSnapshots(1);
            assertTrue(feed.latencyMillis() >= 0);
            // The server stops answering every client for a while (like a dead link): no PONG arrives. Long enough for
            // the watchdog (a PING every 100 ms, 300 ms to answer) to look twice on a machine busy with other work.
            Phrase detail = givenUpWhileFrozen(admin, listener, 4_000, Await.EVENTUALLY);
            assertTrue(Wording.cli().render(detail).contains(": the server stopped answering (no PONG within 300 ms); retrying"));
            listener.awaitMode(FeedMode.LIVE);
            listener.awaitSnapshots(2);
            admin.set(key("after"), doc("after", "initiated", 1));
            listener.await("a change after the watchdog reconnected", () -> listener.has("after"));
        } finally {
            feed.close();
            server.kill();
        }
    }

    /**
     * The PONG is looked for when its timeout runs out, not at the next PING a whole interval later: a server that
     * stops answering for longer than the timeout but less than the interval is given up all the same (looked for at
     * the next tick only, the PONG came once the pause ended and the freeze went unnoticed).
     */
    @Test
    void aPingUnansweredPastItsTimeoutIsGivenUpBeforeTheNextOneIsDue(@TempDir Path tmp) {
        RedisProcess server = RedisProcess.start(EmbeddedRedis.freePort(), tmp, List.of());
        RecordingListener listener = new RecordingListener();
        RedisSessionFeed feed = pingWatched(server, Duration.ofSeconds(8), Duration.ofMillis(300));
        try (Jedis admin = new Jedis(server.address())) {
            feed.start(listener);
            listener.awaitMode(FeedMode.LIVE);
            listener.awaitSnapshots(1);
            // From before the first PING (8 s after the start) to after it plus 300 ms, and ended 4 s before the next.
            givenUpWhileFrozen(admin, listener, 12_000, Duration.ofSeconds(30));
            listener.awaitMode(FeedMode.LIVE);
        } finally {
            feed.close();
            server.kill();
        }
    }

    /**
     * Stops the server answering every client for {@code pauseMillis} and waits at most {@code within} for the feed to
     * give its link up; the reason it gave is its watchdog's (no PONG within the 300 ms the tests allow).
     */
    private static Phrase givenUpWhileFrozen(Jedis admin, RecordingListener listener, long pauseMillis,
                                             Duration within) {
        admin.clientPause(pauseMillis);
        listener.awaitMode(FeedMode.RECONNECTING, within);
        Phrase detail = listener.lastReported(FeedMode.RECONNECTING).detail();
        assertEquals(FeedPhrases.noPong(300), detail.arg(1), detail.toString());
        return detail;
    }

    /**
     * A feed on {@code server} whose subscription is PINGed every {@code interval} and given up after {@code timeout},
     * reconnecting at once; the server's flags are not read again meanwhile, so the PING alone notices a pause.
     */
    private static RedisSessionFeed pingWatched(RedisProcess server, Duration interval, Duration timeout) {
        return new RedisSessionFeed(RedisConnectionSettings.parse(server.url()), new SessionCodec(),
                FeedOptions.defaults().withPing(interval, timeout)
                        .withReconnect(Duration.ofMillis(100), Duration.ofMillis(300))
                        .withTopologyRefresh(Duration.ofMinutes(10)));
    }

    @Test
    void aServerThatCannotBeReachedAtAllIsOfflineAndTheFeedConnectsWhenItAppears(@TempDir Path tmp) {
        int port = EmbeddedRedis.freePort();
        RecordingListener listener = new RecordingListener();
        RedisSessionFeed feed = new RedisSessionFeed(RedisConnectionSettings.parse("redis://127.0.0.1:" + port + "/0"),
                new SessionCodec(), FeedOptions.defaults().withReconnect(Duration.ofMillis(100), Duration.ofMillis(300)));
        RedisProcess server = null;
        try {
            feed.start(listener);
            listener.awaitMode(FeedMode.OFFLINE);
            Phrase unreachable = feed.modeDetail();
            assertEquals("feed.unreachable", unreachable.key(), unreachable.toString());
            assertTrue(unreachable.arg(0).toString().startsWith("redis://127.0.0.1:" + port), unreachable.toString());
            assertEquals("store.failure.unreachable", ((Phrase) unreachable.arg(1)).key(), unreachable.toString());
            assertTrue(Wording.cli().render(unreachable).contains("refused"), Wording.cli().render(unreachable));
            server = RedisProcess.start(port, tmp, List.of());
            listener.awaitMode(FeedMode.LIVE);
            listener.awaitSnapshots(1);
        } finally {
            feed.close();
            if (server != null) {
                server.kill();
            }
        }
    }
}
