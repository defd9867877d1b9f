package io.welno.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.SessionReader;
import io.welno.console.store.StoredSession;
import io.welno.console.testing.Words;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

/** The pure parts of the feed: flag merging, coalescing, ordering and kinds, merging, topology parsing, back-off. */
class FeedUnitTest {

    /** The monotonic clock's reading the feed's state is asked at (nanoseconds). */
    private static final long NOW_NANOS = 5_000_000_000_000L;
    /** The wall clock's reading at the same moment (milliseconds). */
    private static final long NOW_MILLIS = 1_746_057_600_000L;
    private final SessionCodec codec = new SessionCodec();

    // ---------------------------------------------------------------- notify-keyspace-events

    @Test
    void missingFlagsAreAddedAndExistingOnesKept() {
        assertEquals("K$gx", NotificationConfig.merge(""));
        assertEquals("K$gx", NotificationConfig.merge(null));
        assertEquals("ExK$g", NotificationConfig.merge("Ex"));
        assertEquals("xEK$g", NotificationConfig.merge("xE"));
        assertEquals("AKE", NotificationConfig.merge("AKE"), "A covers $, g and x");
        assertEquals("AEK", NotificationConfig.merge("AE"));
        assertEquals("K$gx", NotificationConfig.merge("K$gx"));
        assertEquals("g$xK", NotificationConfig.merge("g$xK"), "the order Redis reports does not matter");
        assertEquals("K$gx", NotificationConfig.merge("K$"), "K$ + gx");
        assertEquals("KEAnm", NotificationConfig.merge("KEAnm"), "flags we do not need survive");
        assertEquals("Kelx$g", NotificationConfig.merge("Kelx"));
    }

    @Test
    void sufficiencyNeedsTheKeyspaceChannelAndAllThreeClasses() {
        assertTrue(NotificationConfig.sufficient("KEA"));
        assertTrue(NotificationConfig.sufficient("gxK$"));
        assertFalse(NotificationConfig.sufficient(""));
        assertFalse(NotificationConfig.sufficient("EA"), "keyevent only: the feed subscribes to keyspace");
        assertFalse(NotificationConfig.sufficient("K$"), "K$ alone misses del and expire");
        assertFalse(NotificationConfig.sufficient("K$g"), "no expired events");
        assertFalse(NotificationConfig.sufficient("k$gx"), "flags are case-sensitive");
        assertEquals("gx", NotificationConfig.missing("K$"));
    }

    // ---------------------------------------------------------------- coalescing

    @Test
    void eventsMapToActions() {
        assertEquals(ChangeCoalescer.Action.READ, ChangeCoalescer.actionFor("set"));
        assertEquals(ChangeCoalescer.Action.READ, ChangeCoalescer.actionFor("expire"));
        assertEquals(ChangeCoalescer.Action.READ, ChangeCoalescer.actionFor("persist"));
        assertEquals(ChangeCoalescer.Action.READ, ChangeCoalescer.actionFor("rename_to"));
        assertEquals(ChangeCoalescer.Action.READ, ChangeCoalescer.actionFor("new"));
        assertEquals(ChangeCoalescer.Action.REMOVED, ChangeCoalescer.actionFor("del"));
        assertEquals(ChangeCoalescer.Action.REMOVED, ChangeCoalescer.actionFor("rename_from"));
        assertEquals(ChangeCoalescer.Action.REMOVED, ChangeCoalescer.actionFor("evicted"));
        assertEquals(ChangeCoalescer.Action.EXPIRED, ChangeCoalescer.actionFor("expired"));
    }

    @Test
    void manyEventsForOneKeyBecomeOnePendingEntryAndTheNewestWins() {
        ChangeCoalescer coalescer = new ChangeCoalescer(10);
        for (int i = 0; i < 1000; i++) {
            coalescer.offer("k", 0, 1, i % 2 == 0 ? "set" : "expire");
        }
        coalescer.offer("k", 0, 1, "del");
        assertEquals(1, coalescer.size());
        List<ChangeCoalescer.Pending> drained = coalescer.drain();
        assertEquals(List.of(new ChangeCoalescer.Pending("k", 0, 1, ChangeCoalescer.Action.REMOVED)), drained);
        assertTrue(coalescer.isEmpty());
        assertEquals(1001, coalescer.received());
        assertEquals(1000, coalescer.coalesced());
    }

