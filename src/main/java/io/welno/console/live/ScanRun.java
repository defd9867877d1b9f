package io.welno.console.live;

import io.welno.console.store.ParallelScan;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One pass over every key under the prefix on every primary: a snapshot/resync (every session is delivered) or a
 * poll (only what changed since the last pass is delivered). Reads of the pass carry sequence numbers greater than
 * {@link #startSeq()}, so when it completes every known session with an older read was not found: it is gone.
 */
final class ScanRun {

    enum Kind { SNAPSHOT, POLL }

    /** Items the loader hands to the dispatcher, in order. */
    sealed interface Item permits Chunk, Done, Failed {
        ScanRun run();
    }

    record Chunk(ScanRun run, long seq, List<NodeReader.Read> reads) implements Item {
    }

    record Done(ScanRun run) implements Item {
    }

    record Failed(ScanRun run, Throwable cause) implements Item {
    }

    private final long id;
    private final Kind kind;
    private final long startSeq;
    private final long generation;
    private final boolean fingerprints;
    private final AtomicLong keysFound = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile ParallelScan.Pass pass;
    private final long startedNanos = System.nanoTime();

    /** @param fingerprints whether values are fingerprinted: when the feed polls (polls tell changes by them) */
    ScanRun(long id, Kind kind, long startSeq, long generation, boolean fingerprints) {
        this.id = id;
        this.kind = kind;
        this.startSeq = startSeq;
        this.generation = generation;
        this.fingerprints = fingerprints;
    }

    long id() {
        return id;
    }

    Kind kind() {
        return kind;
    }

    long startSeq() {
        return startSeq;
    }

    long generation() {
        return generation;
    }

    boolean fingerprints() {
        return fingerprints;
    }

    boolean snapshot() {
        return kind == Kind.SNAPSHOT;
    }

    long startedNanos() {
        return startedNanos;
    }

    AtomicLong keysFound() {
        return keysFound;
    }

    /** The loader's pass for this run; a run cancelled before it started cancels it at once. */
    void started(ParallelScan.Pass started) {
        pass = started;
        if (cancelled.get()) {
            started.cancel();
        }
    }

    void cancel() {
        cancelled.set(true);
        ParallelScan.Pass running = pass;
        if (running != null) {
            running.cancel();
        }
    }

    boolean cancelled() {
        return cancelled.get();
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + "#" + id;
    }
}
