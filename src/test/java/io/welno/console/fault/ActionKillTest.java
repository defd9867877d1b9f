package io.welno.console.fault;

import io.welno.console.testing.Await;
import static io.welno.console.fault.FlowRig.DEVELOPER;
import static io.welno.console.fault.FlowRig.OPERATOR;
import static io.welno.console.fault.FlowRig.document;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.session.AuthCredentials;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;
import io.welno.console.session.SessionStatus;
import io.welno.console.testing.Words;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.sim.FailureMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Redis SIGKILLed at an exact moment of each flow action, then restarted on the same address with everything it
 * had acknowledged (fsync always). Every action reports success or failure in a sentence, never silence; what Redis
 * holds afterwards is always one whole write (the state before, the documented claim, or the whole change), never
 * part of one; and the same service, store and connection pool carry on by themselves once Redis is back.
 */
@Timeout(300)
class ActionKillTest {

    @TempDir
    Path dir;
    private FaultRedis redis;
    private FlowRig rig;

    @BeforeEach
    void start() throws Exception {
        redis = FaultRedis.start(dir);
        rig = new FlowRig(redis.settings(), Await.EVENTUALLY, Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() {
        rig.close();
        redis.close();
    }

    private byte[] raw(String id) {
        try (Jedis admin = redis.admin()) {
            return admin.get(("tilko_session:" + id).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void killedWhileTilkoAnswersSimpleAuthTheResultSaysTheAnswerWasNotSavedAndTheClaimIsWhole() {
        String id;
        try (Jedis admin = redis.admin()) {
            id = FlowRig.newSession(admin);
        }
        rig.sim.setFailure(FailureMode.SLOW, TilkoEndpoint.SIMPLE_AUTH);
        CompletableFuture<ActionResult> action = CompletableFuture.supplyAsync(
                () -> rig.perform(OPERATOR, ActionKind.SIMPLE_AUTH, id));
        Await.until("the SimpleAuthRequest to reach Tilko", Await.EVENTUALLY,
                () -> rig.sim.requestCount(TilkoEndpoint.SIMPLE_AUTH) > 0);
        redis.kill();
        ActionResult result = action.join();
        assertTrue(result.outcome().redisTrouble(), result.outcome() + ": " + Words.en(result.message()));
        assertTrue(Words.en(result.message()).contains("could not be saved") && Words.en(result.message()).contains("auth_requesting"),
                Words.en(result.message()));

        redis.restart();
        try (Jedis admin = redis.admin()) {
            SessionDocument doc = document(admin, id);
            // The claim is one atomic write: status, claim and its message together, nothing of the answer.
            assertEquals(SessionStatus.AUTH_REQUESTING, doc.status());
            assertTrue(doc.tree().has("console_claim"));
            assertEquals(2, doc.messages().size());
            assertFalse(doc.tree().has("temp_auth_data"));
        }
        // The same service recovers by itself: simple-auth again (the claim is stale) goes through.
        rig.sim.clearFailures();
        ActionResult again = rig.perform(OPERATOR, ActionKind.SIMPLE_AUTH, id);
        assertEquals(ActionResult.Outcome.APPLIED, again.outcome(), Words.en(again.message()));
        try (Jedis admin = redis.admin()) {
            SessionDocument doc = document(admin, id);
            assertEquals(SessionStatus.AUTH_REQUEST_SENT, doc.status());
            assertFalse(doc.tree().has("console_claim"));
        }
    }

    @Test
    void killedBetweenReadAndWriteOfManualCompleteNothingIsWrittenAndTheResultSaysSo() {
        String id;
        try (Jedis admin = redis.admin()) {
            id = FlowRig.newSession(admin);
        }
        assertTrue(rig.perform(OPERATOR, ActionKind.SIMPLE_AUTH, id).applied());
        byte[] before = raw(id);
        rig.hooked.beforeNextWrite(redis::kill);
        ActionResult result = rig.perform(DEVELOPER, ActionKind.MANUAL_COMPLETE, id);
        assertTrue(result.outcome().redisTrouble(), result.outcome() + ": " + Words.en(result.message()));
        assertTrue(Words.en(result.message()).contains("Reload the session")
                || Words.en(result.message()).startsWith("Nothing was changed"), Words.en(result.message()));

        redis.restart();
        assertArrayEquals(before, raw(id), "the session is exactly as before the action");
        ActionResult again = rig.perform(DEVELOPER, ActionKind.MANUAL_COMPLETE, id);
        assertEquals(ActionResult.Outcome.APPLIED, again.outcome(), Words.en(again.message()));
    }

    @Test
    void killedAfterManualCompleteWroteButBeforeTheReadBackTheChangeIsWholeAndTheResultSaysItIsUnconfirmed() {
        String id;
        try (Jedis admin = redis.admin()) {
            id = FlowRig.newSession(admin);
        }
        assertTrue(rig.perform(OPERATOR, ActionKind.SIMPLE_AUTH, id).applied());
        rig.hooked.beforeNextGet(redis::kill);
        ActionResult result = rig.perform(DEVELOPER, ActionKind.MANUAL_COMPLETE, id);
        // The script answered, so the write was made: told as applied but not confirmed, not as Redis trouble. This
        // rig's flow has no revert watch, so nothing holds the write, and the words must not promise that anything does.
        assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), Words.en(result.message()));
        assertTrue(result.unconfirmed(), "unconfirmed: " + Words.en(result.message()));
        assertFalse(result.held(), "held: " + Words.en(result.message()));
        assertTrue(Words.en(result.message()).contains("Redis answered the write, so it was made, but the session "
                + "could not be read back to confirm it"), Words.en(result.message()));
        assertTrue(Words.en(result.message()).contains("It is not held"), Words.en(result.message()));

        redis.restart();
        try (Jedis admin = redis.admin()) {
            SessionDocument doc = document(admin, id);
            assertEquals(SessionStatus.AUTH_COMPLETED, doc.status());
            assertTrue(doc.authData().isPresent(), "auth_data written with the status");
            assertTrue(doc.tree().path("progress").path("auth_completed").asBoolean());
            assertTrue(doc.messages().get(doc.messages().size() - 1).summary().contains("인증이 완료되었습니다"));
        }
    }

    @Test
    void killedDuringACollectionTheCollectionReportsItAndTheClaimStaysWholeUntilResetStuck() {
        String id;
        try (Jedis admin = redis.admin()) {
            id = rig.authCompletedSession(admin);
        }
        rig.sim.setFailure(FailureMode.SLOW, TilkoEndpoint.CHECKUPS);
        ActionResult claim = rig.perform(OPERATOR, ActionKind.COLLECT, id);
        assertEquals(ActionResult.Outcome.APPLIED, claim.outcome(), Words.en(claim.message()));
        Await.until("the checkups request to reach Tilko", Await.EVENTUALLY,
                () -> rig.sim.requestCount(TilkoEndpoint.CHECKUPS) > 0);
        redis.kill();
        CollectionFinished finished = rig.awaitFinished(id, Await.EVENTUALLY);
        assertEquals(CollectionFinished.Result.UNAVAILABLE, finished.result(), Words.en(finished.message()));
        assertTrue(Words.en(finished.message()).contains("\"reset-stuck\" repairs it"), Words.en(finished.message()));
        assertFalse(rig.flow.isCollecting(id));

        redis.restart();
        try (Jedis admin = redis.admin()) {
            SessionDocument doc = document(admin, id);
            assertEquals(SessionStatus.FETCHING_HEALTH_DATA, doc.status(), "the claim write, whole");
            assertTrue(doc.collectionStarted());
            assertFalse(doc.tree().has("health_data") && !doc.tree().get("health_data").isNull(),
                    "nothing of the interrupted step");
        }
        ActionResult reset = rig.perform(OPERATOR, ActionKind.RESET_STUCK, id);
        assertEquals(ActionResult.Outcome.APPLIED, reset.outcome(), Words.en(reset.message()));
        try (Jedis admin = redis.admin()) {
            SessionDocument doc = document(admin, id);
            assertEquals(SessionStatus.AUTH_COMPLETED, doc.status());
            assertFalse(doc.collectionStarted());
            assertFalse(doc.tree().has("console_claim"));
        }
    }

    @Test
    void killedBetweenReadAndWriteOfResetStuckNothingIsWrittenAndARetryAfterTheRestartWorks() {
        String id;
        try (Jedis admin = redis.admin()) {
            id = FlowRig.newSession(admin);
            ObjectNode tree = document(admin, id).tree().deepCopy();
            SessionEditor edit = new SessionEditor(tree, FlowRig.TIMESTAMPS);
            edit.authData(new AuthCredentials("CX-" + id, "4", "req-" + id, "tok-" + id, "tx-" + id,
                    AuthCredentials.Casing.PASCAL)); // a collection's credentials: reset-stuck refuses one without
            edit.status(SessionStatus.FETCHING_HEALTH_DATA);
            edit.put(SessionDocument.COLLECTION_STARTED, true);
            edit.putNow("collection_start_time");
            admin.setex("tilko_session:" + id, 1800, FlowRig.CODEC.write(tree));
        }
        byte[] before = raw(id);
        rig.hooked.beforeNextWrite(redis::kill);
        ActionResult result = rig.perform(OPERATOR, ActionKind.RESET_STUCK, id);
        assertTrue(result.outcome().redisTrouble(), result.outcome() + ": " + Words.en(result.message()));

        redis.restart();
        assertArrayEquals(before, raw(id));
        ActionResult again = rig.perform(OPERATOR, ActionKind.RESET_STUCK, id);
        assertEquals(ActionResult.Outcome.APPLIED, again.outcome(), Words.en(again.message()));
    }
}
