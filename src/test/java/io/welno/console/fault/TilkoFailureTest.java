package io.welno.console.fault;

import io.welno.console.testing.Await;
import static io.welno.console.fault.FlowRig.OPERATOR;
import static io.welno.console.fault.FlowRig.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;
import io.welno.console.session.SessionMessage;
import io.welno.console.session.SessionStatus;
import io.welno.console.testing.Words;
import io.welno.console.tilko.TilkoCrypto;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.TilkoJson;
import io.welno.console.tilko.sim.FailureMode;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Jedis;

/**
 * Tilko failing in every way the simulator can (slow beyond the client's timeout, an HTML page, HTTP 500, a
 * temporary error) and with a malformed body (a MockWebServer that answers truncated JSON), through the flow
 * service: each action ends with a result sentence, the session in a consistent status the backend can read
 * (never half-way, never with collection_started or the console's claim left behind) and Tilko's message in it.
 */
@Timeout(300)
class TilkoFailureTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);

    private static EmbeddedRedis redis;
    private static FlowRig rig;
    private static MockWebServer malformed;
    private static FlowRig malformedRig;

    @BeforeAll
    static void start() throws Exception {
        redis = EmbeddedRedis.start();
        rig = new FlowRig(io.welno.console.store.RedisConnectionSettings.parse(redis.url()), CLIENT_TIMEOUT,
                Duration.ofSeconds(5));
        // The simulator makes its key pair on the first GetPublicKey; do it before timed calls.
        Await.until("the simulator's public key", Await.EVENTUALLY, () -> rig.tilko.publicKey().isSuccess());
        malformed = malformedTilko();
        malformedRig = new FlowRig(io.welno.console.store.RedisConnectionSettings.parse(redis.url()),
                malformed.url("/").toString(), CLIENT_TIMEOUT, Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() {
        if (malformedRig != null) {
            malformedRig.close();
        }
        if (malformed != null) {
            malformed.close();
        }
        if (rig != null) {
            rig.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void clean() {
        rig.sim.clearFailures();
    }

    private static Jedis admin() {
        return new Jedis("127.0.0.1", redis.port());
    }

    static Stream<Arguments> simpleAuthFailures() {
        return Stream.of(
                // No answer in time: the request may have reached Tilko (and pushed to the phone); the others were
                // answered with a refusal.
                // Whichever of the client's timeouts fires first (the call's or one read's), the words name its limit.
                Arguments.of(FailureMode.SLOW, "(TIMEOUT)", "Tilko did not answer the SimpleAuthRequest (no answer"
                        + " from Tilko within 2s): it may have reached Tilko"),
                Arguments.of(FailureMode.HTML, "(AUTH_PENDING)", "Tilko did not accept the SimpleAuthRequest"),
                Arguments.of(FailureMode.SERVER_ERROR, "(HTTP_500)", "Tilko did not accept the SimpleAuthRequest"),
                Arguments.of(FailureMode.TEMPORARY_FAILURE, "일시적인 장애", "Tilko did not accept the SimpleAuthRequest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("simpleAuthFailures")
    void simpleAuthEndsInErrorWithTilkosMessage(FailureMode mode, String tilkoText, String resultText) {
        rig.sim.setFailure(mode, TilkoEndpoint.SIMPLE_AUTH);
        try (Jedis admin = admin()) {
            String id = FlowRig.newSession(admin);
            ActionResult result = rig.perform(OPERATOR, ActionKind.SIMPLE_AUTH, id);
            assertEquals(ActionResult.Outcome.FAILED, result.outcome(), Words.en(result.message()));
            String said = Words.en(result.message());
            assertTrue(said.contains(resultText), said);
            SessionDocument doc = document(admin, id);
            assertConsistent(doc, SessionStatus.ERROR);
            SessionMessage last = last(doc);
            assertEquals("error", last.typeWire());
            assertTrue(last.summary().contains(tilkoText), last.summary());
        }
    }

    @Test
    void simpleAuthWithAMalformedAnswerEndsInErrorWithTheReason() {
        try (Jedis admin = admin()) {
            String id = FlowRig.newSession(admin);
            ActionResult result = malformedRig.perform(OPERATOR, ActionKind.SIMPLE_AUTH, id);
            assertEquals(ActionResult.Outcome.FAILED, result.outcome(), Words.en(result.message()));
            SessionDocument doc = document(admin, id);
            assertConsistent(doc, SessionStatus.ERROR);
            assertTrue(last(doc).summary().contains("(INVALID_RESPONSE)"), last(doc).summary());
        }
    }

    static Stream<Arguments> collectionFailures() {
        return Stream.of(
                // The backend reads an HTML page on the checkups call as "approval still pending"
                // (docs/tilko.md, the HTML answer).
                Arguments.of(FailureMode.HTML, TilkoEndpoint.CHECKUPS, SessionStatus.AUTH_COMPLETED,
                        CollectionFinished.Result.NOT_APPROVED_YET, "인증 대기 중"),
                Arguments.of(FailureMode.SERVER_ERROR, TilkoEndpoint.CHECKUPS, SessionStatus.ERROR,
                        CollectionFinished.Result.ERROR, "HTTP 500"),
                Arguments.of(FailureMode.SLOW, TilkoEndpoint.CHECKUPS, SessionStatus.ERROR,
                        CollectionFinished.Result.ERROR, "시간"),
                Arguments.of(FailureMode.TEMPORARY_FAILURE, TilkoEndpoint.CHECKUPS, SessionStatus.ERROR,
                        CollectionFinished.Result.ERROR, "일시적인 장애"),
                // Prescriptions failing after the checkups were saved: completed, with the prescription error noted.
                Arguments.of(FailureMode.SLOW, TilkoEndpoint.PRESCRIPTIONS, SessionStatus.COMPLETED,
                        CollectionFinished.Result.COMPLETED, "시간"),
                Arguments.of(FailureMode.SERVER_ERROR, TilkoEndpoint.PRESCRIPTIONS, SessionStatus.COMPLETED,
                        CollectionFinished.Result.COMPLETED, "HTTP 500"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("collectionFailures")
    void aCollectionEndsInAConsistentStatusWithTilkosMessage(FailureMode mode, TilkoEndpoint endpoint,
                                                            SessionStatus expected, CollectionFinished.Result result,
                                                            String tilkoText) {
        try (Jedis admin = admin()) {
            String id = rig.authCompletedSession(admin);
            rig.sim.setFailure(mode, endpoint);
            ActionResult claim = rig.perform(OPERATOR, ActionKind.COLLECT, id);
            assertEquals(ActionResult.Outcome.APPLIED, claim.outcome(), Words.en(claim.message()));
            CollectionFinished finished = rig.awaitFinished(id, Await.EVENTUALLY);
            assertEquals(result, finished.result(), Words.en(finished.message()));
            assertNotNull(Words.en(finished.message()));
            SessionDocument doc = document(admin, id);
            assertConsistent(doc, expected);
            String messages = doc.messages().stream().map(m -> m.summary() + " " + (m.body() == null ? ""
                    : m.body().toString())).reduce("", (a, b) -> a + "\n" + b);
            assertTrue(messages.contains(tilkoText), messages);
        }
    }

    @Test
    void aCollectionWithAMalformedAnswerEndsInError() {
        try (Jedis admin = admin()) {
            String id = FlowRig.newSession(admin);
            ObjectNode tree = document(admin, id).tree().deepCopy();
            SessionEditor edit = new SessionEditor(tree, FlowRig.TIMESTAMPS);
            ObjectNode auth = JsonNodeFactory.instance.objectNode();
            auth.put("CxId", "cx-1").put("PrivateAuthType", "4").put("ReqTxId", "r").put("Token", "t").put("TxId", "x");
            edit.put(SessionDocument.AUTH_DATA, auth);
            edit.status(SessionStatus.AUTH_COMPLETED);
            admin.setex("tilko_session:" + id, 1800, FlowRig.CODEC.write(tree));
            ActionResult claim = malformedRig.perform(OPERATOR, ActionKind.COLLECT, id);
            assertEquals(ActionResult.Outcome.APPLIED, claim.outcome(), Words.en(claim.message()));
            CollectionFinished finished = malformedRig.awaitFinished(id, Await.EVENTUALLY);
            assertEquals(CollectionFinished.Result.ERROR, finished.result(), Words.en(finished.message()));
            SessionDocument doc = document(admin, id);
            assertConsistent(doc, SessionStatus.ERROR);
            assertEquals("health_data_error", last(doc).errorKind(), last(doc).toString());
        }
    }

    /** What the backend needs to carry on: a known status, expires_at, messages as a list, nothing of ours left. */
    private static void assertConsistent(SessionDocument doc, SessionStatus expected) {
        assertEquals(expected, doc.status());
        assertFalse(doc.breaksBackend(), () -> "the backend can read it: " + doc.warnings());
        assertTrue(doc.tree().path("messages").isArray());
        assertFalse(doc.collectionStarted(), "collection_started cleared");
        assertFalse(doc.tree().has("console_claim"), "the console's claim is gone");
    }

    private static SessionMessage last(SessionDocument doc) {
        List<SessionMessage> messages = doc.messages();
        return messages.get(messages.size() - 1);
    }

    /** A Tilko whose public key is fine and whose every other answer is truncated JSON. */
    private static MockWebServer malformedTilko() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().toLowerCase(Locale.ROOT).endsWith("/api/auth/getpublickey")) {
                    ObjectNode n = TilkoJson.mapper().createObjectNode();
                    n.put("Status", "OK");
                    n.put("PublicKey", TilkoCrypto.encodePublicKey(keys.getPublic()));
                    n.put("ApiKey", request.getUrl().queryParameter("APIkey"));
                    return json(n.toString());
                }
                return json("{\"Status\":\"OK\",\"ResultData\":{\"CxId\":\"abc\",\"ResultList\":[{\"Year\":\"20");
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        return server;
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }
}
