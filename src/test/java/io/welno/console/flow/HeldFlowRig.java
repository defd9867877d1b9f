package io.welno.console.flow;

import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.RedisServerExtension;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rig of the flow tests whose actions are held: a real Redis, emptied before each test, a store on it, a revert
 * watch reading every 50 ms, a pool for the background steps and the flow over them, asking {@link #tilko()}.
 * Opened before each test, closed after it in the order they depend on one another.
 */
abstract class HeldFlowRig {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    RedisSessionStore store;
    RevertWatch watch;
    ExecutorService pool;
    FlowService flow;

    /** The Tilko the flow calls. */
    abstract TilkoGateway tilko();

    @BeforeEach
    void openFlow() {
        store = FlowTestSupport.store(REDIS);
        watch = new RevertWatch(store, Duration.ofMillis(50));
        pool = Executors.newCachedThreadPool();
        flow = FlowTestSupport.service(store, tilko(), watch, pool, FlowOptions.defaults());
    }

    @AfterEach
    void closeFlow() {
        flow.close();
        watch.close();
        pool.shutdownNow();
        store.close();
    }
}