    @Test
    void aCappedDrainTakesTheLongestWaitingKeysFirstAndLeavesTheRest() {
        ChangeCoalescer coalescer = new ChangeCoalescer(100);
        for (int i = 0; i < 10; i++) {
            coalescer.offer("k" + i, 0, 1, "set");
        }
        coalescer.offer("k0", 0, 1, "expire"); // coalesced: keeps its place in line
        List<String> first = coalescer.drain(4).stream().map(ChangeCoalescer.Pending::key).toList();
        assertEquals(List.of("k0", "k1", "k2", "k3"), first);
        coalescer.offer("k1", 0, 1, "set"); // arrives again after it was read: goes to the back
        assertEquals(List.of("k4", "k5", "k6", "k7", "k8", "k9", "k1"),
                coalescer.drain(100).stream().map(ChangeCoalescer.Pending::key).toList());
        assertTrue(coalescer.isEmpty());
    }

    @Test
    void theBacklogIsBoundedAndAnOverflowIsReportedOnce() {
        ChangeCoalescer coalescer = new ChangeCoalescer(3);
        for (int i = 0; i < 10; i++) {
            coalescer.offer("k" + i, 0, 1, "set");
        }
        assertEquals(3, coalescer.size());
        assertTrue(coalescer.offer("k0", 0, 1, "set"), "known keys are still coalesced when full");
        assertEquals(7, coalescer.dropped());
        assertTrue(coalescer.takeOverflow());
        assertFalse(coalescer.takeOverflow());
    }

    // ---------------------------------------------------------------- kinds and ordering

    private NodeReader.Read read(String id, String status, long fingerprint, long expiresAt) {
        String json = "{\"session_id\": \"" + id + "\", \"status\": \"" + status + "\"}";
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long wall = expiresAt == NodeReader.Read.NEVER ? NodeReader.Read.NEVER : NOW_MILLIS + (expiresAt - NOW_NANOS) / 1_000_000;
        return new NodeReader.Read(new StoredSession(codec.parse(id, bytes), 1000, bytes), fingerprint, expiresAt, wall);
    }

    @Test
    void firstReadIsAddedThenUpdatedAndOlderReadsNeverOverwriteNewerOnes() {
        FeedState state = new FeedState(() -> NOW_NANOS, () -> NOW_MILLIS);
        assertEquals(ChangeKind.ADDED, state.applyRead(read("a", "initiated", 1, Long.MAX_VALUE), 5, true).kind());
        assertEquals(ChangeKind.UPDATED, state.applyRead(read("a", "auth_requesting", 2, Long.MAX_VALUE), 7, true).kind());
        assertNull(state.applyRead(read("a", "initiated", 1, Long.MAX_VALUE), 6, true), "a slow older read is dropped");
        assertNull(state.applyRead(read("a", "auth_requesting", 2, Long.MAX_VALUE), 8, false),
                "a poll that finds the same bytes reports nothing");
        assertEquals(ChangeKind.UPDATED, state.applyRead(read("a", "auth_requesting", 2, Long.MAX_VALUE), 9, true).kind(),
                "a pushed re-read (e.g. after EXPIRE) is reported: the TTL changed");
    }

    @Test
    void endedSessionsAreReportedOnce() {
        FeedState state = new FeedState(() -> NOW_NANOS, () -> NOW_MILLIS);
        state.applyRead(read("a", "auth_completed", 1, Long.MAX_VALUE), 1, true);
        SessionChange removed = state.applyEnded("a", 2, ChangeKind.REMOVED, false);
        assertEquals(new SessionChange(ChangeKind.REMOVED, "a", null), removed);
        assertNull(state.applyEnded("a", 3, ChangeKind.REMOVED, false), "unknown ids are not reported");
    }

    @Test
    void aRemovalDuringAPassStopsAnOlderReadOfThatPassFromResurrectingTheSession() {
        FeedState state = new FeedState(() -> NOW_NANOS, () -> NOW_MILLIS);
        state.applyRead(read("a", "initiated", 1, Long.MAX_VALUE), 1, true);
        ScanRun pass = new ScanRun(1, ScanRun.Kind.SNAPSHOT, 10, 1, true);
        // The pass read "a" with seq 11; the del event was processed with seq 12 before that chunk arrived.
        assertEquals(ChangeKind.REMOVED, state.applyEnded("a", 12, ChangeKind.REMOVED, true).kind());
        assertNull(state.applyRead(read("a", "initiated", 1, Long.MAX_VALUE), 11, true));
        assertEquals(1, state.tombstones());
        assertEquals(List.of(), state.completePass(pass));
        assertEquals(0, state.tombstones(), "tombstones last one pass");
        assertEquals(ChangeKind.ADDED, state.applyRead(read("a", "initiated", 1, Long.MAX_VALUE), 13, true).kind(),
                "re-created later: added again");
    }

