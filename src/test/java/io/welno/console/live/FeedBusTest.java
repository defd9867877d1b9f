package io.welno.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Await;
import io.welno.console.text.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/**
 * Several listeners on one feed: each is told everything in order on its own thread, so one that hangs only delays
 * itself (what waits for it is merged, one change per session) and one that throws is still told the next event.
 */
class FeedBusTest {

    private static final ThreadFactory THREADS = r -> {
        Thread t = new Thread(r, "test-listener");
        t.setDaemon(true);
        return t;
    };

    /** Records what it is told; optionally blocks in its first batch, or throws from every batch. */
    private static final class Recorder implements FeedListener {
        final List<FeedBatch> batches = new ArrayList<>();
        final List<Object> events = new ArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release;
        final boolean throwing;

        Recorder(CountDownLatch release, boolean throwing) {
            this.release = release;
            this.throwing = throwing;
        }

        @Override
        public void onBatch(FeedBatch batch) {
            synchronized (this) {
                batches.add(batch);
                events.add("batch");
            }
            entered.countDown();
            if (release != null) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (throwing) {
                throw new IllegalStateException("a listener's bug");
            }
        }

        @Override
        public synchronized void onModeChanged(FeedMode mode, Phrase detail) {
            events.add(mode);
        }

        /** The last kind told per session, gone ones left out: what a consumer applying every batch would hold. */
        synchronized java.util.Map<String, ChangeKind> view() {
            java.util.Map<String, ChangeKind> view = new java.util.HashMap<>();
            for (FeedBatch batch : batches) {
                for (SessionChange change : batch.changes()) {
                    if (change.kind().ended()) {
                        view.remove(change.id());
                    } else {
                        view.put(change.id(), change.kind());
                    }
                }
            }
            return view;
        }

        synchronized int batchCount() {
            return batches.size();
        }

        synchronized List<Object> events() {
            return new ArrayList<>(events);
        }
    }

    private static FeedBatch batch(SessionChange... changes) {
        return new FeedBatch(List.of(changes), false, false);
    }

    private static SessionChange change(ChangeKind kind, String id) {
        return new SessionChange(kind, id, null);
    }

    @Test
    void aHangingListenerDelaysOnlyItselfAndOneThatThrowsIsToldTheNextEventAllTheSame() {
        FeedBus bus = new FeedBus(THREADS);
        CountDownLatch release = new CountDownLatch(1);
        Recorder fast = new Recorder(null, false);
        Recorder hanging = new Recorder(release, false);
        Recorder throwing = new Recorder(null, true);
        bus.subscribe(fast);
        bus.subscribe(hanging);
        bus.subscribe(throwing);
        assertEquals(3, bus.listeners());

        bus.onBatch(batch(change(ChangeKind.ADDED, "a")));
        Await.until("the hanging listener is inside its first batch", Await.EVENTUALLY,
                () -> hanging.entered.getCount() == 0);
        bus.onBatch(batch(change(ChangeKind.ADDED, "b")));
        bus.onBatch(batch(change(ChangeKind.UPDATED, "a")));
        bus.onBatch(batch(change(ChangeKind.ADDED, "c")));
        bus.onBatch(batch(change(ChangeKind.REMOVED, "c")));
        bus.onModeChanged(FeedMode.POLLING, FeedPhrases.stopped());

        Await.until("the fast listener has everything while the other hangs", Await.EVENTUALLY,
                () -> fast.events().contains(FeedMode.POLLING));
        assertEquals(java.util.Set.of("a", "b"), fast.view().keySet());
        assertEquals(FeedMode.POLLING, fast.events().get(fast.events().size() - 1), "the mode after the batches");
        Await.until("the throwing listener is told the mode after the batches it threw on", Await.EVENTUALLY,
                () -> throwing.events().contains(FeedMode.POLLING));
        assertEquals(java.util.Set.of("a", "b"), throwing.view().keySet());
        assertEquals(1, hanging.batchCount(), "still inside its first batch");

        release.countDown();
        Await.until("the hanging listener catches up", Await.EVENTUALLY, () -> hanging.events().size() == 3);
        assertEquals(List.of("batch", "batch", FeedMode.POLLING), hanging.events(),
                "the four batches that waited for it came as one, before the mode that followed them");
        assertEquals(List.of(change(ChangeKind.ADDED, "b"), change(ChangeKind.UPDATED, "a")),
                hanging.batches.get(1).changes(), "one change per session; c came and went unseen");
        bus.close(1000);
    }

    @Test
    void aListenerThatJoinsLateIsToldTheCurrentModeFirstAndOneThatLeavesIsToldNothingMore() {
        FeedBus bus = new FeedBus(THREADS);
        bus.onModeChanged(FeedMode.LIVE, FeedPhrases.connecting("redis://x"));
        Recorder late = new Recorder(null, false);
        SessionFeed.Subscription subscription = bus.subscribe(late);
        bus.onBatch(batch(change(ChangeKind.ADDED, "a")));
        Await.until("the late listener", Await.EVENTUALLY, () -> late.events().size() == 2);
        assertEquals(List.of(FeedMode.LIVE, "batch"), late.events());

        subscription.close();
        assertEquals(0, bus.listeners());
        bus.onBatch(batch(change(ChangeKind.ADDED, "b")));
        bus.close(1000);
        assertEquals(1, late.batchCount());
    }

    @Test
    void closingDeliversWhatIsQueuedThenEndsTheListenersThreads() {
        List<Thread> made = new ArrayList<>();
        FeedBus bus = new FeedBus(r -> {
            Thread t = THREADS.newThread(r);
            made.add(t);
            return t;
        });
        Recorder listener = new Recorder(null, false);
        bus.subscribe(listener);
        bus.onBatch(batch(change(ChangeKind.ADDED, "a")));
        bus.onModeChanged(FeedMode.OFFLINE, FeedPhrases.stopped());
        bus.close(5000);
        assertEquals(List.of("batch", FeedMode.OFFLINE), listener.events());
        assertTrue(made.stream().noneMatch(Thread::isAlive), "the listener's thread ended");
        assertThrows(IllegalStateException.class, () -> bus.subscribe(listener));
    }
}
