package io.welno.console.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    /** Keys in the order they became pending, so a capped drain takes the longest-waiting first. */
    private final ConcurrentLinkedQueue<String> arrival = new ConcurrentLinkedQueue<>();
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
        if (pending.size() >= capacity && !pending.containsKey(key)) {
            dropped.increment();
            overflowed.set(true);
            return false;
        }
        if (pending.put(key, next) != null) {
            coalesced.increment();
        } else {
            arrival.add(key);
        }
        return true;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    int size() {
        return pending.size();
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
        List<Pending> out = new ArrayList<>(Math.min(max, pending.size()));
        String key;
        while (out.size() < max && (key = arrival.poll()) != null) {
            Pending p = pending.remove(key);
            if (p != null) {
                out.add(p);
            }
        }
        if (out.size() < max && arrival.isEmpty() && !pending.isEmpty()) {
            // Keys whose arrival a concurrent clear() dropped from the queue: take them too, so none is stranded.
            for (String stranded : pending.keySet()) {
                if (out.size() >= max) {
                    break;
                }
                Pending p = pending.remove(stranded);
                if (p != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Forgets the backlog (a resync follows). */
    void clear() {
        pending.clear();
        arrival.clear();
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
