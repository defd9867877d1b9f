package io.welno.console.live;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The push backlog: per key, only the newest keyspace event since the last drain. A burst of writes to one key
 * therefore costs one read, however many events it produced (SETEX alone produces {@code set} + {@code expire}).
 * Bounded by {@code capacity} distinct keys: beyond it new keys are dropped and {@link #overflowed()} tells the feed
 * to resync instead, so memory stays flat whatever the write rate. Thread-safe.
 */
final class ChangeCoalescer {

    /** What the newest event means for the key. */
    enum Action {
        /** Read the key again (set, expire, persist, rename_to, restore, ...). */
        READ,
        /** The key was deleted (del, rename_from, evicted). */
        REMOVED,
        /** The key expired. */
        EXPIRED
    }

    /**
     * @param key        the Redis key
     * @param node       index of the server that reported it
     * @param generation the connection generation the event arrived on
     * @param action     what to do
     */
    record Pending(String key, int node, long generation, Action action) {
    }

    private final int capacity;
    /** Guarded by itself: subscriber threads offer, the dispatcher drains. */
    private final LatestById<Pending> pending = new LatestById<>();
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final LongAdder received = new LongAdder();
    private final LongAdder coalesced = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    ChangeCoalescer(int capacity) {
        this.capacity = capacity;
    }

    static Action actionFor(String event) {
        return switch (event) {
            case "del", "rename_from", "evicted" -> Action.REMOVED;
            case "expired" -> Action.EXPIRED;
            default -> Action.READ;
        };
    }

    /** @return true when the event was accepted (false: the backlog is full and a resync is due) */
    boolean offer(String key, int node, long generation, String event) {
        received.increment();
        Pending next = new Pending(key, node, generation, actionFor(event));
        synchronized (pending) {
            if (pending.size() >= capacity && !pending.contains(key)) {
                dropped.increment();
                overflowed.set(true);
                return false;
            }
            if (pending.put(key, next)) {
                coalesced.increment();
            }
        }
        return true;
    }

    boolean isEmpty() {
        synchronized (pending) {
            return pending.isEmpty();
        }
    }

    int size() {
        synchronized (pending) {
            return pending.size();
        }
    }

    /** Takes everything pending; events offered meanwhile land in this drain or the next, never lost. */
    List<Pending> drain() {
        return drain(Integer.MAX_VALUE);
    }

    /**
     * Takes at most {@code max} pending keys, those waiting longest first; the rest stay for the next drain.
     * Lets the feed deliver a large backlog in steps instead of reading all of it before the first batch.
     */
    List<Pending> drain(int max) {
        synchronized (pending) {
            return pending.drain(max);
        }
    }

    /** Forgets the backlog (a resync follows). */
    void clear() {
        synchronized (pending) {
            pending.clear();
        }
    }

    /** True once after the backlog overflowed. */
    boolean takeOverflow() {
        return overflowed.getAndSet(false);
    }

    boolean overflowed() {
        return overflowed.get();
    }

    long received() {
        return received.sum();
    }

    long coalesced() {
        return coalesced.sum();
    }

    long dropped() {
        return dropped.sum();
    }
}