    @Test
    void aCompletedPassEndsSessionsItDidNotSeeAsExpiredOrRemovedByTheirTtl() {
        FeedState state = new FeedState(() -> NOW_NANOS, () -> NOW_MILLIS);
        state.applyRead(read("seen", "initiated", 1, Long.MAX_VALUE), 1, true);
        state.applyRead(read("deleted", "initiated", 1, NOW_NANOS + 600_000_000_000L), 2, true);
        state.applyRead(read("timed-out", "auth_request_sent", 1, NOW_NANOS - 5_000_000L), 3, true);
        ScanRun pass = new ScanRun(1, ScanRun.Kind.SNAPSHOT, 4, 1, true);
        state.applyRead(read("seen", "initiated", 1, Long.MAX_VALUE), 5, true);
        List<SessionChange> gone = state.completePass(pass);
        Map<String, ChangeKind> kinds = new LinkedHashMap<>();
        gone.forEach(c -> kinds.put(c.id(), c.kind()));
        assertEquals(Map.of("deleted", ChangeKind.REMOVED, "timed-out", ChangeKind.EXPIRED), kinds);
        assertEquals(1, state.size());
        assertTrue(state.knows("seen"));
    }

    /**
     * A TTL is counted down by the monotonic clock from when it was read, so the guess between expired and deleted
     * does not move with the wall clock; a key without one never expires.
     */
    @Test
    void aTtlRunsOutByTheMonotonicClockFromItsReading() {
        byte[] bytes = "{\"status\": \"initiated\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StoredSession read = new StoredSession(codec.parse("a", bytes), 1500, bytes, NOW_NANOS - 2_000_000_000L);
        assertEquals(NOW_NANOS - 500_000_000L, NodeReader.toRead(read, NOW_NANOS, NOW_MILLIS, false).expiresAtNanos());
        StoredSession untimed = new StoredSession(codec.parse("a", bytes), 1500, bytes, StoredSession.UNTIMED);
        assertEquals(NOW_NANOS + 1_500_000_000L, NodeReader.toRead(untimed, NOW_NANOS, NOW_MILLIS, false).expiresAtNanos());
        StoredSession forever = new StoredSession(codec.parse("a", bytes), StoredSession.NO_EXPIRY, bytes, NOW_NANOS);
        assertEquals(NodeReader.Read.NEVER, NodeReader.toRead(forever, NOW_NANOS, NOW_MILLIS, false).expiresAtNanos());

        FeedState state = new FeedState(() -> NOW_NANOS, () -> NOW_MILLIS);
        state.applyRead(NodeReader.toRead(read, NOW_NANOS, NOW_MILLIS, false), 1, true);
        StoredSession b = new StoredSession(codec.parse("b", bytes), StoredSession.NO_EXPIRY, bytes, NOW_NANOS);
        state.applyRead(NodeReader.toRead(b, NOW_NANOS, NOW_MILLIS, false), 2, true);
        assertEquals(ChangeKind.EXPIRED, state.applyEnded("a", 3, null, false).kind(), "its TTL ran out");
        assertEquals(ChangeKind.REMOVED, state.applyEnded("b", 4, null, false).kind(), "no TTL: deleted");
    }

