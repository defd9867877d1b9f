package io.welno.console.flow;

import io.welno.console.testing.Await;
import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.SessionStatus;
import io.welno.console.testing.Words;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.sim.SimulatorOptions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole flow against a real Redis and the Tilko simulator, checking the backend can read every step. */
class FlowEndToEndTest extends HeldFlowRig {
    @RegisterExtension
    static final SimulatedTilko TILKO = new SimulatedTilko(SimulatorOptions.builder().manualApproval().build());

    private final RecordingListener events = new RecordingListener();
    private final List<Throwable> stepFailures = new CopyOnWriteArrayList<>();

    @Override
    TilkoGateway tilko() {
        return TILKO.gateway();
    }

    @BeforeEach
    void listen() {
        TILKO.sim().clearFailures();
        flow.addListener(events);
        // After every background step the document must still be readable by the backend.
        flow.addListener(new FlowListener() {
            @Override
            public void onCollectionProgress(CollectionProgress progress) {
                try {
                    BackendReadPath.assertReadable(REDIS.client(), "tilko_session:" + progress.sessionId(),
                            FlowTestSupport.TIMESTAMPS.zone());
                } catch (Throwable t) {
                    stepFailures.add(t);
                }
            }
        });
    }

    private JsonNode readable(String id) {
        return BackendReadPath.assertReadable(REDIS.client(), "tilko_session:" + id, FlowTestSupport.TIMESTAMPS.zone());
    }

