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
 *
 * <p>Two rules make a stuck session visible (and repairable) in time, whatever the threshold:
 * <ul>
 *   <li>a session is stuck no later than {@link #EXPIRY_MARGIN} before its {@code expires_at}: past that the
 *       backend deletes it on its next read, so a repair must happen before;</li>
 *   <li>a session a console claimed with a lease ({@link ConsoleClaim}) is worked on for exactly as long as the
 *       lease is renewed: it is stuck the moment the lease lapses (its console died), and not before.</li>
 * </ul>
 */
public final class StuckPolicy {

    /** How long before its expiry a session that is not moving counts as stuck at the latest. */
    public static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

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
        return stuckAfter(doc).map(after -> after.isBefore(now)).orElse(false);
    }

    /**
     * The moment after which this session counts as stuck, with both rules of the class comment; empty when it
     * never does.
     */
    public Optional<LocalDateTime> stuckAfter(SessionDocument doc) {
        SessionStatus status = doc.status();
        Optional<ConsoleClaim> claim = leasedClaim(doc);
        if (claim.isPresent()) {
            return Optional.of(claim.get().leaseUntil());
        }
        Optional<LocalDateTime> byThreshold = stuckAfter(status, doc.lastProgressAt().orElse(null),
                doc.collectionStarted());
        SessionTimestamp expires = doc.expiresAt();
        if (byThreshold.isEmpty() || expires == null || expires.hasOffset()) {
            return byThreshold;
        }
        LocalDateTime latest = expires.local().minus(EXPIRY_MARGIN);
        return Optional.of(latest.isBefore(byThreshold.get()) ? latest : byThreshold.get());
    }

    /** A claim whose lease decides alone: it has a lease, and the status is one that can get stuck. */
    private Optional<ConsoleClaim> leasedClaim(SessionDocument doc) {
        SessionStatus status = doc.status();
        return doc.consoleClaim().filter(c -> c.leaseUntil() != null && thresholds.containsKey(status)
                && (!status.isFetching() || doc.collectionStarted()));
    }

    /**
     * Why the session counts as stuck, as a code: a lapsed console lease, the approaching expiry, or the
     * status's threshold; empty when it is not stuck at {@code now}.
     */
    public Optional<StuckReason> why(SessionDocument doc, LocalDateTime now) {
        Optional<LocalDateTime> after = stuckAfter(doc);
        if (after.isEmpty() || !after.get().isBefore(now)) {
            return Optional.empty();
        }
        Optional<ConsoleClaim> claim = leasedClaim(doc);
        LocalDateTime last = doc.lastProgressAt().orElse(null);
        Duration idle = last == null ? Duration.ZERO : Duration.between(last, now);
        if (claim.isPresent()) {
            return Optional.of(new StuckReason(StuckReason.Kind.LEASE_LAPSED, doc.status(), idle,
                    Duration.between(claim.get().leaseUntil(), now)));
        }
        Duration threshold = thresholds.get(doc.status());
        SessionTimestamp expires = doc.expiresAt();
        if (expires != null && !expires.hasOffset() && last != null
                && expires.local().minus(EXPIRY_MARGIN).isBefore(last.plus(threshold))) {
            return Optional.of(new StuckReason(StuckReason.Kind.EXPIRES_SOON, doc.status(), idle,
                    Duration.between(now, expires.local())));
        }
        return Optional.of(new StuckReason(StuckReason.Kind.IDLE, doc.status(), idle, threshold));
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
