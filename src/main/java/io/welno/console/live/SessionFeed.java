package io.welno.console.live;

import io.welno.console.text.Phrase;

/**
 * A live view of every session under the key prefix: a snapshot first, then changes as they happen
 * (push where possible, polling otherwise), resynchronised after every reconnect; and how it is doing
 * ({@link FeedPulse}).
 */
public interface SessionFeed extends FeedPulse, AutoCloseable {

    /** Ends one listener's subscription: it is told nothing more. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Adds a listener: from now on it is told every batch, mode change and snapshot progress, in order, on a thread of
     * its own, so a slow listener only delays itself (batches it has not taken yet are merged, one change per
     * session) and one that throws is logged and told the next event all the same. A listener that joins a running
     * feed is told the current mode first. Subscribe before {@link #start()} to miss nothing of the snapshot.
     */
    Subscription subscribe(FeedListener listener);

    /** Starts the snapshot and the subscription in the background; returns at once. */
    void start();

    /** {@link #subscribe} the listener, then {@link #start()}; a feed that cannot start keeps no subscription. */
    default void start(FeedListener listener) {
        Subscription subscription = subscribe(listener);
        try {
            start();
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    FeedMode mode();

    /** What the feed says about its current mode (the status bar's text). */
    Phrase modeDetail();

    /** Runs a full snapshot again (e.g. the operator pressed Refresh). */
    void resync();

    /** Stops every thread and connection the feed started. */
    @Override
    void close();
}
