package io.welno.console.cli;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.AuditUnwritten;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.flow.CollectionProgress;
import io.welno.console.flow.FlowListener;
import io.welno.console.flow.FlowOptions;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.flow.Reapplied;
import io.welno.console.flow.RevertDetected;
import io.welno.console.flow.RevertWatch;
import io.welno.console.flow.Operator;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.SessionStore;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.view.Wording;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
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

    private static final Duration HOLD_POLL = Duration.ofMillis(250);
    /** How long past the end of the hold its last read may take. */
    private static final Duration HOLD_LAST_READ = Duration.ofSeconds(20);
    /** In the --zone of the session timestamps the operator compares it with, not the machine's. */
    private static final DateTimeFormatter HOLD_END = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Set<String> GOOD = Set.of("APPLIED", "COMPLETED", "KEPT", "REAPPLIED");
    private static final Wording WORDS = Wording.cli();

    private FlowCommandSupport() {
    }

    static int run(CommandSpec spec, RedisOptions redis, FilesOption files, FlowCommandOptions options,
                   ActionKind kind, String id, boolean checkApproval, boolean waitVerbose) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Operator operator = options.operator();
        // The same check the window's dialog makes: refused here, before anything is sent.
        ActionRequest.reasonProblem(options.reason).ifPresent(problem -> {
            throw new ParameterException(spec.commandLine(), WORDS.render(problem));
        });
        ActionRequest request = new ActionRequest(kind, id, options.reason, options.overrideGuards, checkApproval,
                options.hold, options.reapply);
        RedisSessionStore redisStore = redis.openStore();
        // With --files a file-only session is acted on in its file; the watch and the end of the hold read it there.
        SessionStore store = files.around(redisStore, redis);
        boolean tilkoNeeded = kind.needsTilko() || checkApproval;
        TilkoClient tilko = tilkoNeeded && operator.role().allows(kind) ? options.tilkoClient() : null;
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "collect");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<CollectionFinished> finished = new CompletableFuture<>();
        // The hold reads the session every quarter second: a CLI run is short, and a revert should show at once.
        FlowOptions flowOptions = options.flowOptions();
        RevertWatch watch = new RevertWatch(store, HOLD_POLL, flowOptions.logWords());
        FlowService flow = new FlowService(store, tilko, new RedisAuditLog(redisStore.client(), options.auditStream,
                RedisAuditLog.DEFAULT_MAX_LEN, flowOptions.logWords()), watch,
                redis.timestamps(), background, flowOptions);
        flow.addListener(new FlowListener() {
            @Override
            public void onCollectionProgress(CollectionProgress progress) {
                if (waitVerbose) {
                    out.println("  " + SafeText.bounded(String.valueOf(progress.status()), SafeText.FIELD) + ": "
                            + WORDS.render(progress.step()));
                    out.flush();
                }
            }

            @Override
            public void onCollectionFinished(CollectionFinished done) {
                finished.complete(done);
            }

            @Override
            public void onRevertDetected(RevertDetected revert) {
                // as it happens, named as its audit event: REVERTED is the hold's end, which may still be KEPT
                print(out, err, "REVERT_DETECTED", revert.actionId(), revert.lost());
            }

            @Override
            public void onReapplied(Reapplied reapplied) {
                print(out, err, reapplied.applied() ? "REAPPLIED" : "NOT_REAPPLIED", reapplied.actionId(),
                        reapplied.message());
            }

            /**
             * A line of its own on standard error, before the line of what it follows. The exit status stays the
             * outcome's, as for an action's own missing entry (docs/flow.md, "Audit"): the change is what it is.
             */
            @Override
            public void onAuditUnwritten(AuditUnwritten unwritten) {
                print(out, err, "UNAUDITED", unwritten.actionId(), unwritten.told());
            }
        });
        // Ctrl+C during a collection: give the claim back (auth_completed, collection_started = false).
        Thread hook = new Thread(flow::close, "release-collection");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            ActionResult result = flow.perform(operator, request);
            print(out, err, result.outcome().name(), result.actionId(), result.message());
            if (!result.applied() && !result.held()) {
                return ExitCode.of(result.outcome()).code();
            }
            ExitCode status = ExitCode.of(result.outcome());
            if (kind == ActionKind.COLLECT) {
                // The collection runs in this process, so the command stays until it ends.
                if (!waitVerbose) {
                    out.println("The collection runs in this process until it ends (Ctrl+C stops it and releases "
                            + "the claim).");
                    out.flush();
                }
                CollectionFinished done = finished.get();
                print(out, err, done.result().name(), done.actionId(), done.message());
                // the command stays until the collection ends, --wait or not: its end is the command's outcome
                status = ExitCode.of(done.result());
            }
            if (!result.hold().isOver()) {
                out.println("HOLDING [" + result.actionId() + "] until " + HOLD_END.withZone(redis.zone).format(result.hold().until())
                        + ": watching for anything written over the change, such as the backend's older copy"
                        + (request.reapply() ? " (re-applied if so)." : "."));
                out.flush();
            }
            HoldOutcome held = result.hold().await(HOLD_LAST_READ);
            if (held.kind() != HoldOutcome.Kind.NOT_HELD) {
                print(out, err, held.kept() ? "KEPT" : held.kind().name(), result.actionId(), held.message());
            }
            if ((held.kept() || held.kind() == HoldOutcome.Kind.NOT_HELD) && shorterThanBackendGap(request.hold())) {
                // KEPT is true of the hold, which was shorter than the time the backend can still undo the change.
                // The hold ends its length after the last write (a collection's writes move it on); without one,
                // the change was written just now. The end is the wall time as the clock reads now (Hold.until).
                Instant lastChange = held.kind() == HoldOutcome.Kind.NOT_HELD ? Instant.now()
                        : result.hold().until().minus(request.hold());
                out.println(stillUndoable(result.actionId(), lastChange, redis.zone, false));
                out.flush();
            }
            if (result.applied() && held.kind() == HoldOutcome.Kind.NOT_HELD) {
                if (result.unconfirmed()) {
                    // written, never read back, and (--hold 0) nothing reads it again: not known to be there
                    return (result.message().key().startsWith("flow.verify.pastOwnBound") ? ExitCode.FAILED
                            : ExitCode.UNAVAILABLE).code();
                }
                if (!request.hold().isZero()) {
                    return ExitCode.FAILED.code(); // a hold was asked for and none could be started (the words say why)
                }
            }
            if (!result.applied() && !held.kept()) {
                // A failure whose write (the session left in error) was undone or could not be confirmed: the
                // session is not as the outcome's line said, which 3 and 4 say, as for an applied change.
                return ExitCode.of(held).code();
            }
            return (status != ExitCode.DONE ? status : ExitCode.of(held)).code();
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

    /** Whether a hold of this length ends before the backend could still write an older copy back. */
    static boolean shorterThanBackendGap(Duration hold) {
        return hold.compareTo(FlowOptions.DEFAULT_HOLD_WINDOW) < 0;
    }

    /**
     * The line after a change kept by a hold shorter than the backend's longest read → write gap: until when the
     * backend can still write an older copy back, and how to watch that long.
     *
     * @param lastChange when the (last) change was written
     * @param several    a bulk run's changes, the last of which the time counts from
     */
    static String stillUndoable(String tag, Instant lastChange, ZoneId zone, boolean several) {
        Instant until = lastChange.plus(FlowOptions.DEFAULT_HOLD_WINDOW);
        long minutes = FlowOptions.DEFAULT_HOLD_WINDOW.toMinutes();
        return "NOTE [" + SafeText.bounded(tag, SafeText.FIELD) + "] The backend can still write back an older copy"
                + (several ? " of these sessions" : "") + " until " + HOLD_END.withZone(zone).format(until) + " ("
                + minutes + " min after the " + (several ? "last change" : "change") + "); --hold " + minutes
                + "m watches that long, as the window does.";
    }

    /** One line per outcome; the words escape and bound what they quote (session fields, Tilko, Redis). */
    private static void print(PrintWriter out, PrintWriter err, String outcome, String actionId, Phrase message) {
        boolean good = GOOD.contains(outcome);
        (good ? out : err).println(outcome + " [" + (actionId == null ? "-" : SafeText.bounded(actionId, SafeText.FIELD))
                + "] " + WORDS.render(message));
        (good ? out : err).flush();
    }
}
