package io.welno.console.store;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with "full jitter" exponential back-off: concurrent writers that collided spread out
 * instead of colliding again in lock-step.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(50, Duration.ofMillis(1), Duration.ofMillis(50));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Sleeps before attempt {@code nextAttempt} (2, 3, ...). */
    public void backOff(int nextAttempt) {
        long capMicros = Math.min(maxDelay.toNanos() / 1000,
                (baseDelay.toNanos() / 1000) << Math.min(nextAttempt - 2, 20));
        long micros = ThreadLocalRandom.current().nextLong(Math.max(1, capMicros) + 1);
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
