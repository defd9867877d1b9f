package io.welno.console.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Lists every session of one or more servers with the scan overlapped with the reads: one SCAN loop per server
 * ({@code MATCH prefix* COUNT scanCount}, de-duplicated, since SCAN may repeat keys), and as soon as a chunk of keys
 * is found it goes to a pool of readers, which read and parse it ({@link SessionReader#read}) while the scan goes
 * on. Only keys wait for a reader, so parsing never holds up the scan. Chunks waiting for a reader are bounded,
 * which bounds the memory of a large pass. The live feed's snapshots and polls and the store's {@code scan} (the
 * command line's {@code list}) both run on this.
 */
public final class ParallelScan {

    /** COUNT of each SCAN call. */
    public static final int DEFAULT_SCAN_COUNT = 1000;
    /** Keys per pipelined read. */
    public static final int DEFAULT_CHUNK = 200;
    /** Parallel readers (and parsers). */
    public static final int DEFAULT_READERS = 3;
    /** Chunks of keys that may wait for a reader (2048 × 200 keys: ~400,000 by default). */
    public static final int MAX_WAITING_CHUNKS = 2048;

    /** What a pass does with what it finds. */
    public interface Handler {
        /** Reads one chunk of keys found on {@code servers.get(server)}; runs on a reader thread. */
        void read(int server, List<String> keys) throws Exception;

        /** Every server was scanned and every chunk read. Called at most once, never after a failure or cancel. */
        void done();

        /** The pass failed (a SCAN or a read threw); called at most once, never after done or cancel. */
        void failed(Throwable cause);
    }

    /** One running pass. */
    public static final class Pass {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean finished = new AtomicBoolean();
        private final AtomicInteger outstanding = new AtomicInteger();
        private final Semaphore waiting = new Semaphore(MAX_WAITING_CHUNKS);
        private final Handler handler;

        private Pass(Handler handler) {
            this.handler = handler;
        }

        /** Stops the pass: no further chunk is read and neither {@code done} nor {@code failed} is called. */
        public void cancel() {
            cancelled.set(true);
        }

        public boolean cancelled() {
            return cancelled.get();
        }

        private void finishOne() {
            if (outstanding.decrementAndGet() == 0 && !cancelled.get() && finished.compareAndSet(false, true)) {
                handler.done();
            }
        }

        private void fail(Throwable cause) {
            if (!cancelled.get() && finished.compareAndSet(false, true)) {
                handler.failed(cause);
            }
            cancelled.set(true);
        }
    }

    private final Executor scanPool;
    private final Executor readPool;
    private final int scanCount;
    private final int chunk;

    /**
     * @param scanPool runs one SCAN loop per server at a time (a thread each while the pass lasts)
     * @param readPool runs the reads; its thread count is the number of parallel readers
     */
    public ParallelScan(Executor scanPool, Executor readPool, int scanCount, int chunk) {
        this.scanPool = scanPool;
        this.readPool = readPool;
        this.scanCount = scanCount;
        this.chunk = chunk;
    }

    /** Starts a pass over {@code servers}; returns at once. */
    public Pass start(List<SessionReader> servers, Handler handler) {
        Pass pass = new Pass(handler);
        // One count for each server's scan loop and one for each chunk; the pass is done when all are.
        pass.outstanding.set(servers.size());
        for (int i = 0; i < servers.size(); i++) {
            int server = i;
            try {
                scanPool.execute(() -> scan(pass, server, servers.get(server)));
            } catch (RejectedExecutionException e) {
                pass.fail(e);
                break;
            }
        }
        if (servers.isEmpty()) {
            pass.outstanding.incrementAndGet();
            pass.finishOne();
        }
        return pass;
    }

    private void scan(Pass pass, int server, SessionReader reader) {
        try {
            Set<String> seen = new HashSet<>();
            List<String> keys = new ArrayList<>(chunk);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                if (pass.cancelled()) {
                    return;
                }
                ScanResult<String> page = reader.scan(cursor, scanCount);
                cursor = page.getCursor();
                for (String key : page.getResult()) {
                    // SCAN may return a key more than once while the table is rehashing.
                    if (seen.add(key)) {
                        keys.add(key);
                        if (keys.size() == chunk) {
                            submit(pass, server, keys);
                            keys = new ArrayList<>(chunk);
                        }
                    }
                }
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            if (!keys.isEmpty()) {
                submit(pass, server, keys);
            }
            pass.finishOne();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pass.fail(e);
        } catch (Throwable e) {
            pass.fail(e);
        }
    }

    private void submit(Pass pass, int server, List<String> keys) throws InterruptedException {
        while (!pass.waiting.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (pass.cancelled()) {
                throw new InterruptedException("cancelled");
            }
        }
        pass.outstanding.incrementAndGet();
        try {
            readPool.execute(() -> {
                try {
                    if (pass.cancelled()) {
                        return;
                    }
                    pass.handler.read(server, keys);
                    pass.finishOne();
                } catch (Throwable e) {
                    pass.fail(e);
                } finally {
                    pass.waiting.release();
                }
            });
        } catch (RejectedExecutionException e) {
            pass.waiting.release();
            throw e;
        }
    }
}
