package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Collects every flow event and lets a test wait for one (no sleeps: polls the list with a deadline). */
final class RecordingListener implements FlowListener {

    final List<ActionResult> actions = new CopyOnWriteArrayList<>();
    final List<CollectionProgress> progress = new CopyOnWriteArrayList<>();
    final List<CollectionFinished> finished = new CopyOnWriteArrayList<>();
    final List<RevertDetected> reverts = new CopyOnWriteArrayList<>();

    @Override
    public void onActionFinished(ActionResult result) {
        actions.add(result);
    }

    @Override
    public void onCollectionProgress(CollectionProgress p) {
        progress.add(p);
    }

    @Override
    public void onCollectionFinished(CollectionFinished f) {
        finished.add(f);
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void onRevertDetected(RevertDetected revert) {
        reverts.add(revert);
        synchronized (this) {
            notifyAll();
        }
    }

    CollectionFinished awaitFinished(String sessionId, Duration timeout) {
        return await(finished, f -> f.sessionId().equals(sessionId), timeout, "collection of " + sessionId + " to finish");
    }

    RevertDetected awaitRevert(String sessionId, Duration timeout) {
        return await(reverts, r -> r.sessionId().equals(sessionId), timeout, "a revert on " + sessionId);
    }

    private <T> T await(List<T> list, Predicate<T> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (T t : list) {
                    if (match.test(t)) {
                        return t;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("Timed out waiting for " + what);
                }
                try {
                    wait(Math.max(1, Math.min(50, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }
}
