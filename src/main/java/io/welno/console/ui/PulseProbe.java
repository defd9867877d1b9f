package io.welno.console.ui;

import java.util.Arrays;

/**
 * Records how long the per-frame work on the FX thread takes (applying feed batches, ticking), so tests and
 * the benchmark can check the 16 ms frame budget. Written and read on the FX thread only.
 */
public final class PulseProbe {

    private static final int WINDOW = 4096;
    private final long[] nanos = new long[WINDOW];
    private int next;
    private long count;
    private long max;

    void record(long durationNanos) {
        nanos[next] = durationNanos;
        next = (next + 1) % WINDOW;
        count++;
        max = Math.max(max, durationNanos);
    }

    public void reset() {
        Arrays.fill(nanos, 0);
        next = 0;
        count = 0;
        max = 0;
    }

    public long count() {
        return count;
    }

    public double maxMillis() {
        return max / 1e6;
    }

    /** The given percentile (0–100) over the last few thousand frames, in milliseconds. */
    public double percentileMillis(double percentile) {
        int n = (int) Math.min(count, WINDOW);
        if (n == 0) {
            return 0;
        }
        long[] copy = Arrays.copyOf(nanos, n);
        Arrays.sort(copy);
        int index = (int) Math.min(n - 1, Math.ceil(percentile / 100.0 * n) - 1);
        return copy[Math.max(0, index)] / 1e6;
    }
}
