package io.welno.console.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The probe splits each frame's FX-thread CPU into the console's own work and the rest (JavaFX's CSS and layout): the
 * part is never more than the frame, a frame whose work never said it was done (a pulse that threw) counts none of it
 * as the console's, and a reset forgets both.
 */
class PulseProbeTest {

    private static long busy(int rounds) {
        long x = 0;
        for (int i = 0; i < rounds; i++) {
            x += Long.toString(i).hashCode();
        }
        return x;
    }

    @Test
    void theConsolesPartOfAFrameIsNeverMoreThanTheFrame() {
        PulseProbe probe = new PulseProbe();
        for (int frame = 0; frame < 20; frame++) {
            probe.frameStarted();
            busy(20_000 * (frame % 3));
            probe.workDone();
            busy(20_000 * (frame % 2));
            probe.frameLaidOut();
        }
        assertEquals(20, probe.count());
        assertTrue(probe.work().maxMillis() <= probe.cpu().maxMillis());
        assertTrue(probe.work().percentileMillis(99) <= probe.cpu().maxMillis());
        assertTrue(probe.workOfCostliestMillis() <= probe.cpu().maxMillis());
    }

    @Test
    void aFrameWhoseWorkNeverEndedCountsNoneOfItAsTheConsoles() {
        PulseProbe probe = new PulseProbe();
        probe.frameStarted();
        busy(50_000);
        probe.workDone();
        probe.frameLaidOut();
        probe.frameStarted(); // a pulse that threw before it was done: nothing of the last frame's part carries over
        busy(50_000);
        probe.frameLaidOut();
        assertEquals(2, probe.count());
        assertTrue(probe.work().maxMillis() > 0, "the first frame's part");
        assertEquals(0.0, probe.work().percentileMillis(50), "the second frame's part");

        probe.reset();
        assertEquals(0, probe.count());
        assertEquals(0.0, probe.work().maxMillis());
        assertEquals(0.0, probe.workOfCostliestMillis());
    }
}
