package io.welno.console.live;

import io.welno.console.testing.Await;
import io.welno.console.testing.RecordingListener;
import static io.welno.console.live.Docs.doc;
import static io.welno.console.live.Docs.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.UnreadableSession;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RedisServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.params.SetParams;

/** The feed against a real Redis with keyspace notifications on: snapshot, pushed changes, kinds, threads. */
class RedisSessionFeedTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final SessionCodec codec = new SessionCodec();

    private RedisSessionFeed feed(FeedOptions options, Docs.TrackingThreads threads) {
        return new RedisSessionFeed(REDIS.settings(), codec, options, FeedTopology.auto(), threads, Clock.systemUTC());
    }

    /** A key whose name is not UTF-8 reaches the window's table as an unreadable row, not nothing (docs/live.md). */
    @Test
    void aKeyWhoseNameIsNotUtf8IsInTheSnapshotAsUnreadable() {
        byte[] key = {'t', 'i', 'l', 'k', 'o', '_', 's', 'e', 's', 's', 'i', 'o', 'n', ':', 'k', (byte) 0xFF};
        REDIS.client().set(key, "{\"status\": \"initiated\", \"messages\": []}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        REDIS.client().set(key("ok"), "{\"status\": \"initiated\", \"messages\": []}");
        RecordingListener listener = new RecordingListener();
        try (RedisSessionFeed feed = feed(FeedOptions.defaults(), new Docs.TrackingThreads())) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            assertEquals(java.util.Set.of("ok", "k\\xff"), listener.ids());
            UnreadableSession unreadable = assertInstanceOf(UnreadableSession.class, listener.session("k\\xff").parsed());
            assertEquals(io.welno.console.text.Phrase.of("unreadable.keyNotUtf8"), unreadable.reason());
        }
    }

    /**
     * A key whose name is not UTF-8 is followed live like any other: its keyspace channel is read as bytes and named as
     * the listing names it, so its deletion removes its row and its expiry ends it. Decoded as text (U+FFFD), the event
     * named another key, and the window and {@code watch} kept showing a session that no longer existed.
     */
    @Test
    void aKeyWhoseNameIsNotUtf8LeavesItsRowWhenItIsDeletedOrExpires() {
        byte[] value = "{\"status\": \"initiated\", \"messages\": []}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        byte[] deleted = {'t', 'i', 'l', 'k', 'o', '_', 's', 'e', 's', 's', 'i', 'o', 'n', ':', 'k', (byte) 0xFF};
        byte[] expiring = {'t', 'i', 'l', 'k', 'o', '_', 's', 'e', 's', 's', 'i', 'o', 'n', ':', 'e', (byte) 0xC3};
        REDIS.client().set(deleted, value);
        RecordingListener listener = new RecordingListener();
        try (RedisSessionFeed feed = feed(FeedOptions.defaults(), new Docs.TrackingThreads())) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);
            assertTrue(listener.has("k\\xff"), listener.ids().toString());

            REDIS.client().del(deleted);
            listener.await("k\\xff removed", () -> listener.lastKind("k\\xff") == ChangeKind.REMOVED);

            REDIS.client().set(expiring, value, SetParams.setParams().px(5000));
            listener.await("e\\xc3 added", () -> listener.kinds("e\\xc3").contains(ChangeKind.ADDED));
            SessionChange added = listener.batches().stream().flatMap(d -> d.batch().changes().stream())
                    .filter(c -> c.id().equals("e\\xc3") && c.kind() == ChangeKind.ADDED).findFirst().orElseThrow();
            UnreadableSession unreadable = assertInstanceOf(UnreadableSession.class, added.session().parsed());
            assertEquals(io.welno.console.text.Phrase.of("unreadable.keyNotUtf8"), unreadable.reason());
            listener.await("e\\xc3 expired", Await.EVENTUALLY,
                    () -> listener.lastKind("e\\xc3") == ChangeKind.EXPIRED);
        }
    }

    /**
     * A pushed key's read is not checked for a write between its value and its TTL (the keys it reads were just
     * written, so many would look raced): that write's own keyspace event has the key read again, and the newest
     * reading is the value with its own TTL (docs/live.md, "Reading").
     */
    @Test
    void aWriteBetweenAPushedValueAndItsTtlIsReadAgainOnItsOwnEvent() throws Exception {
        var redis = REDIS.client();
        redis.set(key("r"), doc("r", "initiated", 1), SetParams.setParams().ex(1800));
        redis.pexpire(key("r"), 600_000);
        RecordingListener listener = new RecordingListener();
        try (io.welno.console.testing.PipelineGate gate = new io.welno.console.testing.PipelineGate(REDIS.port());
             RedisSessionFeed feed = new RedisSessionFeed(io.welno.console.store.RedisConnectionSettings.parse(
                     "redis://127.0.0.1:" + gate.port() + "/0"), codec, FeedOptions.defaults(), FeedTopology.auto(),
                     new Docs.TrackingThreads(), Clock.systemUTC())) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);
            gate.splitBefore("PTTL", () -> redis.set(key("r"), doc("r", "auth_requesting", 3),
                    SetParams.setParams().ex(1800)));
            redis.set(key("r"), doc("r", "initiated", 2), SetParams.setParams().keepttl());
            listener.await("the raced write read on its own event", () -> "3".equals(listener.field("r", "n")));
            assertTrue(gate.split(), "the write landed between the pushed value and its TTL");
            assertTrue(listener.session("r").ttlMillis() > 600_000, "its own write's TTL");
        }
    }

    @Test
    void snapshotThenWritesByAnotherClientArriveAsTheRightKinds() {
        var redis = REDIS.client();
        for (String name : Fixtures.readable()) {
            redis.set(key(Fixtures.id(name)), Fixtures.text(name), SetParams.setParams().ex(1800));
        }
        for (String name : Fixtures.MALFORMED) {
            redis.set(key(Fixtures.id(name)), Fixtures.text(name));
        }
        redis.hset(key("a_hash"), "f", "v");
        redis.set("other_app:1", "{}");

        Docs.TrackingThreads threads = new Docs.TrackingThreads();
        RecordingListener listener = new RecordingListener();
        RedisSessionFeed feed = feed(FeedOptions.defaults(), threads);
        try {
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);
            int expected = Fixtures.readable().size() + Fixtures.MALFORMED.size() + 1;
            assertEquals(expected, listener.ids().size(), "every key under the prefix, nothing else");
            for (String name : Fixtures.readable()) {
                assertInstanceOf(SessionDocument.class, listener.session(Fixtures.id(name)).parsed(), name);
            }
            for (String name : Fixtures.MALFORMED) {
                assertInstanceOf(UnreadableSession.class, listener.session(Fixtures.id(name)).parsed(), name);
            }
            assertInstanceOf(UnreadableSession.class, listener.session("a_hash").parsed());
            assertFalse(listener.has("other_app:1"));
            assertTrue(listener.session(Fixtures.id("01_initiated.json")).ttlMillis() > 1_700_000);
            assertTrue(listener.progress().stream().anyMatch(p -> p[0] == expected && p[1] == 1),
                    "progress reports the completed snapshot");

            // SET of a new key: ADDED
            redis.set(key("n1"), doc("n1", "initiated", 1));
            listener.await("n1 added", () -> listener.lastKind("n1") == ChangeKind.ADDED);
            assertEquals("initiated", listener.status("n1"));
            assertEquals(StoredSessionTtl.NONE, StoredSessionTtl.of(listener.session("n1").ttlMillis()));

            // SET of a known key: UPDATED with the new value
            redis.set(key("n1"), doc("n1", "auth_requesting", 2));
            listener.await("n1 updated", () -> "2".equals(listener.field("n1", "n")));
            assertEquals(ChangeKind.UPDATED, listener.lastKind("n1"));
            assertEquals("auth_requesting", listener.status("n1"));

            // SETEX (set + expire): one UPDATED carrying the TTL
            redis.setex(key("n1"), 100, doc("n1", "auth_request_sent", 3));
            listener.await("n1 setex", () -> "3".equals(listener.field("n1", "n"))
                    && listener.session("n1").ttlMillis() > 0);
            assertEquals(ChangeKind.UPDATED, listener.lastKind("n1"));
            assertTrue(listener.session("n1").ttlMillis() <= 100_000);

            // EXPIRE alone: re-read, the new TTL arrives
            redis.expire(key("n1"), 5000);
            listener.await("n1 ttl extended", () -> listener.session("n1").ttlMillis() > 1_000_000);
            assertEquals(ChangeKind.UPDATED, listener.lastKind("n1"));

            // DEL: REMOVED
            redis.del(key("n1"));
            listener.await("n1 removed", () -> listener.lastKind("n1") == ChangeKind.REMOVED);
            assertFalse(listener.has("n1"));

            // A key reaching its TTL: EXPIRED
            redis.set(key("n2"), doc("n2", "initiated", 1), SetParams.setParams().px(300));
            listener.await("n2 added", () -> listener.kinds("n2").contains(ChangeKind.ADDED));
            listener.await("n2 expired", Await.EVENTUALLY, () -> listener.lastKind("n2") == ChangeKind.EXPIRED);
            assertEquals(List.of(ChangeKind.ADDED, ChangeKind.EXPIRED), listener.kinds("n2"));

            // A key outside the prefix is never reported.
            redis.set("other_app:2", "{}");
            redis.set(key("n3"), doc("n3", "initiated", 1));
            listener.await("n3 added", () -> listener.has("n3"));
            assertFalse(listener.has("other_app:2"));

            assertEquals(0, listener.batchesWithRepeatedIds());
            assertEquals(1, listener.threads().size(), "one feed thread calls the listener: " + listener.threads());
            assertTrue(listener.threads().iterator().next().startsWith("welno-feed-listener"));
            assertTrue(feed.latencyMillis() >= 0);
        } finally {
            feed.close();
        }
        assertEquals(FeedMode.OFFLINE, feed.mode());
        assertEquals(FeedMode.OFFLINE, listener.lastMode().mode());
        assertEquals(List.of(), threads.alive(), "close() ends every thread the feed started");
        assertTrue(threads.created() >= 3);
    }

    @Test
    void aLargeSnapshotArrivesInBatchesBeforeTheScanEndsWithProgress() {
        int sessions = 20_000;
        try (AbstractPipeline pipeline = REDIS.client().pipelined()) {
            for (int i = 0; i < sessions; i++) {
                pipeline.set(key("s" + i), doc("s" + i, "initiated", i));
            }
            for (int i = 0; i < 30_000; i++) {
                pipeline.set("other:" + i, "x");
            }
        }
        RecordingListener listener = new RecordingListener();
        try (RedisSessionFeed feed = feed(FeedOptions.defaults().withScan(1000, 100, 3), new Docs.TrackingThreads())) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            assertEquals(sessions, listener.ids().size());
            List<RecordingListener.Delivered> batches = listener.batches();
            FeedBatch first = batches.get(0).batch();
            assertTrue(first.fromSnapshot());
            assertFalse(first.snapshotComplete(), "the first rows arrive before the scan has finished");
            assertTrue(first.changes().size() < sessions);
            assertTrue(listener.progress().stream().anyMatch(p -> p[1] == 0 && p[0] > 0 && p[0] < sessions),
                    "progress is reported while loading");
            assertEquals(0, listener.batchesWithRepeatedIds());
            assertTrue(listener.kinds("s0").stream().allMatch(k -> k == ChangeKind.ADDED));
            assertEquals(sessions, feed.stats().knownSessions());
        }
    }

    @Test
    void resyncDeliversEverythingAgainAndEndsWithSnapshotComplete() {
        REDIS.client().set(key("r1"), doc("r1", "initiated", 1));
        REDIS.client().set(key("r2"), doc("r2", "initiated", 1));
        RecordingListener listener = new RecordingListener();
        try (RedisSessionFeed feed = feed(FeedOptions.defaults(), new Docs.TrackingThreads())) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);
            feed.resync();
            listener.awaitSnapshots(2);
            assertEquals(List.of(ChangeKind.ADDED, ChangeKind.UPDATED), listener.kinds("r1"));
            assertEquals(Set.of("r1", "r2"), listener.ids());
        }
    }

    @Test
    void aBurstLargerThanOneReadChunkArrivesWholeAndInOrderByPush() {
        RecordingListener listener = new RecordingListener();
        // A long window gathers the burst into batches of many chunks, which are read and parsed chunk by chunk.
        FeedOptions options = FeedOptions.defaults().withBatchWindow(Duration.ofMillis(300));
        int sessions = 5 * options.fetchChunk() + 7;
        try (RedisSessionFeed feed = feed(options, new Docs.TrackingThreads())) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);
            for (int round = 1; round <= 2; round++) {
                try (AbstractPipeline pipeline = REDIS.client().pipelined()) {
                    for (int i = 0; i < sessions; i++) {
                        pipeline.set(key("c" + i), doc("c" + i, "initiated", round * 100_000L + i));
                    }
                }
                long expected = round * 100_000L;
                listener.await("every session of round " + round, () -> {
                    for (int i = 0; i < sessions; i++) {
                        if (!String.valueOf(expected + i).equals(listener.field("c" + i, "n"))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (int i = 0; i < sessions; i++) {
                assertEquals(List.of(ChangeKind.ADDED, ChangeKind.UPDATED), listener.kinds("c" + i), "c" + i);
            }
            assertEquals(0, listener.batchesWithRepeatedIds(), "at most one change per id per batch");
            assertEquals(1, listener.snapshotsCompleted(), "pushed, not resynchronised");
            assertTrue(listener.batches().stream().anyMatch(b -> b.batch().changes().size() > options.fetchChunk()),
                    "some batch held more than one read chunk");
        }
    }

    /**
     * A session added and deleted within one batch window is in no batch, even when its value was already read ahead
     * for that batch: the consumer (the table, its counts, the dashboard's starts, the alerts) never hears of a session
     * that no longer existed when the batch went out, and the feed remembers nothing of it (docs/live.md).
     */
    @Test
    void aSessionAddedAndDeletedWithinOneBatchWindowIsInNoBatch() {
        RecordingListener listener = new RecordingListener();
        FeedOptions options = FeedOptions.defaults().withBatchWindow(Duration.ofSeconds(3));
        try (RedisSessionFeed feed = feed(options, new Docs.TrackingThreads())) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);
            var redis = REDIS.client();
            redis.set(key("m1"), doc("m1", "initiated", 1)); // goes out at once and starts a window
            listener.await("m1", () -> listener.has("m1"));
            long readAhead = feed.stats().keysReadAhead();
            redis.set(key("brief"), doc("brief", "initiated", 1));
            listener.await("brief read ahead for the window's batch", () -> feed.stats().keysReadAhead() > readAhead);
            redis.del(key("brief"));
            redis.set(key("m2"), doc("m2", "initiated", 1));
            listener.await("the window's batch", () -> listener.has("m2"));

            assertTrue(listener.kinds("brief").isEmpty(), "in no batch: " + listener.kinds("brief"));
            assertEquals(Set.of("m1", "m2"), listener.ids());
            assertEquals(2, feed.stats().knownSessions(), "nothing remembered of it");
        }
    }

    @Test
    void keysPushedWhileAWindowRunsAreReadAheadAndComeWithItsBatch() {
        RecordingListener listener = new RecordingListener();
        // A long window: the burst below is pushed while it runs, so its keys are read before the window ends.
        FeedOptions options = FeedOptions.defaults().withBatchWindow(Duration.ofSeconds(3));
        int sessions = 30;
        try (RedisSessionFeed feed = feed(options, new Docs.TrackingThreads())) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);
            REDIS.client().set(key("r0"), doc("r0", "initiated", 1));
            listener.await("the first write", () -> "1".equals(listener.field("r0", "n")));
            long readAheadBefore = feed.stats().keysReadAhead();
            try (AbstractPipeline pipeline = REDIS.client().pipelined()) {
                for (int i = 1; i <= sessions; i++) {
                    pipeline.set(key("r" + i), doc("r" + i, "initiated", i));
                }
            }
            listener.await("every session of the burst", () -> {
                for (int i = 1; i <= sessions; i++) {
                    if (!String.valueOf(i).equals(listener.field("r" + i, "n"))) {
                        return false;
                    }
                }
                return true;
            });
            assertTrue(feed.stats().keysReadAhead() > readAheadBefore, "read while the window ran: " + feed.stats());
            for (int i = 1; i <= sessions; i++) {
                assertEquals(List.of(ChangeKind.ADDED), listener.kinds("r" + i), "r" + i);
            }
            assertEquals(0, listener.batchesWithRepeatedIds(), "at most one change per id per batch");
            assertEquals(0, feed.stats().pendingKeys());
        }
    }

    /**
     * The batch that ends a pass goes out at once, with the changes held for the window's batch (docs/live.md): a
     * window far longer than the test may wait shows that the resync's end did not wait it out.
     */
    @Test
    void aPassEndingWhileChangesAreHeldDeliversWithoutWaitingOutTheWindow() {
        RecordingListener listener = new RecordingListener();
        FeedOptions options = FeedOptions.defaults().withBatchWindow(Duration.ofMinutes(10));
        try (RedisSessionFeed feed = feed(options, new Docs.TrackingThreads())) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);
            long readAhead = feed.stats().keysReadAhead();
            REDIS.client().set(key("h1"), doc("h1", "initiated", 1));
            listener.await("h1 held for the window's batch", () -> feed.stats().keysReadAhead() > readAhead);
            assertFalse(listener.has("h1"), "held: the snapshot's batch began the window");
            feed.resync();
            listener.awaitSnapshots(2);
            assertTrue(listener.has("h1"), "the held change came with the pass's end");
        }
    }

    @Test
    void aBacklogBeyondItsBoundIsDroppedAndHealedByAResync() {
        RecordingListener listener = new RecordingListener();
        FeedOptions options = FeedOptions.defaults().withMaxPendingKeys(5).withBatchWindow(Duration.ofMillis(200));
        try (RedisSessionFeed feed = feed(options, new Docs.TrackingThreads())) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);
            try (AbstractPipeline pipeline = REDIS.client().pipelined()) {
                for (int i = 0; i < 500; i++) {
                    pipeline.set(key("b" + i), doc("b" + i, "initiated", i));
                }
            }
            // The resync's chunks may bring the 500th id a batch before its completing batch: wait for both.
            listener.await("all 500 sessions after the resync",
                    () -> listener.ids().size() == 500 && listener.snapshotsCompleted() >= 2);
            FeedStats stats = feed.stats();
            assertTrue(stats.eventsDropped() > 0, "the backlog was bounded: " + stats);
            assertTrue(listener.snapshotsCompleted() >= 2, "an overflow resyncs");
            assertTrue(stats.pendingKeys() <= 5);
        }
    }

    @Test
    void startingTwiceOrAfterCloseIsRefusedAndCloseIsIdempotent() {
        RedisSessionFeed feed = feed(FeedOptions.defaults(), new Docs.TrackingThreads());
        RecordingListener listener = new RecordingListener();
        feed.start(listener);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> feed.start(listener));
        feed.close();
        feed.close();
        assertEquals(FeedMode.OFFLINE, feed.mode());
        RedisSessionFeed never = feed(FeedOptions.defaults(), new Docs.TrackingThreads());
        never.close();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> never.start(listener));
    }

    /** A command stopped by an interrupt closes its feed on the interrupted thread: close still waits for it. */
    @Test
    void closeOnAnInterruptedThreadStillTellsStoppedLastAndEndsEveryThread() throws InterruptedException {
        REDIS.client().set(key("i0"), doc("i0", "initiated", 0));
        Docs.TrackingThreads threads = new Docs.TrackingThreads();
        RecordingListener listener = new RecordingListener();
        RedisSessionFeed feed = feed(FeedOptions.defaults(), threads);
        feed.start(listener);
        listener.awaitSnapshots(1);
        listener.awaitMode(FeedMode.LIVE);
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        AtomicReference<FeedMode> toldOnReturn = new AtomicReference<>();
        Thread closer = new Thread(() -> {
            Thread.currentThread().interrupt();
            feed.close();
            toldOnReturn.set(listener.lastMode().mode());
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        }, "closer");
        closer.start();
        closer.join(20_000);
        assertEquals(FeedMode.OFFLINE, toldOnReturn.get(), "the listener was told before close returned");
        assertTrue(stillInterrupted.get(), "the caller's interrupt is kept for it");
        assertEquals(List.of(), threads.alive(), "close() ends every thread the feed started");
    }

    /** TTL classes, to compare without depending on timing. */
    enum StoredSessionTtl {
        NONE, SOME;

        static StoredSessionTtl of(long ttlMillis) {
            return ttlMillis < 0 ? NONE : SOME;
        }
    }
}
