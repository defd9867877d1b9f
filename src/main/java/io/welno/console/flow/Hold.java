package io.welno.console.flow;

import io.welno.console.text.Phrase;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An applied action being held: watched until {@link #until()} for the backend writing back a copy it read before
 * our write (docs/flow.md, "Held actions"). {@link #outcome()} completes when the hold ends — kept, reverted,
 * vanished — and is what the command line waits for before it chooses its exit status.
 */
public final class Hold {

    private static final Hold NONE = new Hold(null, null, Instant.EPOCH, false, true);

    private final String sessionId;
    private final String actionId;
    private volatile Instant until;
    private final boolean reapply;
    private final CompletableFuture<HoldOutcome> outcome = new CompletableFuture<>();
    private volatile int reapplies;

    private Hold(String sessionId, String actionId, Instant until, boolean reapply, boolean over) {
        this.sessionId = sessionId;
        this.actionId = actionId;
        this.until = until;
        this.reapply = reapply;
        if (over) {
            outcome.complete(HoldOutcome.notHeld());
        }
    }

    static Hold start(String sessionId, String actionId, Instant until, boolean reapply) {
        return new Hold(sessionId, actionId, until, reapply, false);
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

    public Instant until() {
        return until;
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
            Instant deadline = until.plus(extra);
            long millis = Duration.between(Instant.now(), deadline).toMillis();
            try {
                return outcome.get(Math.max(0, millis), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                return noEnd(extra);
            } catch (TimeoutException e) {
                if (!until.plus(extra).isAfter(deadline)) {
                    return noEnd(extra);
                }
            }
        }
    }

    private HoldOutcome noEnd(Duration extra) {
        return new HoldOutcome(HoldOutcome.Kind.UNCONFIRMED, Phrase.of("hold.noEnd", extra), reapplies, null);
    }

    /** A later write of the same action moves the end of the hold to {@code later}, never earlier. */
    void extendTo(Instant later) {
        if (later.isAfter(until)) {
            until = later;
        }
    }

    boolean end(HoldOutcome result) {
        return outcome.complete(result);
    }
}
