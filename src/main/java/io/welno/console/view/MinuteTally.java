package io.welno.console.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.IntBinaryOperator;

/**
 * One value per session id at one moment (epoch milliseconds of the backend's wall clock), filed by minute and kept
 * while its minute is within {@code keepMillis} of now: {@link SessionStarts}' store. A put costs O(1) (O(items of a
 * minute) in the rare case that a session's moment moves); the count of a window adds up the sums of the whole minutes
 * inside it and looks at the items of the two minutes it cuts through, so it costs O(minutes + items of two minutes),
 * never O(items). Each minute keeps, besides its items, how many of them have each of the value's low
 * {@code bits} set.
 *
 * <p>Not thread-safe.
 */
final class MinuteTally {

    private static final long MINUTE = 60_000;

    private static final class Item {
        final String id;
        long at;
        int value;

        Item(String id, long at, int value) {
            this.id = id;
            this.at = at;
            this.value = value;
        }
    }

    private final class Minute {
        final List<Item> items = new ArrayList<>();
        /** [0]: items; [1 + b]: items with bit b of their value set. */
        final int[] sums = new int[bits + 1];

        void add(Item item) {
            items.add(item);
            count(item.value, 1);
        }

        void count(int value, int delta) {
            sums[0] += delta;
            for (int b = 0; b < bits; b++) {
                if ((value & (1 << b)) != 0) {
                    sums[1 + b] += delta;
                }
            }
        }
    }

    private final int bits;
    private final long keepMillis;
    private final Map<String, Item> byId = new HashMap<>();
    private final TreeMap<Long, Minute> minutes = new TreeMap<>();

    MinuteTally(int bits, long keepMillis) {
        this.bits = bits;
        this.keepMillis = keepMillis;
    }

    /**
     * Files {@code value} for {@code id} at {@code at}; a known id gets {@code merge(earlier, value)} and moves with
     * its moment. A moment outside the kept minutes, or further ahead of {@code now} than they reach back (a wrong clock),
     * is not filed (and a known id that moves there is forgotten).
     */
    void put(String id, long at, int value, long now, IntBinaryOperator merge) {
        dropBefore(now);
        Item item = byId.get(id);
        boolean keeps = minute(at) >= oldestKept(now) && at <= now + keepMillis;
        if (item == null) {
            if (keeps) {
                item = new Item(id, at, value);
                byId.put(id, item);
                minutes.computeIfAbsent(minute(at), m -> new Minute()).add(item);
            }
            return;
        }
        int merged = merge.applyAsInt(item.value, value);
        Minute filed = minutes.get(minute(item.at));
        if (minute(item.at) == minute(at)) {
            filed.count(item.value, -1);
            filed.count(merged, 1);
            item.at = at;
            item.value = merged;
            return;
        }
        filed.count(item.value, -1);
        filed.items.remove(item);
        if (filed.items.isEmpty()) {
            minutes.remove(minute(item.at));
        }
        if (!keeps) {
            byId.remove(id);
            return;
        }
        item.at = at;
        item.value = merged;
        minutes.computeIfAbsent(minute(at), m -> new Minute()).add(item);
    }

    /** The value filed for {@code id}, or {@code absent}. */
    int value(String id, int absent) {
        Item item = byId.get(id);
        return item == null ? absent : item.value;
    }

    /**
     * The items with {@code from < at <= to}: [0] how many, [1 + b] how many with bit b set. Whole minutes add their
     * sums; the first and the last minute of the window are looked at item by item.
     */
    int[] count(long from, long to) {
        int[] out = new int[bits + 1];
        for (Map.Entry<Long, Minute> e : within(from, to).entrySet()) {
            long m = e.getKey();
            Minute minute = e.getValue();
            if (m > minute(from) && m < minute(to)) {
                for (int i = 0; i < out.length; i++) {
                    out[i] += minute.sums[i];
                }
                continue;
            }
            for (Item item : minute.items) {
                if (item.at > from && item.at <= to) {
                    out[0]++;
                    for (int b = 0; b < bits; b++) {
                        if ((item.value & (1 << b)) != 0) {
                            out[1 + b]++;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The values of the items with {@code from < at <= to}, in no particular order. */
    int[] values(long from, long to) {
        int[] out = new int[count(from, to)[0]];
        int n = 0;
        for (Minute minute : within(from, to).values()) {
            for (Item item : minute.items) {
                if (item.at > from && item.at <= to) {
                    out[n++] = item.value;
                }
            }
        }
        return out;
    }

    /** Forgets the minutes that no window reaches any more. */
    void dropBefore(long now) {
        long oldest = oldestKept(now);
        while (!minutes.isEmpty() && minutes.firstKey() < oldest) {
            for (Item item : minutes.pollFirstEntry().getValue().items) {
                byId.remove(item.id);
            }
        }
    }

    /** Sessions filed. */
    int size() {
        return byId.size();
    }

    private NavigableMap<Long, Minute> within(long from, long to) {
        return from >= to ? new TreeMap<>() : minutes.subMap(minute(from), true, minute(to), true);
    }

    private long oldestKept(long now) {
        return minute(now - keepMillis);
    }

    private static long minute(long at) {
        return Math.floorDiv(at, MINUTE);
    }
}
