package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.HookedStore;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.Formats;
import io.welno.console.view.Texts;
import io.welno.console.view.TimeStyle;
import io.welno.console.view.Wording;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A write Redis executed whose answer was lost on the way back (a broken connection, a timeout): the console reads
 * the session and, finding its own message there, reports the write as done and carries on — not "unknown", and
 * not a conflict with itself. Found nowhere (here: the read fails too), it stays unknown.
 */
class LostAnswerTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    @RegisterExtension
    static final SimulatedTilko TILKO = new SimulatedTilko(SimulatorOptions.builder()
            .approvalDelay(Duration.ZERO).build());

    private RedisSessionStore store;
    private HookedStore hooked;
    private RevertWatch watch;
    private ExecutorService pool;
    private FlowService flow;

    @BeforeEach
    void wire() {
        store = FlowTestSupport.store(REDIS);
        hooked = new HookedStore(store);
        watch = new RevertWatch(hooked, Duration.ofMillis(50));
        pool = Executors.newCachedThreadPool();
        flow = FlowTestSupport.service(hooked, store, TILKO.gateway(), watch, pool, FlowOptions.defaults());
    }

    @AfterEach
    void unwire() {
        flow.close();
        watch.close();
        pool.shutdownNow();
        store.close();
    }

    private JsonNode stored(String id) {
        return BackendReadPath.assertReadable(REDIS.client(), "tilko_session:" + id, FlowTestSupport.TIMESTAMPS.zone());
    }

    private String authRequested() {
        String id = FlowTestSupport.newSession(REDIS);
        assertTrue(flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")).applied());
        return id;
    }

    @Test
    void aManualCompleteThatLandedIsReportedApplied() {
        String id = authRequested();
        hooked.loseReplyOfNextWrite(applied -> true);
        ActionResult result = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved"));

        assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), Words.en(result.message()));
        assertEquals(SessionStatus.AUTH_COMPLETED, result.statusAfter());
        assertEquals("auth_completed", stored(id).get("status").asText());
        assertTrue(flow.isHolding(result.actionId()), "held like any write, so a revert would be told");
    }

    @Test
    void aWriteThatCannotBeLookedForStaysUnknown() {
        // A service without a revert watch: a watch's poll would take the failing read meant for the look below.
        FlowService unwatched = FlowTestSupport.service(hooked, store, TILKO.gateway(), null, pool,
                FlowOptions.defaults());
        String id = FlowTestSupport.newSession(REDIS);
        assertTrue(unwatched.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")).applied());
        hooked.loseReplyOfNextWrite(applied -> true);
        failEveryGet();
        ActionResult result = unwatched.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id,
                "approved"));
        unwatched.close();

        assertEquals(ActionResult.Outcome.CONNECTION_LOST, result.outcome(), Words.en(result.message()));
        assertTrue(Words.en(result.message()).contains("unknown whether the change was applied"),
                Words.en(result.message()));
        assertNull(result.statusAfter(), "the status it left is not known");
    }

    /** Every read from now on breaks, as while Redis stays away: the write cannot be looked for at all. */
    private void failEveryGet() {
        Runnable[] fail = new Runnable[1];
        fail[0] = () -> {
            hooked.beforeNextGet(fail[0]);
            throw new JedisConnectionException("Unexpected end of stream.");
        };
        hooked.beforeNextGet(fail[0]);
    }

    @Test
    void aWriteFoundOnceRedisAnswersAgainIsReportedAppliedAndHeld() {
        // Redis broke the write's answer and the first look at the session too, then answered again: the write had
        // landed, so it is a change to hold (the backend may write an older copy over it), not "unknown".
        try (RevertWatch direct = new RevertWatch(store, Duration.ofMillis(50));
             FlowService watched = FlowTestSupport.service(hooked, store, TILKO.gateway(), direct, pool,
                     FlowOptions.defaults())) {
            String id = FlowTestSupport.newSession(REDIS);
            assertTrue(watched.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")).applied());
            hooked.loseReplyOfNextWrite(applied -> true);
            hooked.beforeNextGet(() -> {
                throw new JedisConnectionException("Unexpected end of stream.");
            });
            ActionResult result = watched.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id,
                    "approved"));

            assertEquals("auth_completed", stored(id).get("status").asText(), "the write had landed");
            assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), Words.en(result.message()));
            assertEquals(SessionStatus.AUTH_COMPLETED, result.statusAfter());
            assertTrue(watched.isHolding(result.actionId()), "held like any write, so a revert would be told");
        }
    }

    @Test
    void aWriteWhoseReadBackBreaksOnceIsReportedAppliedAndHeld() {
        // The compare-and-set answered: the change is in Redis. Only the read that confirms it broke, once; a change
        // told "written, but not confirmed" is held by nobody, so the backend could write an older copy over it unseen.
        try (RevertWatch direct = new RevertWatch(store, Duration.ofMillis(50));
             FlowService watched = FlowTestSupport.service(hooked, store, TILKO.gateway(), direct, pool,
                     FlowOptions.defaults())) {
            String id = FlowTestSupport.newSession(REDIS);
            assertTrue(watched.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")).applied());
            hooked.beforeNextWrite(() -> hooked.beforeNextGet(() -> {
                throw new JedisConnectionException("Unexpected end of stream.");
            }));
            ActionResult result = watched.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id,
                    "approved"));

            assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), Words.en(result.message()));
            assertTrue(watched.isHolding(result.actionId()), "held like any write, so a revert would be told");
        }
    }

    @Test
    void aWriteWhoseReadBackNeverWorksIsReportedAppliedUnconfirmedAndHeld() throws Exception {
        // The compare-and-set answered, so the change was made; every read that would confirm it broke. Told as Redis
        // trouble it was held by nobody, and a backend copy written over it went unseen: it is applied, unconfirmed,
        // and the hold's own reads (here around the hooked store) tell what becomes of it.
        try (RevertWatch direct = new RevertWatch(store, Duration.ofMillis(50));
             FlowService watched = FlowTestSupport.service(hooked, store, TILKO.gateway(), direct, pool,
                     FlowOptions.defaults())) {
            String id = FlowTestSupport.newSession(REDIS);
            assertTrue(watched.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")).applied());
            BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
            ObjectNode stale = backend.read(id);
            hooked.beforeNextWrite(() -> failGets(FlowRuntime.LOOKS_AFTER_LOST_ANSWER));
            ActionResult result = watched.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id,
                    "approved").withHold(Duration.ofSeconds(3)));

            assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), Words.en(result.message()));
            assertTrue(Words.en(result.message()).contains("could not be read back"), Words.en(result.message()));
            assertEquals(SessionStatus.AUTH_COMPLETED, result.statusAfter());
            assertTrue(watched.isHolding(result.actionId()), "held, so a revert is told");

            backend.write(id, stale);
            HoldOutcome held = result.hold().outcome().get(30, TimeUnit.SECONDS);
            assertEquals(HoldOutcome.Kind.REVERTED, held.kind(), Words.en(held.message()));
        }
    }

    @Test
    void aWriteReadBackPastTheConsolesOwnBoundIsUnconfirmedAndHeldNotWrittenOver() throws Exception {
        // Right after the write the value goes past a bound of the console's own (a 1,001-digit number): the change
        // may well be in it, and the backend may read it. Told "written over straight away" (a conflict, exit 3), it
        // was a claim the console cannot make; it is applied, unconfirmed, and held, and the hold says what it can.
        String id = FlowTestSupport.waitingSession(REDIS);
        hooked.afterEveryAppliedUpdate((written, applied) -> {
            String withChange = REDIS.client().get("tilko_session:" + id);
            REDIS.client().set("tilko_session:" + id, "{\"n\": " + "1".repeat(1001) + ", " + withChange.substring(1));
        });
        ActionResult result = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                .withHold(Duration.ofSeconds(1)));

        String said = Words.en(result.message());
        assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), said);
        assertTrue(said.contains("goes past a bound of the console's own") && !said.contains("written over"), said);
        assertFalse(said.contains(".."), "the bound's reason is a sentence of its own: " + said);
        assertTrue(flow.isHolding(result.actionId()), "held, so the hold's reads decide");
        HoldOutcome held = result.hold().outcome().get(30, TimeUnit.SECONDS);
        assertEquals(HoldOutcome.Kind.UNCONFIRMED, held.kind(), Words.en(held.message()));
    }

    @Test
    void aWriteOverwrittenAtOnceByAValueThatIsNoSessionSaysSo() {
        // read back right after the write: a value that is not JSON, so no status to quote ("((none))" it said)
        String id = FlowTestSupport.waitingSession(REDIS);
        hooked.afterEveryAppliedUpdate((written, applied) -> REDIS.client().set("tilko_session:" + id, "{not json"));
        ActionResult result = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved"));

        String said = Words.en(result.message());
        assertEquals(ActionResult.Outcome.CONFLICT, result.outcome(), said);
        assertTrue(said.contains("written over by a value that is not a readable session") && !said.contains("(("),
                said);
    }

    /** The next {@code times} reads break, as while Redis stays away for a moment. */
    private void failGets(int times) {
        if (times > 0) {
            hooked.beforeNextGet(() -> {
                failGets(times - 1);
                throw new JedisConnectionException("Unexpected end of stream.");
            });
        }
    }

    @Test
    void aSimpleAuthClaimThatLandedGoesOnToTilko() {
        String id = FlowTestSupport.newSession(REDIS);
        int asked = TILKO.sim().requestCount(TilkoEndpoint.SIMPLE_AUTH);
        hooked.loseReplyOfNextWrite(applied -> applied.after().status() == SessionStatus.AUTH_REQUESTING);
        ActionResult result = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth"));

        assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), Words.en(result.message()));
        assertEquals(asked + 1, TILKO.sim().requestCount(TilkoEndpoint.SIMPLE_AUTH));
        JsonNode doc = stored(id);
        assertEquals("auth_request_sent", doc.get("status").asText());
        assertFalse(doc.has(ConsoleMarks.CLAIM), "the claim was taken back by the last write");
    }

    /**
     * The claim was written, but no read could confirm it: nothing goes to Tilko behind it. The claim is in the
     * session all the same, renewed by nobody, until its lease lapses: the words say that, and when, not only "Redis
     * trouble" that an operator would read as nothing having happened.
     */
    @Test
    void aSimpleAuthClaimNeverReadBackSaysItMayStandUntilItsLeaseLapses() {
        // Without a revert watch: a watch's poll would take the failing reads meant for the read-back.
        FlowService unwatched = FlowTestSupport.service(hooked, store, TILKO.gateway(), null, pool,
                FlowOptions.defaults());
        String id = FlowTestSupport.newSession(REDIS);
        int asked = TILKO.sim().requestCount(TilkoEndpoint.SIMPLE_AUTH);
        hooked.afterEveryAppliedUpdate((sessionId, applied) -> failEveryGet());
        ActionResult result = unwatched.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth"));
        hooked.afterEveryAppliedUpdate((sessionId, applied) -> { });
        hooked.beforeNextGet(null);
        unwatched.close();

        assertEquals(ActionResult.Outcome.CONNECTION_LOST, result.outcome(), Words.en(result.message()));
        assertEquals(asked, TILKO.sim().requestCount(TilkoEndpoint.SIMPLE_AUTH), "nothing was sent to Tilko");
        JsonNode doc = stored(id);
        assertEquals("auth_requesting", doc.get("status").asText(), "the claim stands");
        String lease = doc.get(ConsoleMarks.CLAIM).get("lease_until").asText().substring(11, 19);
        String en = Words.en(result.message());
        assertTrue(en.contains("Nothing was sent to Tilko, but the claim may still be in the session, renewed by"
                + " nobody: until its lease lapses at " + lease), en);
        // Other consoles cannot know nothing went to Tilko: it is stuck, and can be sent again, once the request it
        // looks like is stale (150 s after the claim), not when the lease lapses a minute after it
        String stale = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(java.time.LocalDateTime
                .parse(doc.get(ConsoleMarks.CLAIM).get("at").asText()).plusSeconds(150));
        assertTrue(en.contains("counts as stuck, and can be sent again, only after " + stale + "."), en);
        assertFalse(en.contains("after that it counts as stuck"), en);
        String ko = Words.ko(result.message());
        assertTrue(ko.contains("점유가 " + lease + "에 만료될 때까지"), ko);
        assertTrue(ko.contains(stale + " 이후에야 멈춘 세션으로 세고"), ko);
        // The headline names the lease in the window's time style ("오후 5:05:03"): so do these words, not "17:05:03"
        Texts localeStyle = new BundleTexts(BundleTexts.KOREAN).withTimeStyle(TimeStyle.LOCALE);
        String shown = Wording.window(localeStyle).render(result.message());
        assertTrue(shown.contains("점유가 " + Formats.clockSeconds(localeStyle, result.claimStandsUntil())
                + "에 만료될 때까지"), shown);
        // and the audit tab, which reads the words back from the stream, says the same
        assertEquals(shown, Wording.window(localeStyle).render(PhraseCodec.decode(PhraseCodec.encode(result.message()))));
    }

    @Test
    void aSimpleAuthAnswerWhoseSaveLandedIsReportedSaved() {
        String id = FlowTestSupport.newSession(REDIS);
        hooked.loseReplyOfNextWrite(applied -> applied.after().status() == SessionStatus.AUTH_REQUEST_SENT);
        ActionResult result = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth"));

        assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), Words.en(result.message()));
        assertEquals(SessionStatus.AUTH_REQUEST_SENT, result.statusAfter());
        assertEquals("auth_request_sent", stored(id).get("status").asText());
    }

    @Test
    void aReapplyThatLandedKeepsTheChange() throws Exception {
        String id = authRequested();
        BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
        ObjectNode stale = backend.read(id);
        ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                .withHold(Duration.ofSeconds(2)).withReapply(true));
        assertTrue(done.applied(), done.toString());
        hooked.loseReplyOfNextWrite(applied -> true); // the next write is the re-apply
        backend.write(id, stale);

        HoldOutcome held = done.hold().outcome().get(30, TimeUnit.SECONDS);
        assertEquals(HoldOutcome.Kind.KEPT, held.kind(), Words.en(held.message()));
        assertEquals(1, held.reapplies());
        assertEquals("auth_completed", stored(id).get("status").asText());
    }

    @Test
    void aReapplyThatCannotBeLookedForLeavesTheHoldUnconfirmed() throws Exception {
        // The watch reads around the hooked store, so the failing read below is the look for the lost re-apply.
        try (RevertWatch direct = new RevertWatch(store, Duration.ofMillis(50));
             FlowService watched = FlowTestSupport.service(hooked, store, TILKO.gateway(), direct, pool,
                     FlowOptions.defaults())) {
            String id = FlowTestSupport.newSession(REDIS);
            assertTrue(watched.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")).applied());
            BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
            ObjectNode stale = backend.read(id);
            ActionResult done = watched.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id,
                    "approved").withHold(Duration.ofSeconds(3)).withReapply(true));
            assertTrue(done.applied(), done.toString());
            hooked.loseReplyOfNextWrite(applied -> true);
            failEveryGet();
            backend.write(id, stale);

            HoldOutcome held = done.hold().outcome().get(30, TimeUnit.SECONDS);
            assertEquals(HoldOutcome.Kind.UNCONFIRMED, held.kind(), "it may have landed: " + Words.en(held.message()));
            assertTrue(Words.en(held.message()).contains("the answer was lost"), Words.en(held.message()));
            assertEquals("auth_completed", stored(id).get("status").asText(), "it had landed after all");
        }
    }

    @Test
    void aResetThatLandedIsReportedApplied() {
        String id = FlowTestSupport.seeded(REDIS, "05_fetching_health_data_stuck.json",
                Fixtures.FIXTURE_NOW.plusMinutes(10), 300);
        hooked.loseReplyOfNextWrite(applied -> true);
        ActionResult result = flow.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, id, "repair"));

        assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), Words.en(result.message()));
        assertEquals("auth_completed", stored(id).get("status").asText());
    }
}
