package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A hold's window is timed by the monotonic clock, not the wall clock: a wall clock set back (a time sync, a virtual
 * machine resumed) neither keeps the window open for the hour it went back nor, set forward, ends it at once.
 */
class HoldTimingTest {

    private static final Duration WINDOW = Duration.ofSeconds(30);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TestClock wall = new TestClock();

    @Test
    void aWallClockSetBackAnHourDoesNotKeepTheWindowOpen() {
        Hold hold = Hold.start("s1", "a1", WINDOW, false, nanos::get, wall);
        wall.advance(Duration.ofHours(-1));
        nanos.addAndGet(WINDOW.toNanos());
        assertEquals(Duration.ZERO, hold.remaining());
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        // the command line's wait on it: over by the monotonic clock, not an hour later
        HoldOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> hold.await(Duration.ofSeconds(2)));
        assertEquals(HoldOutcome.Kind.UNCONFIRMED, outcome.kind());
    }

    @Test
    void aWallClockSetForwardAnHourDoesNotEndTheWindow() {
        Hold hold = Hold.start("s1", "a1", WINDOW, false, nanos::get, wall);
        wall.advance(Duration.ofHours(1));
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals(Duration.ofSeconds(20), hold.remaining());
    }

    /**
     * The end said in words follows the clock as it reads now: kept from when the window was set, a clock set forward an
     * hour said the hold had ended an hour ago, and the command line's note put the change (the end less the window)
     * an hour before it was made.
     */
    @Test
    void theEndInWordsIsTheWallTimeTheWindowEndsAtNow() {
        Hold hold = Hold.start("s1", "a1", WINDOW, false, nanos::get, wall);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        wall.advance(Duration.ofSeconds(10).plusHours(1));
        assertEquals(wall.instant().plus(Duration.ofSeconds(20)), hold.until());
        nanos.addAndGet(Duration.ofSeconds(25).toNanos());
        wall.advance(Duration.ofSeconds(25));
        assertEquals(wall.instant().minus(Duration.ofSeconds(5)), hold.until(), "over five seconds ago");
    }

    @Test
    void aLaterWriteMovesTheEndAWindowFromThenAndNeverEarlier() {
        Hold hold = Hold.start("s1", "a1", WINDOW, false, nanos::get, wall);
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        hold.extendBy(WINDOW);
        assertEquals(WINDOW, hold.remaining());
        assertEquals(wall.instant().plus(WINDOW), hold.until(), "the words say the wall time it ends");
        hold.extendBy(Duration.ofSeconds(5));
        assertEquals(WINDOW, hold.remaining(), "a shorter window does not bring the end forward");
    }
}
