package io.welno.console.bench;

import io.welno.console.text.SafeText;
import io.welno.console.view.Wording;
import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.FeedListener;
import io.welno.console.live.FeedOptions;
import io.welno.console.live.FeedStats;
import io.welno.console.live.RedisSessionFeed;
import io.welno.console.live.SessionChange;
import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisConnections;
import io.welno.console.store.StoreFailure;
import io.welno.console.view.SessionHistory;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * One bench run: seeds N sessions and M unrelated keys, then measures P1 (listing vs the plain-client floor),
 * P4 (heap with the sessions loaded) and P2 (write → consumer latency at fixed rates) on one running feed,
 * the P4 churn, P3 (atomic vs blind updates) and P5 (start-up of the real jar). See {@link BenchSettings#METHOD}.
 *
 * <p>Longer than most classes because P1, P4 and P2 share one seeded server and one running feed, and their order
 * matters (P4's heap is taken with the sessions P1 loaded, P2 writes into that feed); the benches that stand alone
 * are classes of their own ({@link FrameBench}, {@link CliListingBench}, {@link StartupBench},
 * {@link AtomicUpdateBench}), and the report's formatting is {@link BenchReport}'s.
 */
public final class BenchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BenchRunner.class);

    static final long SEED_TTL_SECONDS = 6 * 3600;
    static final String NOISE_PREFIX = "bench_noise:";

    private final BenchSettings settings;
    private final BenchReport report;
    private final PrintStream out;
    private final BenchCorpus corpus = new BenchCorpus(42);
    private final SetParams ttl = SetParams.setParams().ex(SEED_TTL_SECONDS);
    private byte[] keyPrefixBytes;
    private RedisConnectionSettings redis;
    private String redisUrl;
    private boolean mayConfigure;
    private int rrCursor;
    /** The observed history beside the P2/P4 rows, as the window keeps it. */
    private SessionHistory history;

    BenchRunner(BenchSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.report = new BenchReport(out);
    }

    /** @return the exit status: 0 when every figure was measured */
    public static int run(BenchSettings settings, PrintStream out) {
        return new BenchRunner(settings, out).run();
    }

    private int run() {
        long started = System.nanoTime();
        EmbeddedRedis server = null;
        try {
            String executable = null;
            if (settings.redisUrl() == null) {
                report.info("starting Redis");
                server = EmbeddedRedis.start(List.of());
                executable = server.executable();
                redisUrl = server.url();
                mayConfigure = true;
            } else {
                redisUrl = settings.redisUrl();
            }
            redis = RedisConnectionSettings.parse(redisUrl);
            keyPrefixBytes = redis.key("").getBytes(StandardCharsets.UTF_8);
            try (RedisClient admin = RedisConnections.openClient(redis, "welno-bench")) {
                if (settings.redisUrl() != null && admin.dbSize() != 0) {
                    out.println("The database of " + redis.redactedUrl() + " is not empty; the bench writes "
                            + "N+M keys and removes them with FLUSHDB, so it needs an empty one.");
                    return 2;
                }
                String version = info(admin.info("server"), "redis_version");
                BenchEnvironment env = new BenchEnvironment(version, executable);
                settings.notes().forEach(report::note);
                // P1 and P2 move with the collector's settings (young pauses hold up every thread), so say which.
                report.note("JVM " + System.getProperty("java.vm.version") + ", options "
                        + ManagementFactory.getRuntimeMXBean().getInputArguments() + ", max heap "
                        + mb(Runtime.getRuntime().maxMemory()) + " MB.");
                report.info("Redis " + version + " at " + redis.redactedUrl() + "; corpus: average "
                        + corpus.averageBytes() + " B, " + corpus.minBytes() + "–" + corpus.maxBytes() + " B; " + corpus.mix());
                seed(admin);
                if (settings.includes("p1")) {
                    listing(admin);
                }
                if (settings.includes("cli")) {
                    new CliListingBench(ownJar(), settings.startup() != null && settings.startup().nativeLauncher()
                            ? settings.startup().path() : null, redisUrl, settings.sessions(), settings.rounds(), report).run();
                }
                if (settings.frames() && settings.includes("fx")) {
                    new FrameBench(redisUrl, redis, mayConfigure, corpus, settings, report, this::writeAtRate).run();
                }
                if (settings.includes("p2") || settings.includes("p4")) {
                    liveFeed(admin);
                }
                if (settings.includes("p3")) {
                    atomicUpdates();
                }
                if (settings.startup() != null && settings.includes("p5")) {
                    new StartupBench(settings.startup(), report).run();
                } else {
                    report.note("P5 was skipped (--skip-startup, or not run from the jar).");
                }
                report.info(String.format(Locale.ROOT, "bench finished in %.1f min",
                        (System.nanoTime() - started) / 60e9));
                env.finished();
                env.busyNote().ifPresent(report::note);
                if (settings.report() != null) {
                    report.writeMarkdown(settings.report(), env, settings);
                    report.info("wrote " + settings.report());
                }
                if (settings.redisUrl() != null) {
                    admin.flushDB();
                }
            }
            return 0;
        } catch (Exception e) {
            out.println("The bench failed: " + SafeText.bounded(Wording.cli().clause(StoreFailure.describe(e)),
                    SafeText.TEXT));
            LOG.debug("The bench failed", e); // the trace, its messages escaped, with WELNO_LOG_LEVEL=DEBUG
            return 1;
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ seeding

    private void seed(RedisClient admin) {
        long t0 = System.nanoTime();
        int n = settings.sessions();
        try (AbstractPipeline pipeline = admin.pipelined()) {
            for (int i = 0; i < n; i++) {
                pipeline.set(redis.key(BenchCorpus.id(i)), corpus.document(i), ttl);
                if (i % 1000 == 999) {
                    pipeline.sync();
                }
                if (n >= 10 && i % (n / 10) == n / 10 - 1) {
                    report.info("seeded " + (i + 1) + " of " + n + " sessions");
                }
            }
            int m = settings.noise();
            for (int i = 0; i < m; i++) {
                pipeline.set(NOISE_PREFIX + i, "v" + i + ":0123456789abcdef0123456789abcdef");
                if (i % 5000 == 4999) {
                    pipeline.sync();
                }
                if (m >= 10 && i % (m / 10) == m / 10 - 1) {
                    report.info("seeded " + (i + 1) + " of " + m + " unrelated keys");
                }
            }
            pipeline.sync();
        }
        String memory = info(admin.info("memory"), "used_memory_human");
        report.info(String.format(Locale.ROOT, "seeded %d sessions + %d other keys in %.1f s; Redis uses %s",
                n, settings.noise(), (System.nanoTime() - t0) / 1e9, memory));
        report.note("Redis held " + memory + " after seeding (" + admin.dbSize() + " keys); documents average "
                + corpus.averageBytes() + " bytes (" + corpus.minBytes() + "–" + corpus.maxBytes() + "; " + corpus.mix() + ").");
    }

    // ------------------------------------------------------------------------------------------ P1

    private void listing(RedisClient admin) throws InterruptedException {
        long[] cold = feedListing();
        long coldFloor = floor();
        report.figure("P1", "cold", null, "ms", cold[0], "first_batch_ms", cold[1], "floor_ms", coldFloor);
        List<Long> feeds = new ArrayList<>();
        List<Long> floors = new ArrayList<>();
        List<Long> firsts = new ArrayList<>();
        List<Long> floorRedisCpu = new ArrayList<>();
        List<Long> feedRedisCpu = new ArrayList<>();
        List<Long> feedJvmCpu = new ArrayList<>();
        List<Long> feedJit = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            long cpu0 = redisCpuMillis(admin);
            long floor = floor();
            long cpu1 = redisCpuMillis(admin);
            long jvm0 = jvmCpuMillis();
            long jit0 = compileMillis();
            long[] feed = feedListing();
            feedJvmCpu.add(jvmCpuMillis() - jvm0);
            feedJit.add(compileMillis() - jit0);
            floorRedisCpu.add(cpu1 - cpu0);
            feedRedisCpu.add(redisCpuMillis(admin) - cpu1);
            floors.add(floor);
            feeds.add(feed[0]);
            firsts.add(feed[1]);
            report.info("P1 round " + round + ": feed " + feed[0] + " ms (first batch " + feed[1] + " ms), floor "
                    + floor + " ms");
        }
        long list = median(feeds);
        long floor = median(floors);
        long first = median(firsts);
        double ratio = list / (double) floor;
        report.figure("P1", "list", (ratio <= 0.9 ? "met" : "NOT met") + " (≤ 0.9× floor); first rows "
                        + (first < 300 ? "met" : "NOT met") + " (< 300 ms)", "ms", list, "floor_ms", floor,
                "ratio", ratio, "first_batch_ms", first, "sessions", settings.sessions(), "noise", settings.noise(),
                "rounds", settings.rounds(), "rounds_ms", each(feeds), "floors_ms", each(floors),
                "redis_cpu_ms", median(feedRedisCpu), "floor_redis_cpu_ms", median(floorRedisCpu),
                "jvm_cpu_ms", median(feedJvmCpu), "jit_ms", median(feedJit));
    }

    /**
     * CPU time this JVM has used so far, every thread (the collector's and the compiler's too): beside P1 the client's
     * share of a feed's pass, which shares two cores with Redis's.
     */
    private static long jvmCpuMillis() {
        // java.base's view of the process (the runtime the app image ships has no jdk.management)
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    /** Time the JIT compiler has spent so far: a pass during which it still compiles shares the cores with it. */
    private static long compileMillis() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime()
                : 0;
    }

    /**
     * CPU time Redis has used so far (INFO cpu, user + system): beside P1 it tells how much of a pass is the server's
     * own work, which no client can overlap away on two cores.
     */
    private static long redisCpuMillis(RedisClient admin) {
        String cpu = admin.info("cpu");
        try {
            return Math.round((Double.parseDouble(info(cpu, "used_cpu_user")) + Double.parseDouble(info(cpu,
                    "used_cpu_sys"))) * 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** SCAN COUNT 1000 to the end, then MGET in chunks of 500; nothing parsed. */
    private long floor() {
        try (RedisClient client = RedisConnections.openClient(redis, "welno-bench-floor")) {
            long t0 = System.nanoTime();
            long values = PlainListing.scanThenMget(client, redis.keyPrefix());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (values != settings.sessions()) {
                report.note("The floor read " + values + " values, expected " + settings.sessions() + ".");
            }
            return ms;
        }
    }

    /** @return {ms to the completed snapshot, ms to the first non-empty batch} */
    private long[] feedListing() throws InterruptedException {
        CountDownLatch complete = new CountDownLatch(1);
        AtomicLong first = new AtomicLong(-1);
        AtomicLong count = new AtomicLong();
        long t0 = System.nanoTime();
        try (RedisSessionFeed feed = new RedisSessionFeed(redis, new SessionCodec(), feedOptions())) {
            feed.start(new FeedListener() {
                @Override
                public void onBatch(FeedBatch batch) {
                    if (!batch.changes().isEmpty()) {
                        first.compareAndSet(-1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                    }
                    for (SessionChange change : batch.changes()) {
                        if (!change.kind().ended()) {
                            count.incrementAndGet();
                        }
                    }
                    if (batch.snapshotComplete()) {
                        complete.countDown();
                    }
                }
            });
            if (!complete.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the feed did not complete its snapshot within 10 minutes (mode "
                        + feed.mode() + ": " + Wording.cli().clause(feed.modeDetail()) + ")");
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (count.get() != settings.sessions()) {
                report.note("A P1 feed round listed " + count.get() + " sessions, expected " + settings.sessions()
                        + ".");
            }
            return new long[] {ms, first.get()};
        }
    }

    private FeedOptions feedOptions() {
        return FeedOptions.defaults().withMayEnableNotifications(mayConfigure).withLogWords(Wording.log());
    }

    // ------------------------------------------------------------------------------------------ P4 + P2

    private void liveFeed(RedisClient admin) throws InterruptedException {
        long baseline = heapAfterGc();
        RowConsumer consumer = new RowConsumer();
        // The window keeps every session's observed history beside its rows; P4's heap holds it too.
        java.util.concurrent.ExecutorService historyThread = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> {
                    Thread t = new Thread(r, "bench-history");
                    t.setDaemon(true);
                    return t;
                });
        history = new SessionHistory(new SessionCodec(), historyThread, java.time.Clock.systemUTC(),
                SessionHistory.Bounds.DEFAULT);
        try (RedisSessionFeed feed = new RedisSessionFeed(redis, new SessionCodec(), feedOptions());
             Jedis writer = RedisConnections.openDedicated(redis, "welno-bench-writer")) {
            // as in the window: the history is a listener of its own, on its own thread
            feed.subscribe(history::onBatch);
            feed.start(consumer);
            if (!consumer.awaitSnapshots(1, Duration.ofMinutes(10))) {
                throw new IllegalStateException("the feed did not load the sessions (" + consumer.modeDetail() + ")");
            }
            long loaded = heapAfterGc();
            report.figure("P4", "loaded", verdict(loaded, 600), "heap_mb", mb(loaded), "delta_mb", mb(loaded - baseline),
                    "rows", consumer.rows(), "baseline_mb", mb(baseline), "history_versions", history.size(),
                    "history_mb", mb(history.keptBytes()));
            if (settings.includes("p2")) {
                for (int rate : settings.rates()) {
                    delivery(feed, consumer, writer, rate);
                }
            }
            if (settings.includes("p4")) {
                churn(feed, consumer, writer, baseline);
            }
        } finally {
            historyThread.shutdownNow();
        }
    }

    private void delivery(RedisSessionFeed feed, RowConsumer consumer, Jedis writer, int rate)
            throws InterruptedException {
        LatencyRecorder latencies = new LatencyRecorder();
        consumer.resetSeen();
        long droppedBefore = feed.stats().eventsDropped();
        List<Integer> backlog = new ArrayList<>();
        consumer.record(latencies);
        Thread sampler = sampler(feed, backlog);
        Map<Long, Long> feedCpuBefore = feedCpuNanos();
        long[] gcBefore = gcTotals();
        long total = (long) rate * settings.rateSeconds();
        long[] lastStamp = new long[settings.sessions()];
        long t0 = System.nanoTime();
        long written = writeAtRate(writer, rate, total, i -> {
            int index = Math.floorMod(rrCursor++, settings.sessions());
            long now = System.nanoTime();
            lastStamp[index] = now;
            return new byte[][] {keyBytes(index), corpus.stampedBytes(index, now)};
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        // Caught up = the last write of every key written has reached the consumer (earlier writes of a key may
        // have been superseded before they were read: coalescing). The feed's backlog count alone cannot tell,
        // because the backlog is read in chunks before it is delivered and the listener drains its own mailbox.
        long drainStart = System.nanoTime();
        boolean caughtUp = false;
        while (System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(60)) {
            if (allSeen(lastStamp, consumer)) {
                caughtUp = true;
                break;
            }
            Thread.sleep(50);
        }
        long drainMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drainStart);
        long feedCpu = 0;
        for (Map.Entry<Long, Long> thread : feedCpuNanos().entrySet()) {
            // A pool thread may have ended meanwhile (its time is lost) or begun (all of its time is in the phase).
            feedCpu += thread.getValue() - feedCpuBefore.getOrDefault(thread.getKey(), 0L);
        }
        long[] gc = gcTotals();
        consumer.stopRecording();
        sampler.interrupt();
        sampler.join();
        long[] sorted = latencies.sorted();
        FeedStats stats = feed.stats();
        boolean growing = growing(backlog) || latencies.growing() || !caughtUp;
        int maxBacklog = backlog.stream().mapToInt(Integer::intValue).max().orElse(0);
        double p99 = LatencyRecorder.millis(sorted, 0.99);
        String verdict = rate <= 1000 ? (p99 < 50 ? "met" : "NOT met") + " (p99 < 50 ms)"
                : (p99 < 100 && !growing ? "met" : "NOT met") + " (p99 < 100 ms, no growing backlog)";
        report.figure("P2", "rate=" + rate, verdict, "achieved_per_s", written / seconds, "writes", written,
                "delivered", sorted.length, "coalesced", written - sorted.length,
                "p50_ms", LatencyRecorder.millis(sorted, 0.50), "p99_ms", p99,
                "max_ms", LatencyRecorder.millis(sorted, 1.0), "backlog_max", maxBacklog,
                "backlog_end", stats.pendingKeys(), "backlog_growing", growing,
                "dropped", stats.eventsDropped() - droppedBefore, "caught_up", caughtUp, "drain_ms", drainMs,
                "batch_max_ms", consumer.batchMaxMillis(), "feed_cpu_us_per_write", feedCpu / 1e3 / Math.max(1, written),
                "gc_pauses", gc[0] - gcBefore[0], "gc_ms", gc[1] - gcBefore[1], "mode", consumer.mode());
    }

    /** CPU time of each feed thread so far, by thread id (the consumer runs on a feed listener thread, "welno-feed-listener-N", so its work is in it). */
    private static Map<Long, Long> feedCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("welno-feed")) {
                out.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
            }
        }
        return out;
    }

    /** {collections, milliseconds} of every collector so far (G1: its pauses, and its concurrent cycles' pauses). */
    private static long[] gcTotals() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static boolean allSeen(long[] lastStamp, RowConsumer consumer) {
        for (long stamp : lastStamp) {
            if (stamp != 0 && !consumer.hasSeen(stamp)) {
                return false;
            }
        }
        return true;
    }

    private static Thread sampler(RedisSessionFeed feed, List<Integer> into) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (into) {
                    into.add(feed.stats().pendingKeys());
                }
                LockSupport.parkNanos(100_000_000L);
            }
        }, "bench-backlog-sampler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static boolean growing(List<Integer> samples) {
        List<Integer> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        if (copy.size() < 6) {
            return false;
        }
        int third = copy.size() / 3;
        double first = copy.subList(0, third).stream().mapToInt(Integer::intValue).average().orElse(0);
        double last = copy.subList(copy.size() - third, copy.size()).stream().mapToInt(Integer::intValue)
                .average().orElse(0);
        return last > 2 * first + 100;
    }

    interface WriteSource {
        /** @return {key, value} of the n-th write as UTF-8, or {key, null} to delete the key */
        byte[][] write(long n);
    }

    static byte[][] write(String key, String value) {
        return new byte[][] {key.getBytes(StandardCharsets.UTF_8), value == null ? null : value.getBytes(StandardCharsets.UTF_8)};
    }

    /** The key of bench session i as bytes. */
    private byte[] keyBytes(int index) {
        byte[] prefix = keyPrefixBytes;
        byte[] id = BenchCorpus.idBytes(index);
        byte[] key = Arrays.copyOf(prefix, prefix.length + id.length);
        System.arraycopy(id, 0, key, prefix.length, id.length);
        return key;
    }

    /** Writes {@code total} values at {@code rate} per second with small pipelines on one connection. */
    private long writeAtRate(Jedis writer, int rate, long total, WriteSource source) {
        long start = System.nanoTime();
        long sent = 0;
        while (sent < total) {
            long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate) + 1);
            if (due <= sent) {
                LockSupport.parkNanos(200_000);
                continue;
            }
            Pipeline pipeline = writer.pipelined();
            for (; sent < due; sent++) {
                byte[][] kv = source.write(sent);
                if (kv[1] == null) {
                    pipeline.del(kv[0]);
                } else {
                    pipeline.set(kv[0], kv[1], ttl);
                }
            }
            pipeline.sync();
        }
        return sent;
    }

    private void churn(RedisSessionFeed feed, RowConsumer consumer, Jedis writer, long baseline) {
        long minutes = Math.max(1, (long) Math.ceil(settings.churnMinutes()));
        long totalMillis = (long) (settings.churnMinutes() * 60_000);
        int[] live = new int[settings.sessions() * 2 + 16];
        int liveCount = settings.sessions();
        for (int i = 0; i < liveCount; i++) {
            live[i] = i;
        }
        int[] state = {liveCount, settings.sessions()}; // live count, next new index
        List<Long> samples = new ArrayList<>();
        long writes = 0;
        long t0 = System.nanoTime();
        for (long minute = 0; minute < minutes; minute++) {
            long sliceMillis = Math.min(60_000, totalMillis - minute * 60_000);
            if (sliceMillis <= 0) {
                break;
            }
            long count = settings.churnRate() * sliceMillis / 1000;
            writes += writeAtRate(writer, settings.churnRate(), count, n -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                double op = r.nextDouble();
                if (op < 0.6 || state[0] < 2) {
                    int index = live[r.nextInt(state[0])];
                    return new byte[][] {keyBytes(index), corpus.stampedBytes(index, System.nanoTime())};
                }
                if (op < 0.8) {
                    int slot = r.nextInt(state[0]);
                    int index = live[slot];
                    live[slot] = live[--state[0]];
                    return new byte[][] {keyBytes(index), null};
                }
                int index = state[1]++;
                if (state[0] < live.length) {
                    live[state[0]++] = index;
                }
                return write(redis.key(BenchCorpus.id(index)), corpus.document(index));
            });
            long heap = heapAfterGc();
            samples.add(heap);
            report.info(String.format(Locale.ROOT, "P4 churn minute %d: heap after GC %d MB, %d rows, feed %s, "
                    + "%d history versions", minute + 1, mb(heap), consumer.rows(), feed.mode(), history.size()));
        }
        double elapsedMin = (System.nanoTime() - t0) / 60e9;
        long last = samples.get(samples.size() - 1);
        long min = samples.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = samples.stream().mapToLong(Long::longValue).max().orElse(0);
        report.figure("P4", "churn", verdict(last, 600) + "; flat: spread " + mb(max - min) + " MB",
                "heap_mb", mb(last), "delta_mb", mb(last - baseline), "min_mb", mb(min), "max_mb", mb(max),
                "minutes", elapsedMin, "writes", writes, "rows", consumer.rows(),
                "dropped", feed.stats().eventsDropped(), "history_versions", history.size(),
                "history_mb", mb(history.keptBytes()));
    }

    private static String verdict(long heapBytes, long budgetMb) {
        return (mb(heapBytes) <= budgetMb ? "met" : "NOT met") + " (≤ " + budgetMb + " MB heap)";
    }

    // ------------------------------------------------------------------------------------------ P3

    private void atomicUpdates() throws InterruptedException {
        new AtomicUpdateBench(redis, corpus, settings, report).run();
        new BulkResetBench(redis, report).run();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The jar this bench runs from, or null when it runs from classes (the command line's P1-CLI needs the jar). */
    static java.nio.file.Path ownJar() {
        try {
            java.nio.file.Path location = java.nio.file.Path.of(
                    BenchRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return java.nio.file.Files.isRegularFile(location) && location.toString().endsWith(".jar") ? location : null;
        } catch (Exception e) {
            return null;
        }
    }

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            LockSupport.parkNanos(100_000_000L);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long mb(long bytes) {
        return Math.round(bytes / 1048576.0);
    }

    static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? -1 : sorted[(sorted.length - 1) / 2];
    }

    /** Every value of a figure's runs, in order, comma-separated ({@code -} for none): the spread behind a median. */
    static String each(List<Long> values) {
        StringBuilder out = new StringBuilder();
        values.forEach(v -> out.append(out.length() == 0 ? "" : ",").append(v));
        return out.length() == 0 ? "-" : out.toString();
    }

    /** One field of an INFO answer, escaped and bounded: the server's words reach the terminal and the report. */
    static String info(String section, String field) {
        for (String line : section.split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return SafeText.bounded(line.substring(field.length() + 1).trim(), SafeText.FIELD);
            }
        }
        return "unknown";
    }

    static int[] parseRates(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }
}
