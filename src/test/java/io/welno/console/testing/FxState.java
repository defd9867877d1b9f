package io.welno.console.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import org.junit.jupiter.api.function.Executable;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reads what a window shows on the FX thread. The window changes its tables, labels and nodes there while the live
 * feed pushes rows every frame; a test that reads them from its own thread can see a list between two changes (a row
 * gone between two reads of it). Only for reads of the scene and its models: anything that blocks on I/O (Redis,
 * files) would stall the window while it waits, so read that from the test's thread.
 */
public final class FxState {

    private static final long POLL_NANOS = 20_000_000L;
    /** Time the FX thread gets to answer the last poll, even when the deadline has passed while it was busy. */
    private static final Duration LAST_ANSWER = Duration.ofSeconds(5);

    private FxState() {
    }

    /** What {@code read} returns on the FX thread; its exception, when it throws, as thrown. */
    public static <T> T read(Callable<T> read) throws Exception {
        Outcome<T> outcome = onFx(read, Await.EVENTUALLY);
        if (outcome == null) {
            throw new AssertionError("The FX thread did not answer a read within " + Await.EVENTUALLY.toMillis()
                    + " ms");
        }
        return outcome.get();
    }

    /**
     * Runs {@code checks} (assertions on what the window shows) on the FX thread, so that they all see one state of
     * it; a failed assertion is thrown here as it was thrown there.
     */
    public static void check(Executable checks) throws Exception {
        read(() -> {
            try {
                checks.execute();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            return null;
        });
    }

    /** Polls {@code condition} on the FX thread until it holds, for up to {@link Await#EVENTUALLY}. */
    public static void await(String description, Callable<Boolean> condition) {
        await(description, Await.EVENTUALLY, condition);
    }

    /**
     * Polls {@code condition} on the FX thread until it holds or {@code timeout} is up. A poll that throws an exception
     * counts as "not yet", as in {@link Await#until}; the last such exception is the cause of the timeout's error.
     */
    public static void await(String description, Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last = null;
        while (true) {
            long left = Math.max(deadline - System.nanoTime(), LAST_ANSWER.toNanos());
            Outcome<Boolean> outcome = onFx(condition, Duration.ofNanos(left));
            if (outcome != null) {
                if (outcome.failure() instanceof Error error) {
                    throw error; // an assertion inside the condition, as Await.until lets it through
                }
                if (outcome.failure() != null) {
                    last = outcome.failure();
                } else if (Boolean.TRUE.equals(outcome.value())) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("Timed out after " + timeout.toMillis()
                        + " ms waiting for: " + description
                        + (outcome == null ? " (the FX thread did not answer the last poll)" : ""));
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Runs {@code call} on the FX thread (at once when already on it, so a read may use another); null when the FX
     * thread did not get to it within {@code wait}. The callable's failure is caught there and handed back, so that
     * TestFX does not also print it and queue it for the next wait as an unhandled exception.
     */
    private static <T> Outcome<T> onFx(Callable<T> call, Duration wait) {
        if (Platform.isFxApplicationThread()) {
            return Outcome.of(call);
        }
        try {
            return WaitForAsyncUtils.asyncFx(() -> Outcome.of(call)).get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the FX thread", e);
        } catch (ExecutionException e) {
            throw new AssertionError("Outcome.of threw", e.getCause()); // it catches everything
        }
    }

    private record Outcome<T>(T value, Throwable failure) {

        static <T> Outcome<T> of(Callable<T> call) {
            try {
                return new Outcome<>(call.call(), null);
            } catch (Throwable t) {
                return new Outcome<>(null, t);
            }
        }

        T get() throws Exception {
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return value;
        }
    }
}
