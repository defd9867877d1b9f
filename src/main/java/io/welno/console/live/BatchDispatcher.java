package io.welno.console.live;

import io.welno.console.store.SessionReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that talks to the {@link FeedListener}. At most once per batch window it takes the push backlog
 * (one entry per key), reads those keys in one pipeline per server, merges in the snapshot/poll chunks that have
 * arrived, and delivers everything as one {@link FeedBatch} with at most one change per session. The first change
 * after a quiet period goes out at once; under load, one batch per window. While it waits out a window it reads
 * ahead: keys pushed meanwhile are read every {@link #READ_AHEAD_SLICES}th of a window and held for the next batch,
 * so a batch's delivery no longer waits for the reads of the whole window's keys. Mode changes and progress are
 * passed on immediately, in order with the batches.
 *
 * <p>One class of over 400 lines because its state is its thread's: the changes read ahead, the next window's and
 * read-ahead's times and a pass's progress are read and written without locks on the dispatcher thread alone. Split
 * into classes, that confinement would no longer show in one place, and the pacing, the reads and the delivery
 * would have to hand that state to each other on every batch.
 */
final class BatchDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(BatchDispatcher.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * Read-ahead steps per window. At 10,000 writes a second a batch used to read its 400 keys only when its window
     * was over, and every change waited for that read on top of the window (docs/BENCHMARKS.md); a step of an eighth
     * of a window keeps a batch's last read small while adding at most eight small pipelines a window at low rates.
     */
    static final int READ_AHEAD_SLICES = 8;

    /** What the dispatcher needs from the feed. */
    interface Host {
        /** The current connection, or null while disconnected. */
        RedisSessionFeed.Link link();

        /** The pass in flight, or null. */
        ScanRun activeRun();

        /** A read on the given connection generation failed. */
        void readFailed(long generation, Throwable cause);

        /** A pass was completed (or failed) and delivered. */
        void passEnded(ScanRun run, Throwable failure);

        /** The push backlog overflowed: a resync is needed. */
        void backlogOverflowed();

        /** A cluster node answered MOVED/ASK: slots are moving; check the topology now. */
        void redirected();

        /** The feed's parsers, shared with its snapshots and polls. */
        Executor parsers();
    }

    private final FeedListener listener;
    private final ChangeCoalescer coalescer;
    private final FeedState state;
    private final AtomicLong sequence;
    private final Host host;
    private final long windowNanos;
    private final long readAheadNanos;
    private final int maxReadsPerBatch;
    /** Keys per pipelined push read. */
    private final int chunk;
    private final ConcurrentLinkedQueue<ScanRun.Item> scanItems = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> outbox = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong keysReadAhead = new AtomicLong();
    private volatile boolean stopping;
    /** A pass's last item (done or failed) is queued. */
    private volatile boolean passEnded;
    private volatile int knownSessions;
    private volatile int tombstones;
    private long nextBatchNanos = System.nanoTime();
    /** Changes read ahead for the next batch, already applied to {@link #state}; dispatcher thread only. */
    private LatestById<SessionChange> held = new LatestById<>();
    /** Pushed keys read into {@link #held}, counted against the next batch's {@link #maxReadsPerBatch}. */
    private int heldReads;
    private long nextReadAheadNanos = System.nanoTime();
    private long loadedInRun;
    private ScanRun progressRun;
    private long lastReportedLoaded = -1;

    BatchDispatcher(FeedListener listener, ChangeCoalescer coalescer, FeedState state, AtomicLong sequence,
                    Host host, FeedOptions options, ThreadFactory threads) {
        this.listener = listener;
        this.coalescer = coalescer;
        this.state = state;
        this.sequence = sequence;
        this.host = host;
        this.windowNanos = options.batchWindow().toNanos();
        this.readAheadNanos = Math.max(1, windowNanos / READ_AHEAD_SLICES);
        // A push backlog is read in steps of ten chunks a batch: at 10,000 writes a second a backlog of tens of
        // thousands of keys used to be read whole before the first of them was delivered (seconds of delay).
        this.maxReadsPerBatch = 10 * options.fetchChunk();
        this.chunk = options.fetchChunk();
        this.thread = threads.newThread(this::run);
    }

    void start() {
        thread.start();
    }

    /** Something arrived (an event, a chunk): look soon. Cheap; callable from any thread. */
    void wake() {
        LockSupport.unpark(thread);
    }

    void accept(ScanRun.Item item) {
        scanItems.add(item);
        if (!(item instanceof ScanRun.Chunk)) {
            passEnded = true;
        }
        wake();
    }

    /** Runs a listener notification on the dispatcher thread, before the next batch. */
    void post(Runnable notification) {
        outbox.add(notification);
        wake();
    }

    /** Delivers what is already posted, then ends the thread. */
    void stop(long timeoutMillis) {
        stopping = true;
        wake();
        if (Thread.currentThread() == thread) {
            return; // close() called from a listener callback: the loop ends when the callback returns.
        }
        try {
            thread.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    int knownSessions() {
        return knownSessions;
    }

    int tombstones() {
        return tombstones;
    }

    int queuedChunks() {
        return scanItems.size();
    }

    long batchesDelivered() {
        return batches.get();
    }

    long keysReadAhead() {
        return keysReadAhead.get();
    }

    private void run() {
        while (true) {
            runOutbox();
            if (stopping) {
                runOutbox();
                return;
            }
            if (scanItems.isEmpty() && coalescer.isEmpty() && !coalescer.overflowed() && held.isEmpty()) {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                continue;
            }
            long now = System.nanoTime();
            long wait = nextBatchNanos - now;
            // The batch that ends a pass goes out at once: the window paces a stream of changes, and waiting out
            // the rest of it only made a snapshot look up to one window slower.
            if (wait > 0 && !passEnded) {
                boolean mayReadAhead = !coalescer.isEmpty() && heldReads < maxReadsPerBatch;
                if (mayReadAhead && now - nextReadAheadNanos >= 0) {
                    readAhead(now);
                } else {
                    LockSupport.parkNanos(this, mayReadAhead ? Math.min(wait, nextReadAheadNanos - now) : wait);
                }
                continue;
            }
            passEnded = false;
            try {
                // The window runs from the start of a batch, not its end: batches still begin at most once a
                // window, and the time spent reading one is not added to the wait of the changes behind it.
                long started = System.nanoTime();
                if (buildAndDeliver()) {
                    nextBatchNanos = started + windowNanos;
                }
            } catch (Throwable e) {
                LOG.error("Building a feed batch failed", e);
            }
        }
    }

    private void runOutbox() {
        for (Runnable notification = outbox.poll(); notification != null; notification = outbox.poll()) {
            try {
                notification.run();
            } catch (Throwable e) {
                LOG.warn("The feed listener failed: {}", e.toString());
            }
        }
    }

    /**
     * Reads the pushed keys waiting now into {@link #held}, within the next batch's share of reads. Applying them to
     * the state before the snapshot chunks still queued is safe: the state orders every read by its sequence number,
     * not by when it is applied.
     */
    private void readAhead(long now) {
        nextReadAheadNanos = now + readAheadNanos;
        try {
            int taken = readPushed(held, host.activeRun() != null, maxReadsPerBatch - heldReads);
            heldReads += taken;
            keysReadAhead.addAndGet(taken);
        } catch (Throwable e) {
            LOG.error("Reading ahead for a feed batch failed", e);
        }
    }

    /** @return true when a batch was delivered */
    private boolean buildAndDeliver() {
        LatestById<SessionChange> changes = held;
        held = new LatestById<>();
        int readsLeft = maxReadsPerBatch - heldReads;
        heldReads = 0;
        boolean fromSnapshot = false;
        boolean complete = false;
        ScanRun completed = null;

        // Snapshot / poll chunks first: their reads are older than the push reads made below. The changes read ahead
        // are in already; where a chunk read the same session, the state's sequence numbers say which read is newer.
        List<ScanRun> ended = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        int items = scanItems.size();
        for (int i = 0; i < items; i++) {
            ScanRun.Item item = scanItems.poll();
            if (item == null) {
                break;
            }
            // A cancelled pass (replaced by a newer one, or its connection dropped) delivers nothing.
            if (item.run() != host.activeRun() || item.run() == completed) {
                continue;
            }
            if (item instanceof ScanRun.Chunk chunk) {
                boolean snapshot = chunk.run().snapshot();
                for (NodeReader.Read read : chunk.reads()) {
                    merge(changes, state.applyRead(read, chunk.seq(), snapshot, snapshot));
                }
                if (snapshot) {
                    fromSnapshot = true;
                    trackProgress(chunk.run(), chunk.reads().size());
                }
            } else if (item instanceof ScanRun.Done done) {
                for (SessionChange gone : state.completePass(done.run())) {
                    merge(changes, gone);
                }
                if (done.run().snapshot()) {
                    fromSnapshot = true;
                    complete = true;
                    trackProgress(done.run(), 0);
                }
                ended.add(done.run());
                failures.add(null);
                completed = done.run();
            } else if (item instanceof ScanRun.Failed failed) {
                state.passAbandoned();
                ended.add(failed.run());
                failures.add(failed.cause());
                completed = failed.run();
            }
        }

        if (coalescer.takeOverflow()) {
            coalescer.clear();
            host.backlogOverflowed();
        }
        ScanRun inFlight = host.activeRun();
        readPushed(changes, inFlight != null && inFlight != completed, readsLeft);

        knownSessions = state.size();
        tombstones = state.tombstones();
        if (progressRun != null && (loadedInRun != lastReportedLoaded || complete)) {
            long loaded = loadedInRun;
            boolean done = complete;
            lastReportedLoaded = loaded;
            notifyListener(() -> listener.onSnapshotProgress(loaded, done));
            if (complete) {
                progressRun = null;
            }
        }
        boolean delivered = false;
        if (!changes.isEmpty() || complete) {
            FeedBatch batch = new FeedBatch(List.copyOf(changes.values()), fromSnapshot, complete);
            batches.incrementAndGet();
            notifyListener(() -> listener.onBatch(batch));
            delivered = true;
        }
        for (int i = 0; i < ended.size(); i++) {
            host.passEnded(ended.get(i), failures.get(i));
        }
        return delivered;
    }

    private void trackProgress(ScanRun run, int loaded) {
        if (progressRun != run) {
            progressRun = run;
            loadedInRun = 0;
            lastReportedLoaded = -1;
        }
        loadedInRun += loaded;
    }

    /**
     * Reads at most {@code max} keys of the push backlog, longest-waiting first: server by server, a pipeline per
     * chunk; deletions need no read.
     *
     * @return how many pending keys were taken
     */
    private int readPushed(LatestById<SessionChange> changes, boolean inPass, int max) {
        if (coalescer.isEmpty()) {
            return 0;
        }
        List<ChangeCoalescer.Pending> pending = coalescer.drain(max);
        RedisSessionFeed.Link link = host.link();
        if (link == null) {
            return pending.size();
        }
        Map<Integer, List<String>> readsByNode = new LinkedHashMap<>();
        long endedSeq = sequence.incrementAndGet();
        for (ChangeCoalescer.Pending p : pending) {
            if (p.generation() != link.generation()) {
                continue;
            }
            switch (p.action()) {
                case READ -> readsByNode.computeIfAbsent(p.node(), n -> new ArrayList<>()).add(p.key());
                case REMOVED -> merge(changes, state.applyEnded(link.idOf(p.key()), endedSeq, ChangeKind.REMOVED, inPass));
                case EXPIRED -> merge(changes, state.applyEnded(link.idOf(p.key()), endedSeq, ChangeKind.EXPIRED, inPass));
            }
        }
        for (Map.Entry<Integer, List<String>> entry : readsByNode.entrySet()) {
            // Numbered before the reads: a newer read of the same key (a later batch, a later pass) wins over these.
            long seq = sequence.incrementAndGet();
            List<NodeReader.Result> results;
            try {
                results = readInChunks(link.reader(entry.getKey()), entry.getValue());
            } catch (RuntimeException e) {
                host.readFailed(link.generation(), e);
                return pending.size();
            }
            boolean redirected = false;
            for (NodeReader.Result result : results) {
                for (NodeReader.Read read : result.present()) {
                    merge(changes, state.applyRead(read, seq, true));
                }
                for (String id : result.missing()) {
                    merge(changes, state.applyEnded(id, seq, null, inPass));
                }
                redirected |= result.redirected();
            }
            if (redirected) {
                host.redirected();
            }
        }
        return pending.size();
    }

    /**
     * Reads one server's keys a chunk at a time (one pipeline each) and parses every chunk but the last on a parser
     * while the next one is read: at 10,000 writes a second, parsing was the largest part of a batch and held up
     * the reads behind it. The dispatcher itself parses what no parser has begun ({@link FutureTask#run} does
     * nothing for a task already taken), so parsers busy with a snapshot never hold a push up. Pushes arrive only
     * while notifications work, when no poll compares fingerprints.
     */
    private List<NodeReader.Result> readInChunks(NodeReader reader, List<String> keys) {
        List<FutureTask<NodeReader.Result>> parses = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += chunk) {
            int to = Math.min(keys.size(), from + chunk);
            SessionReader.Fetched fetched = reader.reader().fetch(keys.subList(from, to));
            FutureTask<NodeReader.Result> parse = new FutureTask<>(() -> reader.parse(fetched, false, false));
            parses.add(parse);
            if (to < keys.size()) {
                try {
                    host.parsers().execute(parse);
                } catch (RejectedExecutionException e) {
                    // The feed is closing: parsed below, on this thread.
                }
            }
        }
        List<NodeReader.Result> results = new ArrayList<>(parses.size());
        for (FutureTask<NodeReader.Result> parse : parses) {
            parse.run();
            try {
                results.add(parse.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parsing", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            }
        }
        return results;
    }

    /** Folds a change into the batch so each id appears once, by {@link SessionChange#then}. */
    static void merge(LatestById<SessionChange> changes, SessionChange next) {
        if (next != null) {
            changes.merge(next.id(), next, SessionChange::then);
        }
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (Throwable e) {
            LOG.warn("The feed listener failed: {}", e.toString());
        }
    }
}
