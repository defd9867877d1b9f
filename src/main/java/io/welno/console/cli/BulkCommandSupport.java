package io.welno.console.cli;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionPreview;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.AuditUnwritten;
import io.welno.console.flow.BulkRun;
import io.welno.console.flow.FlowListener;
import io.welno.console.flow.FlowOptions;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Operator;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.flow.RevertWatch;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.SessionStore;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.view.Wording;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * An action over several sessions from the command line: the ids given, those in {@code --ids-from}, and every
 * session of {@code --bucket}. With {@code --dry-run} each session's preview is printed and nothing is written;
 * otherwise a {@link BulkRun} applies it, a line per session as it ends and a summary line last. The exit status is
 * the worst of the sessions' ({@link ExitCode}: Redis trouble, then not in place, then failed, then refused).
 */
final class BulkCommandSupport {

    private static final Wording WORDS = Wording.cli();

    private BulkCommandSupport() {
    }

    static int run(CommandSpec spec, RedisOptions redis, FilesOption files, FlowCommandOptions options,
                   BulkOptions bulk, ActionKind kind, List<String> arguments, boolean checkApproval) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Operator operator = options.operator();
        ActionRequest.reasonProblem(options.reason).ifPresent(problem -> {
            throw new ParameterException(spec.commandLine(), WORDS.render(problem));
        });
        List<String> ids;
        try {
            ids = bulk.listedIds(arguments);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), WORDS.said(e));
        }
        Timestamps timestamps = redis.timestamps();
        ActionRequest template = new ActionRequest(kind, "-", options.reason, options.overrideGuards, checkApproval,
                options.hold, options.reapply);
        RedisSessionStore redisStore = redis.openStore();
        try (SessionStore store = files.around(redisStore, redis)) {
            int refused = 0;
            if (bulk.bucket != null) {
                Bucketed bucketed = withBucket(store, bulk.bucket, kind, options.stuckPolicy(), ids,
                        timestamps.nowLocal());
                ids = bucketed.ids();
                refused = bucketed.refusedByRedis();
                if (refused > 0) {
                    // not known to be in the bucket or not: said, so that a short list is not taken for the bucket
                    err.println("NOTE " + WORDS.render(Phrase.of("bulk.bucket.unread", refused)));
                    err.flush();
                }
            }
            if (ids.isEmpty()) {
                out.println("No session to act on.");
                out.flush();
                return (refused > 0 ? ExitCode.UNAVAILABLE : ExitCode.DONE).code();
            }
            TilkoClient tilko = (kind.needsTilko() || checkApproval) && operator.role().allows(kind)
                    ? options.tilkoClient() : null;
            ExecutorService background = Executors.newCachedThreadPool(daemon("bulk-flow"));
            ExecutorService workers = Executors.newFixedThreadPool(BulkRun.WORKERS, daemon("bulk"));
            FlowOptions flowOptions = options.flowOptions();
            RevertWatch watch = new RevertWatch(store, Duration.ofMillis(500), flowOptions.logWords());
            FlowService flow = new FlowService(store, tilko, new RedisAuditLog(redisStore.client(), options.auditStream,
                    RedisAuditLog.DEFAULT_MAX_LEN, flowOptions.logWords()), watch, timestamps, background, flowOptions);
            try {
                return bulk.dryRun ? preview(out, flow, operator, template, ids)
                        : apply(out, err, flow, operator, template, ids, workers, redis.zone);
            } finally {
                flow.close();
                watch.close();
                workers.shutdownNow();
                background.shutdownNow();
                if (tilko != null) {
                    tilko.close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILED.code();
        }
    }

    private static int preview(PrintWriter out, FlowService flow, Operator operator, ActionRequest template,
                               List<String> ids) {
        int allowed = 0;
        int unread = 0;
        Phrase followUp = null;
        for (ActionPreview p : BulkRun.preview(flow, operator, template, ids)) {
            String id = SafeText.bounded(p.request().sessionId(), SafeText.FIELD);
            if (p.allowed()) {
                allowed++;
                out.println("WOULD_APPLY [" + id + "] " + (p.before() == null ? "" : WORDS.status(p.before().status()))
                        + " -> " + WORDS.status(p.after().status()));
                followUp = followUp == null ? p.followUp() : followUp;
            } else if (p.unread()) {
                // Redis did not give the session: what the action would do is not known, not "refused"
                unread++;
                out.println("UNAVAILABLE [" + id + "] " + WORDS.render(p.refusal()));
            } else {
                out.println("WOULD_REFUSE [" + id + "] " + WORDS.render(p.refusal()));
            }
        }
        if (followUp != null) {
            // the arrow is the first write's status; where a session ends depends on Tilko, said once for all
            out.println("FOLLOW_UP " + WORDS.render(followUp));
        }
        out.println("DRY_RUN " + WORDS.render(unread == 0
                ? Phrase.of("bulk.dryRun", ids.size(), allowed, ids.size() - allowed)
                : Phrase.of("bulk.dryRun.unread", ids.size(), allowed, ids.size() - allowed - unread, unread)));
        out.flush();
        return (unread == 0 ? ExitCode.DONE : ExitCode.UNAVAILABLE).code();
    }

    private static int apply(PrintWriter out, PrintWriter err, FlowService flow, Operator operator,
                             ActionRequest template, List<String> ids, ExecutorService workers, ZoneId zone)
            throws InterruptedException {
        // A session's later entries (its collection's end, a revert, a re-apply, its hold's end) that cannot be
        // written get a line of their own, before the session's line; the summary counts their sessions too.
        FlowListener unaudited = new FlowListener() {
            @Override
            public void onAuditUnwritten(AuditUnwritten unwritten) {
                synchronized (out) {
                    err.println("UNAUDITED [" + SafeText.bounded(unwritten.sessionId(), SafeText.FIELD) + "] "
                            + WORDS.render(unwritten.told()));
                    err.flush();
                }
            }
        };
        flow.addListener(unaudited);
        try {
            return runBatch(out, err, flow, operator, template, ids, workers, zone);
        } finally {
            flow.removeListener(unaudited);
        }
    }

    private static int runBatch(PrintWriter out, PrintWriter err, FlowService flow, Operator operator,
                                 ActionRequest template, List<String> ids, ExecutorService workers, ZoneId zone)
            throws InterruptedException {
        BulkRun run = BulkRun.start(flow, operator, template, ids, workers, item -> {
            boolean good = item.tally() == BulkRun.Tally.APPLIED;
            Phrase said = item.told();
            synchronized (out) {
                (good ? out : err).println(item.tally().name() + " [" + SafeText.bounded(item.sessionId(),
                        SafeText.FIELD) + "] " + WORDS.render(said));
                (good ? out : err).flush();
            }
        });
        AtomicBoolean summed = new AtomicBoolean();
        // Ctrl+C: sessions not started are left alone; the service's close gives the claims of the collections it
        // stopped back and ends the open holds (audited) before the JVM stops, and the summary says how far it got.
        Thread cancel = new Thread(() -> {
            run.cancel();
            flow.close();
            try {
                run.await(Duration.ofSeconds(2)); // the sessions not started yet count themselves cancelled
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            summarize(out, run, summed);
        }, "cancel-bulk");
        Runtime.getRuntime().addShutdownHook(cancel);
        try {
            out.println("BATCH [" + run.batchId() + "] " + ids.size() + " session(s)");
            out.flush();
            run.await(Duration.ofDays(1));
            // A collection goes on after its claim: the command stays until every one of them has ended.
            while (!flow.runningCollections().isEmpty()) {
                Thread.sleep(200);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancel);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        summarize(out, run, summed);
        if (run.summary().count(BulkRun.Tally.APPLIED) > 0
                && FlowCommandSupport.shorterThanBackendGap(template.hold())) {
            // The changes counted applied stayed through a hold shorter than the backend's longest gap; the last
            // hold ended by now, so the last change was written no later than a hold's length ago.
            out.println(FlowCommandSupport.stillUndoable(run.batchId(), Instant.now().minus(template.hold()), zone,
                    true));
            out.flush();
        }
        return exit(run.summary()).code();
    }

    /**
     * Prints the summary once, from the main thread or from Ctrl+C's hook, whichever comes first. Under the output's
     * lock: a hook that finds it printed has waited for the printing to end, since the JVM stops when the hook does.
     */
    private static void summarize(PrintWriter out, BulkRun run, AtomicBoolean summed) {
        synchronized (out) {
            if (summed.compareAndSet(false, true)) {
                out.println("SUMMARY [" + run.batchId() + "] " + WORDS.render(run.summary().phrase()));
                out.flush();
            }
        }
    }

    /** The worst of the sessions' outcomes. */
    static ExitCode exit(BulkRun.Summary summary) {
        if (summary.count(BulkRun.Tally.UNAVAILABLE) > 0) {
            return ExitCode.UNAVAILABLE;
        }
        if (summary.count(BulkRun.Tally.CONFLICT) + summary.count(BulkRun.Tally.REVERTED)
                + summary.count(BulkRun.Tally.ENDED) > 0) {
            return ExitCode.CONFLICT;
        }
        // A hold that ended past the console's own bound is 1 as alone: Redis answered, so look at the session.
        if (summary.count(BulkRun.Tally.FAILED) + summary.count(BulkRun.Tally.UNCONFIRMED)
                + summary.count(BulkRun.Tally.CANCELLED) > 0) {
            return ExitCode.FAILED;
        }
        return summary.count(BulkRun.Tally.REFUSED) > 0 ? ExitCode.REFUSED : ExitCode.DONE;
    }

    /**
     * The ids given, then every session of the bucket ({@code stuck}, or a status), in the order Redis lists them.
     * For reset, "stuck" means stuck collections only: the window's bucket also holds sessions stuck before a
     * collection, which a reset with {@code --override-guards} would turn into auth_completed without an
     * authentication.
     */
    /** A bucket's sessions, and how many values Redis refused the console (not known to be in it or not). */
    private record Bucketed(List<String> ids, int refusedByRedis) {
    }

    private static Bucketed withBucket(SessionStore store, String bucket, ActionKind kind, StuckPolicy stuck,
                                       List<String> ids, LocalDateTime now) {
        LinkedHashSet<String> out = new LinkedHashSet<>(ids);
        boolean byStuck = bucket.equalsIgnoreCase("stuck");
        boolean collectionsOnly = kind == ActionKind.RESET_STUCK;
        SessionStatus status = SessionStatus.of(bucket.strip());
        int[] refused = new int[1];
        store.scan(batch -> batch.forEach(s -> {
            if (s.parsed() instanceof SessionDocument doc
                    && (byStuck ? stuck.isStuck(doc, now) && (!collectionsOnly || isCollection(doc))
                    : doc.status().equals(status))) {
                out.add(s.id());
            } else if (s.parsed() instanceof UnreadableSession value && value.refusedByRedis()) {
                refused[0]++;
            }
        }));
        return new Bucketed(new ArrayList<>(out), refused[0]);
    }

    private static boolean isCollection(SessionDocument doc) {
        return doc.status().isFetching() && doc.collectionStarted();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
