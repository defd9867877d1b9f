package io.welno.console.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.demo.BackendStyleWriter;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.BulkRun;
import io.welno.console.flow.FlowListener;
import io.welno.console.flow.FlowOptions;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Operator;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.flow.RevertWatch;
import io.welno.console.flow.Role;
import io.welno.console.session.AuthCredentials;
import io.welno.console.session.MessageType;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UserInfo;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisConnections;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.view.Wording;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * P3 bulk: reset-stuck over {@link #SESSIONS} stuck collections as one {@link BulkRun}, wired as the command line's
 * {@code reset --bucket stuck} wires it (four workers, a revert watch polling every 500 ms, the audit stream, the
 * CLI's default 10 s hold), while a backend-style writer (blind GET → SETEX, as the backend's status polling does:
 * a fresh {@code updated_at}, no progress) rewrites the same sessions {@link #WRITES_PER_SECOND} times a second.
 * Every backend write also counts itself in the document, so afterwards:
 * <ul>
 *   <li><b>lost</b>: backend writes that are not in the final documents (a console write that replaced a copy it
 *   had not read), plus resets reported kept whose message is not in the final document;</li>
 *   <li><b>double-applied</b>: sessions whose final document carries the reset's message more than once.</li>
 * </ul>
 * The figure is the time from the start of the run until every session has its result (applied or not); the holds
 * go on after it and are reported apart. The reference is {@link #SESSIONS} plain SETs on as many threads.
 */
final class BulkResetBench {

    static final int SESSIONS = 1_000;
    static final int WRITES_PER_SECOND = 500;
    /** Budget P3 (docs/architecture.md): the bulk run finishes within 3 s. */
    static final long BUDGET_MS = 3_000;
    /** As the window's and the command line's bulk runs. */
    private static final int WORKERS = BulkRun.WORKERS;
    private static final Duration HOLD = Duration.ofSeconds(10);
    private static final String COUNTER = "bench_backend_writes";
    private static final String RESET_TEXT = "멈춘 데이터 수집을 초기화했습니다";
    private static final String AUDIT_KEY = "bench:audit";

    private final RedisConnectionSettings redis;
    private final BenchReport report;
    private final SessionCodec codec = new SessionCodec();

    BulkResetBench(RedisConnectionSettings redis, BenchReport report) {
        this.redis = redis;
        this.report = report;
    }

    static String stuckId(int i) {
        return String.format(Locale.ROOT, "welno_benchstuck%05d", i);
    }

    void run() throws InterruptedException {
        List<String> ids = new ArrayList<>(SESSIONS);
        for (int i = 0; i < SESSIONS; i++) {
            ids.add(stuckId(i));
        }
        try (RedisClient admin = RedisConnections.openClient(redis, "welno-bench-bulk")) {
            double setMs = plainSets(admin);
            seed(admin, ids);
            Timestamps timestamps = Timestamps.system();
            AtomicLongArray backendWrites = new AtomicLongArray(SESSIONS);
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = backendWriter(backendWrites, writing);
            ExecutorService background = Executors.newCachedThreadPool(daemon("bench-bulk-flow"));
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemon("bench-bulk"));
            CountDownLatch performed = new CountDownLatch(SESSIONS);
            AtomicLong performedAt = new AtomicLong();
            long t0;
            BulkRun run;
            try (RedisSessionStore store = RedisSessionStore.open(redis, codec, timestamps);
                 RevertWatch watch = new RevertWatch(store, Duration.ofMillis(500), Wording.cli()::render)) {
                FlowService flow = new FlowService(store, null, new RedisAuditLog(store.client(), AUDIT_KEY,
                        RedisAuditLog.DEFAULT_MAX_LEN, Wording.cli()::render), watch, timestamps, background,
                        FlowOptions.defaults().withLogWords(Wording.log()));
                flow.addListener(new FlowListener() {
                    @Override
                    public void onActionFinished(ActionResult result) {
                        performedAt.set(System.nanoTime());
                        performed.countDown();
                    }
                });
                writer.start();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500)); // the writer is up to speed first
                ActionRequest template = new ActionRequest(ActionKind.RESET_STUCK, "-", "bench: collections stuck after "
                        + "an outage", false, false, HOLD, false);
                t0 = System.nanoTime();
                run = BulkRun.start(flow, new Operator("bench", Role.OPERATOR), template, ids, workers, null);
                if (!performed.await(5, TimeUnit.MINUTES) || !run.await(HOLD.plus(Duration.ofMinutes(5)))) {
                    throw new IllegalStateException("the bulk reset did not finish within 5 minutes ("
                            + run.finished() + " of " + SESSIONS + " done)");
                }
                long heldMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                writing.set(false);
                writer.join();
                flow.close();
                long ms = TimeUnit.NANOSECONDS.toMillis(performedAt.get() - t0);
                verify(admin, ids, run.summary(), backendWrites, ms, heldMs, setMs);
            } finally {
                writing.set(false);
                workers.shutdownNow();
                background.shutdownNow();
            }
            cleanup(admin, ids);
        }
    }

    private void verify(RedisClient admin, List<String> ids, BulkRun.Summary summary, AtomicLongArray backendWrites,
                        long ms, long heldMs, double setMs) {
        long written = 0;
        long backendLost = 0;
        long resetLost = 0;
        long doubled = 0;
        for (int i = 0; i < SESSIONS; i++) {
            written += backendWrites.get(i);
            String raw = admin.get(redis.key(ids.get(i)));
            JsonNode doc = raw == null ? null : codec.parse(ids.get(i), raw) instanceof SessionDocument d ? d.tree() : null;
            long counted = doc == null ? 0 : doc.path(COUNTER).asLong(0);
            backendLost += Math.max(0, backendWrites.get(i) - counted);
            int resets = 0;
            if (doc != null) {
                for (JsonNode message : doc.path(SessionDocument.MESSAGES)) {
                    if (message.path("message").asText("").contains(RESET_TEXT)) {
                        resets++;
                    }
                }
            }
            if (resets > 1) {
                doubled++;
            }
            if (resets == 0 && kept(summary, ids.get(i))) {
                resetLost++;
            }
        }
        long lost = backendLost + resetLost;
        int applied = summary.count(BulkRun.Tally.APPLIED);
        report.figure("P3", "bulk", (lost == 0 && doubled == 0 && ms < BUDGET_MS ? "met" : "NOT met")
                        + " (0 lost, 0 double-applied, < 3 s; ratio to plain SETs: reference)",
                "ms", ms, "sessions", SESSIONS, "applied", applied, "refused", summary.count(BulkRun.Tally.REFUSED),
                "conflict", summary.count(BulkRun.Tally.CONFLICT), "reverted", summary.count(BulkRun.Tally.REVERTED),
                "failed", summary.count(BulkRun.Tally.FAILED) + summary.count(BulkRun.Tally.UNAVAILABLE),
                "lost", lost, "backend_lost", backendLost, "reset_lost", resetLost, "double_applied", doubled,
                "backend_writes", written, "writes_per_s", WRITES_PER_SECOND, "held_ms", heldMs, "set_ms", setMs,
                "vs_set", ms / setMs, "workers", WORKERS);
    }

    private static boolean kept(BulkRun.Summary summary, String id) {
        return summary.byTally().getOrDefault(BulkRun.Tally.APPLIED, List.of()).stream()
                .anyMatch(item -> item.sessionId().equals(id));
    }

    /** The reference: as many plain SETs of the same documents as the run has sessions, on as many threads. */
    private double plainSets(RedisClient admin) throws InterruptedException {
        String[] docs = new String[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            docs[i] = stuckDocument(i, Timestamps.system());
        }
        SetParams ttl = SetParams.setParams().ex(BenchRunner.SEED_TTL_SECONDS);
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int w = 0; w < WORKERS; w++) {
            threads.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (long n = next.getAndIncrement(); n < SESSIONS; n = next.getAndIncrement()) {
                    admin.set(redis.key("welno_benchset" + n), docs[(int) n], ttl);
                }
            }, "bench-bulk-set-" + w));
        }
        threads.forEach(Thread::start);
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < SESSIONS; i++) {
            admin.del(redis.key("welno_benchset" + i));
        }
        return ms;
    }

    private void seed(RedisClient admin, List<String> ids) {
        Timestamps timestamps = Timestamps.system();
        SetParams ttl = SetParams.setParams().ex(BenchRunner.SEED_TTL_SECONDS);
        try (AbstractPipeline pipeline = admin.pipelined()) {
            for (int i = 0; i < SESSIONS; i++) {
                pipeline.set(redis.key(ids.get(i)), stuckDocument(i, timestamps), ttl);
            }
            pipeline.sync();
        }
    }

    /**
     * A collection whose task died half an hour ago (the health call raised): fetching_health_data,
     * collection_started, the credentials the task read, nothing since; the session itself expires in an hour (the
     * backend extends it while the browser polls).
     */
    private String stuckDocument(int i, Timestamps now) {
        Timestamps then = new Timestamps(Clock.offset(now.clock(), Duration.ofMinutes(-30)), now.zone());
        UserInfo user = new UserInfo("김하늘", "19800101", String.format(Locale.ROOT, "010%08d", i), "F", "0");
        ObjectNode doc = NewSessionDocuments.initiated(stuckId(i), "welno", user, then);
        doc.put(COUNTER, 0);
        String serial = String.format(Locale.ROOT, "%05d", i);
        new SessionEditor(doc, then).authData(new AuthCredentials("CXBENCH-" + serial, "0", "req-" + serial,
                        "tok-" + serial, "tx-" + serial, AuthCredentials.Casing.PASCAL))
                .status(SessionStatus.AUTH_COMPLETED)
                .message(MessageType.SUCCESS, "인증이 완료되었습니다.")
                .status(SessionStatus.FETCHING_HEALTH_DATA).put(SessionDocument.COLLECTION_STARTED, true)
                .putNow("collection_start_time").message(MessageType.INFO, "건강검진 데이터를 가져오는 중입니다.");
        new SessionEditor(doc, now).extend(3600);
        return codec.write(doc);
    }

    /** Blind GET → change → SETEX at {@link #WRITES_PER_SECOND}, random sessions of the run, until told to stop. */
    private Thread backendWriter(AtomicLongArray writes, AtomicBoolean writing) {
        Thread thread = new Thread(() -> {
            try (RedisClient client = RedisConnections.openClient(redis, "welno-bench-bulk-backend")) {
                BackendStyleWriter backend = new BackendStyleWriter(client, redis.keyPrefix(), codec);
                Timestamps timestamps = Timestamps.system();
                long start = System.nanoTime();
                long sent = 0;
                while (writing.get()) {
                    long due = (long) ((System.nanoTime() - start) / 1e9 * WRITES_PER_SECOND) + 1;
                    if (due <= sent) {
                        LockSupport.parkNanos(200_000);
                        continue;
                    }
                    for (; sent < due && writing.get(); sent++) {
                        int i = ThreadLocalRandom.current().nextInt(SESSIONS);
                        ObjectNode done = backend.update(stuckId(i), doc -> {
                            doc.put(COUNTER, doc.path(COUNTER).asLong(0) + 1);
                            doc.put(SessionDocument.UPDATED_AT, timestamps.now());
                            return doc;
                        });
                        if (done != null) {
                            writes.incrementAndGet(i);
                        }
                    }
                }
            } catch (RuntimeException e) {
                report.note("P3 bulk: the backend-style writer stopped: " + e);
            }
        }, "bench-bulk-backend");
        thread.setDaemon(true);
        return thread;
    }

    private void cleanup(RedisClient admin, List<String> ids) {
        for (String id : ids) {
            admin.del(redis.key(id));
        }
        admin.del(AUDIT_KEY);
    }

    private static ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static String describe() {
        return String.format(Locale.ROOT, "%,d stuck sessions, %d workers, %d s hold, backend-style writer at %d "
                + "writes/s on the same sessions", SESSIONS, WORKERS, HOLD.toSeconds(), WRITES_PER_SECOND);
    }
}
