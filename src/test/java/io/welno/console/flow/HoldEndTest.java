package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.Await;
import io.welno.console.testing.HookedStore;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import io.welno.console.tilko.SimpleAuthTicket;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * How a hold ends when its last read is what decides: a revert found only by that read (re-applied, or missed by a
 * watch that had let go), a value that is no longer a session, and a caller waiting while a re-apply moves the end.
 */
class HoldEndTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Duration HOLD = Duration.ofSeconds(1);

    private final RecordingListener events = new RecordingListener();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private RedisSessionStore store;
    private BackendStyleWriter backend;

    @BeforeEach
    void open() {
        store = FlowTestSupport.store(REDIS);
        backend = new BackendStyleWriter(REDIS.client());
    }

    @AfterEach
    void close() {
        background.shutdownNow();
        store.close();
    }

    /**
     * A service whose watch never polls: only the hold's last read looks at the key. Its work (a re-apply) runs on a
     * thread of its own, as in the window and the command line.
     */
    private FlowService flow(RevertWatch watch) {
        FlowService flow = FlowTestSupport.service(store, null, watch, background, FlowOptions.defaults());
        flow.addListener(events);
        return flow;
    }

    private static HoldOutcome outcome(ActionResult result) throws Exception {
        return result.hold().outcome().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aRevertFoundByTheLastReadIsReappliedAndTheHoldStillEnds() throws Exception {
        try (RevertWatch watch = new RevertWatch(store, Duration.ZERO); FlowService flow = flow(watch)) {
            String id = FlowTestSupport.waitingSession(REDIS);
            ObjectNode stale = backend.read(id);
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                    .withHold(HOLD).withReapply(true));
            assertTrue(done.applied(), done.toString());
            backend.write(id, stale); // before the end of the hold; only its last read will see it

            HoldOutcome held = outcome(done);
            assertEquals(HoldOutcome.Kind.KEPT, held.kind(), Words.en(held.message()));
            assertEquals(1, held.reapplies());
            assertEquals(1, events.reverts.size(), "one revert, reported once: " + events.reverts);
            assertEquals("auth_completed", backend.read(id).get("status").asText());
        }
    }

    /**
     * A simple-auth whose Tilko call outlasts the hold: the hold of its claim does not end while the call is out, so
     * the action has one hold with one last word, told after the action's own result.
     */
    @Test
    void aHoldWaitsForItsActionsTilkoCall() throws Exception {
        try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().manualApproval().build());
             TilkoClient client = FlowTestSupport.tilko(sim);
             RevertWatch watch = new RevertWatch(store, Duration.ZERO)) {
            TilkoGateway slow = new ForwardingTilko(TilkoGateway.of(client)) {
                @Override
                public TilkoResult<SimpleAuthTicket> simpleAuth(TilkoPerson person, String privateAuthType) {
                    try {
                        Thread.sleep(HOLD.multipliedBy(3).toMillis()); // the claim's hold window passes meanwhile
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return super.simpleAuth(person, privateAuthType);
                }
            };
            try (FlowService flow = FlowTestSupport.service(store, slow, watch, background, FlowOptions.defaults())) {
                String id = FlowTestSupport.newSession(REDIS);
                ActionResult done = flow.perform(FlowTestSupport.OPERATOR,
                        ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "customer asked").withHold(HOLD));
                assertTrue(done.applied(), done.toString());
                assertEquals(HoldOutcome.Kind.KEPT, outcome(done).kind());

                List<String> entries = flow.auditLog().read(10).stream()
                        .filter(e -> id.equals(e.sessionId())).map(e -> e.event() + ":" + e.result()).toList();
                assertEquals(List.of("hold-ended:KEPT", "attempt:APPLIED"), entries,
                        "newest first: one hold, ended after the action's result");
            }
        }
    }

    /**
     * The backend read the session before its expires_at and writes that copy back, and the revert is found after
     * that expires_at: the session is the backend's to delete on its next read, and re-applying the simple-auth
     * (whose expires_at is minutes ahead) would bring it back.
     */
    @Test
    void aReapplyDoesNotBringBackASessionTheBackendLetExpire() throws Exception {
        TestClock clock = new TestClock();
        Timestamps time = new Timestamps(clock, FlowTestSupport.TIMESTAMPS.zone());
        try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO).build());
             TilkoClient client = FlowTestSupport.tilko(sim);
             RevertWatch watch = new RevertWatch(store, Duration.ZERO);
             FlowService flow = new FlowService(store, TilkoGateway.of(client), new RedisAuditLog(store.client()),
                     watch, time, background, FlowOptions.defaults())) {
            flow.addListener(events);
            String id = FlowTestSupport.newSession(REDIS);
            ObjectNode stale = backend.read(id);
            String expiresAt = Timestamps.format(time.nowLocal().plusSeconds(60));
            stale.put("expires_at", expiresAt);
            backend.write(id, stale);
            ActionResult done = flow.perform(FlowTestSupport.OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id,
                    "customer asked").withHold(HOLD).withReapply(true));
            assertTrue(done.applied(), done.toString());
            backend.write(id, stale);
            clock.advance(Duration.ofSeconds(90)); // the copy's expires_at has passed when the hold reads it

            HoldOutcome held = outcome(done);
            assertEquals(HoldOutcome.Kind.REVERTED, held.kind(), Words.en(held.message()));
            assertEquals(0, held.reapplies(), Words.en(held.message()));
            assertTrue(Words.en(held.message()).contains("deletes this session on its next read"),
                    Words.en(held.message()));
            assertEquals(expiresAt, backend.read(id).get("expires_at").asText(), "the expired copy stays as written");
        }
    }

    @Test
    void aRevertAfterTheWatchLetGoIsStillNotKept() throws Exception {
        AtomicLong watchClock = new AtomicLong(1_000_000_000L); // the watch's monotonic clock, moved by hand
        try (RevertWatch watch = new RevertWatch(store, Duration.ZERO, watchClock::get); FlowService flow = flow(watch)) {
            String id = FlowTestSupport.waitingSession(REDIS);
            ObjectNode stale = backend.read(id);
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                    .withHold(HOLD));
            assertTrue(done.applied(), done.toString());
            watchClock.addAndGet(Duration.ofMinutes(10).toNanos()); // the watch's own window is over, as in a long collection
            assertFalse(watch.isWatching(id), "the watch let go");
            backend.write(id, stale);

            HoldOutcome held = outcome(done);
            assertEquals(HoldOutcome.Kind.REVERTED, held.kind(), Words.en(held.message()));
            assertEquals(1, events.reverts.size(), "reported and audited as any revert: " + events.reverts);
        }
    }

    /**
     * One read that breaks at the end of the hold (a dropped connection, a moment's stall) does not make the change
     * "not confirmed" — an alert of its own in the window, exit 4 on the command line — when a read a moment later
     * can tell: the change stayed.
     */
    @Test
    void aLastReadThatBreaksOnceIsReadAgain() throws Exception {
        HookedStore hooked = new HookedStore(store);
        try (RevertWatch watch = new RevertWatch(store, Duration.ZERO);
             FlowService flow = FlowTestSupport.service(hooked, store, null, watch, background,
                     FlowOptions.defaults())) {
            String id = FlowTestSupport.waitingSession(REDIS);
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                    .withHold(HOLD));
            assertTrue(done.applied(), done.toString());
            hooked.beforeNextGet(() -> {
                throw new JedisConnectionException("Unexpected end of stream.");
            }); // the watch never polls: the next read of the service's store is the hold's last

            HoldOutcome held = outcome(done);
            assertEquals(HoldOutcome.Kind.KEPT, held.kind(), Words.en(held.message()));
        }
    }

    /**
     * A value the console stops parsing at a bound of its own (here a number longer than its parser takes) may be the
     * session with the change still in it, and the backend may read it: nobody here can say it was written over, so
     * the hold does not say so, neither when the watch's poll sees it nor at its last read. It ends not confirmed.
     */
    @Test
    void aValuePastTheConsolesOwnParseBoundIsNotCalledWrittenOver() throws Exception {
        try (RevertWatch watch = new RevertWatch(store, Duration.ofMillis(50)); FlowService flow = flow(watch)) {
            String id = FlowTestSupport.waitingSession(REDIS);
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                    .withHold(HOLD));
            assertTrue(done.applied(), done.toString());
            String withChange = REDIS.client().get("tilko_session:" + id);
            assertTrue(withChange.contains("#" + done.actionId() + "]"), withChange);
            // the change still in it, with a number of 1,001 digits the console's parser stops at
            REDIS.client().set("tilko_session:" + id, "{\"n\": " + "1".repeat(1001) + ", " + withChange.substring(1));

            HoldOutcome held = outcome(done);
            assertEquals(HoldOutcome.Kind.UNCONFIRMED, held.kind(), Words.en(held.message()));
            assertFalse(held.toUnreadable());
            assertTrue(events.reverts.isEmpty(), "nothing known to be written over: " + events.reverts);
            assertTrue(Words.en(held.message()).startsWith("At the end of the hold the stored value goes past a bound"
                    + " of the console's own, so whether the change is still in it is unknown. Not parsed: "),
                    Words.en(held.message()));
        }
    }

    @Test
    void aValueThatIsNoSessionAtTheEndIsNotKept() throws Exception {
        try (RevertWatch watch = new RevertWatch(store, Duration.ZERO); FlowService flow = flow(watch)) {
            String id = FlowTestSupport.waitingSession(REDIS);
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                    .withHold(HOLD));
            assertTrue(done.applied(), done.toString());
            REDIS.client().set("tilko_session:" + id, "{\"status\": \"auth_complet"); // cut off mid-write

            HoldOutcome held = outcome(done);
            assertEquals(HoldOutcome.Kind.REVERTED, held.kind(), Words.en(held.message()));
            assertTrue(held.toUnreadable(), "the end says what wrote over the change, not only its words");
            assertTrue(Words.en(held.message()).contains("not a readable session"), Words.en(held.message()));
            // Written over like any revert, so told like one (the window's notice and alert), and audited before
            // the hold's end
            assertEquals(1, events.reverts.size(), "the revert is reported: " + events.reverts);
            RevertDetected revert = events.reverts.get(0);
            assertTrue(revert.ours() && revert.toUnreadable(), revert.toString());
            assertEquals(done.actionId(), revert.actionId());
            // the reason is a sentence of its own after the console's, not one in parentheses
            assertTrue(Words.en(revert.lost()).startsWith("The session now holds a value that is not a readable"
                    + " session. Truncated JSON: "), Words.en(revert.lost()));
            assertTrue(Words.en(held.message()).startsWith("The change was written over by a value that is not a"
                    + " readable session. Truncated JSON: "), Words.en(held.message()));
            List<AuditRecord> newest = flow.auditLog().read(2);
            assertEquals(List.of(AuditRecord.HOLD_ENDED, AuditRecord.REVERT_DETECTED),
                    newest.stream().map(AuditRecord::event).toList());
            assertEquals(done.actionId(), newest.get(1).actionId());
        }
    }

    /**
     * A value that is no session, written while the hold still has minutes to run, is told when the watch's poll sees
     * it (the window's notice and alert, the audit), not at the hold's last read up to six minutes later; once, and not
     * re-applied, as the flow never writes over what it cannot read. The hold ends there: nothing of the change is left.
     */
    @Test
    void aValueThatIsNoSessionIsToldWhenThePollSeesIt() throws Exception {
        try (RevertWatch watch = new RevertWatch(store, Duration.ofMillis(50)); FlowService flow = flow(watch)) {
            String id = FlowTestSupport.waitingSession(REDIS);
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                    .withHold(Duration.ofMinutes(6)).withReapply(true));
            assertTrue(done.applied(), done.toString());
            String garbage = "{\"status\": \"auth_complet"; // cut off mid-write
            REDIS.client().set("tilko_session:" + id, garbage);

            Await.until("the revert told", Duration.ofSeconds(20), () -> !events.reverts.isEmpty());
            RevertDetected revert = events.reverts.get(0);
            assertTrue(revert.ours() && revert.toUnreadable(), revert.toString());
            assertEquals(done.actionId(), revert.actionId());
            HoldOutcome held = outcome(done);
            assertEquals(HoldOutcome.Kind.REVERTED, held.kind(), Words.en(held.message()));
            assertTrue(held.toUnreadable(), "the end says what wrote over the change, not only its words");
            assertTrue(Words.en(held.message()).contains("not a readable session"), Words.en(held.message()));
            assertFalse(watch.isWatching(id));
            assertEquals(1, events.reverts.size(), "told once: " + events.reverts);
            assertEquals(garbage, REDIS.client().get("tilko_session:" + id), "not written over");
            List<AuditRecord> newest = flow.auditLog().read(2);
            assertEquals(List.of(AuditRecord.HOLD_ENDED, AuditRecord.REVERT_DETECTED),
                    newest.stream().map(AuditRecord::event).toList());
        }
    }

    @Test
    void waitingForAHoldFollowsItsEndWhenAReapplyMovesIt() throws Exception {
        Hold hold = Hold.start("s", "a", Duration.ofMillis(200), true);
        CompletableFuture.runAsync(() -> hold.extendBy(Duration.ofSeconds(2)),
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        HoldOutcome kept = new HoldOutcome(HoldOutcome.Kind.KEPT, Phrase.of("hold.kept"), 1, null);
        CompletableFuture.runAsync(() -> hold.end(kept), CompletableFuture.delayedExecutor(1200, TimeUnit.MILLISECONDS));

        assertEquals(kept, hold.await(Duration.ofMillis(300)),
                "the wait ends with the hold, not at the end it had when the wait began");
    }

    /** Only a REVERTED end says what wrote over the change, and it always does: a session unless told otherwise. */
    @Test
    void onlyARevertedEndSaysWhatWroteOverTheChange() {
        Phrase reverted = Phrase.of("hold.reverted", Phrase.of("text.verbatim", "status"));
        assertEquals(Overwrite.SESSION, new HoldOutcome(HoldOutcome.Kind.REVERTED, reverted, 0, null).overwrittenBy());
        assertNull(new HoldOutcome(HoldOutcome.Kind.KEPT, Phrase.of("hold.kept"), 0, null).overwrittenBy());
        assertThrows(IllegalArgumentException.class,
                () -> new HoldOutcome(HoldOutcome.Kind.KEPT, Phrase.of("hold.kept"), 0, null, Overwrite.UNREADABLE));
        assertThrows(IllegalArgumentException.class,
                () -> new HoldOutcome(HoldOutcome.Kind.REVERTED, reverted, 0, null, null));
    }
}
