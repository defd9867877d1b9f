package io.welno.console.flow;

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
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.tilko.SimpleAuthTicket;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import io.welno.console.tilko.sim.FailureMode;
import io.welno.console.tilko.sim.SimulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SimpleAuthTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    @RegisterExtension
    static final SimulatedTilko TILKO = new SimulatedTilko(SimulatorOptions.builder().manualApproval()
            .slowDelay(Duration.ofMillis(800)).build());

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void reset() {
        TILKO.sim().clearFailures();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    /** An independent console: its own connection pool and service, like a second operator's machine. */
    private FlowService console() {
        return console(TILKO.gateway());
    }

    private FlowService console(TilkoGateway gateway) {
        RedisSessionStore store = FlowTestSupport.store(REDIS);
        FlowService flow = FlowTestSupport.service(store, gateway, null, new DirectExecutor(),
                FlowOptions.defaults());
        closeables.add(store);
        closeables.add(0, flow);
        return flow;
    }

    private JsonNode doc(String id) throws Exception {
        return mapper.readTree(REDIS.client().get("tilko_session:" + id));
    }

    @Test
    void twoConsolesAtOnceSendOneTilkoRequestTheAuthRequestingWriteIsTheClaim() throws Exception {
        TILKO.sim().setFailure(FailureMode.SLOW, TilkoEndpoint.SIMPLE_AUTH);
        String id = FlowTestSupport.newSession(REDIS);
        int before = TILKO.sim().requestCount(TilkoEndpoint.SIMPLE_AUTH);
        List<FlowService> consoles = List.of(console(), console(), console());
        ExecutorService threads = Executors.newFixedThreadPool(consoles.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ActionResult>> results = new ArrayList<>();
        for (FlowService console : consoles) {
            results.add(threads.submit(() -> {
                go.await();
                return console.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "customer retry"));
            }));
        }
        go.countDown();
        int applied = 0;
        for (Future<ActionResult> f : results) {
            ActionResult r = f.get();
            if (r.applied()) {
                applied++;
            } else {
                assertEquals(ActionResult.Outcome.REFUSED, r.outcome(), Words.en(r.message()));
                assertTrue(Words.en(r.message()).contains("auth_requesting") || Words.en(r.message()).contains("auth_request_sent"),
                        Words.en(r.message()));
            }
        }
        threads.shutdown();
        assertEquals(1, applied);
        assertEquals(1, TILKO.sim().requestCount(TilkoEndpoint.SIMPLE_AUTH) - before, "exactly one SimpleAuthRequest");
        assertEquals("auth_request_sent", doc(id).get("status").asText());
    }

    /**
     * A simple-auth waiting for its Tilko turn (a bulk run: at most maxTilkoCalls out) keeps renewing its claim, and
     * may wait past the moment its auth request counts as stale by the idle rule. Its request is not even sent yet:
     * another simple-auth of the same session must be refused, not sent as a second request.
     */
    @Test
    void aRequestWaitingItsTilkoTurnPastTheStaleMomentIsNotSentTwice() throws Exception {
        CountDownLatch tilkoAnswers = new CountDownLatch(1);
        CountDownLatch atTilko = new CountDownLatch(1);
        TilkoGateway held = new ForwardingTilko(TILKO.gateway()) {
            @Override
            public TilkoResult<SimpleAuthTicket> simpleAuth(TilkoPerson person, String privateAuthType) {
                atTilko.countDown();
                try {
                    tilkoAnswers.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.simpleAuth(person, privateAuthType);
            }
        };
        Duration stale = Duration.ofMillis(300);
        RedisSessionStore store = FlowTestSupport.store(REDIS);
        closeables.add(store);
        FlowService flow = FlowTestSupport.service(store, held, null, new DirectExecutor(), FlowOptions.defaults()
                .withMaxTilkoCalls(1).withStaleAuthRequestAfter(stale));
        closeables.add(0, flow);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            String first = FlowTestSupport.newSession(REDIS);
            String waiting = FlowTestSupport.newSession(REDIS);
            Future<ActionResult> out = threads.submit(() -> flow.perform(OPERATOR,
                    ActionRequest.of(ActionKind.SIMPLE_AUTH, first, "bulk").withHold(Duration.ZERO)));
            atTilko.await();
            Future<ActionResult> queued = threads.submit(() -> flow.perform(OPERATOR,
                    ActionRequest.of(ActionKind.SIMPLE_AUTH, waiting, "bulk").withHold(Duration.ZERO)));
            Await.until("the second claim written and stale by the idle rule", Await.EVENTUALLY, () -> {
                var doc = store.get(waiting).map(s -> s.parsed()).orElse(null);
                return doc instanceof io.welno.console.session.SessionDocument d
                        && d.status().equals(SessionStatus.AUTH_REQUESTING)
                        && flow.idleFor(d).filter(idle -> idle.compareTo(stale) > 0).isPresent();
            });

            ActionRequest again = ActionRequest.of(ActionKind.SIMPLE_AUTH, waiting, "retry").withHold(Duration.ZERO);
            ActionPreview preview = flow.preview(OPERATOR, again);
            assertFalse(preview.allowed(), "a request waiting its turn is in flight, however long it waits");
            assertEquals("guard.claimedHere", preview.refusalReason().orElseThrow().key());
            ActionResult refused = flow.perform(OPERATOR, again);
            assertEquals(ActionResult.Outcome.REFUSED, refused.outcome(), Words.en(refused.message()));

            tilkoAnswers.countDown();
            assertTrue(out.get(30, java.util.concurrent.TimeUnit.SECONDS).applied());
            ActionResult sent = queued.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(sent.applied(), Words.en(sent.message()));
            assertEquals("auth_request_sent", doc(waiting).get("status").asText());
        } finally {
            tilkoAnswers.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aTilkoFailureEndsInErrorWithTilkosMessageAndCanBeRetried() throws Exception {
        FlowService flow = console();
        String id = FlowTestSupport.newSession(REDIS);
        TILKO.sim().setFailure(FailureMode.TEMPORARY_FAILURE, TilkoEndpoint.SIMPLE_AUTH);
        ActionResult r = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "first"));
        assertEquals(ActionResult.Outcome.FAILED, r.outcome(), Words.en(r.message()));
        assertEquals(ActionResult.Outcome.FAILED, r.outcome());
        assertEquals(SessionStatus.ERROR, r.statusAfter());
        assertTrue(Words.en(r.message()).contains("9001"), Words.en(r.message()));
        JsonNode doc = BackendReadPath.assertReadable(REDIS.client(), "tilko_session:" + id,
                FlowTestSupport.TIMESTAMPS.zone());
        assertEquals("error", doc.get("status").asText());
        assertFalse(doc.has(ConsoleMarks.CLAIM));
        assertFalse(doc.has("temp_auth_data"));
        JsonNode last = doc.get("messages").get(doc.get("messages").size() - 1);
        assertEquals("error", last.get("type").asText());
        assertTrue(last.get("message").asText().startsWith("틸코 API 에러 (9001): 일시적"), last.toString());

        TILKO.sim().clearFailures();
        ActionResult retry = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "second"));
        assertEquals(ActionResult.Outcome.APPLIED, retry.outcome(), Words.en(retry.message()));
        assertEquals(SessionStatus.ERROR, retry.statusBefore());
    }

    /**
     * The backend's own simple-auth finds a session that expired during the Tilko call deleted and saves nothing; the
     * console does the same and says so, instead of extending expires_at and bringing the session back.
     */
    @Test
    void aSessionThatExpiresDuringTheCallIsNotBroughtBack() throws Exception {
        String id = FlowTestSupport.newSession(REDIS);
        FlowService flow = console(new ForwardingTilko(TILKO.gateway()) {
            @Override
            public TilkoResult<SimpleAuthTicket> simpleAuth(TilkoPerson person, String type) {
                FlowTestSupport.expireForTheBackend(REDIS, id); // while Tilko answers
                return super.simpleAuth(person, type);
            }
        });
        ActionResult r = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "resend"));
        assertEquals(ActionResult.Outcome.VANISHED, r.outcome(), Words.en(r.message()));
        String said = Words.en(r.message());
        assertTrue(said.contains("Tilko accepted the request") && said.contains("answer was not saved"), said);
        JsonNode left = doc(id);
        assertEquals("auth_requesting", left.get("status").asText(), "nothing saved after the expiry");
        assertFalse(left.has("temp_auth_data"));
    }

    @Test
    void anAppThatIsNotLinkedIsAnErrorWithTheBackendsExplanation() throws Exception {
        FlowService flow = console();
        String id = FlowTestSupport.newSession(REDIS);
        TILKO.sim().setFailure(FailureMode.APP_NOT_LINKED);
        ActionResult r = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "first"));
        assertEquals(ActionResult.Outcome.FAILED, r.outcome());
        assertTrue(Words.en(r.message()).contains("gave no CxId: the person's authentication app is probably not linked"),
                "the operator reads what the OK means, not Tilko's word for success as a refusal: " + Words.en(r.message()));
        JsonNode doc = doc(id);
        assertTrue(doc.get("messages").get(doc.get("messages").size() - 1).get("message").asText()
                .contains("통신사PASS 앱 연동이 확인되지 않았습니다"));
    }

    @Test
    void aStaleAuthRequestingMayBeRetriedAFreshOneMayNot() throws Exception {
        FlowService flow = console();
        // The fixture has been auth_requesting for days (a backend request that threw and left it there).
        String stale = Fixtures.id("02_auth_requesting.json");
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live("02_auth_requesting.json"));
        doc.put("expires_at", FlowTestSupport.TIMESTAMPS.nowPlusSeconds(600));
        FlowTestSupport.put(REDIS, stale, doc);
        ActionResult r = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, stale, "stuck requesting"));
        assertEquals(ActionResult.Outcome.APPLIED, r.outcome(), Words.en(r.message()));
        assertEquals(SessionStatus.AUTH_REQUESTING, r.statusBefore());
        assertEquals("0", doc(stale).at("/temp_auth_data/privateAuthType").asText());

        // The backend itself just wrote auth_requesting and is waiting for Tilko.
        String fresh = FlowTestSupport.newSession(REDIS);
        new BackendStyleWriter(REDIS.client()).update(fresh, d -> {
            d.put("status", "auth_requesting");
            BackendStyleWriter.appendMessage(d, FlowTestSupport.TIMESTAMPS.now(), "통신사PASS 간편인증을 요청하고 있습니다.");
        });
        int before = TILKO.sim().requestCount(TilkoEndpoint.SIMPLE_AUTH);
        ActionResult refused = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, fresh, "impatient"));
        assertEquals(ActionResult.Outcome.REFUSED, refused.outcome());
        assertTrue(Words.en(refused.message()).contains("may still be in flight"), Words.en(refused.message()));
        ActionResult forced = flow.perform(FlowTestSupport.DEVELOPER,
                ActionRequest.of(ActionKind.SIMPLE_AUTH, fresh, "impatient").withOverride());
        assertEquals(ActionResult.Outcome.REFUSED, forced.outcome(), "not even a developer may send a second request");
        assertEquals(before, TILKO.sim().requestCount(TilkoEndpoint.SIMPLE_AUTH));
    }
}
