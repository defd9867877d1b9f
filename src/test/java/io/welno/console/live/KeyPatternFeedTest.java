package io.welno.console.live;

import static io.welno.console.live.Docs.doc;
import static io.welno.console.live.Docs.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.testing.RecordingListener;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.text.Phrase;
import io.welno.console.view.Wording;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.SetParams;

/**
 * The window's feed for a user whose ACL key patterns leave one session out (docs/live.md, "Reading"): Redis refuses a
 * whole MGET for that one key, which failed the snapshot (the feed reconnected again and again, and the table stayed
 * empty), and a pushed batch that held the key (the feed dropped its connection). Now the refused key is an unreadable
 * row naming the permission, and the rest of its chunk and its batch are read as for any user.
 */
class KeyPatternFeedTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final int INSIDE = 450;

    private static RedisConnectionSettings narrowUser() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "narrow", "reset", "on", ">s3cret",
                "~tilko_session:welno_*", "&*", "+@all");
        return RedisConnectionSettings.parse("redis://narrow:s3cret@127.0.0.1:" + REDIS.port() + "/0");
    }

    @Test
    void theSnapshotShowsEverySessionTheUserMayReadAndTheRefusedOneAsRefused() {
        Set<String> expected = seedInside();
        REDIS.client().set(key("kakao_1"), doc("kakao_1", "initiated", 1), SetParams.setParams().ex(600));
        expected.add("kakao_1");
        RecordingListener listener = new RecordingListener();
        try (RedisSessionFeed feed = feed()) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            assertEquals(expected, listener.ids());
            assertInstanceOf(SessionDocument.class, listener.session("welno_7").parsed());
            assertRefused(listener, "kakao_1");
            assertFalse(listener.modeSequence().contains(FeedMode.RECONNECTING), listener.modes().toString());
        }
    }

    /** A keyspace event for a refused key is read with the others of its batch, and the connection stays up. */
    @Test
    void aPushedBatchWithARefusedKeyReadsTheOthers() {
        seedInside();
        RecordingListener listener = new RecordingListener();
        try (RedisSessionFeed feed = feed()) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);

            try (AbstractPipeline pipeline = REDIS.client().pipelined()) {
                pipeline.set(key("welno_3"), doc("welno_3", "auth_requesting", 2));
                pipeline.set(key("kakao_1"), doc("kakao_1", "auth_requesting", 2));
                pipeline.set(key("welno_4"), doc("welno_4", "auth_requesting", 2));
                pipeline.sync();
            }
            listener.await("the pushed keys read", () -> "2".equals(listener.field("welno_3", "n"))
                    && "2".equals(listener.field("welno_4", "n")) && listener.has("kakao_1"));
            assertRefused(listener, "kakao_1");
            assertEquals(FeedMode.LIVE, listener.lastMode().mode(), listener.modes().toString());
            assertFalse(listener.modeSequence().contains(FeedMode.RECONNECTING), listener.modes().toString());
        }
    }

    private static RedisSessionFeed feed() {
        return new RedisSessionFeed(narrowUser(), new SessionCodec(), FeedOptions.defaults(), FeedTopology.auto(),
                new Docs.TrackingThreads(), Clock.systemUTC());
    }

    private static Set<String> seedInside() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < INSIDE; i++) {
            REDIS.client().set(key("welno_" + i), doc("welno_" + i, "initiated", 1), SetParams.setParams().ex(600));
            ids.add("welno_" + i);
        }
        return ids;
    }

    private static void assertRefused(RecordingListener listener, String id) {
        UnreadableSession refused = assertInstanceOf(UnreadableSession.class, listener.session(id).parsed());
        assertEquals("unreadable.redisError", refused.reason().key());
        String said = Wording.cli().render(refused.reason());
        assertTrue(said.startsWith("Redis did not send the value: the Redis user may not touch this key"), said);
        assertTrue(refused.reason().arg(0) instanceof Phrase, refused.reason().toString());
    }
}
