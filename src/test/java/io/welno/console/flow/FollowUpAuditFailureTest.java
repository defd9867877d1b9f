package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.StoreFailure;
import io.welno.console.testing.Await;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Protocol;

/**
 * The entries written after an action's result — a collection's end, a revert, a re-apply, a hold's end — are told
 * when Redis refuses them, like the action's own (docs/flow.md, "Audit"): the action's entry is written, then the
 * ACL takes XADD away, as an operator fixing the ACL the wrong way round would, and each later entry is refused.
 */
class FollowUpAuditFailureTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private RedisSessionStore store;
    private BackendStyleWriter backend;
    private final Heard heard = new Heard();

    @BeforeEach
    void open() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "followup", "reset", "on", ">secret", "~*", "&*",
                "+@all");
        store = RedisSessionStore.open(RedisConnectionSettings.parse("redis://followup:secret@127.0.0.1:"
                + REDIS.port() + "/0"), FlowTestSupport.CODEC, FlowTestSupport.TIMESTAMPS);
        backend = new BackendStyleWriter(REDIS.client());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static void takeXaddAway() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "followup", "-xadd");
    }

    private FlowService flow(TilkoGateway tilko, RevertWatch watch, ExecutorService background) {
        FlowService flow = new FlowService(store, tilko, new RedisAuditLog(store.client()), watch,
                FlowTestSupport.TIMESTAMPS, background, FlowOptions.defaults());
        flow.addListener(heard);
        return flow;
    }

    @Test
    void aHoldsEndThatCannotBeAuditedIsToldBeforeTheEnd() throws Exception {
        try (RevertWatch watch = new RevertWatch(store, Duration.ofMillis(20));
             FlowService flow = flow(null, watch, new DirectExecutor())) {
            String id = FlowTestSupport.waitingSession(REDIS);
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                    .withHold(Duration.ofSeconds(1)));
            assertTrue(done.applied() && done.audited(), Words.en(done.message()));
            takeXaddAway();

            assertEquals(HoldOutcome.Kind.KEPT, done.hold().await(Await.EVENTUALLY).kind());
            heard.awaitHoldEnded(); // its waiters learn the end a moment before the listeners do
            assertEquals(List.of("unwritten hold-ended", "hold ended KEPT"), heard.order);
            AuditUnwritten lost = heard.unwritten.get(0);
            assertEquals(id, lost.sessionId());
            assertEquals(done.actionId(), lost.actionId());
            assertEquals(StoreFailure.Cause.PERMISSION_DENIED, lost.failure().cause());
            assertFalse(lost.unconfirmed());
            assertEquals("The hold on session " + id + " ended. But its audit entry could not be written: the Redis"
                    + " user has no permission to run \"xadd\" on the audit stream " + RedisAuditLog.DEFAULT_KEY
                    + " (ask for an ACL that allows it on the stream).", Words.en(lost.told()));
            // the particle after the id follows its last character (a random hex digit or letter)
            assertTrue(Words.ko(lost.told()).startsWith("세션 " + id), Words.ko(lost.told()));
            assertTrue(Words.ko(lost.told()).contains(" 지켜보는 시간이 끝났습니다. 다만 감사 기록을 남기지 못했습니다: "),
                    Words.ko(lost.told()));
            assertEquals(List.of("attempt"), events(flow, id), "the hold's end is indeed missing");
        }
    }

    /**
     * A batch's summary counts a session whose hold's end could not be audited among those with an entry missing,
     * though its attempt's entry was written: a summary saying none were missing would be untrue.
     */
    @Test
    void aBatchCountsTheSessionsWhoseLaterEntriesAreMissing() throws Exception {
        try (RevertWatch watch = new RevertWatch(store, Duration.ofMillis(20));
             FlowService flow = flow(null, watch, new DirectExecutor())) {
            String a = FlowTestSupport.waitingSession(REDIS);
            String b = FlowTestSupport.waitingSession(REDIS);
            // The workers run each attempt before start returns: both attempts' entries are written, then XADD goes.
            BulkRun run = BulkRun.start(flow, DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, "-", "approved")
                    .withHold(Duration.ofSeconds(3)), List.of(a, b), new DirectExecutor(), null);
            assertEquals(2, run.attempted());
            takeXaddAway();

            assertTrue(run.await(Await.EVENTUALLY), "both holds end");
            BulkRun.Summary summary = run.summary();
            assertEquals(2, summary.count(BulkRun.Tally.APPLIED), Words.en(summary.phrase()));
            for (BulkRun.Item item : summary.byTally().get(BulkRun.Tally.APPLIED)) {
                assertFalse(item.unaudited(), "the attempt's entry was written");
                assertTrue(item.laterEntryMissing(), "the hold's end was refused");
            }
            assertEquals(2, summary.entriesMissing());
            assertTrue(Words.en(summary.phrase()).endsWith("; 2 with an audit entry missing (each says why)"),
                    Words.en(summary.phrase()));
            assertEquals(2, heard.unwritten.size(), "each was told as it happened");
        }
    }

    @Test
    void aRevertThatCannotBeAuditedIsToldAndSoIsTheHoldsEnd() throws Exception {
        try (RevertWatch watch = new RevertWatch(store, Duration.ofMillis(20));
             FlowService flow = flow(null, watch, new DirectExecutor())) {
            String id = FlowTestSupport.waitingSession(REDIS);
            ObjectNode snapshot = backend.read(id);
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                    .withHold(Duration.ofHours(1)));
            assertTrue(done.applied() && done.audited(), Words.en(done.message()));
            takeXaddAway();
            backend.write(id, snapshot);

            assertEquals(HoldOutcome.Kind.REVERTED, done.hold().await(Await.EVENTUALLY).kind());
            heard.awaitHoldEnded(); // its waiters learn the end a moment before the listeners do
            assertEquals(List.of("unwritten revert-detected", "revert", "unwritten hold-ended", "hold ended REVERTED"),
                    heard.order);
            AuditUnwritten lost = heard.unwritten.get(0);
            assertEquals(done.actionId(), lost.actionId());
            assertTrue(Words.en(lost.told()).startsWith("Something wrote over the change to session " + id + ". But"
                    + " its audit entry could not be written: the Redis user has no permission to run \"xadd\""),
                    Words.en(lost.told()));
            assertEquals(List.of("attempt"), events(flow, id));
        }
    }

    @Test
    void aReapplyThatCannotBeAuditedIsToldBeforeItsReport() throws Exception {
        try (RevertWatch watch = new RevertWatch(store, Duration.ofMillis(20));
             FlowService flow = flow(null, watch, new DirectExecutor())) {
            String id = FlowTestSupport.waitingSession(REDIS);
            ObjectNode snapshot = backend.read(id);
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                    .withHold(Duration.ofSeconds(2)).withReapply(true));
            assertTrue(done.applied() && done.audited(), Words.en(done.message()));
            takeXaddAway();
            backend.write(id, snapshot);

            assertEquals(HoldOutcome.Kind.KEPT, done.hold().await(Await.EVENTUALLY).kind());
            heard.awaitHoldEnded(); // its waiters learn the end a moment before the listeners do
            assertEquals(List.of("unwritten revert-detected", "revert", "unwritten reapply", "reapplied APPLIED",
                    "unwritten hold-ended", "hold ended KEPT"), heard.order);
            AuditUnwritten lost = heard.unwritten.get(1);
            assertEquals(AuditRecord.REAPPLY, lost.event());
            assertTrue(Words.en(lost.told()).startsWith("The change to session " + id + " was applied again (or"
                    + " tried). But its audit entry could not be written: "), Words.en(lost.told()));
            assertEquals(List.of("attempt"), events(flow, id));
        }
    }

    @Test
    void aCollectionsEndThatCannotBeAuditedIsToldBeforeTheEnd() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        CountDownLatch claimAudited = new CountDownLatch(1);
        try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO)
                .build()); TilkoClient client = FlowTestSupport.tilko(sim)) {
            TilkoGateway waiting = new ForwardingTilko(TilkoGateway.of(client)) {
                @Override
                public TilkoResult<List<Checkup>> healthCheckups(TilkoCredentials c, TilkoPerson p) {
                    try {
                        // the claim's own entry is written first; the collection's end is what is refused
                        claimAudited.await(Await.EVENTUALLY.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return super.healthCheckups(c, p);
                }
            };
            try (FlowService flow = flow(waiting, null, pool)) {
                String id = FlowTestSupport.newSession(REDIS);
                assertTrue(flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")).applied());
                assertTrue(flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "ok")).applied());
                ActionResult claim = flow.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "collect"));
                assertTrue(claim.applied() && claim.audited(), Words.en(claim.message()));
                takeXaddAway();
                claimAudited.countDown();

                heard.awaitFinished();
                assertEquals(List.of("unwritten collection-finished", "collection finished COMPLETED"), heard.order);
                AuditUnwritten lost = heard.unwritten.get(0);
                assertEquals(claim.actionId(), lost.actionId());
                assertEquals("The collection of session " + id + " ended. But its audit entry could not be written:"
                        + " the Redis user has no permission to run \"xadd\" on the audit stream "
                        + RedisAuditLog.DEFAULT_KEY + " (ask for an ACL that allows it on the stream).",
                        Words.en(lost.told()));
                assertTrue(Words.ko(lost.told()).startsWith("세션 " + id + "의 데이터 수집이 끝났습니다. 다만 감사"
                        + " 기록을 남기지 못했습니다: "), Words.ko(lost.told()));
                assertEquals(List.of("attempt", "attempt", "attempt"), events(flow, id));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The events of the session's entries in the stream, newest first (read as the default user may). */
    private static List<String> events(FlowService flow, String id) {
        return new RedisAuditLog(REDIS.client()).read(50).stream().filter(e -> id.equals(e.sessionId()))
                .map(AuditRecord::event).toList();
    }

    /** What the listeners heard, in order: an entry's loss must come before the event it belongs to. */
    private static final class Heard implements FlowListener {
        final List<String> order = new CopyOnWriteArrayList<>();
        final List<AuditUnwritten> unwritten = new CopyOnWriteArrayList<>();
        final CountDownLatch finished = new CountDownLatch(1);
        final CountDownLatch holdEnded = new CountDownLatch(1);

        @Override
        public void onAuditUnwritten(AuditUnwritten lost) {
            unwritten.add(lost);
            order.add("unwritten " + lost.event());
        }

        @Override
        public void onRevertDetected(RevertDetected revert) {
            order.add("revert");
        }

        @Override
        public void onReapplied(Reapplied reapplied) {
            order.add("reapplied " + reapplied.outcome());
        }

        @Override
        public void onHoldEnded(String sessionId, String actionId, String batchId, HoldOutcome outcome) {
            order.add("hold ended " + outcome.kind());
            holdEnded.countDown();
        }

        @Override
        public void onCollectionFinished(CollectionFinished done) {
            order.add("collection finished " + done.result());
            finished.countDown();
        }

        void awaitHoldEnded() throws InterruptedException {
            assertTrue(holdEnded.await(Await.EVENTUALLY.toMillis(), TimeUnit.MILLISECONDS), "the hold ends");
        }

        void awaitFinished() throws InterruptedException {
            assertTrue(finished.await(Await.EVENTUALLY.toMillis(), TimeUnit.MILLISECONDS), "the collection ends");
        }
    }
}
