package io.welno.console.live;

/** How the feed currently learns about changes; shown in the status bar. */
public enum FeedMode {
    /** Connecting and taking the first snapshot. */
    CONNECTING,
    /** Keyspace notifications arrive by push. */
    LIVE,
    /** Notifications are unavailable; changes are found by periodic SCAN diffs. */
    POLLING,
    /** The connection was lost; retrying with back-off. */
    RECONNECTING,
    /** Stopped, or the server cannot be reached at all. */
    OFFLINE
}
