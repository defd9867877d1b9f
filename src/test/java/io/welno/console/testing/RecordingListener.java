package io.welno.console.testing;

import io.welno.console.live.ChangeKind;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.FeedListener;
import io.welno.console.live.FeedMode;
import io.welno.console.live.SessionChange;
import io.welno.console.session.SessionDocument;
import io.welno.console.store.StoredSession;
import io.welno.console.text.Phrase;
import io.welno.console.view.Wording;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A consumer like the UI's: applies every batch to a view (id → session), records batches, modes and the threads
 * that called it, and lets a test await a condition (no sleeps: it waits on the listener's monitor, woken by every
 * callback, with a short re-check for conditions on other objects).
 */
public final class RecordingListener implements FeedListener {

    /** A mode change as told; {@link #text()} words its phrase as the command line does. */
    public record Mode(FeedMode mode, Phrase detail) {
        public String text() {
            return Wording.cli().render(detail);
        }
    }

    public record Delivered(FeedBatch batch, long nanos) {
    }

    private final Map<String, StoredSession> view = new HashMap<>();
    private final List<Delivered> batches = new ArrayList<>();
    private final List<SessionChange> changes = new ArrayList<>();
    private final List<Mode> modes = new ArrayList<>();
    private final List<long[]> progress = new ArrayList<>();
    private final Set<String> threads = new HashSet<>();
    private int batchesWithRepeatedIds;
    private int snapshotsCompleted;
    private long loadedInSnapshot;

    @Override
    public synchronized void onBatch(FeedBatch batch) {
        threads.add(Thread.currentThread().getName());
        batches.add(new Delivered(batch, System.nanoTime()));
        Set<String> ids = new HashSet<>();
        for (SessionChange change : batch.changes()) {
            if (!ids.add(change.id())) {
                batchesWithRepeatedIds++;
            }
            changes.add(change);
            if (change.kind().ended()) {
                view.remove(change.id());
            } else {
                view.put(change.id(), change.session());
            }
        }
        if (batch.snapshotComplete()) {
            snapshotsCompleted++;
        }
        notifyAll();
    }

    @Override
    public synchronized void onModeChanged(FeedMode mode, Phrase detail) {
        threads.add(Thread.currentThread().getName());
        modes.add(new Mode(mode, detail));
        notifyAll();
    }

    @Override
    public synchronized void onSnapshotProgress(long loaded, boolean done) {
        progress.add(new long[] {loaded, done ? 1 : 0});
        loadedInSnapshot = done ? 0 : loaded;
        notifyAll();
    }

    /** Waits until the condition holds; fails with the description and what was recorded. */
    public void await(String description, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for: "
                            + description + "\nmodes: " + modes + "\nview: " + view.keySet()
                            + "\nlast changes: " + lastChanges(20));
                }
                try {
                    // Woken by every callback; re-checks at least every 20 ms for conditions on other objects.
                    wait(Math.max(1, Math.min(20, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted while waiting for: " + description);
                }
            }
        }
    }

    public void await(String description, BooleanSupplier condition) {
        await(description, Await.EVENTUALLY, condition);
    }

    public void awaitMode(FeedMode mode) {
        awaitMode(mode, Await.EVENTUALLY);
    }

    /**
     * Waits until the feed is in {@code mode}, or has been since this call: a passing mode such as RECONNECTING can be
     * over before a busy machine lets the test look at it.
     */
    public void awaitMode(FeedMode mode, Duration timeout) {
        int from;
        synchronized (this) {
            from = modes.size();
        }
        await("mode " + mode, timeout, () -> !modes.isEmpty() && modes.get(modes.size() - 1).mode() == mode
                || modes.subList(from, modes.size()).stream().anyMatch(m -> m.mode() == mode));
    }

    public void awaitSnapshots(int count) {
        await(count + " completed snapshot(s)", () -> snapshotsCompleted >= count);
    }

    public synchronized boolean has(String id) {
        return view.containsKey(id);
    }

    public synchronized StoredSession session(String id) {
        return view.get(id);
    }

    public synchronized String status(String id) {
        StoredSession session = view.get(id);
        return session != null && session.parsed() instanceof SessionDocument doc ? doc.status().wire() : null;
    }

    /** A top-level field of the viewed document as text (e.g. a counter the test wrote). */
    public synchronized String field(String id, String field) {
        StoredSession session = view.get(id);
        return session != null && session.parsed() instanceof SessionDocument doc
                ? doc.tree().path(field).asText(null) : null;
    }

    public synchronized Set<String> ids() {
        return new HashSet<>(view.keySet());
    }

    public synchronized List<ChangeKind> kinds(String id) {
        return changes.stream().filter(c -> c.id().equals(id)).map(SessionChange::kind).collect(Collectors.toList());
    }

    /** The last change delivered for {@code id}, or null. */
    public synchronized SessionChange last(String id) {
        SessionChange found = null;
        for (SessionChange change : changes) {
            if (change.id().equals(id)) {
                found = change;
            }
        }
        return found;
    }

    public synchronized ChangeKind lastKind(String id) {
        List<ChangeKind> kinds = kinds(id);
        return kinds.isEmpty() ? null : kinds.get(kinds.size() - 1);
    }

    public synchronized List<Mode> modes() {
        return new ArrayList<>(modes);
    }

    public synchronized List<FeedMode> modeSequence() {
        return modes.stream().map(Mode::mode).collect(Collectors.toList());
    }

    /** The latest report of {@code mode} (null if there was none), whether or not the feed has moved on since. */
    public synchronized Mode lastReported(FeedMode mode) {
        for (int i = modes.size() - 1; i >= 0; i--) {
            if (modes.get(i).mode() == mode) {
                return modes.get(i);
            }
        }
        return null;
    }

    public synchronized Mode lastMode() {
        return modes.isEmpty() ? null : modes.get(modes.size() - 1);
    }

    public synchronized List<Delivered> batches() {
        return new ArrayList<>(batches);
    }

    public synchronized List<long[]> progress() {
        return new ArrayList<>(progress);
    }

    public synchronized int batchesWithRepeatedIds() {
        return batchesWithRepeatedIds;
    }

    public synchronized int snapshotsCompleted() {
        return snapshotsCompleted;
    }

    public synchronized Set<String> threads() {
        return new HashSet<>(threads);
    }

    public synchronized int changeCount() {
        return changes.size();
    }

    /** Sessions delivered so far by the snapshot in progress (0 when none is). */
    public synchronized long loadedInSnapshot() {
        return loadedInSnapshot;
    }

    public synchronized int size() {
        return view.size();
    }

    public synchronized long count(ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    private List<String> lastChanges(int n) {
        return changes.subList(Math.max(0, changes.size() - n), changes.size()).stream()
                .map(c -> c.kind() + " " + c.id()).collect(Collectors.toList());
    }
}
