package io.welno.console.live;

import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.testing.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * P1 benchmark (not a test; run by hand): connect → every backend-shaped session listed and parsed, against the
 * floor of a plain client that SCANs (COUNT 1000) and then MGETs in chunks of 500 without parsing.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat cp.txt) io.welno.console.live.LiveSnapshotBenchmark \
 *      [sessions=100000] [otherKeys=1000000] [fetchThreads=3] [fetchChunk=200]
 * </pre>
 */
public final class LiveSnapshotBenchmark {

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int others = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : FeedOptions.defaults().fetchThreads();
        int chunk = args.length > 3 ? Integer.parseInt(args[3]) : FeedOptions.defaults().fetchChunk();
        FeedOptions options = FeedOptions.defaults().withScan(FeedOptions.defaults().scanCount(), chunk, threads);
        List<String> docs = new ArrayList<>();
        for (String name : Fixtures.ORDINARY) {
            docs.add(Fixtures.text(name));
        }
        try (EmbeddedRedis server = EmbeddedRedis.start(List.of("maxmemory 4gb"));
             RedisClient client = RedisClient.create(server.host(), server.port())) {
            long t0 = System.nanoTime();
            try (AbstractPipeline pipeline = client.pipelined()) {
                for (int i = 0; i < sessions; i++) {
                    pipeline.set(Docs.key("bench-" + i), docs.get(i % docs.size()));
                    if (i % 10_000 == 0) {
                        pipeline.sync();
                    }
                }
                for (int i = 0; i < others; i++) {
                    pipeline.set("other:" + i, "x");
                    if (i % 10_000 == 0) {
                        pipeline.sync();
                    }
                }
            }
            System.out.printf("loaded %d sessions + %d other keys in %d ms (%s)%n", sessions, others,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), server.executable());
            for (int round = 1; round <= 3; round++) {
                long floor = floor(client);
                long[] feed = feed(server, sessions, options);
                System.out.printf("round %d: floor (SCAN then MGET 500, no parsing) %d ms; feed (listed and parsed) "
                        + "%d ms = %.2fx floor; first rows after %d ms%n", round, floor, feed[0],
                        feed[0] / (double) floor, feed[1]);
            }
        }
    }

    private static long floor(RedisClient client) {
        long t0 = System.nanoTime();
        Set<String> keys = new LinkedHashSet<>();
        ScanParams params = new ScanParams().match(Docs.PREFIX + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = client.scan(cursor, params);
            cursor = page.getCursor();
            keys.addAll(page.getResult());
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        List<String> all = new ArrayList<>(keys);
        long bytes = 0;
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            for (String value : client.mget(chunk.toArray(new String[0]))) {
                bytes += value == null ? 0 : value.length();
            }
        }
        if (bytes == 0) {
            throw new IllegalStateException("nothing read");
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static long[] feed(EmbeddedRedis server, int sessions, FeedOptions options) throws InterruptedException {
        CountDownLatch complete = new CountDownLatch(1);
        AtomicLong firstRows = new AtomicLong(-1);
        AtomicLong count = new AtomicLong();
        long t0 = System.nanoTime();
        try (RedisSessionFeed feed = new RedisSessionFeed(RedisConnectionSettings.parse(server.url()),
                new SessionCodec(), options)) {
            feed.start(new FeedListener() {
                @Override
                public void onBatch(FeedBatch batch) {
                    if (!batch.changes().isEmpty()) {
                        firstRows.compareAndSet(-1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                    }
                    count.addAndGet(batch.changes().size());
                    if (batch.snapshotComplete()) {
                        complete.countDown();
                    }
                }
            });
            if (!complete.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("no complete snapshot");
            }
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (count.get() != sessions) {
                throw new IllegalStateException("listed " + count.get() + " of " + sessions);
            }
            return new long[] {elapsed, firstRows.get()};
        }
    }
}
