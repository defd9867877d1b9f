package io.welno.console.live;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before the next try after {@code attempt} failures in a row: doubling from {@code min} up to
 * {@code max}, with ±20 % jitter so that many consoles that lost the same server do not come back in step. The feed's
 * reconnects use it, and so does what else tries Redis again by itself (the audit tab's first load).
 */
public record Backoff(Duration min, Duration max) {

    public Backoff {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("a back-off needs 0 < min <= max");
        }
    }

    /** The feed's reconnect back-off ({@link FeedOptions#reconnectMin()} to {@link FeedOptions#reconnectMax()}). */
    public static Backoff of(FeedOptions options) {
        return new Backoff(options.reconnectMin(), options.reconnectMax());
    }

    /** The wait after the {@code attempt}-th failure in a row (1 for the first). */
    public long millis(int attempt) {
        long low = min.toMillis();
        long high = max.toMillis();
        long base = low << Math.min(20, Math.max(0, attempt - 1));
        long capped = Math.min(high, base < 0 ? high : base);
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Math.max(1, Math.min(high, Math.round(capped * jitter)));
    }
}
