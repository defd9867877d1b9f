package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.ClockOffset;
import org.junit.jupiter.api.Test;

/**
 * {@code watch} reads the clocks again every few minutes: it says a difference when it first shows, again when it
 * changes side or by more than half a minute, that the clocks agree again after a note — and nothing for a
 * reading that only jitters.
 */
class ClockNotesTest {

    private final ClockNotes notes = new ClockNotes();

    @Test
    void aDifferenceIsSaidWhenItShowsOrMovesAndTheAgreementAfterIt() {
        assertNull(notes.next(new ClockOffset(2_000, 1)), "agreeing from the start: nothing to say");

        String ahead = notes.next(new ClockOffset(-252_000, 1));
        assertTrue(ahead.startsWith("Note: this computer's clock is 4m 12s ahead of the Redis server's."), ahead);
        assertNull(notes.next(new ClockOffset(-253_400, 2)), "the same difference, read again");
        assertNull(notes.next(new ClockOffset(-230_000, 2)), "moved by less than half a minute");

        String further = notes.next(new ClockOffset(-7_200_000, 1));
        assertTrue(further.startsWith("Note: this computer's clock is 2h ahead"), further);
        String behind = notes.next(new ClockOffset(7_200_000, 1));
        assertTrue(behind.startsWith("Note: this computer's clock is 2h behind"), behind);

        assertEquals("Note: this computer's clock now agrees with the Redis server's (within 30 s): expiry is judged"
                + " here as the backend judges it again.", notes.next(new ClockOffset(1_000, 1)));
        assertNull(notes.next(new ClockOffset(-1_000, 1)), "said once");
        assertTrue(notes.next(new ClockOffset(-60_000, 1)).contains("is 1m ahead"), "and a new difference again");
    }
}
