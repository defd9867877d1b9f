package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.Await;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.HookedStore;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import io.welno.console.tilko.sim.FailureMode;
import io.welno.console.tilko.sim.SimulatorOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** Every exit of a background collection clears collection_started; stuck sessions are reset. */
class CollectionTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    // Approved as soon as requested: these tests are about what happens after the approval. A SLOW answer comes
    // long after any test here has ended, so waiting for it can never pass for not waiting.
    @RegisterExtension
    static final SimulatedTilko TILKO = new SimulatedTilko(SimulatorOptions.builder().approvalDelay(Duration.ZERO)
            .slowDelay(Duration.ofMinutes(10)).build());

    private final ObjectMapper mapper = new ObjectMapper();
    private final RecordingListener events = new RecordingListener();
    private RedisSessionStore store;
    private ExecutorService pool;
    private FlowService flow;

    @BeforeEach
    void wire() {
        TILKO.sim().clearFailures();
        store = FlowTestSupport.store(REDIS);
        pool = Executors.newCachedThreadPool();
        flow = wire(TILKO.gateway(), FlowOptions.defaults());
    }

    private FlowService wire(TilkoGateway gateway, FlowOptions options) {
        FlowService service = FlowTestSupport.service(store, gateway, null, pool, options);
        service.addListener(events);
        return service;
    }

    @AfterEach
    void unwire() {
        flow.close();
        pool.shutdownNow();
        store.close();
    }

    /** A session at auth_completed with real simulator credentials. */
    private String readyToCollect(FlowService service) {
        String id = FlowTestSupport.newSession(REDIS);
        assertTrue(service.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")).applied());
        assertTrue(service.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")).applied());
        return id;
    }

    private CollectionFinished collect(FlowService service, String id) {
        ActionResult claim = service.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "collect"));
        assertEquals(ActionResult.Outcome.APPLIED, claim.outcome(), Words.en(claim.message()));
        return events.awaitFinished(id, Await.EVENTUALLY);
    }

    private JsonNode readable(String id) {
        JsonNode doc = BackendReadPath.assertReadable(REDIS.client(), "tilko_session:" + id,
                FlowTestSupport.TIMESTAMPS.zone());
        assertFalse(doc.get("collection_started").asBoolean(), "collection_started is cleared on every exit");
        assertFalse(doc.has(ConsoleMarks.CLAIM));
        return doc;
    }

    private static JsonNode lastMessage(JsonNode doc) {
        return doc.get("messages").get(doc.get("messages").size() - 1);
    }

    /**
     * The claim was written, but reading it back failed: no collection starts behind it, and the claim is given back
     * instead of being left to look like a running collection until its lease lapses.
     */
    @Test
    void aClaimThatCannotBeConfirmedStartsNoCollectionAndIsGivenBack() {
        String id = readyToCollect(flow);
        HookedStore hooked = new HookedStore(store);
        try (FlowService service = FlowTestSupport.service(hooked, store, TILKO.gateway(), null, pool,
                FlowOptions.defaults())) {
            int fetchedBefore = TILKO.sim().requestCount(TilkoEndpoint.CHECKUPS);
            // every read after the claim breaks: the read-back is tried again, and each try fails
            Runnable[] breaks = new Runnable[1];
            breaks[0] = () -> {
                hooked.beforeNextGet(breaks[0]);
                throw new JedisConnectionException("Unexpected end of stream.");
            };
            hooked.afterEveryAppliedUpdate((sessionId, applied) -> hooked.beforeNextGet(breaks[0]));
            ActionResult claim = service.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "collect"));
            hooked.afterEveryAppliedUpdate((sessionId, applied) -> { });
            hooked.beforeNextGet(null);

            assertEquals(ActionResult.Outcome.CONNECTION_LOST, claim.outcome(), Words.en(claim.message()));
            assertTrue(Words.en(claim.message()).contains("did not start, and the claim was given back"),
                    Words.en(claim.message()));
            assertEquals(SessionStatus.AUTH_COMPLETED, claim.statusAfter());
            assertTrue(service.runningCollections().isEmpty());
            assertEquals("auth_completed", readable(id).get("status").asText());
            assertEquals(fetchedBefore, TILKO.sim().requestCount(TilkoEndpoint.CHECKUPS), "nothing was fetched");
        }
    }

    /**
     * The claim was written, then Redis stalled: reading it back failed, and so did giving it back. The claim stays in
     * the session, renewed by nobody, and until its lease lapses another console's reset-stuck is refused: the result
     * says so, with the moment, in both languages, rather than leave the operator to believe nothing happened.
     */
    @Test
    void aClaimNeitherReadBackNorGivenBackIsSaidToStandUntilItsLeaseLapses() {
        String id = readyToCollect(flow);
        HookedStore stalling = new HookedStore(store);
        try (FlowService service = FlowTestSupport.service(stalling, store, TILKO.gateway(), null, pool,
                FlowOptions.defaults())) {
            int fetchedBefore = TILKO.sim().requestCount(TilkoEndpoint.CHECKUPS);
            stalling.stallAfterWrite(written -> true);
            ActionResult claim = service.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "collect"));

            JsonNode doc = BackendReadPath.assertReadable(REDIS.client(), "tilko_session:" + id,
                    FlowTestSupport.TIMESTAMPS.zone());
            assertEquals("fetching_health_data", doc.get("status").asText(), "the claim stands");
            // "2026-12-06T16:01:02.123456": the time of day, as the words name it
            String lease = doc.get(ConsoleMarks.CLAIM).get("lease_until").asText().substring(11, 19);
            assertEquals(ActionResult.Outcome.TIMEOUT, claim.outcome(), Words.en(claim.message()));
            String en = Words.en(claim.message());
            assertTrue(en.contains("the claim could not be given back either"), en);
            assertTrue(en.contains("Until its lease lapses at " + lease + " the session looks as if this console"
                    + " were still collecting it, so \"reset-stuck\" from another console is refused"), en);
            String ko = Words.ko(claim.message());
            assertTrue(ko.contains("점유가 " + lease + "에 만료될 때까지"), ko);
            assertTrue(service.runningCollections().isEmpty());
            assertEquals(fetchedBefore, TILKO.sim().requestCount(TilkoEndpoint.CHECKUPS), "nothing was fetched");
        }
    }

    /**
     * A collection stopped mid-run by Redis, whose giving back of its claim failed too: the claim may stand, renewed by
     * nobody, and its end says until when its lease lasts (as a claim the action could not give back says), not
     * "within a minute" nor that nothing was changed.
     */
    @Test
    void aCollectionStoppedMidRunThatCannotGiveItsClaimBackSaysWhenItsLeaseLapses() {
        String id = readyToCollect(flow);
        HookedStore stalling = new HookedStore(store);
        try (FlowService service = FlowTestSupport.service(stalling, store, TILKO.gateway(), null, pool,
                FlowOptions.defaults())) {
            service.addListener(events);
            stalling.stallAfterWrite(
                    written -> written.after().status() == SessionStatus.FETCHING_PRESCRIPTION_DATA);
            ActionResult claim = service.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "collect"));
            assertEquals(ActionResult.Outcome.APPLIED, claim.outcome(), Words.en(claim.message()));
            CollectionFinished done = events.awaitFinished(id, Await.EVENTUALLY);

            JsonNode doc = BackendReadPath.assertReadable(REDIS.client(), "tilko_session:" + id,
                    FlowTestSupport.TIMESTAMPS.zone());
            assertEquals("fetching_prescription_data", doc.get("status").asText(), "the claim stands");
            String lease = doc.get(ConsoleMarks.CLAIM).get("lease_until").asText().substring(11, 19);
            assertEquals(CollectionFinished.Result.UNAVAILABLE, done.result(), Words.en(done.message()));
            String en = Words.en(done.message());
            assertTrue(en.contains("Until its lease lapses at " + lease + " the session looks as if this console"
                    + " were still collecting it, so \"reset-stuck\" from another console is refused"), en);
            assertFalse(en.contains("within a minute") || en.contains("Nothing was changed"), en);
            String ko = Words.ko(done.message());
            assertTrue(ko.contains("점유가 " + lease + "에 만료될 때까지"), ko);
        }
    }

    private FlowService hookedService(HookedStore hooked) {
        FlowService service = FlowTestSupport.service(hooked, store, TILKO.gateway(), null, pool,
                FlowOptions.defaults());
        service.addListener(events);
        return service;
    }

    /**
     * The last write happened, but its answer was lost on the way back: the collection is reported completed, as it
     * is, not as stopped by Redis or as "left as it is" because the release then found its own claim gone.
     */
    @Test
    void aLastWriteWhoseAnswerWasLostIsFoundInTheSessionAndReportedAsDone() {
        HookedStore hooked = new HookedStore(store);
        try (FlowService service = hookedService(hooked)) {
            String id = readyToCollect(service);
            hooked.loseReplyOfNextWrite(applied -> applied.after().status() == SessionStatus.COMPLETED);
            CollectionFinished done = collect(service, id);

            assertEquals(CollectionFinished.Result.COMPLETED, done.result(), Words.en(done.message()));
            assertEquals(SessionStatus.COMPLETED, done.finalStatus());
            assertTrue(Words.en(done.message()).contains("The collection completed"), Words.en(done.message()));
            JsonNode doc = readable(id);
            assertEquals("completed", doc.get("status").asText());
            assertEquals(1, doc.get("messages").findValuesAsText("message").stream()
                    .filter(m -> m.startsWith("건강검진 및 처방전 데이터 수집이 완료되었습니다.")).count(), "written once");
        }
    }

    /**
     * The last write happened, its answer was lost, and every look at the session failed too; the release that follows
     * finds the claim gone. That is the collection's own end, found by its message: reported completed and held, not
     * as stopped by Redis or as left alone for someone else's change.
     */
    @Test
    void aLastWriteFoundOnlyByTheReleaseIsTheCollectionsOwnEnd() {
        HookedStore hooked = new HookedStore(store);
        try (FlowService service = hookedService(hooked)) {
            String id = readyToCollect(service);
            hooked.loseReplyOfNextWrite(applied -> {
                if (applied.after().status() != SessionStatus.COMPLETED) {
                    return false;
                }
                failGets(hooked, 3); // the three looks for the lost answer; the release's own read still works
                return true;
            });
            CollectionFinished done = collect(service, id);

            assertEquals(CollectionFinished.Result.COMPLETED, done.result(), Words.en(done.message()));
            assertEquals(SessionStatus.COMPLETED, done.finalStatus());
            assertTrue(Words.en(done.message()).contains("The collection completed"), Words.en(done.message()));
            assertEquals("completed", readable(id).get("status").asText());
        }
    }

    private static void failGets(HookedStore hooked, int times) {
        if (times > 0) {
            hooked.beforeNextGet(() -> {
                failGets(hooked, times - 1);
                throw new JedisConnectionException("Unexpected end of stream.");
            });
        }
    }

    /** A step whose answer was lost had been saved: the collection goes on instead of stopping. */
    @Test
    void aStepWhoseAnswerWasLostIsFoundInTheSessionAndTheCollectionGoesOn() {
        HookedStore hooked = new HookedStore(store);
        try (FlowService service = hookedService(hooked)) {
            String id = readyToCollect(service);
            int fetched = TILKO.sim().requestCount(TilkoEndpoint.CHECKUPS);
            hooked.loseReplyOfNextWrite(applied -> applied.after().status() == SessionStatus.FETCHING_PRESCRIPTION_DATA);
            CollectionFinished done = collect(service, id);

            assertEquals(CollectionFinished.Result.COMPLETED, done.result(), Words.en(done.message()));
            assertEquals("completed", readable(id).get("status").asText());
            assertEquals(fetched + 1, TILKO.sim().requestCount(TilkoEndpoint.CHECKUPS), "the checkups were fetched once");
        }
    }

    /**
     * The release of a stopped collection happened, but its answer was lost, and the retry found the claim gone: the
     * collection is reported as stopped and back at auth_completed, not as left alone because someone changed it.
     */
    @Test
    @Timeout(300)
    void aReleaseWhoseAnswerWasLostIsFoundInTheSession() {
        HookedStore hooked = new HookedStore(store);
        FlowService service = FlowTestSupport.service(hooked, store, TILKO.gateway(), null, pool,
                FlowOptions.defaults().withShutdownGrace(Duration.ofMillis(300)));
        service.addListener(events);
        try {
            String id = collectingSlowly(service);
            hooked.loseReplyOfNextWrite(applied -> !applied.after().tree().has(ConsoleMarks.CLAIM));
            service.close();
            CollectionFinished done = events.awaitFinished(id, Duration.ofSeconds(60));

            assertEquals(CollectionFinished.Result.INTERRUPTED, done.result(), Words.en(done.message()));
            assertEquals(SessionStatus.AUTH_COMPLETED, done.finalStatus());
            assertEquals("auth_completed", readable(id).get("status").asText());
        } finally {
            service.close();
        }
    }

    /**
     * Another writer set the session to error during the collection and left the console's claim in it: the release
     * gives the claim back but keeps that status, and says so, not "the session is back at auth_completed".
     */
    @Test
    @Timeout(300)
    void aReleaseThatKeepsAnotherWritersStatusSaysSo() throws Exception {
        FlowService service = FlowTestSupport.service(store, TILKO.gateway(), null, pool,
                FlowOptions.defaults().withShutdownGrace(Duration.ofMillis(300)));
        service.addListener(events);
        try {
            String id = collectingSlowly(service);
            String key = "tilko_session:" + id;
            com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(REDIS.client().get(key));
            doc.put("status", "error"); // the claim stays: the backend's copy was read after the console claimed
            FlowTestSupport.put(REDIS, id, doc);
            service.close();
            CollectionFinished done = events.awaitFinished(id, Duration.ofSeconds(60));

            assertEquals(CollectionFinished.Result.INTERRUPTED, done.result(), Words.en(done.message()));
            assertEquals(SessionStatus.ERROR, done.finalStatus());
            assertTrue(Words.en(done.message()).contains("the session stays error, as another writer left it"),
                    Words.en(done.message()));
            assertEquals("error", readable(id).get("status").asText());
            assertFalse(readable(id).has(ConsoleMarks.CLAIM), "the claim was given back");
        } finally {
            service.close();
        }
    }

    /** A collection started and waiting on Tilko's (slow) checkups answer: closing the service interrupts it. */
    private String collectingSlowly(FlowService service) {
        String id = readyToCollect(service);
        TILKO.sim().setFailure(FailureMode.SLOW, TilkoEndpoint.CHECKUPS);
        int calls = TILKO.sim().requestCount(TilkoEndpoint.CHECKUPS);
        assertTrue(service.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "slow one")).applied());
        Await.until("the checkups request to reach Tilko", Duration.ofSeconds(60),
                () -> TILKO.sim().requestCount(TilkoEndpoint.CHECKUPS) > calls);
        return id;
    }

    @Test
    void anIdentityMismatchEndsInInfoRequired() {
        String id = readyToCollect(flow);
        TILKO.sim().setFailure(FailureMode.IDENTITY_MISMATCH, TilkoEndpoint.CHECKUPS);
        CollectionFinished done = collect(flow, id);
        assertEquals(CollectionFinished.Result.INFO_REQUIRED, done.result(), Words.en(done.message()));
        JsonNode doc = readable(id);
        assertEquals("info_required", doc.get("status").asText());
        JsonNode body = lastMessage(doc).get("message");
        assertEquals("user_info_error", body.get("type").asText());
        assertTrue(body.get("requires_info_recheck").asBoolean());
        assertTrue(body.get("message").asText().startsWith("입력하신 정보"), body.toString());
    }

    @Test
    void anyOtherHealthFailureEndsInErrorAndPrescriptionFailuresDoNotStopACompletion() {
        String failing = readyToCollect(flow);
        TILKO.sim().setFailure(FailureMode.TEMPORARY_FAILURE, TilkoEndpoint.CHECKUPS);
        CollectionFinished done = collect(flow, failing);
        assertEquals(CollectionFinished.Result.ERROR, done.result(), Words.en(done.message()));
        assertEquals("error", readable(failing).get("status").asText());
        assertEquals("health_data_error", lastMessage(readable(failing)).at("/message/type").asText());

        String partly = readyToCollect(flow);
        TILKO.sim().setFailure(FailureMode.TEMPORARY_FAILURE, TilkoEndpoint.PRESCRIPTIONS);
        done = collect(flow, partly);
        assertEquals(CollectionFinished.Result.COMPLETED, done.result(), Words.en(done.message()));
        JsonNode doc = readable(partly);
        assertEquals("completed", doc.get("status").asText());
        assertTrue(doc.at("/progress/health_data_fetched").asBoolean());
        assertFalse(doc.at("/progress/prescription_data_fetched").asBoolean());
        assertTrue(doc.toString().contains("prescription_error"));

        String empty = readyToCollect(flow);
        TILKO.sim().setFailure(FailureMode.EMPTY_HISTORY);
        done = collect(flow, empty);
        assertEquals(CollectionFinished.Result.ERROR, done.result());
        assertTrue(Words.en(done.message()).contains("no health checkup or prescription records"), Words.en(done.message()));
        assertEquals("error", readable(empty).get("status").asText());
    }

    @Test
    void anExceptionInTheBackgroundStillClearsCollectionStarted() {
        TilkoGateway real = TILKO.gateway();
        FlowService exploding = wire(new ForwardingTilko(real) {
            @Override
            public TilkoResult<List<Checkup>> healthCheckups(TilkoCredentials c, TilkoPerson p) {
                throw new IllegalStateException("simulated bug");
            }
        }, FlowOptions.defaults());
        try {
            String id = readyToCollect(exploding);
            CollectionFinished done = collect(exploding, id);
            assertEquals(CollectionFinished.Result.ERROR, done.result());
            assertTrue(Words.en(done.message()).contains("simulated bug"), Words.en(done.message()));
            JsonNode doc = readable(id);
            assertEquals("error", doc.get("status").asText());
            assertTrue(doc.get("collection_error").asBoolean());
            assertTrue(doc.get("collection_error_message").asText().contains("simulated bug"));
        } finally {
            exploding.close();
        }
    }

    /**
     * The backend's own collection reads the session at every step and finds it gone once its expires_at has passed;
     * the console's stops there too, naming the expiry, and writes nothing more into a session the backend deletes.
     */
    @Test
    void aSessionThatExpiresDuringTheCollectionEndsItWithoutAnotherWrite() throws Exception {
        TilkoGateway real = TILKO.gateway();
        String[] collecting = new String[1];
        FlowService expiring = wire(new ForwardingTilko(real) {
            @Override
            public TilkoResult<List<Checkup>> healthCheckups(TilkoCredentials c, TilkoPerson p) {
                FlowTestSupport.expireForTheBackend(REDIS, collecting[0]); // while Tilko answers
                return super.healthCheckups(c, p);
            }
        }, FlowOptions.defaults());
        try {
            String id = readyToCollect(expiring);
            collecting[0] = id;
            CollectionFinished done = collect(expiring, id);
            assertEquals(CollectionFinished.Result.VANISHED, done.result(), Words.en(done.message()));
            String said = Words.en(done.message());
            assertTrue(said.contains("deletes the session on its next read"), said);
            JsonNode left = mapper.readTree(REDIS.client().get("tilko_session:" + id));
            assertEquals("fetching_health_data", left.get("status").asText(), "nothing written after the expiry");
            assertFalse(left.path("progress").path("health_data_fetched").asBoolean());
        } finally {
            expiring.close();
        }
    }

    @Test
    @Timeout(300)
    void shuttingDownMidCollectionReleasesTheClaimAndLocalGuardsHoldMeanwhile() throws Exception {
        flow.close();
        flow = wire(TILKO.gateway(), FlowOptions.defaults().withShutdownGrace(Duration.ofMillis(300)));
        String id = readyToCollect(flow);
        TILKO.sim().setFailure(FailureMode.SLOW, TilkoEndpoint.CHECKUPS);
        int calls = TILKO.sim().requestCount(TilkoEndpoint.CHECKUPS);
        assertTrue(flow.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "slow one")).applied());
        Await.until("the checkups request to reach Tilko", Duration.ofSeconds(60),
                () -> TILKO.sim().requestCount(TilkoEndpoint.CHECKUPS) > calls);
        assertTrue(flow.isCollecting(id));
        ActionResult again = flow.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "again"));
        assertEquals(ActionResult.Outcome.REFUSED, again.outcome());
        ActionResult reset = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.RESET_STUCK, id, "reset").withOverride());
        assertEquals(ActionResult.Outcome.REFUSED, reset.outcome());
        assertTrue(Words.en(reset.message()).contains("this console is collecting"), Words.en(reset.message()));

        // close() returns although Tilko has not answered (and will not for ten minutes): it does not wait for the
        // answer. Were it to wait, the test's own time-out would end it long before the answer came.
        flow.close();
        CollectionFinished done = events.awaitFinished(id, Duration.ofSeconds(60));
        assertEquals(CollectionFinished.Result.INTERRUPTED, done.result(), Words.en(done.message()));
        JsonNode doc = readable(id);
        assertEquals("auth_completed", doc.get("status").asText());
        assertTrue(lastMessage(doc).get("message").asText().contains("콘솔이 종료되어"));
    }

    @Test
    void aStuckCollectionIsResetAndCanBeCollectedAgain() throws Exception {
        String id = Fixtures.id("05_fetching_health_data_stuck.json");
        ObjectNode stuck = (ObjectNode) mapper.readTree(Fixtures.live("05_fetching_health_data_stuck.json",
                Fixtures.FIXTURE_NOW.plusMinutes(9)));
        stuck.put("expires_at", FlowTestSupport.TIMESTAMPS.nowPlusSeconds(600));
        FlowTestSupport.put(REDIS, id, stuck);
        assertEquals(ActionResult.Outcome.REFUSED,
                flow.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "collect")).outcome());

        ActionResult reset = flow.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, id, "stuck for days"));
        assertEquals(ActionResult.Outcome.APPLIED, reset.outcome(), Words.en(reset.message()));
        assertEquals(SessionStatus.FETCHING_HEALTH_DATA, reset.statusBefore());
        assertEquals(SessionStatus.AUTH_COMPLETED, reset.statusAfter());
        JsonNode doc = readable(id);
        assertEquals("auth_completed", doc.get("status").asText());
        assertEquals(stuck.get("auth_data"), doc.get("auth_data"));

        // Collect is possible again (the simulator does not know these credentials, so it ends in error).
        CollectionFinished again = collect(flow, id);
        assertEquals(CollectionFinished.Result.ERROR, again.result(), Words.en(again.message()));
        readable(id);
    }
}
