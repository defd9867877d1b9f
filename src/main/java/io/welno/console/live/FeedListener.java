package io.welno.console.live;

import io.welno.console.store.StoredSession;
import io.welno.console.text.Phrase;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Receives the feed's output on a thread of its own (never the caller's or the FX thread, and not the thread of
 * another listener: see {@link SessionFeed#subscribe}); implementations hand work over quickly. Batches arrive at
 * most about every 40 ms ({@link FeedOptions#DEFAULT_BATCH_WINDOW}).
 */
public interface FeedListener {

    void onBatch(FeedBatch batch);

    /**
     * @param detail what the feed says about the mode, e.g. why it fell back to polling ({@link FeedPhrases}): the
     *               window words it in its language, the command line and the logs in English
     */
    default void onModeChanged(FeedMode mode, Phrase detail) {
    }

    /** Snapshot progress: sessions loaded so far, and whether the scan has finished. */
    default void onSnapshotProgress(long loaded, boolean done) {
    }

    /**
     * Where sessions stand against the backend's fallback folder ({@link FileFallbackFeed} only), told after the
     * batch that carries their rows.
     */
    default void onPlaces(List<FileFallbackFeed.Place> places) {
    }

    /**
     * A listener that wants only which sessions changed: their new stored value, or that they are gone (removed or
     * expired). What the revert watches need.
     */
    static FeedListener ofSessions(BiConsumer<String, StoredSession> changed, Consumer<String> ended) {
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(ended, "ended");
        return batch -> {
            for (SessionChange change : batch.changes()) {
                if (change.kind().ended()) {
                    ended.accept(change.id());
                } else {
                    changed.accept(change.id(), change.session());
                }
            }
        };
    }
}
