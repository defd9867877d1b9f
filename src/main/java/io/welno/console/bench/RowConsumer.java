package io.welno.console.bench;

import io.welno.console.view.SessionRow;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.FeedListener;
import io.welno.console.live.FeedMode;
import io.welno.console.live.FeedPhrases;
import io.welno.console.text.Phrase;
import io.welno.console.view.Wording;
import io.welno.console.live.SessionChange;
import io.welno.console.session.SessionDocument;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A consumer doing the view model's work without a window: every change becomes a {@link SessionRow} (parsed,
 * masked, ready for cells) kept in a map by id; ended sessions leave it. While a P2 phase records, the write stamp
 * of every delivered document gives the write → consumer latency.
 */
final class RowConsumer implements FeedListener {

    private final Map<String, SessionRow> rows = new ConcurrentHashMap<>();
    private final AtomicLong snapshots = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private volatile FeedMode mode = FeedMode.OFFLINE;
    private volatile Phrase modeDetail = FeedPhrases.notStarted();
    private volatile long batchMaxNanos;
    // Recording of one P2 phase; touched by the dispatcher thread only while it runs.
    private volatile LatencyRecorder recorder;
    private volatile long phaseStartNanos = Long.MAX_VALUE;
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();

    @Override
    public void onBatch(FeedBatch batch) {
        long t0 = System.nanoTime();
        LatencyRecorder rec = recorder;
        for (SessionChange change : batch.changes()) {
            changes.incrementAndGet();
            if (change.kind().ended()) {
                rows.remove(change.id());
                continue;
            }
            rows.put(change.id(), SessionRow.of(change.session()));
            if (rec != null && change.session().parsed() instanceof SessionDocument) {
                long stamp = stampOf(change.session().value());
                if (stamp >= phaseStartNanos && seen.add(stamp)) {
                    rec.add(System.nanoTime() - stamp);
                    delivered.incrementAndGet();
                }
            }
        }
        long spent = System.nanoTime() - t0;
        if (spent > batchMaxNanos) {
            batchMaxNanos = spent;
        }
        if (batch.snapshotComplete()) {
            synchronized (this) {
                snapshots.incrementAndGet();
                notifyAll();
            }
        }
    }

    private static final byte[] STAMP = ("\"" + BenchCorpus.STAMP_FIELD + "\": ").getBytes(StandardCharsets.UTF_8);

    /**
     * The write stamp, found in the stored bytes (the corpus writes it last): the view model never parses the tree
     * of a row, so the bench's own instrument must not either.
     */
    static long stampOf(byte[] value) {
        outer:
        for (int at = value.length - STAMP.length; at >= 0; at--) {
            for (int i = 0; i < STAMP.length; i++) {
                if (value[at + i] != STAMP[i]) {
                    continue outer;
                }
            }
            long stamp = 0;
            for (int i = at + STAMP.length; i < value.length && value[i] >= '0' && value[i] <= '9'; i++) {
                stamp = stamp * 10 + (value[i] - '0');
            }
            return stamp;
        }
        return 0;
    }

    @Override
    public void onModeChanged(FeedMode next, Phrase detail) {
        mode = next;
        modeDetail = detail;
    }

    /** Waits for the n-th completed snapshot. */
    boolean awaitSnapshots(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (snapshots.get() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** Starts recording stamps written from now on; resets the batch-time maximum. */
    void record(LatencyRecorder into) {
        delivered.set(0);
        batchMaxNanos = 0;
        phaseStartNanos = System.nanoTime();
        recorder = into;
    }

    /** Stops recording (the seen set is cleared on the next phase by the dispatcher thread's next use). */
    void stopRecording() {
        recorder = null;
        phaseStartNanos = Long.MAX_VALUE;
    }

    /** Clears the dedup set between phases; call only when not recording. */
    void resetSeen() {
        seen.clear();
    }

    /** Whether the write with this stamp has reached the consumer during the current phase. */
    boolean hasSeen(long stamp) {
        return seen.contains(stamp);
    }

    long delivered() {
        return delivered.get();
    }

    int rows() {
        return rows.size();
    }

    long changes() {
        return changes.get();
    }

    double batchMaxMillis() {
        return batchMaxNanos / 1e6;
    }

    FeedMode mode() {
        return mode;
    }

    /** The feed's last word on its mode, in English, for a bench failure's message. */
    String modeDetail() {
        return Wording.cli().render(modeDetail);
    }
}
