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
import io.welno.console.text.SafeText;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.view.Wording;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Runs one flow action from the command line and turns the result into output and an exit status
 * ({@link ExitCode}). Failures to connect or bad input are left to {@link CommandFailures}.
 */
final class FlowCommandSupport {

    private FlowCommandSupport() {
    }

    static int run(CommandSpec spec, RedisOptions redis, FlowCommandOptions options, ActionKind kind, String id,
                   boolean checkApproval, boolean waitVerbose) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Operator operator = options.operator();
        // The same check the window's dialog makes: refused here, before anything is sent.
        ActionRequest.reasonProblem(options.reason).ifPresent(problem -> {
            throw new ParameterException(spec.commandLine(), Wording.cli().render(problem));
        });
        ActionRequest request = new ActionRequest(kind, id, options.reason, options.overrideGuards, checkApproval);
        RedisSessionStore store = redis.openStore();
        boolean tilkoNeeded = kind.needsTilko() || checkApproval;
        TilkoClient tilko = tilkoNeeded && operator.role().allows(kind) ? options.tilkoClient() : null;
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "collect");
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
                    out.println("  " + SafeText.bounded(String.valueOf(progress.status()), SafeText.FIELD) + ": "
                            + SafeText.bounded(progress.step(), SafeText.TEXT));
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
                return ExitCode.of(result.outcome()).code();
            }
            // The collection runs in this process, so the command stays until it ends.
            if (!waitVerbose) {
                out.println("The collection runs in this process until it ends (Ctrl+C stops it and releases the claim).");
                out.flush();
            }
            CollectionFinished done = finished.get();
            print(out, err, done.result().name(), done.actionId(), done.message());
            return (waitVerbose ? ExitCode.of(done.result()) : ExitCode.of(result.outcome())).code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILED.code();
        } catch (ExecutionException e) {
            err.println("The collection ended unexpectedly: "
                    + SafeText.bounded(String.valueOf(e.getCause()), SafeText.TEXT));
            return ExitCode.FAILED.code();
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

    /** One line per outcome; the message quotes session fields, Tilko and Redis, so it is escaped and bounded. */
    private static void print(PrintWriter out, PrintWriter err, String outcome, String actionId, String message) {
        boolean good = outcome.equals("APPLIED") || outcome.equals("COMPLETED");
        (good ? out : err).println(outcome + " [" + (actionId == null ? "-" : SafeText.bounded(actionId, SafeText.FIELD))
                + "] " + SafeText.bounded(message, SafeText.TEXT));
        (good ? out : err).flush();
    }
}
