package io.welno.console.flow;

import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.RedisServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rig of the flow tests that ask {@link FlowService} for actions Tilko must never see: a real Redis, emptied
 * before each test, a store on it, a Tilko that counts every call it is (wrongly) given, and the flow running each
 * action on the test's own thread, without a revert watch. Opened before each test, closed after it.
 */
abstract class DirectFlowRig {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    RedisSessionStore store;
    ThrowingTilko tilko;
    FlowService flow;

    @BeforeEach
    void openFlow() {
        store = FlowTestSupport.store(REDIS);
        tilko = new ThrowingTilko();
        flow = FlowTestSupport.service(store, tilko, null, new DirectExecutor(), FlowOptions.defaults());
    }

    @AfterEach
    void closeFlow() {
        flow.close();
        store.close();
    }
}
