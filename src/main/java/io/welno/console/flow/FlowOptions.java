package io.welno.console.flow;

import io.welno.console.session.StuckPolicy;
import io.welno.console.text.LogWords;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of {@link FlowService}, and the words of its log lines. Defaults follow the backend
 * (docs/backend-protocol.md): a Tilko call may take 120 s, so an {@code auth_requesting} older than 150 s is no
 * longer in flight; expires_at is extended by 300 s after a successful SimpleAuthRequest; a collection that has not
 * moved for 10 minutes is stuck.
 *
 * @param stuckAfter            reset-stuck accepts a fetching_* session only after this long without progress
 *                              (sooner when its expiry or a console's lease says so, see {@code StuckPolicy})
 * @param staleAuthRequestAfter simple-auth accepts an auth_requesting session only after this long without progress
 * @param holdWindow            how long an applied change is held by default: watched for the backend writing back
 *                              a copy it read before our write. The backend holds such copies across its Tilko
 *                              calls, the longest of which (prescriptions) may take 300 s; 60 s more cover the key
 *                              fetch before it and the write after it (docs/flow.md, "Held actions")
 * @param authExpiry            expires_at = now + this after a successful SimpleAuthRequest (the backend's 300 s)
 * @param shutdownGrace         how long {@link FlowService#close()} waits for a running collection to stop by itself
 *                              before releasing its claim directly
 * @param claimLease            how long a console claim stays valid without renewal; the owner renews it every third
 *                              of this while its Tilko call is out, so a claim past its lease has lost its owner
 * @param maxReapplies          how often a reverted change is re-applied during one hold, at most
 * @param maxTilkoCalls         how many Tilko calls this console makes at the same time, at most (a bulk run over a
 *                              bucket must not hammer Tilko or the users' phones); further calls wait their turn
 * @param logWords              how the flow words a phrase in its log lines; {@link LogWords#CODES} until the edge
 *                              hands in English
 */
public record FlowOptions(Duration stuckAfter, Duration staleAuthRequestAfter, Duration holdWindow,
                          Duration authExpiry, Duration shutdownGrace, Duration claimLease, int maxReapplies,
                          int maxTilkoCalls, LogWords logWords) {

    public static final Duration DEFAULT_STUCK_AFTER = Duration.ofMinutes(10);
    /** The Stuck bucket's threshold for an auth request: what it shows as stuck can be sent again at once. */
    public static final Duration DEFAULT_STALE_AUTH_REQUEST_AFTER = StuckPolicy.STALE_AUTH_REQUEST_AFTER;
    public static final Duration DEFAULT_HOLD_WINDOW = Duration.ofSeconds(360);
    public static final Duration DEFAULT_AUTH_EXPIRY = Duration.ofSeconds(300);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_REAPPLIES = 3;
    public static final int DEFAULT_MAX_TILKO_CALLS = 4;

    public FlowOptions {
        Objects.requireNonNull(logWords, "logWords");
        nonNegative(stuckAfter, "stuckAfter");
        nonNegative(staleAuthRequestAfter, "staleAuthRequestAfter");
        nonNegative(holdWindow, "holdWindow");
        nonNegative(authExpiry, "authExpiry");
        nonNegative(shutdownGrace, "shutdownGrace");
        nonNegative(claimLease, "claimLease");
        if (claimLease.isZero()) {
            throw new IllegalArgumentException("claimLease must be positive");
        }
        if (maxReapplies < 0) {
            throw new IllegalArgumentException("maxReapplies must not be negative");
        }
        if (maxTilkoCalls < 1) {
            throw new IllegalArgumentException("maxTilkoCalls must be at least 1");
        }
    }

    public static FlowOptions defaults() {
        return new FlowOptions(DEFAULT_STUCK_AFTER, DEFAULT_STALE_AUTH_REQUEST_AFTER, DEFAULT_HOLD_WINDOW,
                DEFAULT_AUTH_EXPIRY, DEFAULT_SHUTDOWN_GRACE, DEFAULT_CLAIM_LEASE, DEFAULT_MAX_REAPPLIES,
                DEFAULT_MAX_TILKO_CALLS, LogWords.CODES);
    }

    public FlowOptions withStuckAfter(Duration value) {
        return new FlowOptions(value, staleAuthRequestAfter, holdWindow, authExpiry, shutdownGrace, claimLease,
                maxReapplies, maxTilkoCalls, logWords);
    }

    public FlowOptions withStaleAuthRequestAfter(Duration value) {
        return new FlowOptions(stuckAfter, value, holdWindow, authExpiry, shutdownGrace, claimLease, maxReapplies,
                maxTilkoCalls, logWords);
    }

    public FlowOptions withHoldWindow(Duration value) {
        return new FlowOptions(stuckAfter, staleAuthRequestAfter, value, authExpiry, shutdownGrace, claimLease,
                maxReapplies, maxTilkoCalls, logWords);
    }

    public FlowOptions withAuthExpiry(Duration value) {
        return new FlowOptions(stuckAfter, staleAuthRequestAfter, holdWindow, value, shutdownGrace, claimLease,
                maxReapplies, maxTilkoCalls, logWords);
    }

    public FlowOptions withShutdownGrace(Duration value) {
        return new FlowOptions(stuckAfter, staleAuthRequestAfter, holdWindow, authExpiry, value, claimLease,
                maxReapplies, maxTilkoCalls, logWords);
    }

    public FlowOptions withClaimLease(Duration value) {
        return new FlowOptions(stuckAfter, staleAuthRequestAfter, holdWindow, authExpiry, shutdownGrace, value,
                maxReapplies, maxTilkoCalls, logWords);
    }

    public FlowOptions withMaxReapplies(int value) {
        return new FlowOptions(stuckAfter, staleAuthRequestAfter, holdWindow, authExpiry, shutdownGrace, claimLease,
                value, maxTilkoCalls, logWords);
    }

    public FlowOptions withMaxTilkoCalls(int value) {
        return new FlowOptions(stuckAfter, staleAuthRequestAfter, holdWindow, authExpiry, shutdownGrace, claimLease,
                maxReapplies, value, logWords);
    }

    /** The words of the flow's log lines: the edge hands in English ({@code Wording.log()}). */
    public FlowOptions withLogWords(LogWords value) {
        return new FlowOptions(stuckAfter, staleAuthRequestAfter, holdWindow, authExpiry, shutdownGrace, claimLease,
                maxReapplies, maxTilkoCalls, value);
    }

    private static void nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
