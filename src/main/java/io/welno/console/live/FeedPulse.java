package io.welno.console.live;

import java.util.Optional;

/**
 * What a feed measures of itself as it runs, read a few times a second (the window's status bar and its judgement of
 * how closely it follows Redis, {@code view.FeedReach}). Every {@link SessionFeed} gives them; {@link #NONE} stands in
 * before a window is attached to one.
 */
public interface FeedPulse {

    /** Before a window is attached to a feed: nothing measured. */
    FeedPulse NONE = new Fixed(0, -1, 0, Optional.empty());

    /** Events received per second over the last few seconds, for the status bar. */
    double eventsPerSecond();

    /** Round-trip time of the last PING in milliseconds, or -1 when unknown (never measured, or not connected now). */
    long latencyMillis();

    /**
     * How long the PING in flight has waited for its answer, in milliseconds; 0 when none waits. A server that stopped
     * answering shows here long before the connection is given up, while {@link #latencyMillis} still holds the last
     * answer's round trip.
     */
    long unansweredMillis();

    /**
     * Redis's clock against the one this feed was given, as last read with TIME (when it connects, and every few
     * minutes while connected); empty before the first reading, or when Redis refused TIME. A reading outlives the
     * connection it was made on: it is a fact about two clocks, not about the link.
     */
    Optional<ClockOffset> clockOffset();

    /** One reading that does not move: {@link #NONE}, or what a test hands the window. */
    record Fixed(double eventsPerSecond, long latencyMillis, long unansweredMillis, Optional<ClockOffset> clockOffset)
            implements FeedPulse {
    }
}
