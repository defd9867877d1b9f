package io.welno.console.fault;

import io.welno.console.live.ChangeKind;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.FeedListener;
import io.welno.console.live.FeedMode;
import io.welno.console.live.SessionChange;
import io.welno.console.store.StoredSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** A feed consumer that keeps the view (id → session), every change kind and mode, and lets a test await them. */
final class FeedRecorder implements FeedListener {

    record Mode(FeedMode mode, String detail) {
    }

    private final Map<String, StoredSession> view = new HashMap<>();
    private final List<ChangeKind> kinds = new ArrayList<>();
    private final List<Mode> modes = new ArrayList<>();
    private long loadedInSnapshot;
    private int snapshots;

    @Override
    public synchronized void onBatch(FeedBatch batch) {
        for (SessionChange change : batch.changes()) {
            kinds.add(change.kind());
            if (change.kind().ended()) {
                view.remove(change.id());
            } else {
                view.put(change.id(), change.session());
            }
        }
        if (batch.snapshotComplete()) {
            snapshots++;
        }
        notifyAll();
    }

    @Override
    public synchronized void onModeChanged(FeedMode mode, String detail) {
        modes.add(new Mode(mode, detail));
        notifyAll();
    }

    @Override
    public synchronized void onSnapshotProgress(long loaded, boolean done) {
        loadedInSnapshot = done ? 0 : loaded;
        notifyAll();
    }

    void await(String description, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Timed out waiting for: " + description + "; modes " + modes
                            + "; " + view.size() + " sessions in view");
                }
                try {
                    wait(Math.max(1, Math.min(20, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    void awaitMode(FeedMode mode, Duration timeout) {
        await("mode " + mode, timeout, () -> !modes.isEmpty() && modes.get(modes.size() - 1).mode() == mode);
    }

    synchronized Mode lastMode() {
        return modes.isEmpty() ? null : modes.get(modes.size() - 1);
    }

    synchronized List<Mode> modes() {
        return new ArrayList<>(modes);
    }

    synchronized int snapshots() {
        return snapshots;
    }

    /** Sessions delivered so far by the snapshot in progress (0 when none is). */
    synchronized long loadedInSnapshot() {
        return loadedInSnapshot;
    }

    synchronized int size() {
        return view.size();
    }

    synchronized StoredSession session(String id) {
        return view.get(id);
    }

    synchronized long count(ChangeKind kind) {
        return kinds.stream().filter(k -> k == kind).count();
    }
}
