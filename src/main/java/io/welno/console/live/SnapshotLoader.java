package io.welno.console.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Runs a {@link ScanRun}: one SCAN loop per primary ({@code MATCH prefix* COUNT scanCount}, de-duplicated), and
 * while it goes on, chunks of keys are read (pipelined GET + PTTL) and parsed by a small pool, so reading and
 * parsing overlap the scan and each other. Every chunk is handed on as soon as it is parsed, so the first sessions
 * arrive long before the scan ends. In-flight chunks are bounded, which bounds the memory of a large snapshot.
 */
final class SnapshotLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoader.class);

    /** Chunks of keys that may wait for a reader (2048 × fetchChunk keys: ~400,000 by default). */
    static final int MAX_WAITING_CHUNKS = 2048;

    private final ExecutorService scanPool;
    private final ExecutorService fetchPool;
    private final FeedOptions options;
    private final AtomicLong sequence;
    private final Consumer<ScanRun.Item> output;
    private final int maxInFlight;

    SnapshotLoader(ExecutorService scanPool, ExecutorService fetchPool, FeedOptions options, AtomicLong sequence,
                   Consumer<ScanRun.Item> output) {
        this.scanPool = scanPool;
        this.fetchPool = fetchPool;
        this.options = options;
        this.sequence = sequence;
        this.output = output;
        this.maxInFlight = MAX_WAITING_CHUNKS;
    }

    void start(ScanRun run, List<NodeReader> nodes) {
        // One count for each node's scan loop and one for each chunk; the run is done when all are.
        AtomicInteger outstanding = new AtomicInteger(nodes.size());
        Semaphore inFlight = new Semaphore(maxInFlight);
        for (NodeReader node : nodes) {
            try {
                scanPool.execute(() -> scanNode(run, node, outstanding, inFlight));
            } catch (RejectedExecutionException e) {
                fail(run, e);
                return;
            }
        }
    }

    private void scanNode(ScanRun run, NodeReader node, AtomicInteger outstanding, Semaphore inFlight) {
        try {
            Set<String> seen = new HashSet<>();
            List<String> chunk = new ArrayList<>(options.fetchChunk());
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                if (run.cancelled()) {
                    return;
                }
                ScanResult<String> page = node.scan(cursor, options.scanCount());
                cursor = page.getCursor();
                for (String key : page.getResult()) {
                    // SCAN may return a key more than once while the table is rehashing.
                    if (seen.add(key)) {
                        run.keysFound().incrementAndGet();
                        chunk.add(key);
                        if (chunk.size() == options.fetchChunk()) {
                            submit(run, node, chunk, outstanding, inFlight);
                            chunk = new ArrayList<>(options.fetchChunk());
                        }
                    }
                }
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            if (!chunk.isEmpty()) {
                submit(run, node, chunk, outstanding, inFlight);
            }
            LOG.debug("{}: SCAN of {} found {} keys in {} ms", run, node, seen.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - run.startedNanos()));
            finishOne(run, outstanding);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(run, e);
        } catch (Throwable e) {
            fail(run, e);
        }
    }

    private void submit(ScanRun run, NodeReader node, List<String> keys, AtomicInteger outstanding,
                        Semaphore inFlight) throws InterruptedException {
        while (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (run.cancelled()) {
                throw new InterruptedException("cancelled");
            }
        }
        outstanding.incrementAndGet();
        try {
            fetchPool.execute(() -> {
                try {
                    if (run.cancelled()) {
                        return;
                    }
                    long seq = sequence.incrementAndGet();
                    NodeReader.Result result = node.read(keys);
                    if (!run.cancelled()) {
                        output.accept(new ScanRun.Chunk(run, seq, result.present()));
                    }
                    finishOne(run, outstanding);
                } catch (Throwable e) {
                    fail(run, e);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.release();
            throw e;
        }
    }

    private void finishOne(ScanRun run, AtomicInteger outstanding) {
        if (outstanding.decrementAndGet() == 0 && !run.cancelled() && run.finish()) {
            LOG.debug("{}: read and parsed {} keys in {} ms", run, run.keysFound().get(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - run.startedNanos()));
            output.accept(new ScanRun.Done(run));
        }
    }

    private void fail(ScanRun run, Throwable cause) {
        if (!run.cancelled() && run.finish()) {
            output.accept(new ScanRun.Failed(run, cause));
        }
        run.cancel();
    }
}
