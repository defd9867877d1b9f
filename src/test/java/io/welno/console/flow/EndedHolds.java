package io.welno.console.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Holds already over, as a window's note reads them, for tests outside the flow package. */
public final class EndedHolds {

    private EndedHolds() {
    }

    /** A hold of session {@code sessionId} that ended at {@code until} with {@code outcome}. */
    public static Hold ended(String sessionId, Instant until, HoldOutcome outcome) {
        Hold hold = Hold.start(sessionId, "a1b2c3d4", Duration.ZERO, true, System::nanoTime,
                Clock.fixed(until, ZoneOffset.UTC));
        hold.end(outcome);
        return hold;
    }
}
