package io.welno.console.cli;

import io.welno.console.tilko.sim.FailureMode;
import io.welno.console.tilko.sim.SimDurations;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code welno-console tilko-sim}: runs the Tilko simulator on 127.0.0.1 until interrupted, so the
 * console (or curl) can be pointed at a local Tilko. Without {@code --api-key} every non-blank key is
 * accepted, which is what a demo wants; with it, only the given keys.
 */
@Command(name = "tilko-sim", mixinStandardHelpOptions = true,
        description = {"Runs a local Tilko API simulator on 127.0.0.1 until interrupted (Ctrl+C).",
            "Control it with curl: GET http://127.0.0.1:PORT/_sim/ lists the control calls."})
public final class TilkoSimCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8089", description = "Port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--approval-delay", defaultValue = "10s", paramLabel = "DURATION",
            description = "Simulated phone approval after this delay (500ms, 10s, 2m) or 'manual' to approve only "
                    + "via POST /_sim/approve. Default: ${DEFAULT-VALUE}.")
    String approvalDelay;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Accept only this API key (repeatable). Default: accept any non-blank key.")
    List<String> apiKeys;

    @Option(names = "--session-ttl", defaultValue = "180s", paramLabel = "DURATION",
            description = "Session lifetime after SimpleAuthRequest. Default: ${DEFAULT-VALUE}.")
    String sessionTtl;

    @Option(names = "--slow-delay", defaultValue = "3s", paramLabel = "DURATION",
            description = "Delay of the SLOW failure mode. Default: ${DEFAULT-VALUE}.")
    String slowDelay;

    @Option(names = "--failure", paramLabel = "MODE",
            description = "Start with this failure mode on for everyone: ${COMPLETION-CANDIDATES}.")
    FailureMode failure;

    @Spec
    CommandSpec spec;

    private final CountDownLatch started = new CountDownLatch(1);
    private volatile String baseUrl;

    @Override
    public Integer call() throws Exception {
        SimulatorOptions.Builder options = SimulatorOptions.builder().host("127.0.0.1");
        Duration delay;
        try {
            options.port(port)
                    .sessionTtl(SimDurations.parse(sessionTtl))
                    .slowDelay(SimDurations.parse(slowDelay));
            delay = SimDurations.parseOrManual(approvalDelay);
            if (apiKeys != null) {
                apiKeys.forEach(options::acceptApiKey);
            }
        } catch (IllegalArgumentException e) {
            // A clean usage error instead of a stack trace.
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (delay == null) {
            options.manualApproval();
        } else {
            options.approvalDelay(delay);
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // On Ctrl+C / SIGTERM the hook wakes the command and waits (briefly) for the orderly close, because
        // the JVM halts as soon as its hooks return.
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(stopped);
        }, "tilko-sim-shutdown");
        try {
            try (TilkoSimulator sim = start(options.build())) {
                if (failure != null) {
                    sim.setFailure(failure);
                }
                Runtime.getRuntime().addShutdownHook(hook);
                baseUrl = sim.baseUrl();
                out.println("Tilko simulator listening on " + sim.baseUrl());
                out.println("  approval: " + (delay == null ? "manual (POST /_sim/approve)" : "after " + delay.toMillis() + " ms")
                        + "; API keys: " + (apiKeys == null ? "any" : apiKeys.size() + " accepted")
                        + (failure == null ? "" : "; failure mode: " + failure));
                out.println("  control: " + sim.baseUrl() + "/_sim/   (Ctrl+C to stop)");
                out.flush();
                started.countDown();
                try {
                    stop.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            out.println("Tilko simulator stopped");
            out.flush();
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting; the hook is running or has run
            }
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests and embedding: waits until the simulator is listening and returns its base URL (null on timeout). */
    String awaitStarted(long timeout, TimeUnit unit) throws InterruptedException {
        return started.await(timeout, unit) ? baseUrl : null;
    }

    /** A taken port is the command's to fix (another --port), not Redis's: this command talks to no Redis. */
    private TilkoSimulator start(SimulatorOptions options) throws IOException {
        try {
            return TilkoSimulator.start(options);
        } catch (BindException e) {
            throw new ParameterException(spec.commandLine(), "port " + port + " is taken by another program on "
                    + "127.0.0.1; choose another with --port (0 picks a free one)");
        }
    }
}
