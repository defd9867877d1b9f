package io.welno.console.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The probe splits each frame's FX-thread CPU into the console's own work and the rest (JavaFX's CSS and layout), and
 * keeps that split for the costliest frame; a frame whose work never said it was done (a pulse that threw) counts none
 * of it as the console's. Its clocks are the test's, so what it keeps is exact: no time is measured here.
 */
class PulseProbeTest {

    private long now;
    private long cpu;
    private final PulseProbe probe = new PulseProbe(() -> now, () -> cpu);

    /** One frame: {@code own} ms of the console's work, then {@code layout} ms of CSS and layout, CPU and elapsed. */
    private void frame(long own, long layout, boolean workDone) {
        probe.frameStarted();
        advance(own);
        if (workDone) {
            probe.workDone();
        }
        advance(layout);
        probe.frameLaidOut();
    }

    private void advance(long millis) {
        now += millis * 1_000_000;
        cpu += millis * 1_000_000;
    }

    @Test
    void eachFrameIsSplitIntoTheConsolesWorkAndTheRest() {
        frame(3, 5, true);
        frame(2, 20, true);
        frame(9, 4, true);
        assertEquals(3, probe.count());
        assertEquals(22.0, probe.cpu().maxMillis());
        assertEquals(9.0, probe.work().maxMillis());
        assertEquals(2.0, probe.workOfCostliestMillis(), "the costliest frame was mostly layout");
        assertEquals(3.0, probe.work().percentileMillis(50));
    }

    @Test
    void aFrameWhoseWorkNeverEndedCountsNoneOfItAsTheConsoles() {
        frame(4, 1, true);
        frame(6, 1, false); // nothing of the last frame's part carries over
        assertEquals(0.0, probe.work().percentileMillis(50));
        assertEquals(0.0, probe.workOfCostliestMillis());

        probe.reset();
        assertEquals(0, probe.count());
        assertEquals(0.0, probe.work().maxMillis());
        assertEquals(0.0, probe.workOfCostliestMillis());
    }
}
