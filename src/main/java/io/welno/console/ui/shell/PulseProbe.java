package io.welno.console.ui.shell;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Measures how long the FX thread is busy in each frame: from the start of the animation phase (where the
 * console applies its feed batches) to the end of the scene's CSS and layout pass (where the table re-fills
 * its cells). Rendering runs on the render thread and is not counted. The benchmark checks this against the
 * 16 ms frame budget (docs/BENCHMARKS.md, P2 FX); tests check only how it splits and keeps what it is given.
 *
 * <p>Two figures per frame: the elapsed time, and the CPU time the FX thread itself used. They differ when
 * other processes take the CPU away mid-frame (on a shared two-core CI machine: the Redis server, the test's
 * writer, the software renderer); the CPU time is the work the console gave the FX thread. Written and read on
 * the FX thread only.
 */
public final class PulseProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Series elapsed = new Series();
    private final Series cpu = new Series();
    private final Series work = new Series();
    private final LongSupplier clock;
    /** The FX thread's CPU time, or null where the JVM cannot tell. */
    private final LongSupplier cpuClock;
    private long startedNanos = -1;
    private long startedCpuNanos;
    /** The console's own part of the frame being measured (CPU), -1 until it is done. */
    private long workCpuNanos = -1;
    /** The console's own part of the frame with the most CPU so far. */
    private long workOfCostliest;

    public PulseProbe() {
        this(System::nanoTime, THREADS.isCurrentThreadCpuTimeSupported() ? THREADS::getCurrentThreadCpuTime : null);
    }

    /** With the clocks it reads, in nanoseconds (tests give their own). */
    PulseProbe(LongSupplier clock, LongSupplier cpuClock) {
        this.clock = clock;
        this.cpuClock = cpuClock;
    }

    /** The animation phase of a frame has begun. */
    void frameStarted() {
        if (startedNanos < 0) {
            startedNanos = clock.getAsLong();
            startedCpuNanos = cpuClock != null ? cpuClock.getAsLong() : 0;
        }
    }

    /**
     * The console's own work of the frame is done (the feed's batch applied, the once-a-second work): what follows
     * until {@link #frameLaidOut} is JavaFX's CSS and layout of what changed. Split so that a slow frame tells which of
     * the two it was.
     */
    void workDone() {
        if (startedNanos >= 0 && cpuClock != null) {
            workCpuNanos = cpuClock.getAsLong() - startedCpuNanos;
        }
    }

    /** The scene's CSS and layout pass of the frame is done. */
    void frameLaidOut() {
        if (startedNanos >= 0) {
            elapsed.record(clock.getAsLong() - startedNanos);
            if (cpuClock != null) {
                long total = cpuClock.getAsLong() - startedCpuNanos;
                long own = Math.max(0, Math.min(workCpuNanos, total));
                if (total > cpu.max) {
                    workOfCostliest = own;
                }
                cpu.record(total);
                work.record(own);
            }
            startedNanos = -1;
            workCpuNanos = -1;
        }
    }

    public void reset() {
        startedNanos = -1;
        workCpuNanos = -1;
        workOfCostliest = 0;
        elapsed.reset();
        cpu.reset();
        work.reset();
    }

    /** Frames measured since the last reset. */
    public long count() {
        return elapsed.count;
    }

    /** Elapsed time per frame. */
    public Series elapsed() {
        return elapsed;
    }

    /** CPU time of the FX thread per frame (all zero where the JVM cannot tell). */
    public Series cpu() {
        return cpu;
    }

    /** The console's own part of {@link #cpu()} per frame: its batch and once-a-second work, before CSS and layout. */
    public Series work() {
        return work;
    }

    /** Of the frame with the most CPU time, the console's own part, in milliseconds. */
    public double workOfCostliestMillis() {
        return workOfCostliest / 1e6;
    }

    /** The last few thousand frames of one measure. */
    public static final class Series {

        private static final int WINDOW = 4096;
        private final long[] nanos = new long[WINDOW];
        private int next;
        private long count;
        private long max;

        private void record(long durationNanos) {
            nanos[next] = durationNanos;
            next = (next + 1) % WINDOW;
            count++;
            max = Math.max(max, durationNanos);
        }

        private void reset() {
            Arrays.fill(nanos, 0);
            next = 0;
            count = 0;
            max = 0;
        }

        public double maxMillis() {
            return max / 1e6;
        }

        /** The given percentile (0–100), in milliseconds. */
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

        /** How many frames took longer than the given milliseconds. */
        public long framesOver(double millis) {
            int n = (int) Math.min(count, WINDOW);
            long limit = (long) (millis * 1e6);
            return Arrays.stream(nanos, 0, n).filter(v -> v > limit).count();
        }
    }
}
