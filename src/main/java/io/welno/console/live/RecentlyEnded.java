package io.welno.console.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The last {@code capacity} sessions that were removed or expired, newest first. Thread-safe; readable from any
 * thread (the UI's "recently ended" list, the watch command).
 */
public final class RecentlyEnded {

    private final int capacity;
    private final Deque<EndedSession> entries = new ArrayDeque<>();

    public RecentlyEnded(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.capacity = capacity;
    }

    public synchronized void add(EndedSession ended) {
        if (capacity == 0) {
            return;
        }
        // One entry per id: a session that ends twice (re-created, ended again) shows its latest end.
        for (Iterator<EndedSession> it = entries.iterator(); it.hasNext(); ) {
            if (it.next().id().equals(ended.id())) {
                it.remove();
                break;
            }
        }
        entries.addFirst(ended);
        while (entries.size() > capacity) {
            entries.removeLast();
        }
    }

    /** A copy, newest first. */
    public synchronized List<EndedSession> snapshot() {
        return new ArrayList<>(entries);
    }

    public synchronized int size() {
        return entries.size();
    }

    public int capacity() {
        return capacity;
    }
}
