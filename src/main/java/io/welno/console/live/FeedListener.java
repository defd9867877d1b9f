package io.welno.console.live;

/**
 * Receives the feed's output on a feed thread (never the caller's or the FX thread); implementations
 * hand work over quickly. Batches arrive at most about every 40 ms ({@link FeedOptions#DEFAULT_BATCH_WINDOW}).
 */
public interface FeedListener {

    void onBatch(FeedBatch batch);

    /** @param detail a sentence for the status bar, e.g. why the feed fell back to polling */
    default void onModeChanged(FeedMode mode, String detail) {
    }

    /** Snapshot progress: sessions loaded so far, and whether the scan has finished. */
    default void onSnapshotProgress(long loaded, boolean done) {
    }

    /** A listener that hands batches to {@code batches} (which passes them on itself) and all else to {@code rest}. */
    static FeedListener routingBatches(FeedListener rest, java.util.function.Consumer<FeedBatch> batches) {
        return new FeedListener() {
            @Override
            public void onBatch(FeedBatch batch) {
                batches.accept(batch);
            }

            @Override
            public void onModeChanged(FeedMode mode, String detail) {
                rest.onModeChanged(mode, detail);
            }

            @Override
            public void onSnapshotProgress(long loaded, boolean done) {
                rest.onSnapshotProgress(loaded, done);
            }
        };
    }
}
