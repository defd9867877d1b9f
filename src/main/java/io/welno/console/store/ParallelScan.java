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
 * Lists every session of one or more servers with the scan, the reads and the parsing overlapped: one SCAN loop per
 * server ({@code MATCH prefix* COUNT scanCount}, de-duplicated, since SCAN may repeat keys); as soon as a chunk of
 * keys is found it goes to a reader, which only sends the pipeline and takes the bytes ({@link SessionReader#fetch})
 * and goes on to the next chunk, while a parser turns those bytes into sessions ({@link SessionReader#parse}). So
 * Redis always has a SCAN and a read to work on, and parsing never holds up either (a reader that also parsed left
 * Redis idle for a quarter of a pass on two cores). Chunks waiting for a reader and read chunks waiting for a
 * parser are both bounded, which bounds the memory of a large pass. The live feed's snapshots and polls and the
 * store's {@code scan} (the command line's {@code list}) both run on this.
 */
public final class ParallelScan {

    /** COUNT of each SCAN call. */
    public static final int DEFAULT_SCAN_COUNT = 1000;
    /** Keys per pipelined read. */
    public static final int DEFAULT_CHUNK = 200;
    /** Parallel readers: two, so that one's request waits at Redis while the other's answer is taken. */
    public static final int DEFAULT_READERS = 2;
    /** Parallel parsers. */
    public static final int DEFAULT_PARSERS = 2;
    /** Chunks of keys that may wait for a reader (2048 × 200 keys: ~400,000 by default). */
    public static final int MAX_WAITING_CHUNKS = 2048;
    /** Read chunks that may wait for a parser (their values are in memory: 8 × 200 sessions, a few MB). */
    public static final int MAX_READ_CHUNKS = 8;

    /**
     * What a pass does with what it finds.
     *
     * @param <F> what a read hands to the parsing
     */
    public interface Handler<F> {
        /** Reads one chunk of keys found on {@code servers.get(server)}; runs on a reader thread. */
        F fetch(int server, List<String> keys) throws Exception;

        /** Parses one chunk {@link #fetch} read; runs on a parser thread. */
        void parse(int server, F fetched) throws Exception;

        /** Every server was scanned and every chunk parsed. At most once, never after a failure or cancel. */
        void done();

        /** The pass failed (a SCAN, a read or a parse threw); at most once, never after done or cancel. */
        void failed(Throwable cause);
    }

    /** One running pass. */
    public static final class Pass {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean finished = new AtomicBoolean();
        private final AtomicInteger outstanding = new AtomicInteger();
        private final Semaphore waiting = new Semaphore(MAX_WAITING_CHUNKS);
        private final Semaphore read = new Semaphore(MAX_READ_CHUNKS);
        private final Handler<?> handler;

        private Pass(Handler<?> handler) {
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
    private final Executor parsePool;
    private final int scanCount;
    private final int chunk;

    /**
     * @param scanPool  runs one SCAN loop per server at a time (a thread each while the pass lasts)
     * @param readPool  runs the reads; its thread count is the number of parallel readers
     * @param parsePool runs the parsing; its thread count is the number of parallel parsers
     */
    public ParallelScan(Executor scanPool, Executor readPool, Executor parsePool, int scanCount, int chunk) {
        this.scanPool = scanPool;
        this.readPool = readPool;
        this.parsePool = parsePool;
        this.scanCount = scanCount;
        this.chunk = chunk;
    }

    /** Starts a pass over {@code servers}; returns at once. */
    public <F> Pass start(List<SessionReader> servers, Handler<F> handler) {
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

    private <F> void scan(Pass pass, int server, SessionReader reader) {
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
                addUnseen(page.getResult(), seen, keys);
                // Only a few rounds a page loop here; the loop over the page's keys is a method of its own. With it
                // inline, the JIT compiled this whole method, the SCAN's call into Jedis inlined, while the first
                // pass was still parsing on the same cores (about a second of compiling on two cores).
                while (keys.size() >= chunk) {
                    List<String> full = new ArrayList<>(keys.subList(0, chunk));
                    keys.subList(0, chunk).clear();
                    submit(pass, server, full);
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

    /** Appends the keys of a page not seen before: SCAN may return a key more than once while the table is rehashing. */
    private static void addUnseen(List<String> page, Set<String> seen, List<String> keys) {
        for (String key : page) {
            if (seen.add(key)) {
                keys.add(key);
            }
        }
    }

    private <F> void submit(Pass pass, int server, List<String> keys) throws InterruptedException {
        acquire(pass, pass.waiting);
        pass.outstanding.incrementAndGet();
        try {
            readPool.execute(() -> {
                F fetched;
                try {
                    if (pass.cancelled()) {
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    Handler<F> handler = (Handler<F>) pass.handler;
                    fetched = handler.fetch(server, keys);
                } catch (Throwable e) {
                    pass.fail(e);
                    return;
                } finally {
                    pass.waiting.release();
                }
                hand(pass, server, fetched);
            });
        } catch (RejectedExecutionException e) {
            pass.waiting.release();
            throw e;
        }
    }

    /** Gives a read chunk to a parser; the reader waits here while {@link #MAX_READ_CHUNKS} are waiting already. */
    private <F> void hand(Pass pass, int server, F fetched) {
        try {
            acquire(pass, pass.read);
        } catch (InterruptedException e) {
            if (!pass.cancelled()) {
                Thread.currentThread().interrupt();
                pass.fail(e);
            }
            return;
        }
        try {
            parsePool.execute(() -> {
                try {
                    if (pass.cancelled()) {
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    Handler<F> handler = (Handler<F>) pass.handler;
                    handler.parse(server, fetched);
                    pass.finishOne();
                } catch (Throwable e) {
                    pass.fail(e);
                } finally {
                    pass.read.release();
                }
            });
        } catch (RejectedExecutionException e) {
            pass.read.release();
            pass.fail(e);
        }
    }

    private static void acquire(Pass pass, Semaphore permits) throws InterruptedException {
        while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (pass.cancelled()) {
                throw new InterruptedException("cancelled");
            }
        }
    }
}
