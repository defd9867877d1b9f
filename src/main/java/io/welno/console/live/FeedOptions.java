package io.welno.console.live;

import io.welno.console.store.ParallelScan;
import io.welno.console.text.LogWords;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning, permissions and log words of a {@link RedisSessionFeed}. Start from {@link #defaults()} and change what
 * you need with the {@code with…} methods; every value is checked when set.
 *
 * @param batchWindow           batches start at most once per window, counted from the start of the previous one,
 *                              so consumers receive about one batch per window (a delivery follows its batch's
 *                              reads; the first change after a quiet period goes out at once); default 40 ms
 * @param pollInterval          how often the POLLING fallback diffs a full SCAN; default 2 s
 * @param mayEnableNotifications whether the feed may {@code CONFIG SET notify-keyspace-events} to add the missing
 *                              {@code K$gx} flags (the connection profile's consent); default false
 * @param scanCount             the COUNT hint of each SCAN call
 * @param fetchChunk            keys per pipelined read; a batch reads at most ten chunks of pushed keys, and a larger
 *                              backlog is delivered over the following batches, longest-waiting keys first
 * @param fetchThreads          parallel readers, and as many parsers, while a snapshot or poll runs
 * @param maxPendingKeys        bound of the push backlog (distinct keys waiting to be read); beyond it events are
 *                              dropped and a resync is run instead, so memory never grows without limit
 * @param pingInterval          how often the subscription is PINGed (watchdog and latency)
 * @param pingTimeout           a subscription whose PONG has not arrived after this long is treated as dead
 * @param reconnectMin          first reconnect delay; doubles (with jitter) up to {@code reconnectMax}
 * @param reconnectMax          longest reconnect delay
 * @param topologyRefresh       how often cluster nodes / the sentinel master and the server's notification flags
 *                              are checked again
 * @param logWords              how the feed words a phrase in its log lines; {@link LogWords#CODES} until the edge
 *                              hands in English
 */
public record FeedOptions(Duration batchWindow, Duration pollInterval, boolean mayEnableNotifications,
                          int scanCount, int fetchChunk, int fetchThreads,
                          int maxPendingKeys, Duration pingInterval, Duration pingTimeout, Duration reconnectMin,
                          Duration reconnectMax, Duration topologyRefresh, LogWords logWords) {

    public FeedOptions {
        Objects.requireNonNull(logWords, "logWords");
        positive(batchWindow, "batchWindow");
        positive(pollInterval, "pollInterval");
        positive(pingInterval, "pingInterval");
        positive(pingTimeout, "pingTimeout");
        positive(reconnectMin, "reconnectMin");
        positive(reconnectMax, "reconnectMax");
        positive(topologyRefresh, "topologyRefresh");
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax must not be shorter than reconnectMin");
        }
        atLeast(scanCount, 1, "scanCount");
        atLeast(fetchChunk, 1, "fetchChunk");
        atLeast(fetchThreads, 1, "fetchThreads");
        atLeast(maxPendingKeys, 1, "maxPendingKeys");
    }

    /**
     * docs/architecture.md asks for batches "at most every ~50 ms" and a write in the view model within 50 ms at the 99th
     * percentile at 1,000 writes/s. A write waits up to a whole window plus the read of its batch, so a 50 ms window
     * gave p99 51.9–52.4 ms and 45 ms 46.6–51.0 ms (docs/BENCHMARKS.md): the p99 is about 0.99 of a window plus the
     * read, parse and hand-over of a batch (3–6 ms at that rate), so 45 ms left no room for a collector's pause. 40 ms
     * leaves about 10 ms, and batches still come no more often than 25 times a second. Since the dispatcher reads
     * ahead while a window runs, a batch's own read is only that of its last step (p99 41–43 ms at 1,000 writes/s).
     */
    public static final Duration DEFAULT_BATCH_WINDOW = Duration.ofMillis(40);

    public static FeedOptions defaults() {
        return new FeedOptions(DEFAULT_BATCH_WINDOW, Duration.ofSeconds(2), false, ParallelScan.DEFAULT_SCAN_COUNT,
                ParallelScan.DEFAULT_CHUNK, ParallelScan.DEFAULT_READERS, 100_000,
                Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofMillis(200), Duration.ofSeconds(10),
                Duration.ofSeconds(5), LogWords.CODES);
    }

    public FeedOptions withBatchWindow(Duration value) {
        return new FeedOptions(value, pollInterval, mayEnableNotifications, scanCount,
                fetchChunk, fetchThreads, maxPendingKeys, pingInterval, pingTimeout, reconnectMin, reconnectMax,
                topologyRefresh, logWords);
    }

    public FeedOptions withPollInterval(Duration value) {
        return new FeedOptions(batchWindow, value, mayEnableNotifications, scanCount,
                fetchChunk, fetchThreads, maxPendingKeys, pingInterval, pingTimeout, reconnectMin, reconnectMax,
                topologyRefresh, logWords);
    }

    public FeedOptions withMayEnableNotifications(boolean value) {
        return new FeedOptions(batchWindow, pollInterval, value, scanCount,
                fetchChunk, fetchThreads, maxPendingKeys, pingInterval, pingTimeout, reconnectMin, reconnectMax,
                topologyRefresh, logWords);
    }

    public FeedOptions withScan(int count, int chunk, int threads) {
        return new FeedOptions(batchWindow, pollInterval, mayEnableNotifications, count,
                chunk, threads, maxPendingKeys, pingInterval, pingTimeout, reconnectMin, reconnectMax,
                topologyRefresh, logWords);
    }

    public FeedOptions withMaxPendingKeys(int value) {
        return new FeedOptions(batchWindow, pollInterval, mayEnableNotifications, scanCount,
                fetchChunk, fetchThreads, value, pingInterval, pingTimeout, reconnectMin, reconnectMax,
                topologyRefresh, logWords);
    }

    public FeedOptions withPing(Duration interval, Duration timeout) {
        return new FeedOptions(batchWindow, pollInterval, mayEnableNotifications, scanCount,
                fetchChunk, fetchThreads, maxPendingKeys, interval, timeout, reconnectMin, reconnectMax,
                topologyRefresh, logWords);
    }

    public FeedOptions withReconnect(Duration min, Duration max) {
        return new FeedOptions(batchWindow, pollInterval, mayEnableNotifications, scanCount,
                fetchChunk, fetchThreads, maxPendingKeys, pingInterval, pingTimeout, min, max, topologyRefresh,
                logWords);
    }

    public FeedOptions withTopologyRefresh(Duration value) {
        return new FeedOptions(batchWindow, pollInterval, mayEnableNotifications, scanCount,
                fetchChunk, fetchThreads, maxPendingKeys, pingInterval, pingTimeout, reconnectMin, reconnectMax,
                value, logWords);
    }

    /** The words of the feed's log lines: the edge hands in English ({@code Wording.log()}). */
    public FeedOptions withLogWords(LogWords value) {
        return new FeedOptions(batchWindow, pollInterval, mayEnableNotifications, scanCount,
                fetchChunk, fetchThreads, maxPendingKeys, pingInterval, pingTimeout, reconnectMin, reconnectMax,
                topologyRefresh, value);
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }

    private static void atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
        }
    }
}