    /**
     * Either clock saying the TTL ran out makes a vanished key expired: the monotonic clock stands still while the
     * computer sleeps (the TTL ran on in Redis), and the wall clock can be set back an hour.
     */
    @Test
    void aTtlRanOutWhenEitherClockSaysSo() {
        long tenSeconds = 10_000_000_000L;
        AtomicLong nanos = new AtomicLong(NOW_NANOS);
        AtomicLong millis = new AtomicLong(NOW_MILLIS);
        FeedState state = new FeedState(nanos::get, millis::get);
        state.applyRead(read("slept", "initiated", 1, NOW_NANOS + tenSeconds), 1, true);
        state.applyRead(read("set-back", "initiated", 1, NOW_NANOS + tenSeconds), 2, true);

        millis.addAndGet(3_600_000); // an hour asleep: the monotonic clock did not move
        assertEquals(ChangeKind.EXPIRED, state.applyEnded("slept", 4, null, false).kind());
        millis.addAndGet(-3_600_000 - 3_600_000); // then the wall clock set an hour back, and 20 s pass
        nanos.addAndGet(2 * tenSeconds);
        millis.addAndGet(20_000);
        assertEquals(ChangeKind.EXPIRED, state.applyEnded("set-back", 5, null, false).kind());

        FeedState fresh = new FeedState(nanos::get, millis::get);
        fresh.applyRead(read("deleted", "initiated", 1, nanos.get() + tenSeconds), 6, true);
        assertEquals(ChangeKind.REMOVED, fresh.applyEnded("deleted", 7, null, false).kind(), "neither ran out");
    }

    @Test
    void changesToOneIdWithinABatchFoldIntoOneWithTheRightKind() {
        LatestById<SessionChange> batch = new LatestById<>();
        StoredSession v1 = read("a", "initiated", 1, 0).session();
        StoredSession v2 = read("a", "auth_requesting", 2, 0).session();
        BatchDispatcher.merge(batch, new SessionChange(ChangeKind.ADDED, "a", v1));
        BatchDispatcher.merge(batch, new SessionChange(ChangeKind.UPDATED, "a", v2));
        assertEquals(new SessionChange(ChangeKind.ADDED, "a", v2), batch.get("a"), "still new to the consumer");
        BatchDispatcher.merge(batch, new SessionChange(ChangeKind.REMOVED, "a", null));
        assertTrue(batch.isEmpty(), "added and removed within one batch: the consumer never needs to know");

        BatchDispatcher.merge(batch, new SessionChange(ChangeKind.EXPIRED, "b", null));
        BatchDispatcher.merge(batch, new SessionChange(ChangeKind.ADDED, "b", v1));
        assertEquals(ChangeKind.UPDATED, batch.get("b").kind(), "ended and back: an update for the consumer");
        BatchDispatcher.merge(batch, new SessionChange(ChangeKind.REMOVED, "b", null));
        assertEquals(ChangeKind.REMOVED, batch.get("b").kind());
        BatchDispatcher.merge(batch, null);
        assertEquals(1, batch.size());
    }

    /** A snapshot row folded with a pushed change of the same session is a write seen, whichever read came last. */
    @Test
    void aChangeFoldedWithAPushedOneIsNotASnapshotRow() {
        StoredSession v1 = read("a", "initiated", 1, 0).session();
        StoredSession v2 = read("a", "auth_requesting", 2, 0).session();
        SessionChange snapshot = new SessionChange(ChangeKind.UPDATED, "a", v1, true);
        SessionChange pushed = new SessionChange(ChangeKind.UPDATED, "a", v2);
        assertFalse(SessionChange.then(snapshot, pushed).fromSnapshot());
        assertFalse(SessionChange.then(pushed, snapshot).fromSnapshot());
        assertEquals(v1, SessionChange.then(pushed, snapshot).session(), "the later value all the same");
        assertTrue(SessionChange.then(snapshot, new SessionChange(ChangeKind.UPDATED, "a", v2, true)).fromSnapshot());
    }

    // ---------------------------------------------------------------- topology

