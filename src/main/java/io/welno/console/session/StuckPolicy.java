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
 * <p>A session past its {@code expires_at} is never stuck: the backend deletes it on its next read, so nothing written
 * to it would count; it is left to expire, and its row says so. Two rules make a stuck session visible (and
 * repairable) in time, whatever the threshold:
 * <ul>
 *   <li>a session is stuck no later than {@link #EXPIRY_MARGIN} before its {@code expires_at}: past that the
 *       backend deletes it on its next read, so a repair must happen before — but an auth request not before it is
 *       stale, as its repair (simple-auth) is refused until then;</li>
 *   <li>a session a console claimed with a lease ({@link ConsoleClaim}) is worked on for exactly as long as the
 *       lease is renewed: it is stuck the moment the lease lapses (its console died), and not before — an auth
 *       request not before it is stale either, as its Tilko request may still be out.</li>
 * </ul>
 */
public final class StuckPolicy {

    /** How long before its expiry a session that is not moving counts as stuck at the latest. */
    public static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);
    /**
     * How long an auth request may still have its Tilko call out: before, a second request could reach the person's
     * phone as well, so the flow's simple-auth refuses it; after, the session counts as stuck and simple-auth takes it
     * again. One threshold, so a stuck auth request can always be sent again at once.
     */
    public static final Duration STALE_AUTH_REQUEST_AFTER = Duration.ofSeconds(150);

    private final Map<SessionStatus, Duration> thresholds;

    public StuckPolicy(Map<SessionStatus, Duration> thresholds) {
        this.thresholds = Map.copyOf(thresholds);
    }

    public static StuckPolicy defaults() {
        Map<SessionStatus, Duration> t = new HashMap<>();
        t.put(SessionStatus.INITIATED, Duration.ofMinutes(10));
        t.put(SessionStatus.AUTH_REQUESTING, STALE_AUTH_REQUEST_AFTER);
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

    /**
     * This policy with one threshold for both fetching statuses: reset-stuck's {@code stuckAfter}, which the command
     * line's {@code --stuck-after} sets, so that what a bucket selects and what the reset accepts are one rule.
     */
    public StuckPolicy withCollectionsStuckAfter(Duration threshold) {
        return with(SessionStatus.FETCHING_HEALTH_DATA, threshold)
                .with(SessionStatus.FETCHING_PRESCRIPTION_DATA, threshold);
    }

    /**
     * Whether the session is stuck now: past the moment {@link #stuckAfter} says, and not yet past its
     * {@code expires_at} — after that the backend deletes it on its next read ({@link BackendRules#expiredFor}), so it
     * is no longer a session anyone can repair, only one left to expire.
     *
     * @param now the current wall-clock time in the backend's zone
     */
    public boolean isStuck(SessionDocument doc, LocalDateTime now) {
        return isStuck(stuckAfter(doc).orElse(null), doc.backendExpiry().orElse(null), now);
    }

    /**
     * The rule itself, from the two moments that bound it: stuck strictly after {@code stuckAfter}, and until its
     * expiry, that moment included — strictly after it the backend deletes the session on its next read, and the
     * guards refuse it ({@link BackendRules#expiredFor}). To the microsecond, as the guards compare, so that the Stuck
     * bucket (which keeps these two moments per row) never lists a session reset-stuck refuses for being expired.
     *
     * @param stuckAfter    {@link #stuckAfter}; null when the session never gets stuck
     * @param backendExpiry {@link SessionDocument#backendExpiry()}; null when the backend cannot compare one
     */
    public static boolean isStuck(LocalDateTime stuckAfter, LocalDateTime backendExpiry, LocalDateTime now) {
        return stuckAfter != null && stuckAfter.isBefore(now)
                && (backendExpiry == null || !now.isAfter(backendExpiry));
    }

    /**
     * The moment after which this session counts as stuck, with both rules of the class comment; empty when it
     * never does.
     */
    public Optional<LocalDateTime> stuckAfter(SessionDocument doc) {
        return stuckAfter(doc.status(), doc.lastProgressAt().orElse(null), doc.collectionStarted(),
                doc.backendExpiry().orElse(null), doc.consoleClaim().map(ConsoleClaim::leaseUntil).orElse(null));
    }

    /**
     * The same rule from a session's facts, so a table row (which keeps facts, not the document) computes it once per
     * session instead of once per session per second, and the window's "Stuck" is the flow's.
     *
     * @param lastProgress when the session last made progress ({@link SessionDocument#lastProgressAt()}), not
     *                     {@code updated_at}, which the browser's polling keeps fresh
     * @param expiresAt    {@code expires_at} in the backend's wall-clock time; null when the backend cannot compare it
     *                     ({@link SessionDocument#backendExpiry()})
     * @param leaseUntil   the lease of a console claim; null when there is none
     */
    public Optional<LocalDateTime> stuckAfter(SessionStatus status, LocalDateTime lastProgress,
                                              boolean collectionStarted, LocalDateTime expiresAt,
                                              LocalDateTime leaseUntil) {
        if (leaseUntil != null && canStick(status, collectionStarted)) {
            if (status.equals(SessionStatus.AUTH_REQUESTING)) {
                // A lapsed lease says its console died, not that its Tilko request is over: sent before, it may still
                // reach the phone until the request counts as stale, and simple-auth refuses a second one until then
                // (docs/flow.md, "Guards"). Stuck means it can be sent again: at the later of the two.
                Optional<LocalDateTime> stale = idleAfter(status, lastProgress, collectionStarted);
                if (stale.isPresent() && stale.get().isAfter(leaseUntil)) {
                    return stale;
                }
            }
            return Optional.of(leaseUntil);
        }
        Optional<LocalDateTime> byThreshold = idleAfter(status, lastProgress, collectionStarted);
        if (byThreshold.isEmpty() || expiresAt == null || !expiryMarginApplies(status)) {
            return byThreshold;
        }
        LocalDateTime latest = expiresAt.minus(EXPIRY_MARGIN);
        return Optional.of(latest.isBefore(byThreshold.get()) ? latest : byThreshold.get());
    }

    /** A claim whose lease decides alone: it has a lease, and the status is one that can get stuck. */
    private Optional<ConsoleClaim> leasedClaim(SessionDocument doc) {
        return doc.consoleClaim().filter(c -> c.leaseUntil() != null
                && canStick(doc.status(), doc.collectionStarted()));
    }

    /**
     * Whether the approaching expiry makes a session of this status stuck sooner. Not an auth request: until it is
     * stale its Tilko request may still be out, and simple-auth, its only repair, refuses a second one (docs/flow.md,
     * "Guards"); stuck means it can be sent again, so it is stuck when stale, or never if it expires first.
     */
    private static boolean expiryMarginApplies(SessionStatus status) {
        return !status.equals(SessionStatus.AUTH_REQUESTING);
    }

    /** A status with a threshold; a fetching one only while a collection runs. */
    private boolean canStick(SessionStatus status, boolean collectionStarted) {
        return thresholds.containsKey(status) && (!status.isFetching() || collectionStarted);
    }

    /**
     * Why the session counts as stuck, as a code: a lapsed console lease, the approaching expiry, or the
     * status's threshold; empty when it is not stuck at {@code now}.
     */
    public Optional<StuckReason> why(SessionDocument doc, LocalDateTime now) {
        if (!isStuck(doc, now)) {
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
        LocalDateTime expiry = doc.backendExpiry().orElse(null);
        if (expiry != null && last != null && expiryMarginApplies(doc.status())
                && expiry.minus(EXPIRY_MARGIN).isBefore(last.plus(threshold))) {
            return Optional.of(new StuckReason(StuckReason.Kind.EXPIRES_SOON, doc.status(), idle,
                    Duration.between(now, expiry)));
        }
        return Optional.of(new StuckReason(StuckReason.Kind.IDLE, doc.status(), idle, threshold));
    }

    /** The status's threshold after the last progress alone; empty when there is none or it does not apply. */
    private Optional<LocalDateTime> idleAfter(SessionStatus status, LocalDateTime lastProgress,
                                              boolean collectionStarted) {
        Duration threshold = thresholds.get(status);
        if (threshold == null || lastProgress == null || !canStick(status, collectionStarted)) {
            return Optional.empty();
        }
        return Optional.of(lastProgress.plus(threshold));
    }
}
