package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Fixtures;
import io.welno.console.testing.HookedStore;
import io.welno.console.testing.Words;
import org.junit.jupiter.api.Test;

/**
 * An action stopped by an error no step of it names (here: the console's own code throwing) is told by what the
 * session holds afterwards: a change that is in the session is never called a failure, one that is not is never called
 * a change, and a Java error's English message is not quoted to the operator (the log has it).
 */
class UnexpectedErrorTest extends DirectFlowRig {

    private static final String BUG = "Cannot invoke \"String.length()\" because \"x\" is null";

    private String stuck() {
        return FlowTestSupport.seeded(REDIS, "05_fetching_health_data_stuck.json", Fixtures.FIXTURE_NOW.plusMinutes(10),
                300);
    }

    /** A flow on the hooked store, its actions on the test's thread, without a revert watch. */
    private FlowService over(HookedStore hooked) {
        return FlowTestSupport.service(hooked, store, tilko, null, new DirectExecutor(), FlowOptions.defaults());
    }

    private String stored(String id) {
        return REDIS.client().get("tilko_session:" + id);
    }

    @Test
    void anErrorAfterTheWriteLandedIsTheChangeItMadeNotAFailure() {
        String id = stuck();
        HookedStore hooked = new HookedStore(store);
        try (FlowService service = over(hooked)) {
            hooked.afterEveryAppliedUpdate((sessionId, applied) -> {
                throw new NullPointerException(BUG);
            });
            ActionResult result = service.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, id, "repair"));
            String en = Words.en(result.message());
            assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), en);
            assertFalse(result.unconfirmed(), "read back: the reset's message is in the session");
            assertEquals("flow.stopped.afterWrite", result.message().key(), en);
            assertTrue(en.contains("NullPointerException") && en.contains(result.actionId()), en);
            assertFalse(en.contains(BUG), en);
            assertFalse(Words.ko(result.message()).contains(BUG));
            assertTrue(stored(id).contains("\"status\": \"auth_completed\""), "the reset is in the session");
        }
    }

    @Test
    void anErrorBeforeTheWriteIsAFailureThatWroteNothing() {
        String id = stuck();
        String before = stored(id);
        HookedStore hooked = new HookedStore(store);
        try (FlowService service = over(hooked)) {
            hooked.beforeNextWrite(() -> {
                throw new IllegalStateException(BUG); // the change made, its compare-and-set not yet sent
            });
            ActionResult result = service.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, id, "repair"));
            String en = Words.en(result.message());
            assertEquals(ActionResult.Outcome.FAILED, result.outcome(), en);
            assertEquals("flow.stopped", result.message().key(), en);
            assertTrue(en.contains("holds nothing of it") && en.contains("IllegalStateException"), en);
            assertFalse(en.contains(BUG), en);
            assertEquals(before, stored(id));
        }
    }

    @Test
    void whenTheSessionCannotBeReadAfterTheErrorTheResultSaysItIsNotKnown() {
        String id = stuck();
        HookedStore hooked = new HookedStore(store);
        try (FlowService service = over(hooked)) {
            hooked.afterEveryAppliedUpdate((sessionId, applied) -> {
                hooked.beforeNextGet(() -> {
                    throw new redis.clients.jedis.exceptions.JedisConnectionException("Unexpected end of stream.");
                });
                throw new NullPointerException(BUG);
            });
            ActionResult result = service.perform(OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, id, "repair"));
            String en = Words.en(result.message());
            assertEquals(ActionResult.Outcome.FAILED, result.outcome(), en);
            assertEquals("flow.stopped.unchecked", result.message().key(), en);
        }
    }

    @Test
    void anErrorAfterACollectionsClaimIsAFailureThatSaysTheSessionShowsWhatItDid() {
        String id = FlowTestSupport.seeded(REDIS, "04_auth_completed.json", Fixtures.FIXTURE_NOW.plusMinutes(1), 300);
        HookedStore hooked = new HookedStore(store);
        try (FlowService service = over(hooked)) {
            hooked.afterEveryAppliedUpdate((sessionId, applied) -> {
                throw new NullPointerException(BUG);
            });
            ActionResult result = service.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "collect"));
            String en = Words.en(result.message());
            assertEquals(ActionResult.Outcome.FAILED, result.outcome(), en);
            assertEquals("flow.stopped.midway", result.message().key(), en);
            assertTrue(service.runningCollections().isEmpty(), "no collection started behind the claim");
        }
    }
}