    @Test
    void startSimpleAuthApproveCompleteCollectEndsCompletedAndEveryStepIsReadableByTheBackend() {
        String id = FlowTestSupport.newSession(REDIS);
        String key = "tilko_session:" + id;
        readable(id);
        long ttlAtStart = REDIS.client().pttl(key);

        ActionResult auth = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "customer called"));
        assertEquals(ActionResult.Outcome.APPLIED, auth.outcome(), Words.en(auth.message()));
        assertEquals(SessionStatus.INITIATED, auth.statusBefore());
        assertEquals(SessionStatus.AUTH_REQUEST_SENT, auth.statusAfter());
        assertTrue(auth.applied());
        JsonNode doc = readable(id);
        assertEquals("auth_request_sent", doc.get("status").asText());
        JsonNode temp = doc.get("temp_auth_data");
        for (String k : new String[] {"cxId", "privateAuthType", "reqTxId", "token", "txId", "userName", "birthDate",
                "userCellphoneNumber"}) {
            assertTrue(temp.hasNonNull(k), "temp_auth_data lacks camelCase " + k);
        }
        assertEquals("4", temp.get("privateAuthType").asText());
        Duration expiresIn = Duration.between(FlowTestSupport.TIMESTAMPS.nowLocal(),
                LocalDateTime.parse(doc.get("expires_at").asText()));
        assertTrue(expiresIn.toSeconds() > 290 && expiresIn.toSeconds() <= 300, "expires_at = now + 300 s: " + expiresIn);
        assertFalse(doc.has(ConsoleMarks.CLAIM), "the claim is removed once Tilko answered");
        String firstMessage = doc.get("messages").get(1).get("message").asText();
        assertTrue(firstMessage.contains("kim") && firstMessage.contains("customer called")
                && firstMessage.contains("#" + auth.actionId()), firstMessage);
        assertTrue(REDIS.client().pttl(key) <= ttlAtStart, "the TTL is kept, never reset");
        assertEquals(1, TILKO.sim().requestCount(TilkoEndpoint.SIMPLE_AUTH));

        assertTrue(TILKO.sim().approve(temp.get("cxId").asText()));
        ActionResult complete = flow.perform(DEVELOPER,
                ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "user says approved").withApprovalCheck());
        assertEquals(ActionResult.Outcome.APPLIED, complete.outcome(), Words.en(complete.message()));
        assertEquals(ApprovalCheck.APPROVED, complete.approval());
        doc = readable(id);
        assertEquals("auth_completed", doc.get("status").asText());
        assertTrue(doc.at("/progress/auth_completed").asBoolean());
        assertEquals(temp.get("cxId"), doc.at("/auth_data/CxId"));
        assertEquals(temp.get("token"), doc.at("/auth_data/Token"));
        JsonNode last = doc.get("messages").get(doc.get("messages").size() - 1);
        assertEquals("success", last.get("type").asText());

        ActionResult collect = flow.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "collect now"));
        assertEquals(ActionResult.Outcome.APPLIED, collect.outcome(), Words.en(collect.message()));
        assertEquals(SessionStatus.FETCHING_HEALTH_DATA, collect.statusAfter());
        CollectionFinished finished = events.awaitFinished(id, Await.EVENTUALLY);
        assertEquals(CollectionFinished.Result.COMPLETED, finished.result(), Words.en(finished.message()));
        assertEquals(SessionStatus.COMPLETED, finished.finalStatus());
        assertEquals(collect.actionId(), finished.actionId());
        assertTrue(stepFailures.isEmpty(), () -> "a step left a document the backend cannot read: " + stepFailures);
        assertEquals(2, events.progress.stream().filter(p -> p.sessionId().equals(id)).count());

        doc = readable(id);
        assertEquals("completed", doc.get("status").asText());
        assertFalse(doc.get("collection_started").asBoolean());
        assertTrue(doc.get("collection_completed").asBoolean());
        assertFalse(doc.has(ConsoleMarks.CLAIM));
        JsonNode progress = doc.get("progress");
        assertTrue(progress.get("auth_completed").asBoolean() && progress.get("health_data_fetched").asBoolean()
                && progress.get("prescription_data_fetched").asBoolean() && progress.get("completed").asBoolean());
        assertEquals("OK", doc.at("/health_data/Status").asText());
        assertFalse(doc.at("/health_data/ResultList").isEmpty());
        assertEquals("OK", doc.at("/prescription_data/Status").asText());
        assertTrue(REDIS.client().pttl(key) <= ttlAtStart);

        List<AuditRecord> audit = new RedisAuditLog(REDIS.client()).read(20);
        assertEquals(List.of("collection-finished:COMPLETED", "attempt:APPLIED", "attempt:APPLIED", "attempt:APPLIED"),
                audit.stream().map(a -> a.event() + ":" + a.result()).toList());
        AuditRecord simpleAuth = audit.get(3);
        assertEquals("simple-auth", simpleAuth.action());
        assertEquals("kim", simpleAuth.operator());
        assertEquals(Role.OPERATOR, simpleAuth.role());
        assertEquals("customer called", simpleAuth.reason());
        assertEquals("initiated", simpleAuth.statusBefore());
        assertEquals("auth_request_sent", simpleAuth.statusAfter());
        assertTrue(events.reverts.isEmpty(), "no revert without a backend overwrite: " + events.reverts);
    }

    @Test
    void collectBeforeThePhoneApprovalEndsBackAtAuthCompletedWithTilkosMessageAndCanBeRetried() {
        String id = FlowTestSupport.newSession(REDIS);
        int checkupCalls = TILKO.sim().requestCount(TilkoEndpoint.CHECKUPS);
        assertEquals(ActionResult.Outcome.APPLIED,
                flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "first try")).outcome());
        ActionResult complete = flow.perform(DEVELOPER,
                ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "user pressed the button").withApprovalCheck());
        assertEquals(ActionResult.Outcome.APPLIED, complete.outcome(), Words.en(complete.message()));
        assertEquals(ApprovalCheck.NOT_APPROVED, complete.approval());
        assertTrue(Words.en(complete.message()).contains("NOT approved"), Words.en(complete.message()));

        assertEquals(ActionResult.Outcome.APPLIED,
                flow.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "collect")).outcome());
        CollectionFinished finished = events.awaitFinished(id, Await.EVENTUALLY);
        assertEquals(CollectionFinished.Result.NOT_APPROVED_YET, finished.result(), Words.en(finished.message()));
        assertTrue(Words.en(finished.message()).contains("4115"), Words.en(finished.message()));
        JsonNode doc = readable(id);
        assertEquals("auth_completed", doc.get("status").asText());
        assertFalse(doc.get("collection_started").asBoolean());
        assertFalse(doc.has(ConsoleMarks.CLAIM));
        JsonNode last = doc.get("messages").get(doc.get("messages").size() - 1);
        assertTrue(last.get("message").asText().startsWith("간편인증이 완료되지 않았습니다"), last.toString());
        assertEquals(1, TILKO.sim().requestCount(TilkoEndpoint.CHECKUPS) - checkupCalls, "one health call, no prescriptions");

        // The user approves; the retry completes.
        TILKO.sim().approveAll();
        events.finished.clear();
        assertEquals(ActionResult.Outcome.APPLIED,
                flow.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "approved now")).outcome());
        CollectionFinished second = events.awaitFinished(id, Await.EVENTUALLY);
        assertEquals(CollectionFinished.Result.COMPLETED, second.result(), Words.en(second.message()));
        assertNotNull(readable(id).get("health_data"));
    }
}
