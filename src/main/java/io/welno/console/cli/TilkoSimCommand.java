package io.welno.console.cli;

import io.welno.console.tilko.sim.FailureMode;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code welno-console tilko-sim}: runs the Tilko simulator on 127.0.0.1 until interrupted, so the
 * console (or curl) can be pointed at a local Tilko. Without {@code --api-key} every non-blank key is
 * accepted, which is what a demo wants; with it, only the given keys.
 */
@Command(name = "tilko-sim", mixinStandardHelpOptions = true,
        description = {"Runs a local Tilko API simulator on 127.0.0.1 until interrupted (Ctrl+C).",
            "Control it with curl: GET http://127.0.0.1:PORT/_sim/ lists the control calls."})
public final class TilkoSimCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8089", converter = Port.class,
            description = "Port on 127.0.0.1 (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--approval-delay", defaultValue = "10s", paramLabel = "DURATION", converter = ApprovalDelay.class,
            description = "Simulated phone approval after this delay (500ms, 10s, 2m or ISO-8601 PT10S) or 'manual' to "
                    + "approve only via POST /_sim/approve. Default: ${DEFAULT-VALUE}.")
    String approvalDelay;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Accept only this API key (repeatable). Default: accept any non-blank key.")
    List<String> apiKeys;

    @Option(names = "--session-ttl", defaultValue = "180s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Session lifetime after SimpleAuthRequest (500ms, 10s, 2m or ISO-8601 PT3M). "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration sessionTtl;

    @Option(names = "--slow-delay", defaultValue = "3s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Delay of the SLOW failure mode (500ms, 10s, 2m or ISO-8601 PT3S). Default: ${DEFAULT-VALUE}.")
    Duration slowDelay;

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
            options.port(port).sessionTtl(sessionTtl).slowDelay(slowDelay);
            delay = ApprovalDelay.MANUAL.contains(approvalDelay) ? null : DurationConverter.parse(approvalDelay);
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

    /** 'manual' (or never, off: approval only on request), else a duration as every duration option takes it. */
    static final class ApprovalDelay implements ITypeConverter<String> {
        static final Set<String> MANUAL = Set.of("manual", "never", "off");

        @Override
        public String convert(String value) {
            String delay = value.strip().toLowerCase(Locale.ROOT);
            if (MANUAL.contains(delay)) {
                return delay;
            }
            new DurationConverter().convert(value); // refuses what is not a duration, in its words
            return delay;
        }
    }

    /** A TCP port, 0 for any free one. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String text = value.strip();
            if (text.matches("\\d{1,5}") && Integer.parseInt(text) <= 65535) {
                return Integer.parseInt(text);
            }
            throw new TypeConversionException("a port from 0 to 65535 (0 = any free port), not " + Inputs.shown(value));
        }
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
