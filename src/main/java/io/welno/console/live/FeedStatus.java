package io.welno.console.live;

import io.welno.console.text.LogWords;
import io.welno.console.text.Phrase;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link RedisSessionFeed} reports about itself: its mode with the phrase that explains it (told to the
 * listeners in order with the batches, and never anything but OFFLINE once the feed is closed), the rate of keyspace
 * events and the last PING's round trip. Readable from any thread.
 */
final class FeedStatus {

    private static final Logger LOG = LoggerFactory.getLogger(FeedStatus.class);
    private static final int RATE_WINDOW_SECONDS = 5;

    private final LogWords words;
    private final Object lock = new Object();
    private volatile FeedMode mode = FeedMode.OFFLINE;
    private volatile Phrase detail = FeedPhrases.notStarted();
    private volatile boolean closed;
    private volatile long latencyMillis = -1;
    private volatile ClockOffset clockOffset;
    private volatile double eventsPerSecond;
    /** Confined to the control thread. */
    private final ArrayDeque<long[]> rateSamples = new ArrayDeque<>();

    FeedStatus(LogWords words) {
        this.words = words;
    }

    FeedMode mode() {
        return mode;
    }

    Phrase detail() {
        return detail;
    }

    boolean closed() {
        return closed;
    }

    /** @return false when the feed was closed already */
    boolean close() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            closed = true;
            return true;
        }
    }

    /**
     * Moves to {@code next}; {@code tell} passes the change on to the listeners (nothing when the mode and phrase are
     * what they were, or the feed is closed and {@code next} is not OFFLINE).
     */
    void set(FeedMode next, Phrase why, Consumer<Runnable> tell, FeedListener listeners) {
        synchronized (lock) {
            if (next == mode && why.equals(detail)) {
                return;
            }
            if (closed && next != FeedMode.OFFLINE) {
                return;
            }
            mode = next;
            detail = why;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Feed {}: {}", next, words.render(why));
        }
        tell.accept(() -> listeners.onModeChanged(next, why));
    }

    long latencyMillis() {
        return latencyMillis;
    }

    void latency(long millis) {
        latencyMillis = millis;
    }

    double eventsPerSecond() {
        return eventsPerSecond;
    }

    /** The last reading of Redis's clock against the feed's; null until one was made. */
    ClockOffset clockOffset() {
        return clockOffset;
    }

    void clockOffset(ClockOffset offset) {
        clockOffset = offset;
    }

    /** Called about once a second on the control thread with the events received so far. */
    void sampleRate(long received) {
        long now = System.nanoTime();
        rateSamples.addLast(new long[] {now, received});
        while (rateSamples.size() > RATE_WINDOW_SECONDS + 1) {
            rateSamples.removeFirst();
        }
        long[] oldest = rateSamples.peekFirst();
        double seconds = (now - oldest[0]) / 1e9;
        eventsPerSecond = seconds <= 0 ? 0 : (received - oldest[1]) / seconds;
    }
}
