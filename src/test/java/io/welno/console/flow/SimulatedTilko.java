package io.welno.console.flow;

import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Tilko simulator of a flow test class, on a free loopback port with the options the class needs, and a client of
 * it ({@link FlowTestSupport#tilko}): started before the class's first test, both closed after its last. Register it
 * as a static field with {@code @RegisterExtension}, after the class's Redis.
 */
final class SimulatedTilko implements BeforeAllCallback, AfterAllCallback {

    private final SimulatorOptions options;
    private TilkoSimulator sim;
    private TilkoClient client;

    SimulatedTilko(SimulatorOptions options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        sim = TilkoSimulator.start(options);
        client = FlowTestSupport.tilko(sim);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    TilkoSimulator sim() {
        return sim;
    }

    /** The flow's way to the simulator, through the client. */
    TilkoGateway gateway() {
        return TilkoGateway.of(client);
    }
}
