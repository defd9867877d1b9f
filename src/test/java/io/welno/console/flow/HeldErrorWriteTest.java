package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionStatus;
import io.welno.console.testing.Words;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.sim.FailureMode;
import io.welno.console.tilko.sim.SimulatorOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A simple-auth that Tilko refuses leaves the session in {@code error}, as the backend does, and says "the session is
 * now error": that write is held like an applied one, so a stale backend copy written back over it is told
 * (docs/flow.md, "Held actions").
 */
class HeldErrorWriteTest extends HeldFlowRig {
    @RegisterExtension
    static final SimulatedTilko TILKO = new SimulatedTilko(SimulatorOptions.builder()
            .approvalDelay(Duration.ZERO).build());

    @Override
    TilkoGateway tilko() {
        return TILKO.gateway();
    }

    @AfterEach
    void clearFailures() {
        TILKO.sim().clearFailures();
    }

    @Test
    void anErrorWriteTheBackendWritesOverIsToldReverted() throws Exception {
        String id = FlowTestSupport.newSession(REDIS);
        BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
        ObjectNode stale = backend.read(id); // read before the console's writes, written back after them
        TILKO.sim().setFailure(FailureMode.TEMPORARY_FAILURE, TilkoEndpoint.SIMPLE_AUTH);
        ActionResult failed = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")
                .withHold(Duration.ofSeconds(3)));
        assertEquals(ActionResult.Outcome.FAILED, failed.outcome(), Words.en(failed.message()));
        assertEquals(SessionStatus.ERROR, failed.statusAfter());
        assertTrue(failed.held(), "the error write it tells of is held");
        assertTrue(flow.isHolding(failed.actionId()));

        backend.write(id, stale);
        HoldOutcome held = failed.hold().outcome().get(30, TimeUnit.SECONDS);
        assertEquals(HoldOutcome.Kind.REVERTED, held.kind(), Words.en(held.message()));
    }

    @Test
    void anErrorWriteLeftAloneIsKept() throws Exception {
        String id = FlowTestSupport.newSession(REDIS);
        TILKO.sim().setFailure(FailureMode.TEMPORARY_FAILURE, TilkoEndpoint.SIMPLE_AUTH);
        ActionResult failed = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")
                .withHold(Duration.ofSeconds(1)));
        assertEquals(ActionResult.Outcome.FAILED, failed.outcome(), Words.en(failed.message()));
        assertFalse(failed.applied(), "a failure stays a failure");

        HoldOutcome held = failed.hold().outcome().get(30, TimeUnit.SECONDS);
        assertEquals(HoldOutcome.Kind.KEPT, held.kind(), Words.en(held.message()));
    }
}
