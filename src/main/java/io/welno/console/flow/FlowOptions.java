package io.welno.console.flow;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of {@link FlowService}. Defaults follow the backend: a Tilko call may take 120 s, so an
 * {@code auth_requesting} older than 150 s is no longer in flight; expires_at is extended by 300 s after a
 * successful SimpleAuthRequest; a collection that has not moved for 10 minutes is stuck.
 *
 * @param stuckAfter           reset-stuck accepts a fetching_* session only after this long without progress
 * @param staleAuthRequestAfter simple-auth accepts an auth_requesting session only after this long without progress
 * @param revertWatchWindow    how long each applied change is watched for a revert
 * @param authExpiry           expires_at = now + this after a successful SimpleAuthRequest (the backend's 300 s)
 * @param shutdownGrace        how long {@link FlowService#close()} waits for a running collection to stop by itself
 *                             before releasing its claim directly
 */
public record FlowOptions(Duration stuckAfter, Duration staleAuthRequestAfter, Duration revertWatchWindow,
                          Duration authExpiry, Duration shutdownGrace) {

    public static final Duration DEFAULT_STUCK_AFTER = Duration.ofMinutes(10);
    public static final Duration DEFAULT_STALE_AUTH_REQUEST_AFTER = Duration.ofSeconds(150);
    public static final Duration DEFAULT_REVERT_WATCH_WINDOW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_AUTH_EXPIRY = Duration.ofSeconds(300);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(5);

    public FlowOptions {
        nonNegative(stuckAfter, "stuckAfter");
        nonNegative(staleAuthRequestAfter, "staleAuthRequestAfter");
        nonNegative(revertWatchWindow, "revertWatchWindow");
        nonNegative(authExpiry, "authExpiry");
        nonNegative(shutdownGrace, "shutdownGrace");
    }

    public static FlowOptions defaults() {
        return new FlowOptions(DEFAULT_STUCK_AFTER, DEFAULT_STALE_AUTH_REQUEST_AFTER, DEFAULT_REVERT_WATCH_WINDOW,
                DEFAULT_AUTH_EXPIRY, DEFAULT_SHUTDOWN_GRACE);
    }

    public FlowOptions withStuckAfter(Duration value) {
        return new FlowOptions(value, staleAuthRequestAfter, revertWatchWindow, authExpiry, shutdownGrace);
    }

    public FlowOptions withStaleAuthRequestAfter(Duration value) {
        return new FlowOptions(stuckAfter, value, revertWatchWindow, authExpiry, shutdownGrace);
    }

    public FlowOptions withRevertWatchWindow(Duration value) {
        return new FlowOptions(stuckAfter, staleAuthRequestAfter, value, authExpiry, shutdownGrace);
    }

    public FlowOptions withAuthExpiry(Duration value) {
        return new FlowOptions(stuckAfter, staleAuthRequestAfter, revertWatchWindow, value, shutdownGrace);
    }

    public FlowOptions withShutdownGrace(Duration value) {
        return new FlowOptions(stuckAfter, staleAuthRequestAfter, revertWatchWindow, authExpiry, value);
    }

    private static void nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
