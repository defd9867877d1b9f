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
 * 10,000 writes per second on 100 keys for a few seconds: at most one change per key per batch, most events folded
 * into a pending read, the last values win, batches keep coming while the writes go on, and nothing the feed holds
 * grows with the write rate. Nothing here depends on how fast this machine is: how often batches come and how late
 * a write is shown are figures of the bench (P2 in docs/BENCHMARKS.md).
 */
class CoalescingLoadTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final int KEYS = 100;
    private static final int WRITES_PER_SECOND = 10_000;
    private static final int REPEATS = 3;
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
            writer.start();
            int maxPending = 0;
            int maxKnown = 0;
            int maxQueued = 0;
            double maxRate = 0;
            while (writer.isAlive()) {
                FeedStats stats = feed.stats();
                maxRate = Math.max(maxRate, feed.eventsPerSecond());
                maxPending = Math.max(maxPending, stats.pendingKeys());
                maxKnown = Math.max(maxKnown, stats.knownSessions());
                maxQueued = Math.max(maxQueued, stats.queuedChunks());
                writer.join(20);
            }
            int deliveredWhileWriting = listener.batches().size() - batchesBefore;
            // The status bar's events per second: every event of the last seconds counted (it is never below 0, so
            // only a rate above 0 says it was measured), seen while writing or in the seconds its window still holds
            // them — a test thread a loaded machine holds back past that window saw it during the writes already.
            double seenWhileWriting = maxRate;
            listener.await("the events counted in the rate",
                    () -> seenWhileWriting > 0 || feed.eventsPerSecond() > 0);

            listener.await("every key shows its last written value", Duration.ofSeconds(60), () -> {
                for (int k = 0; k < KEYS; k++) {
                    if (!String.valueOf(last.get(k)).equals(listener.field("hot" + k, "n"))) {
                        return false;
                    }
                }
                return true;
            });

            assertEquals(0, listener.batchesWithRepeatedIds(), "at most one change per key per batch");
            // The feed does not wait for the writes to stop before it delivers.
            assertTrue(deliveredWhileWriting >= 2, "batches while the writer ran: " + deliveredWhileWriting);
            List<RecordingListener.Delivered> batches = listener.batches();
            List<RecordingListener.Delivered> during = batches.subList(batchesBefore, batches.size());
            FeedStats stats = feed.stats();
            System.out.printf("load: %d writes, %d batches, max pending %d, %s%n", written.get(), during.size(),
                    maxPending, stats);
            assertTrue(maxPending <= KEYS, "the backlog never holds more than one entry per key: " + maxPending);
            assertEquals(KEYS, maxKnown, "the feed remembers one small entry per session, nothing per write");
            assertEquals(0, stats.eventsDropped());
            // Each key is written three times in a row in a pipeline, so at least two of its three events find it
            // still pending unless a batch starts between them, however fast the feed or the writer runs.
            assertTrue(stats.eventsCoalesced() > written.get() / 2,
                    "most events were folded into a pending read: " + stats);
            listener.await("the backlog drains", Duration.ofSeconds(60), () -> feed.stats().pendingKeys() == 0);
            assertEquals(0, feed.stats().tombstones());
            assertEquals(0, feed.stats().queuedChunks());
            assertTrue(maxQueued <= 1, "no snapshot chunks pile up: " + maxQueued);
        }
    }

    /**
     * Every 30 ms a pipeline that sets each key three times in a row (300 SETs): 10,000 writes a second, on schedule
     * while the machine keeps up and back to back when it does not, for the load duration.
     */
    private static void write(AtomicLongArray last, AtomicLong written) {
        long counter = 0;
        long start = System.nanoTime();
        long tickNanos = 1_000_000_000L * KEYS * REPEATS / WRITES_PER_SECOND;
        long ticks = LOAD.toNanos() / tickNanos;
        for (long tick = 0; tick < ticks; tick++) {
            long wait = start + tick * tickNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            try (AbstractPipeline pipeline = REDIS.client().pipelined()) {
                for (int k = 0; k < KEYS; k++) {
                    for (int r = 0; r < REPEATS; r++) {
                        counter++;
                        pipeline.set(key("hot" + k), doc("hot" + k, "auth_requesting", counter));
                        last.set(k, counter);
                    }
                }
            }
            written.addAndGet((long) KEYS * REPEATS);
        }
    }
}