    @Test
    void clusterNodesYieldTheLivePrimariesThatServeSlots() {
        String reply = """
                07c37dfeb235213a872192d90877d0cd55635b91 127.0.0.1:30004@31004 slave e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 0 1426238317239 4 connected
                67ed2db8d677e59ec4a4cefb06858cf2a1a89fa1 127.0.0.1:30002@31002 master - 0 1426238316232 2 connected 5461-10922
                292f8b365bb7edb5e285caf0b7e6ddc7265d2f4f 127.0.0.1:30003@31003 master - 0 1426238318243 3 connected 10923-16383 [16000->-e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca]
                6ec23923021cf3ffec47632106199cb7f496ce01 127.0.0.1:30005@31005 master,fail - 0 1426238316232 5 connected
                e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca 127.0.0.1:30001@31001,redis-1.internal myself,master - 0 0 1 connected 0-5460
                824fe116063bc5fcf9f4ffd895bc17aee7731ac3 :0@0 master,noaddr - 0 0 0 disconnected 100
                aaaafe116063bc5fcf9f4ffd895bc17aee7731ac 127.0.0.1:30006@31006 master - 0 0 0 connected
                """;
        FeedTopology.Resolved resolved = ClusterAwareTopology.fromClusterNodes(reply, new HostAndPort("127.0.0.1", 30001));
        assertTrue(resolved.cluster());
        assertEquals(List.of(new HostAndPort("127.0.0.1", 30002), new HostAndPort("127.0.0.1", 30003),
                new HostAndPort("redis-1.internal", 30001)), resolved.primaries());
        assertEquals("3 cluster primaries", io.welno.console.testing.Words.en(resolved.description()));
        assertTrue(resolved.fingerprint().contains("127.0.0.1:30003=10923-16383"), resolved.fingerprint());
        assertEquals(new HostAndPort("10.0.0.5", 7000),
                ClusterAwareTopology.parseAddress(":7000@17000", new HostAndPort("10.0.0.5", 7000)));
        assertThrows(io.welno.console.text.PhrasedException.class, () -> ClusterAwareTopology.fromClusterNodes(
                "x 127.0.0.1:1@2 slave y 0 0 1 connected\n", new HostAndPort("127.0.0.1", 1)));
    }

    @Test
    void nodeSettingsKeepCredentialsTlsAndPrefixButUseDatabaseZeroOnACluster() {
        RedisConnectionSettings base = RedisConnectionSettings.parse("rediss://ops:pw@seed:7000/3?prefix=s:&verify=ca");
        RedisConnectionSettings node = Nodes.settingsFor(base, new HostAndPort("10.0.0.2", 7001), true);
        assertEquals("10.0.0.2", node.host());
        assertEquals(7001, node.port());
        assertEquals("ops", node.user());
        assertEquals("pw", node.password());
        assertTrue(node.tls());
        assertEquals("s:", node.keyPrefix());
        assertEquals(0, node.database());
        assertEquals(3, Nodes.settingsFor(base, new HostAndPort("h", 1), false).database());
        assertEquals("__keyspace@3__:", KeyspaceSubscriber.channelPrefix(3));
        assertEquals("tilko\\*session:", SessionReader.globEscape("tilko*session:"));
        assertEquals("a\\?b\\[c\\]\\\\*", SessionReader.matchPattern("a?b[c]\\"));
    }

    // ---------------------------------------------------------------- options and back-off

    @Test
    void backOffGrowsWithJitterAndIsCapped() {
        FeedOptions options = FeedOptions.defaults().withReconnect(Duration.ofMillis(100), Duration.ofSeconds(2));
        RedisSessionFeed feed = new RedisSessionFeed(RedisConnectionSettings.parse("redis://127.0.0.1:1/0"), codec,
                options);
        for (int i = 0; i < 50; i++) {
            long first = feed.backoffMillis(1);
            assertTrue(first >= 80 && first <= 120, "first retry ~100 ms: " + first);
            long third = feed.backoffMillis(3);
            assertTrue(third >= 320 && third <= 480, "third retry ~400 ms: " + third);
            assertTrue(feed.backoffMillis(40) <= 2000, "capped");
            assertTrue(feed.backoffMillis(40) >= 1600);
        }
        feed.close();
    }

    @Test
    void optionsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> FeedOptions.defaults().withBatchWindow(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> FeedOptions.defaults().withMaxPendingKeys(0));
        assertThrows(IllegalArgumentException.class,
                () -> FeedOptions.defaults().withReconnect(Duration.ofSeconds(5), Duration.ofSeconds(1)));
        FeedOptions defaults = FeedOptions.defaults();
        assertEquals(Duration.ofMillis(40), defaults.batchWindow());
        assertFalse(defaults.mayEnableNotifications());
        assertEquals(1000, defaults.scanCount());
        assertEquals("2 s", Words.en(FeedPhrases.human(defaults.pollInterval())));
        assertEquals("200 ms", Words.en(FeedPhrases.human(Duration.ofMillis(200))));
        assertEquals("1.5 s", Words.en(FeedPhrases.human(Duration.ofMillis(1500))));
        assertEquals("1.3 s", Words.en(FeedPhrases.human(Duration.ofMillis(1250))), "rounded half up, as before");
    }
}
