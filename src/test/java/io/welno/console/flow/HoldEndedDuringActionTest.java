package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.store.RedisSessionStore;
import io.welno.console.session.SessionStatus;
import io.welno.console.testing.HookedStore;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.tilko.sim.SimulatorOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.SetParams;

/**
 * The backend writes its older copy back while the action is still reading its write back: the revert watch ends the
 * hold before the action returns. The result carries that ended hold, so the window withdraws its "done" and the
 * command line exits as for a revert — not a result without a hold, which reads as a change kept.
 */
@Timeout(120)
class HoldEndedDuringActionTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();
    @RegisterExtension
    static final SimulatedTilko TILKO = new SimulatedTilko(SimulatorOptions.builder()
            .approvalDelay(Duration.ZERO).build());

    @Test
    void aRevertSeenWhileTheActionStillRunsIsTheResultsHoldEnd() throws Exception {
        String id = FlowTestSupport.newSession(REDIS);
        String key = "tilko_session:" + id;
        String backendCopy = REDIS.client().get(key);
        CountDownLatch holdEnded = new CountDownLatch(1);
        try (RedisSessionStore store = FlowTestSupport.store(REDIS);
             RevertWatch watch = new RevertWatch(store, Duration.ofMillis(50))) {
            HookedStore hooked = new HookedStore(store);
            try (FlowService flow = FlowTestSupport.service(hooked, store, TILKO.gateway(), watch,
                    new DirectExecutor(), FlowOptions.defaults())) {
                flow.addListener(new FlowListener() {
                    @Override
                    public void onHoldEnded(String sessionId, String actionId, String batchId, HoldOutcome outcome) {
                        holdEnded.countDown();
                    }
                });
                hooked.afterEveryAppliedUpdate((sessionId, applied) -> {
                    if (applied.after().status() != SessionStatus.AUTH_REQUEST_SENT) {
                        return; // the claim: the action goes on to Tilko
                    }
                    hooked.afterEveryAppliedUpdate((again, other) -> { });
                    // once the answer's write is held, at the action's read-back of it: the backend's stale copy lands,
                    // the read-back waits until the watch has seen it, then breaks, as every look after it does
                    hooked.beforeNextGet(() -> {
                        REDIS.client().set(key, backendCopy, SetParams.setParams().ex(300));
                        try {
                            holdEnded.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        failEveryGet(hooked);
                        throw new JedisConnectionException("Unexpected end of stream.");
                    });
                });
                ActionResult result = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth"));
                hooked.beforeNextGet(null);

                String said = Words.en(result.message());
                assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), said);
                assertTrue(result.held(), "the result carries the hold, though it has ended: " + said);
                assertTrue(result.hold().isOver());
                assertEquals(HoldOutcome.Kind.REVERTED, result.hold().outcome().get().kind());
                assertNotEquals("flow.verify.unconfirmedUnheld", result.message().key(),
                        "it was held, and the revert was told: " + said);
            }
        }
    }

    private static void failEveryGet(HookedStore hooked) {
        hooked.beforeNextGet(() -> {
            failEveryGet(hooked);
            throw new JedisConnectionException("Unexpected end of stream.");
        });
    }
}
