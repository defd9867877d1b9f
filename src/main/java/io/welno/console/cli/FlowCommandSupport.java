package io.welno.console.cli;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.flow.CollectionProgress;
import io.welno.console.flow.FlowListener;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Operator;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.StoreErrors;
import io.welno.console.tilko.TilkoClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Model.CommandSpec;

/** Runs one flow action from the command line and turns the result into output and an exit status. */
final class FlowCommandSupport {

    /** Picocli's own code for bad usage, which is also what a refusal returns. */
    static final int USAGE = 2;

    private FlowCommandSupport() {
    }

    static int run(CommandSpec spec, RedisOptions redis, FlowCommandOptions options, ActionKind kind, String id,
                   boolean checkApproval, boolean waitVerbose) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Operator operator;
        try {
            operator = options.operator();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return USAGE;
        }
        ActionRequest request = new ActionRequest(kind, id, options.reason, options.overrideGuards, checkApproval);
        RedisSessionStore store;
        try {
            store = redis.openStore();
        } catch (RuntimeException e) {
            err.println("Cannot connect to " + redis.settings().redactedUrl() + ": " + StoreErrors.describe(e));
            err.flush();
            return 3;
        }
        boolean tilkoNeeded = kind.needsTilko() || checkApproval;
        TilkoClient tilko = tilkoNeeded && operator.role().allows(kind) ? options.tilkoClient() : null;
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "collect-" + id);
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<CollectionFinished> finished = new CompletableFuture<>();
        FlowService flow = new FlowService(store, tilko, new RedisAuditLog(store.client(), options.auditStream,
                RedisAuditLog.DEFAULT_MAX_LEN), null, new Timestamps(Clock.systemUTC(), redis.zone), background,
                options.flowOptions());
        flow.addListener(new FlowListener() {
            @Override
            public void onCollectionProgress(CollectionProgress progress) {
                if (waitVerbose) {
                    out.println("  " + progress.status() + ": " + progress.step());
                    out.flush();
                }
            }

            @Override
            public void onCollectionFinished(CollectionFinished done) {
                finished.complete(done);
            }
        });
        // Ctrl+C during a collection: give the claim back (auth_completed, collection_started = false).
        Thread hook = new Thread(flow::close, "release-collection");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ActionResult result = flow.perform(operator, request);
            print(out, err, result.outcome().name(), result.actionId(), result.message());
            if (kind != ActionKind.COLLECT || !result.applied()) {
                return result.exitCode();
            }
            // The collection runs in this process, so the command stays until it ends.
            if (!waitVerbose) {
                out.println("The collection runs in this process until it ends (Ctrl+C stops it and releases the claim).");
                out.flush();
            }
            CollectionFinished done = finished.get();
            print(out, err, done.result().name(), done.actionId(), done.message());
            return waitVerbose ? done.exitCode() : result.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            err.println("The collection ended unexpectedly: " + e.getCause());
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
            flow.close();
            background.shutdownNow();
            if (tilko != null) {
                tilko.close();
            }
            store.close();
            out.flush();
            err.flush();
        }
    }

    private static void print(PrintWriter out, PrintWriter err, String outcome, String actionId, String message) {
        boolean good = outcome.equals("APPLIED") || outcome.equals("COMPLETED");
        (good ? out : err).println(outcome + " [" + (actionId == null ? "-" : actionId) + "] " + message);
        (good ? out : err).flush();
    }
}
