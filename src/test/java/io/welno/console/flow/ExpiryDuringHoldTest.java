package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionStatus;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.Words;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A held change is kept only while the backend still reads the session: a session whose expires_at passes during
 * the hold is still in Redis (its TTL runs on), but the backend deletes it at its next read, so the hold ends as
 * ended for the backend, never "kept" — unless the backend had gone on from the change to the end of the flow
 * (completed): then expiring, or being deleted, is how a finished session ends, and the change was kept to the end.
 * A re-sent request the person approves at once completes well within the six-minute hold, and its session expires
 * five minutes after the request: every such repair was told as a session that ended before its change counted.
 */
class ExpiryDuringHoldTest extends HeldFlowRig {

    private final ObjectMapper mapper = new ObjectMapper();

    private String seed(String id, int expiresInSeconds) throws Exception {
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live("03_auth_request_sent.json"));
        doc.put("session_id", id);
        doc.put("expires_at", FlowTestSupport.TIMESTAMPS.nowPlusSeconds(expiresInSeconds));
        FlowTestSupport.put(REDIS, id, doc);
        return id;
    }

    @Override
    TilkoGateway tilko() {
        return new ThrowingTilko();
    }

    @Test
    void aSessionThatExpiresDuringTheHoldIsNotReportedKept() throws Exception {
        // expires 5 s from now, well after the write even on a busy machine, and well before the hold's end
        String id = seed("welno_expiring_in_hold", 5);
        ActionResult result = completeHeld(id, Duration.ofSeconds(8));
        HoldOutcome held = result.hold().await(Duration.ofSeconds(30));
        assertEquals(HoldOutcome.Kind.VANISHED, held.kind(), Words.en(held.message()));
        assertFalse(held.kept());
        String said = Words.en(held.message());
        assertTrue(said.contains("deletes it on its next read"), said);
        assertTrue(REDIS.client().exists("tilko_session:" + id), "Redis still holds the key: its TTL runs on");
    }

    @Test
    void aSessionTheBackendCompletedIsKeptWhenItsExpiryPasses() throws Exception {
        String id = seed("welno_completed_in_hold", 5);
        ActionResult result = completeHeld(id, Duration.ofSeconds(8));
        completeLikeTheBackend(id);

        HoldOutcome held = result.hold().await(Duration.ofSeconds(30));
        String said = Words.en(held.message());
        assertEquals(HoldOutcome.Kind.KEPT, held.kind(), said);
        assertTrue(said.contains("reached completed, where its flow ends"), said);
        assertEquals(SessionStatus.COMPLETED, held.statusNow());
    }

    @Test
    void aSessionDeletedAfterTheBackendCompletedItIsKeptAndOneDeletedBeforeIsNot() throws Exception {
        String completed = seed("welno_completed_then_deleted", 600);
        String approved = seed("welno_approved_then_deleted", 600);
        ActionResult first = completeHeld(completed, Duration.ofMinutes(1));
        ActionResult second = completeHeld(approved, Duration.ofMinutes(1));
        completeLikeTheBackend(completed);
        assertTrue(watch.checkNow(completed), "the watch has seen it completed, the change in place");
        assertTrue(watch.checkNow(approved));

        REDIS.client().del("tilko_session:" + completed, "tilko_session:" + approved);
        HoldOutcome kept = first.hold().await(Duration.ofSeconds(30));
        HoldOutcome ended = second.hold().await(Duration.ofSeconds(30));
        assertEquals(HoldOutcome.Kind.KEPT, kept.kind(), Words.en(kept.message()));
        assertTrue(Words.en(kept.message()).contains("reached completed, where its flow ends"));
        assertEquals(HoldOutcome.Kind.VANISHED, ended.kind(), "deleted while still approved: nothing came of it");
    }

    @Test
    void aSessionThatStaysReadableIsKept() throws Exception {
        String id = seed("welno_readable_in_hold", 600);
        ActionResult result = completeHeld(id, Duration.ofSeconds(1));
        assertEquals(HoldOutcome.Kind.KEPT, result.hold().await(Duration.ofSeconds(30)).kind());
    }

    /** A developer's manual-auth-complete, applied and held for {@code hold}. */
    private ActionResult completeHeld(String id, Duration hold) {
        ActionResult result = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                .withHold(hold));
        assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), Words.en(result.message()));
        return result;
    }

    /** The collection task's last write: GET → completed → SETEX, the console's messages kept as read. */
    private void completeLikeTheBackend(String id) {
        BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
        assertTrue(backend.update(id, doc -> {
            doc.put("status", "completed");
            BackendStyleWriter.appendMessage(doc, FlowTestSupport.TIMESTAMPS.now(), "모든 데이터 수집이 완료되었습니다.");
        }));
    }
}
