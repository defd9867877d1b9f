package io.welno.console.live;

/**
 * A live view of every session under the key prefix: a snapshot first, then changes as they happen
 * (push where possible, polling otherwise), resynchronised after every reconnect.
 */
public interface SessionFeed extends AutoCloseable {

    /** Starts the snapshot and the subscription in the background; returns at once. */
    void start(FeedListener listener);

    FeedMode mode();

    /** The sentence that came with the current mode (the status bar text). */
    default String modeDetail() {
        return "";
    }

    /** Sessions removed or expired lately, newest first, bounded; readable from any thread. */
    default java.util.List<EndedSession> recentlyEnded() {
        return java.util.List.of();
    }

    /** Runs a full snapshot again (e.g. the operator pressed Refresh). */
    void resync();

    /** Events received per second over the last few seconds, for the status bar. */
    double eventsPerSecond();

    /** Round-trip time of the last PING in milliseconds, or -1 when unknown. */
    long latencyMillis();

    /** Stops every thread and connection the feed started. */
    @Override
    void close();
}
