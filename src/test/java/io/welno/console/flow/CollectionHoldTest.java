package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionStatus;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.sim.FailureMode;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A collection is one action with one hold: while Tilko takes longer than the hold window between two of its writes,
 * the hold does not end (it would say "kept" for the claim alone, and the later writes would go unwatched by the one
 * who waits on it); it ends a window after the collection's last write, with the session as that write left it.
 */
class CollectionHoldTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void theHoldOfACollectionLastsUntilItsLastWriteWasHeld() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        RecordingListener events = new RecordingListener();
        try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO)
                .slowDelay(Duration.ofMillis(1500)).build());
             TilkoClient tilko = FlowTestSupport.tilko(sim);
             RedisSessionStore store = FlowTestSupport.store(REDIS);
             RevertWatch watch = new RevertWatch(store, Duration.ofMillis(50));
             FlowService flow = FlowTestSupport.service(store, TilkoGateway.of(tilko), watch, pool,
                     FlowOptions.defaults())) {
            flow.addListener(events);
            String id = FlowTestSupport.newSession(REDIS);
            assertTrue(flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")
                    .withHold(Duration.ZERO)).applied());
            assertTrue(flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")
                    .withHold(Duration.ZERO)).applied());
            sim.setFailure(FailureMode.SLOW, TilkoEndpoint.CHECKUPS); // 1.5 s between the claim and the next write

            ActionResult claim = flow.perform(OPERATOR, ActionRequest.of(ActionKind.COLLECT, id, "collect")
                    .withHold(Duration.ofMillis(500)));
            assertTrue(claim.applied(), Words.en(claim.message()));
            CollectionFinished done = events.awaitFinished(id, Duration.ofSeconds(30));
            assertEquals(CollectionFinished.Result.COMPLETED, done.result(), Words.en(done.message()));
            HoldOutcome held = claim.hold().await(Duration.ofSeconds(30));
            assertEquals(HoldOutcome.Kind.KEPT, held.kind(), Words.en(held.message()));
            assertEquals(SessionStatus.COMPLETED, held.statusNow(),
                    "its last read came after the collection's last write");
        } finally {
            pool.shutdownNow();
        }
    }
}
