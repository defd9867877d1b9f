package io.welno.console.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition on something that has no callback (a server's state) until it holds or the time is up. */
public final class Await {

    /**
     * How long a test waits for something that should happen soon. Generous, for a machine busy with other work
     * (packaging/verify-under-load.sh runs the suite beside three CPU-busy processes): a test that passes returns as
     * soon as its condition holds and never waits this long.
     */
    public static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private Await() {
    }

    public static void until(String description, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for: "
                        + description);
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            LockSupport.parkNanos(20_000_000L);
        }
    }
}
