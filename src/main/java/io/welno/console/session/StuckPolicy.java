package io.welno.console.session;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When a session counts as stuck: it has sat in one status longer than that status should take.
 * The thresholds are per status because an auth request waits on a person while a collection waits on
 * a machine. Fetching statuses only count while {@code collection_started} is true, which is the
 * backend's signature of a collection task that died.
 */
public final class StuckPolicy {

    private final Map<SessionStatus, Duration> thresholds;

    public StuckPolicy(Map<SessionStatus, Duration> thresholds) {
        this.thresholds = Map.copyOf(thresholds);
    }

    public static StuckPolicy defaults() {
        Map<SessionStatus, Duration> t = new HashMap<>();
        t.put(SessionStatus.INITIATED, Duration.ofMinutes(10));
        t.put(SessionStatus.AUTH_REQUESTING, Duration.ofMinutes(2));
        t.put(SessionStatus.AUTH_REQUEST_SENT, Duration.ofMinutes(10));
        t.put(SessionStatus.AUTH_COMPLETED, Duration.ofMinutes(10));
        t.put(SessionStatus.AUTHENTICATED, Duration.ofMinutes(10));
        // The same ten minutes after which the flow's reset-stuck accepts a collection.
        t.put(SessionStatus.FETCHING_HEALTH_DATA, Duration.ofMinutes(10));
        t.put(SessionStatus.FETCHING_PRESCRIPTION_DATA, Duration.ofMinutes(10));
        return new StuckPolicy(t);
    }

    public Optional<Duration> threshold(SessionStatus status) {
        return Optional.ofNullable(thresholds.get(status));
    }

    public Map<SessionStatus, Duration> thresholds() {
        return thresholds;
    }

    public StuckPolicy with(SessionStatus status, Duration threshold) {
        Map<SessionStatus, Duration> copy = new HashMap<>(thresholds);
        copy.put(status, threshold);
        return new StuckPolicy(copy);
    }

    /** @param now the current wall-clock time in the backend's zone */
    public boolean isStuck(SessionDocument doc, LocalDateTime now) {
        return isStuck(doc.status(), doc.lastProgressAt().orElse(null), doc.collectionStarted(), now);
    }

    /**
     * @param lastProgress when the session last made progress ({@link SessionDocument#lastProgressAt()}), not
     *                     {@code updated_at}, which the browser's polling keeps fresh
     */
    public boolean isStuck(SessionStatus status, LocalDateTime lastProgress, boolean collectionStarted,
                           LocalDateTime now) {
        return stuckAfter(status, lastProgress, collectionStarted).map(after -> after.isBefore(now)).orElse(false);
    }

    /**
     * The moment after which a session in this state counts as stuck, or empty when it never does (no
     * threshold for its status, no progress time, a fetching status without a running collection). Lets a
     * table compute it once per session instead of once per session per second.
     */
    public Optional<LocalDateTime> stuckAfter(SessionStatus status, LocalDateTime lastProgress,
                                              boolean collectionStarted) {
        Duration threshold = thresholds.get(status);
        if (threshold == null || lastProgress == null) {
            return Optional.empty();
        }
        if (status.isFetching() && !collectionStarted) {
            return Optional.empty();
        }
        return Optional.of(lastProgress.plus(threshold));
    }
}
