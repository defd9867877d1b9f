package io.welno.console.flow;

import io.welno.console.text.Phrase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * An applied action being held: watched until {@link #until()} for the backend writing back a copy it read before
 * our write (docs/flow.md, "Held actions"). {@link #outcome()} completes when the hold ends — kept, reverted,
 * vanished — and is what the command line waits for before it chooses its exit status.
 *
 * <p>Timed by the monotonic clock ({@link System#nanoTime}): a wall clock set back an hour (a time sync, a virtual
 * machine resumed) would hold a 30-second window for an hour, and the command line waiting on it; set forward, it would
 * end the window at once and report a change kept that the backend could still undo. {@link #until()} is the wall
 * time the window ends at, for the words only.
 */
public final class Hold {

    private static final Hold NONE = new Hold(null, null, Duration.ZERO, false, true, System::nanoTime,
            Clock.systemUTC());

    private final String sessionId;
    private final String actionId;
    /** Guarded by this: the end as {@link System#nanoTime}. */
    private long untilNanos;
    /** A hold of nothing held: over from the start, and its end never said. */
    private final boolean none;
    private final boolean reapply;
    private final CompletableFuture<HoldOutcome> outcome = new CompletableFuture<>();
    private volatile int reapplies;
    private final LongSupplier nanoTime;
    private final Clock wall;

    private Hold(String sessionId, String actionId, Duration window, boolean reapply, boolean over,
                 LongSupplier nanoTime, Clock wall) {
        this.sessionId = sessionId;
        this.actionId = actionId;
        this.nanoTime = nanoTime;
        this.wall = wall;
        this.untilNanos = nanoTime.getAsLong() + window.toNanos();
        this.none = over;
        this.reapply = reapply;
        if (over) {
            outcome.complete(HoldOutcome.notHeld());
        }
    }

    /** A hold of {@code window} from now. */
    static Hold start(String sessionId, String actionId, Duration window, boolean reapply) {
        return start(sessionId, actionId, window, reapply, System::nanoTime, Clock.systemUTC());
    }

    /** A hold timed by {@code nanoTime} (monotonic) whose end is said by {@code wall}: tests move the two apart. */
    static Hold start(String sessionId, String actionId, Duration window, boolean reapply, LongSupplier nanoTime,
                      Clock wall) {
        return new Hold(sessionId, actionId, window, reapply, false, nanoTime, wall);
    }

    /** The hold of something that was not applied (or held for zero seconds): already over. */
    public static Hold none() {
        return NONE;
    }

    public String sessionId() {
        return sessionId;
    }

    public String actionId() {
        return actionId;
    }

    /**
     * When the window ends by the wall clock as it reads now (for the words: "held until 14:03:22"); it is timed by
     * {@link #remaining}. Read from the monotonic end each time: a wall time kept from when the window was set would
     * be an hour off after the clock is set by an hour, and so would "the change was made at {@code until - window}".
     */
    public Instant until() {
        if (none) {
            return Instant.EPOCH;
        }
        long left;
        synchronized (this) {
            left = untilNanos - nanoTime.getAsLong();
        }
        return wall.instant().plusNanos(left);
    }

    /** How much of the window is left; zero once it is over. */
    public synchronized Duration remaining() {
        return Duration.ofNanos(Math.max(0, untilNanos - nanoTime.getAsLong()));
    }

    public boolean reapply() {
        return reapply;
    }

    public int reapplies() {
        return reapplies;
    }

    void countReapply() {
        reapplies++;
    }

    public boolean isOver() {
        return outcome.isDone();
    }

    public CompletableFuture<HoldOutcome> outcome() {
        return outcome;
    }

    /**
     * Waits for the end of the hold; {@code extra} beyond {@link #until()} bounds the wait for its last check. The
     * end is read again after each wait: a re-apply moves it a whole window later.
     */
    public HoldOutcome await(Duration extra) throws InterruptedException {
        while (true) {
            long end = endNanos();
            long nanos = end + extra.toNanos() - nanoTime.getAsLong();
            try {
                return outcome.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                return noEnd(extra);
            } catch (TimeoutException e) {
                if (endNanos() - end <= 0) {
                    return noEnd(extra);
                }
            }
        }
    }

    private synchronized long endNanos() {
        return untilNanos;
    }

    private HoldOutcome noEnd(Duration extra) {
        return new HoldOutcome(HoldOutcome.Kind.UNCONFIRMED, Phrase.of("hold.noEnd", extra), reapplies, null);
    }

    /** A later write of the same action moves the end of the hold to {@code window} from now, never earlier. */
    synchronized void extendBy(Duration window) {
        long later = nanoTime.getAsLong() + window.toNanos();
        if (later - untilNanos > 0) {
            untilNanos = later;
        }
    }

    boolean end(HoldOutcome result) {
        return outcome.complete(result);
    }
}
