package io.welno.console.live;

import io.welno.console.testing.RecordingListener;
import static io.welno.console.live.Docs.doc;
import static io.welno.console.live.Docs.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.testing.RedisServerExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.AbstractPipeline;

/**
 * 10,000 writes per second on 100 keys for a few seconds: at most one change per key per batch, batches no more
 * often than the window, the last values win, and nothing the feed holds grows with the write rate.
 */
class CoalescingLoadTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final int KEYS = 100;
    private static final int WRITES_PER_SECOND = 10_000;
    private static final Duration LOAD = Duration.ofSeconds(3);
    private static final Duration WINDOW = FeedOptions.DEFAULT_BATCH_WINDOW;

    @Test
    void tenThousandUpdatesPerSecondOnAHundredKeysAreCoalesced() throws InterruptedException {
        for (int k = 0; k < KEYS; k++) {
            REDIS.client().set(key("hot" + k), doc("hot" + k, "initiated", 0));
        }
        RecordingListener listener = new RecordingListener();
        try (RedisSessionFeed feed = new RedisSessionFeed(REDIS.settings(), new SessionCodec(),
                FeedOptions.defaults().withBatchWindow(WINDOW))) {
            feed.start(listener);
            listener.awaitSnapshots(1);
            listener.awaitMode(FeedMode.LIVE);
            int batchesBefore = listener.batches().size();

            AtomicLongArray last = new AtomicLongArray(KEYS);
            AtomicLong written = new AtomicLong();
            Thread writer = new Thread(() -> write(last, written), "load-writer");
            long started = System.nanoTime();
            writer.start();
            int maxPending = 0;
            int maxKnown = 0;
            int maxQueued = 0;
            while (writer.isAlive()) {
                FeedStats stats = feed.stats();
                maxPending = Math.max(maxPending, stats.pendingKeys());
                maxKnown = Math.max(maxKnown, stats.knownSessions());
                maxQueued = Math.max(maxQueued, stats.queuedChunks());
                writer.join(20);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = written.get() / seconds;
            assertTrue(rate >= 0.8 * WRITES_PER_SECOND, "the writer managed " + (long) rate + " writes/s");

            listener.await("every key shows its last written value", Duration.ofSeconds(20), () -> {
                for (int k = 0; k < KEYS; k++) {
                    if (!String.valueOf(last.get(k)).equals(listener.field("hot" + k, "n"))) {
                        return false;
                    }
                }
                return true;
            });

            assertEquals(0, listener.batchesWithRepeatedIds(), "at most one change per key per batch");
            List<RecordingListener.Delivered> batches = listener.batches();
            List<RecordingListener.Delivered> during = batches.subList(batchesBefore, batches.size());
            long minGapMillis = Long.MAX_VALUE;
            for (int i = 1; i < during.size(); i++) {
                minGapMillis = Math.min(minGapMillis, (during.get(i).nanos() - during.get(i - 1).nanos()) / 1_000_000);
            }
            // Batches begin at most once a window; a delivery comes after its batch's reads, so two deliveries can
            // be closer than the window by the difference of their read times (a few ms here). The count below is
            // the cadence; this bounds the jitter.
            assertTrue(minGapMillis >= WINDOW.toMillis() / 2, "batches at most every ~" + WINDOW.toMillis() + " ms, min gap " + minGapMillis);
            double maxBatches = seconds * 1000 / WINDOW.toMillis() + 10;
            assertTrue(during.size() <= maxBatches, during.size() + " batches in " + seconds + " s");
            assertTrue(during.size() >= seconds * 1000 / WINDOW.toMillis() / 3, "batches kept flowing: " + during.size());

            FeedStats stats = feed.stats();
            System.out.printf("load: %.0f writes/s, %d batches in %.1f s (min gap %d ms), max pending %d, %s%n",
                    rate, during.size(), seconds, minGapMillis, maxPending, stats);
            assertTrue(maxPending <= KEYS, "the backlog never holds more than one entry per key: " + maxPending);
            assertEquals(KEYS, maxKnown, "the feed remembers one small entry per session, nothing per write");
            assertEquals(0, stats.eventsDropped());
            assertTrue(stats.eventsCoalesced() > written.get() / 2,
                    "most events were folded into a pending read: " + stats);
            listener.await("the backlog drains", () -> feed.stats().pendingKeys() == 0);
            assertEquals(0, feed.stats().tombstones());
            assertEquals(0, feed.stats().queuedChunks());
            assertTrue(maxQueued <= 1, "no snapshot chunks pile up: " + maxQueued);
            assertTrue(feed.eventsPerSecond() >= 0);
        }
    }

    /** 100 pipelined SETs every 10 ms, on schedule, for the load duration. */
    private static void write(AtomicLongArray last, AtomicLong written) {
        long counter = 0;
        long start = System.nanoTime();
        long tickNanos = 1_000_000_000L * KEYS / WRITES_PER_SECOND;
        long ticks = LOAD.toNanos() / tickNanos;
        for (long tick = 0; tick < ticks; tick++) {
            long due = start + tick * tickNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            try (AbstractPipeline pipeline = REDIS.client().pipelined()) {
                for (int k = 0; k < KEYS; k++) {
                    counter++;
                    pipeline.set(key("hot" + k), doc("hot" + k, "auth_requesting", counter));
                    last.set(k, counter);
                }
            }
            written.addAndGet(KEYS);
        }
    }
}
