package io.welno.console.live;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The latest value per session id (or key), in the order the ids were first seen: what every stage between Redis
 * and the table keeps while it waits to hand changes on — the push backlog, a batch being built, a listener that
 * lags, a frame's worth of rows, the updates held while the table is paused. A later value replaces an earlier one
 * in place, so an id that changes again keeps its turn. Not thread-safe: the owner guards it.
 *
 * @param <V> what is kept per id
 */
public final class LatestById<V> {

    private final LinkedHashMap<String, V> entries = new LinkedHashMap<>();

    /**
     * Keeps {@code value} as the latest for {@code id}; a new id goes last, a known one keeps its place.
     *
     * @return whether the id was already kept (its earlier value is replaced)
     */
    public boolean put(String id, V value) {
        return entries.put(id, value) != null;
    }

    /**
     * Folds {@code value} into what is kept for {@code id}: {@code rule} gets (earlier, later) and answers the value to
     * keep, or null to forget the id (e.g. a session added and removed before anyone saw it).
     *
     * @return whether the id was already kept
     */
    public boolean merge(String id, V value, BinaryOperator<V> rule) {
        V before = entries.get(id);
        if (before == null) {
            entries.put(id, value);
            return false;
        }
        V merged = rule.apply(before, value);
        if (merged == null) {
            entries.remove(id);
        } else {
            entries.put(id, merged);
        }
        return true;
    }

    public V get(String id) {
        return entries.get(id);
    }

    /** Forgets what is kept for {@code id}, if anything. */
    public void remove(String id) {
        entries.remove(id);
    }

    public boolean contains(String id) {
        return entries.containsKey(id);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** A copy of the values, first-seen order. */
    public List<V> values() {
        return new ArrayList<>(entries.values());
    }

    /** Takes every value, first-seen order, and forgets them. */
    public List<V> drain() {
        List<V> out = values();
        entries.clear();
        return out;
    }

    /** Takes at most {@code max} values, those seen first; the rest stay, still in their order. */
    public List<V> drain(int max) {
        if (max >= entries.size()) {
            return drain();
        }
        List<V> out = new ArrayList<>(Math.max(0, max));
        for (Iterator<Map.Entry<String, V>> it = entries.entrySet().iterator(); it.hasNext() && out.size() < max; ) {
            out.add(it.next().getValue());
            it.remove();
        }
        return out;
    }

    public void clear() {
        entries.clear();
    }
}
