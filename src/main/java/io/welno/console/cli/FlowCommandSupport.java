package io.welno.console.cli;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.flow.CollectionProgress;
import io.welno.console.flow.FlowListener;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.flow.Reapplied;
import io.welno.console.flow.RevertDetected;
import io.welno.console.flow.RevertWatch;
import io.welno.console.flow.Operator;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.StoreErrors;
import io.welno.console.text.Phrase;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.view.Wording;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Model.CommandSpec;

/** Runs one flow action from the command line and turns the result into output and an exit status. */
final class FlowCommandSupport {

    /** Picocli's own code for bad usage, which is also what a refusal returns. */
    static final int USAGE = 2;
    private static final Duration HOLD_POLL = Duration.ofMillis(250);
    /** How long past the end of the hold its last read may take. */
    private static final Duration HOLD_LAST_READ = Duration.ofSeconds(20);
    private static final DateTimeFormatter HOLD_END = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final Set<String> GOOD = Set.of("APPLIED", "COMPLETED", "KEPT", "REAPPLIED");
    private static final Wording WORDS = Wording.cli();

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
        ActionRequest request = new ActionRequest(kind, id, options.reason, options.overrideGuards, checkApproval,
                options.hold, options.reapply);
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
        // The hold reads the session every quarter second: a CLI run is short, and a revert should show at once.
        RevertWatch watch = new RevertWatch(store, HOLD_POLL);
        FlowService flow = new FlowService(store, tilko, new RedisAuditLog(store.client(), options.auditStream,
                RedisAuditLog.DEFAULT_MAX_LEN), watch, new Timestamps(Clock.systemUTC(), redis.zone), background,
                options.flowOptions());
        flow.addListener(new FlowListener() {
            @Override
            public void onCollectionProgress(CollectionProgress progress) {
                if (waitVerbose) {
                    out.println("  " + progress.status() + ": " + WORDS.render(progress.step()));
                    out.flush();
                }
            }

            @Override
            public void onCollectionFinished(CollectionFinished done) {
                finished.complete(done);
            }

            @Override
            public void onRevertDetected(RevertDetected revert) {
                print(out, err, "REVERTED", revert.actionId(), revert.lost());
            }

            @Override
            public void onReapplied(Reapplied reapplied) {
                print(out, err, reapplied.applied() ? "REAPPLIED" : "NOT_REAPPLIED", reapplied.actionId(),
                        reapplied.message());
            }
        });
        // Ctrl+C during a collection: give the claim back (auth_completed, collection_started = false).
        Thread hook = new Thread(flow::close, "release-collection");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ActionResult result = flow.perform(operator, request);
            print(out, err, result.outcome().name(), result.actionId(), result.message());
            if (!result.applied()) {
                return ExitStatus.of(result.outcome());
            }
            int status = ExitStatus.of(result.outcome());
            if (kind == ActionKind.COLLECT) {
                // The collection runs in this process, so the command stays until it ends.
                if (!waitVerbose) {
                    out.println("The collection runs in this process until it ends (Ctrl+C stops it and releases "
                            + "the claim).");
                    out.flush();
                }
                CollectionFinished done = finished.get();
                print(out, err, done.result().name(), done.actionId(), done.message());
                if (waitVerbose) {
                    status = ExitStatus.of(done.result());
                }
            }
            if (!result.hold().isOver()) {
                out.println("HOLDING [" + result.actionId() + "] until " + HOLD_END.format(result.hold().until())
                        + ": watching for the backend writing back an older copy" + (request.reapply()
                        ? " (re-applied if it does)." : "."));
                out.flush();
            }
            HoldOutcome held = result.hold().await(HOLD_LAST_READ);
            if (held.kind() != HoldOutcome.Kind.NOT_HELD) {
                print(out, err, held.kept() ? "KEPT" : held.kind().name(), result.actionId(), held.message());
            }
            return status != 0 ? status : ExitStatus.of(held);
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
            watch.close();
            background.shutdownNow();
            if (tilko != null) {
                tilko.close();
            }
            store.close();
            out.flush();
            err.flush();
        }
    }

    private static void print(PrintWriter out, PrintWriter err, String outcome, String actionId, Phrase message) {
        boolean good = GOOD.contains(outcome);
        (good ? out : err).println(outcome + " [" + (actionId == null ? "-" : actionId) + "] " + WORDS.render(message));
        (good ? out : err).flush();
    }
}
