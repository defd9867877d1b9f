package io.welno.console.bench;

import java.util.Arrays;

/** Latencies in nanoseconds; percentiles by sorting a copy. Thread-safe. */
final class LatencyRecorder {

    private long[] values = new long[1 << 16];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }

    /**
     * Whether latencies grew during the run: the median of the last third of the deliveries (in arrival order) is
     * more than twice that of the first third plus 50 ms, the mark of a backlog that keeps growing.
     */
    synchronized boolean growing() {
        if (size < 30) {
            return false;
        }
        int third = size / 3;
        return median(size - third, size) > 2 * median(0, third) + 50e6;
    }

    private double median(int from, int to) {
        long[] part = Arrays.copyOfRange(values, from, to);
        Arrays.sort(part);
        return part[part.length / 2];
    }

    /** The q-quantile (0..1) in milliseconds of a sorted array, nearest rank; -1 when empty. */
    static double millis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }
}
