package io.welno.console.bench;

import com.fasterxml.jackson.databind.node.LongNode;
import io.welno.console.demo.BackendStyleWriter;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.Timestamps;
import io.welno.console.store.Precondition;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisConnections;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * P3: many writers incrementing a counter in a few hot sessions, through the console's atomic store and the
 * backend's blind GET → SETEX; plain SET as the throughput reference. Lost updates are increments reported as done
 * that the final counters do not contain.
 */
final class AtomicUpdateBench {

    private final RedisConnectionSettings redis;
    private final BenchCorpus corpus;
    private final BenchSettings settings;
    private final BenchReport report;
    private final SessionCodec codec = new SessionCodec();

    AtomicUpdateBench(RedisConnectionSettings redis, BenchCorpus corpus, BenchSettings settings, BenchReport report) {
        this.redis = redis;
        this.corpus = corpus;
        this.settings = settings;
        this.report = report;
    }

    private String hotId(int k) {
        return "welno_benchhot" + k;
    }

    void run() throws InterruptedException {
        int writers = settings.writers();
        int each = settings.updatesEach();
        long total = (long) writers * each;
        try (RedisClient admin = RedisConnections.openClient(redis, "welno-bench-p3")) {
            // Plain SET: the reference throughput.
            reset(admin);
            String[] docs = new String[settings.hotKeys()];
            for (int k = 0; k < docs.length; k++) {
                docs[k] = corpus.small(k);
            }
            double setSeconds = hammer(writers, each, (w) -> { }, (w, n) -> {
                int k = (w + n) % settings.hotKeys();
                admin.set(redis.key(hotId(k)), docs[k], SetParams.setParams().keepTtl());
                return true;
            });
            double setRate = total / setSeconds;

            // The console's atomic store.
            reset(admin);
            AtomicLong applied = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong attempts = new AtomicLong();
            double atomicSeconds;
            try (RedisSessionStore store = RedisSessionStore.open(redis, codec, Timestamps.system())) {
                atomicSeconds = hammer(writers, each, (w) -> { }, (w, n) -> {
                    int k = (w + n) % settings.hotKeys();
                    UpdateResult r = store.update(hotId(k), Precondition.none(), (current, edit) -> {
                        edit.put(BenchCorpus.STAMP_FIELD, LongNode.valueOf(counter(current) + 1));
                        edit.touch();
                    });
                    if (r instanceof UpdateResult.Applied a) {
                        applied.incrementAndGet();
                        attempts.addAndGet(a.attempts());
                        return true;
                    }
                    failed.incrementAndGet();
                    return false;
                });
            }
            long atomicSum = sum(admin);
            long atomicLost = applied.get() - atomicSum;
            double atomicRate = total / atomicSeconds;
            report.figure("P3", "atomic", (atomicLost == 0 && applied.get() > 0 ? "met" : "NOT met")
                            + " (0 lost among " + writers + " writers; vs_set: reference)",
                    "updates", total, "applied", applied.get(), "not_applied", failed.get(), "lost", atomicLost,
                    "ops_per_s", atomicRate, "attempts_avg", applied.get() == 0 ? 0.0
                            : attempts.get() / (double) applied.get(),
                    "vs_set", atomicRate / setRate, "writers", writers, "hot_keys", settings.hotKeys());

            // The backend's blind GET → SETEX.
            reset(admin);
            AtomicLong blindDone = new AtomicLong();
            double blindSeconds;
            try (RedisClient client = RedisConnections.openClient(redis, "welno-bench-blind")) {
                BackendStyleWriter backend = new BackendStyleWriter(client, redis.keyPrefix(), codec);
                blindSeconds = hammer(writers, each, (w) -> { }, (w, n) -> {
                    int k = (w + n) % settings.hotKeys();
                    boolean done = backend.update(hotId(k), doc -> {
                        doc.put(BenchCorpus.STAMP_FIELD, doc.path(BenchCorpus.STAMP_FIELD).asLong(0) + 1);
                        return doc;
                    }) != null;
                    if (done) {
                        blindDone.incrementAndGet();
                    }
                    return done;
                });
            }
            long blindLost = blindDone.get() - sum(admin);
            report.figure("P3", "blind", "baseline (the backend's way)", "updates", total, "done", blindDone.get(),
                    "lost", blindLost, "lost_pct", 100.0 * blindLost / Math.max(1, blindDone.get()),
                    "ops_per_s", total / blindSeconds);
            report.figure("P3", "set", "reference", "ops_per_s", setRate, "writers", writers);
            cleanup(admin);
        }
    }

    private static long counter(SessionDocument doc) {
        return doc.tree().path(BenchCorpus.STAMP_FIELD).asLong(0);
    }

    private void reset(RedisClient admin) {
        for (int k = 0; k < settings.hotKeys(); k++) {
            admin.set(redis.key(hotId(k)), corpus.small(k), SetParams.setParams().ex(BenchRunner.SEED_TTL_SECONDS));
        }
    }

    private void cleanup(RedisClient admin) {
        for (int k = 0; k < settings.hotKeys(); k++) {
            admin.del(redis.key(hotId(k)));
        }
    }

    private long sum(RedisClient admin) {
        long sum = 0;
        for (int k = 0; k < settings.hotKeys(); k++) {
            String raw = admin.get(redis.key(hotId(k)));
            if (codec.parse(hotId(k), raw) instanceof SessionDocument doc) {
                sum += counter(doc);
            }
        }
        return sum;
    }

    interface Work {
        boolean run(int writer, int n);
    }

    /** Runs {@code each} units of work on each of {@code writers} threads, started together; returns seconds. */
    private static double hammer(int writers, int each, IntConsumer setUp, Work work) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                setUp.accept(writer);
                ready.countDown();
                try {
                    go.await();
                    for (int n = 0; n < each; n++) {
                        try {
                            work.run(writer, n);
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-writer-" + w);
            threads.add(t);
            t.start();
        }
        ready.await();
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
