package io.welno.console.view;

import io.welno.console.live.FeedMode;

/**
 * How closely the window follows Redis now, as a copy on screen may claim it (the detail pane's "Following live
 * changes"): pushed to it, read again every few seconds, waiting on a server that stopped answering, or not at all.
 */
public enum FeedReach {
    /** Keyspace notifications bring each change as it happens. */
    LIVE,
    /** The feed reads Redis again every few seconds (notifications off or refused): a change arrives a poll late. */
    POLLED,
    /**
     * Connected, but the PING in flight has gone unanswered a second or more ({@link #notAnswering}): a server that
     * froze, or a link that broke without saying so. Writes may reach Redis from elsewhere meanwhile, and nothing of
     * them reaches the window until it answers again, or the watchdog gives the link up seconds later.
     */
    UNANSWERED,
    /** Not connected, or connecting again. */
    LOST;

    /** A PING unanswered this long is a server not answering (a loopback PING answers within a millisecond). */
    public static final long UNANSWERED_AFTER_MILLIS = 1000;

    /**
     * Whether the PING in flight says Redis is not answering: it has waited a second or more, and longer than the last
     * answer took (a slow answer that came is a round trip, whatever the wait before it). The status bar's latency
     * and the copies on screen judge by this one rule.
     *
     * @param unansweredMillis how long the PING in flight has waited for its answer, 0 when none waits
     * @param latencyMillis    the last answer's round trip, -1 when none is known
     */
    public static boolean notAnswering(long unansweredMillis, long latencyMillis) {
        return unansweredMillis >= UNANSWERED_AFTER_MILLIS && unansweredMillis > latencyMillis;
    }

    /** @see #notAnswering */
    public static FeedReach of(FeedMode mode, long unansweredMillis, long latencyMillis) {
        if (mode != FeedMode.LIVE && mode != FeedMode.POLLING) {
            return LOST;
        }
        if (notAnswering(unansweredMillis, latencyMillis)) {
            return UNANSWERED;
        }
        return mode == FeedMode.LIVE ? LIVE : POLLED;
    }
}
