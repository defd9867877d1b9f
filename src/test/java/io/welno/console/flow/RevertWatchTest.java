package io.welno.console.flow;

import io.welno.console.testing.Await;
import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.StoredSession;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.HookedStore;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed incident, replayed: the backend reads a session, the console completes the authentication, the
 * backend writes its stale copy back. The console must say so.
 */
class RevertWatchTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final ObjectMapper mapper = new ObjectMapper();
    private final RecordingListener events = new RecordingListener();
    private RedisSessionStore store;
    private BackendStyleWriter backend;

    @BeforeEach
    void open() {
        store = FlowTestSupport.store(REDIS);
        backend = new BackendStyleWriter(REDIS.client());
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A session waiting at auth_request_sent, as the backend leaves it after simple-auth. */
    private String waitingSession() {
        return FlowTestSupport.waitingSession(REDIS);
    }

    private FlowService flow(RevertWatch watch) {
        FlowService flow = FlowTestSupport.service(store, null, watch, new DirectExecutor(), FlowOptions.defaults());
        flow.addListener(events);
        return flow;
    }

    /** A watch fed by the live feed alone takes the feed's word for a value that is no session, and tells it once. */
    @Test
    void aValueThatIsNoSessionFromTheFeedIsToldOnce() throws Exception {
        try (RevertWatch watch = new RevertWatch(store, Duration.ZERO); FlowService flow = flow(watch)) {
            String id = waitingSession();
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                    .withHold(Duration.ofMinutes(6)));
            assertTrue(done.applied());
            REDIS.client().set("tilko_session:" + id, "not json");
            StoredSession unreadable = store.get(id).orElseThrow();
            watch.onKeyChanged(id, unreadable);
            watch.onKeyChanged(id, unreadable); // the feed delivers it again

            assertEquals(1, events.reverts.size(), "told once: " + events.reverts);
            assertTrue(events.reverts.get(0).toUnreadable(), events.reverts.get(0).toString());
            assertFalse(watch.isWatching(id));
            HoldOutcome held = done.hold().outcome().get(30, TimeUnit.SECONDS);
            assertEquals(HoldOutcome.Kind.REVERTED, held.kind(), Words.en(held.message()));
        }
    }

    @Test
    void aStaleSnapshotWrittenBackAfterManualCompleteIsReportedByThePoller() throws Exception {
        try (RevertWatch watch = new RevertWatch(store, Duration.ofMillis(20)); FlowService flow = flow(watch)) {
            String id = waitingSession();
            ObjectNode snapshot = backend.read(id);                          // the backend's GET …
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved"));
            assertEquals(ActionResult.Outcome.APPLIED, done.outcome(), Words.en(done.message()));
            assertTrue(watch.isWatching(id));
            backend.write(id, snapshot);                                      // … and its SETEX of the old copy

            RevertDetected revert = events.awaitRevert(id, Await.EVENTUALLY);
            assertEquals(ActionKind.MANUAL_COMPLETE, revert.action());
            assertEquals(done.actionId(), revert.actionId());
            assertEquals("lee", revert.operator());
            assertNull(revert.batchId(), "a single action's, not a bulk run's");
            assertEquals(SessionStatus.AUTH_REQUEST_SENT, revert.statusNow());
            assertTrue(Words.en(revert.lost()).contains("status is auth_request_sent again (the action had set auth_completed)"),
                    Words.en(revert.lost()));
            assertTrue(Words.en(revert.lost()).contains("progress.auth_completed is false again (the action had set true)"),
                    Words.en(revert.lost()));
            assertTrue(Words.en(revert.lost()).contains("auth_data changed back"), Words.en(revert.lost()));
            assertFalse(Words.en(revert.lost()).contains("Token") || Words.en(revert.lost()).contains("tok."), "no secrets in the text");
            assertFalse(watch.isWatching(id), "reported once, then no longer watched");

            // The revert is told first, then the hold ends (audited before its waiters learn it): wait for that.
            assertEquals(HoldOutcome.Kind.REVERTED, done.hold().await(Await.EVENTUALLY).kind());
            List<AuditRecord> newest = flow.auditLog().read(2);
            AuditRecord ended = newest.get(0);
            assertEquals(AuditRecord.HOLD_ENDED, ended.event(), "the hold's last word, after the revert");
            assertEquals("REVERTED", ended.result());
            AuditRecord audit = newest.get(1);
            assertEquals(AuditRecord.REVERT_DETECTED, audit.event());
            assertEquals(done.actionId(), audit.actionId());
            assertEquals("REVERTED", audit.result());
        }
    }

    @Test
    void theLiveFeedCanDriveTheWatchAndFreshReadsByTheBackendAreNotReverts() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000_000L); // the watch's monotonic clock, moved by hand
        try (RevertWatch watch = new RevertWatch(store, Duration.ZERO, clock::get); FlowService flow = flow(watch)) {
            String id = waitingSession();
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved"));
            assertTrue(done.applied());

            // The backend keeps working on a fresh copy: status polls, messages, even a status change.
            backend.extendSession(id, 300);
            backend.update(id, d -> BackendStyleWriter.appendMessage(d, FlowTestSupport.TIMESTAMPS.now(), "poll"));
            backend.update(id, d -> d.put("status", "fetching_health_data"));
            watch.onKeyChanged(id, store.get(id).orElseThrow());
            watch.checkNow(id);
            assertTrue(events.reverts.isEmpty(), "changes built on our write are not reverts: " + events.reverts);
            assertTrue(watch.isWatching(id));

            // A stale copy arrives through the feed: reported on the feed's thread, at once.
            ObjectNode stale = (ObjectNode) mapper.readTree(Fixtures.live("03_auth_request_sent.json"));
            stale.put("session_id", id);
            stale.put("expires_at", FlowTestSupport.TIMESTAMPS.nowPlusSeconds(300));
            backend.write(id, stale);
            watch.onKeyChanged(id, store.get(id).orElseThrow());
            assertEquals(1, events.reverts.size());
            assertTrue(Words.en(events.reverts.get(0).lost()).contains("is gone"), Words.en(events.reverts.get(0).lost()));
        }
    }

    /**
     * The feed delivers a copy it read before the backend's last write and the console's write after it: older than
     * anything the action replaced, so not recognisable as a stale read by its bytes. With a store to poll, the watch
     * lets the poller's next read decide instead of reporting a revert that never happened.
     */
    @Test
    void aLateFeedCopyIsConfirmedByAReadBeforeItIsCalledARevert() throws Exception {
        try (RevertWatch watch = new RevertWatch(store, Duration.ofHours(1)); FlowService flow = flow(watch)) {
            String id = waitingSession();
            StoredSession readByTheFeed = store.get(id).orElseThrow();
            backend.update(id, d -> BackendStyleWriter.appendMessage(d, FlowTestSupport.TIMESTAMPS.now(), "poll"));
            assertTrue(flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")).applied());

            watch.onKeyChanged(id, readByTheFeed); // delivered late
            watch.checkNow(id);
            assertTrue(events.reverts.isEmpty(), "Redis still has the change: " + events.reverts);

            backend.write(id, (ObjectNode) mapper.readTree(readByTheFeed.value())); // now really written back
            watch.onKeyChanged(id, store.get(id).orElseThrow());
            watch.checkNow(id);
            assertEquals(1, events.reverts.size(), events.reverts.toString());
        }
    }

    @Test
    void afterTheWindowNothingIsWatchedAnyMore() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000_000L); // the watch's monotonic clock, moved by hand
        try (RevertWatch watch = new RevertWatch(store, Duration.ZERO, clock::get); FlowService flow = flow(watch)) {
            String id = waitingSession();
            ObjectNode snapshot = backend.read(id);
            assertTrue(flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")).applied());
            clock.addAndGet(FlowOptions.DEFAULT_HOLD_WINDOW.plusMinutes(1).toNanos());
            assertFalse(watch.isWatching(id));
            backend.write(id, snapshot);
            watch.checkNow(id);
            assertTrue(events.reverts.isEmpty());
        }
    }

    /**
     * A poll that read the key just before the action's next write, and looked at the result just after that
     * write was registered, sees the document the write replaced. That is a stale read, not a write-back (it
     * made FlowEndToEndTest report a revert of a collection's own steps, once); a later read that still shows
     * the replaced document is a write-back, and is reported.
     */
    @Test
    void aReadFromJustBeforeTheNextWriteIsNotARevertButTheSameCopyWrittenBackIs() throws Exception {
        String id = waitingSession();
        ObjectNode v0 = backend.read(id);
        ObjectNode v1 = withMessage(v0, "console step 1");
        ObjectNode v2 = withMessage(v1, "console step 2");
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HookedStore gated = new HookedStore(store);
        try (RevertWatch watch = new RevertWatch(gated, Duration.ofHours(1))) {
            watch.addListener(events.reverts::add);
            backend.write(id, v1);
            watch.watch(id, ActionKind.COLLECT, "act1", "kim", doc(v0), doc(v1), Duration.ofMinutes(1));
            gated.afterNextGet(() -> {
                reading.countDown(); // read done; the watch looks at it only after the next write
                awaitQuietly(release);
            });
            Thread poll = new Thread(() -> watch.checkNow(id));
            poll.start();
            assertTrue(reading.await(60, TimeUnit.SECONDS));
            backend.write(id, v2); // the action's next step, registered while the poll's read is in hand
            watch.watch(id, ActionKind.COLLECT, "act1", "kim", doc(v1), doc(v2), Duration.ofMinutes(1));
            release.countDown();
            poll.join(60_000);
            assertTrue(events.reverts.isEmpty(), "a read from before step 2 is not a revert: " + events.reverts);
            assertTrue(watch.isWatching(id));

            watch.checkNow(id);
            assertTrue(events.reverts.isEmpty());
            backend.write(id, v1); // now the backend really writes the step-1 copy back
            watch.checkNow(id);
            assertEquals(1, events.reverts.size(), "the same bytes, read after the write: a revert");
        }
    }

    /**
     * A revert found by one thread (the poller) while another asks {@link RevertWatch#checkNow}: the watch is
     * already dropped, but checkNow must not return before the report is out (BackendRaceTest read the reports
     * too early, once, and missed one).
     */
    @Test
    void checkNowReturnsOnlyOnceARevertAnotherThreadFoundHasBeenReported() throws Exception {
        String id = waitingSession();
        ObjectNode v0 = backend.read(id);
        ObjectNode v1 = withMessage(v0, "console step");
        CountDownLatch reporting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (RevertWatch watch = new RevertWatch(store, Duration.ofHours(1))) {
            watch.addListener(revert -> {
                reporting.countDown();
                awaitQuietly(release);
                events.reverts.add(revert);
            });
            backend.write(id, v1);
            watch.watch(id, ActionKind.COLLECT, "act1", "kim", doc(v0), doc(v1), Duration.ofMinutes(1));
            backend.write(id, v0); // the backend writes its older copy back
            Thread finder = new Thread(() -> watch.checkNow(id), "finder");
            finder.start();
            assertTrue(reporting.await(60, TimeUnit.SECONDS));

            Thread asker = new Thread(() -> watch.checkNow(id), "asker");
            asker.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (asker.getState() != Thread.State.WAITING && asker.isAlive() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(asker.isAlive(), "checkNow returned while the revert was still being reported");
            release.countDown();
            asker.join(60_000);
            finder.join(60_000);
            assertEquals(1, events.reverts.size());
        } finally {
            release.countDown();
        }
    }

    /** The next version of a document: a copy with one more message, as a step of an action writes it. */
    private static ObjectNode withMessage(ObjectNode doc, String text) {
        ObjectNode next = doc.deepCopy();
        BackendStyleWriter.appendMessage(next, FlowTestSupport.TIMESTAMPS.now(), text);
        return next;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SessionDocument doc(ObjectNode tree) {
        return (SessionDocument) FlowTestSupport.CODEC.parse("x", FlowTestSupport.CODEC.write(tree));
    }
}
