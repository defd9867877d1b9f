package io.welno.console.live;

import io.welno.console.text.Phrase;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands what a feed tells to every subscribed listener, each on a thread of its own, so the revert watch, the
 * window and the command line follow one feed independently. Each listener has a mailbox: events wait there in
 * order, and batches that wait side by side are merged ({@link SessionChange#then}, one change per session), so a
 * listener that lags holds at most one change per session instead of a growing queue, and it alone is late. A
 * listener that throws is logged and told the next event all the same.
 */
final class FeedBus implements FeedListener {

    private static final Logger LOG = LoggerFactory.getLogger(FeedBus.class);

    private final ThreadFactory threads;
    private final List<Mailbox> mailboxes = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private FeedMode lastMode;
    private Phrase lastDetail;
    private boolean closed;

    /** @param threads makes one thread per subscribed listener */
    FeedBus(ThreadFactory threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    SessionFeed.Subscription subscribe(FeedListener listener) {
        Mailbox box = new Mailbox(Objects.requireNonNull(listener, "listener"));
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("The feed is closed");
            }
            if (lastMode != null) {
                box.offer(new ModeEvent(lastMode, lastDetail)); // joins a running feed: the mode first
            }
            mailboxes.add(box);
            box.thread = threads.newThread(box);
        }
        box.thread.start();
        return () -> {
            mailboxes.remove(box);
            box.stop(false);
        };
    }

    int listeners() {
        return mailboxes.size();
    }

    @Override
    public void onBatch(FeedBatch batch) {
        for (Mailbox box : mailboxes) {
            box.offer(batch);
        }
    }

    @Override
    public void onModeChanged(FeedMode mode, Phrase detail) {
        synchronized (lock) {
            lastMode = mode;
            lastDetail = detail;
            for (Mailbox box : mailboxes) {
                box.offer(new ModeEvent(mode, detail));
            }
        }
    }

    @Override
    public void onSnapshotProgress(long loaded, boolean done) {
        for (Mailbox box : mailboxes) {
            box.offer(new Progress(loaded, done));
        }
    }

    @Override
    public void onPlaces(List<FileFallbackFeed.Place> places) {
        List<FileFallbackFeed.Place> copy = List.copyOf(places);
        for (Mailbox box : mailboxes) {
            box.offer(copy);
        }
    }

    /**
     * Delivers what is already queued, then ends every listener's thread, waiting at most {@code timeoutMillis} in
     * all (a listener that never returns is left behind, not waited for). Callable from a listener.
     */
    void close(long timeoutMillis) {
        synchronized (lock) {
            closed = true;
        }
        for (Mailbox box : mailboxes) {
            box.stop(true);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (Mailbox box : mailboxes) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (box.thread != Thread.currentThread() && left > 0) {
                try {
                    box.thread.join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private record ModeEvent(FeedMode mode, Phrase detail) {
    }

    private record Progress(long loaded, boolean done) {
    }

    /** Batches not yet taken by the listener; merged only when a second one arrives before it is taken. */
    private static final class Waiting {
        private FeedBatch only;
        private LatestById<SessionChange> merged;
        private boolean fromSnapshot;
        private boolean snapshotComplete;

        Waiting(FeedBatch batch) {
            this.only = batch;
        }

        void add(FeedBatch batch) {
            if (merged == null) {
                merged = new LatestById<>();
                add(only, merged);
                fromSnapshot = only.fromSnapshot();
                snapshotComplete = only.snapshotComplete();
                only = null;
            }
            add(batch, merged);
            fromSnapshot |= batch.fromSnapshot();
            snapshotComplete |= batch.snapshotComplete();
        }

        private static void add(FeedBatch batch, LatestById<SessionChange> into) {
            for (SessionChange change : batch.changes()) {
                into.merge(change.id(), change, SessionChange::then);
            }
        }

        FeedBatch batch() {
            return merged == null ? only : new FeedBatch(merged.values(), fromSnapshot, snapshotComplete);
        }
    }

    private static final class Mailbox implements Runnable {
        private final FeedListener listener;
        private final ArrayDeque<Object> queue = new ArrayDeque<>();
        private Thread thread;
        private boolean stopping;
        private boolean dropRest;

        Mailbox(FeedListener listener) {
            this.listener = listener;
        }

        synchronized void offer(Object event) {
            if (stopping) {
                return;
            }
            Object tail = queue.peekLast();
            if (event instanceof FeedBatch batch && tail instanceof Waiting waiting) {
                waiting.add(batch);
                return;
            }
            if (event instanceof Progress && tail instanceof Progress) {
                queue.pollLast(); // only the newest count matters
            }
            queue.addLast(event instanceof FeedBatch batch ? new Waiting(batch) : event);
            notifyAll();
        }

        synchronized void stop(boolean deliverQueued) {
            stopping = true;
            dropRest |= !deliverQueued;
            notifyAll();
        }

        @Override
        public void run() {
            while (true) {
                Object next;
                synchronized (this) {
                    while (queue.isEmpty() && !stopping) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (queue.isEmpty() || dropRest) {
                        return;
                    }
                    next = queue.pollFirst();
                }
                deliver(next);
            }
        }

        @SuppressWarnings("unchecked")
        private void deliver(Object event) {
            try {
                if (event instanceof Waiting waiting) {
                    listener.onBatch(waiting.batch());
                } else if (event instanceof ModeEvent mode) {
                    listener.onModeChanged(mode.mode(), mode.detail());
                } else if (event instanceof Progress progress) {
                    listener.onSnapshotProgress(progress.loaded(), progress.done());
                } else if (event instanceof List<?> places) {
                    listener.onPlaces((List<FileFallbackFeed.Place>) places);
                }
            } catch (Throwable e) {
                LOG.warn("A feed listener ({}) failed; it is told the next event all the same: {}",
                        listener.getClass().getName(), e.toString());
            }
        }
    }
}
