package io.welno.console.view;

import io.welno.console.session.SessionStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A left-hand filter with a live count: all, stuck, one status, unknown statuses, unreadable, recently ended, followed.
 */
public record Bucket(Kind kind, SessionStatus status) {

    public enum Kind { ALL, STUCK, STATUS, OTHER_STATUS, UNREADABLE, ENDED, FOLLOWING }

    public static final Bucket ALL = new Bucket(Kind.ALL, null);
    public static final Bucket STUCK = new Bucket(Kind.STUCK, null);
    public static final Bucket OTHER = new Bucket(Kind.OTHER_STATUS, null);
    public static final Bucket UNREADABLE = new Bucket(Kind.UNREADABLE, null);
    public static final Bucket ENDED = new Bucket(Kind.ENDED, null);
    /** The sessions someone follows ({@link FollowedSessions}). */
    public static final Bucket FOLLOWING = new Bucket(Kind.FOLLOWING, null);

    /** The statuses the backend actually writes, in flow order, then the catch-alls. */
    private static final List<Bucket> STANDARD = List.copyOf(build());

    public static List<Bucket> standard() {
        return STANDARD;
    }

    private static List<Bucket> build() {
        List<Bucket> buckets = new ArrayList<>(List.of(ALL, STUCK));
        for (SessionStatus status : List.of(SessionStatus.INITIATED, SessionStatus.AUTH_REQUESTING,
                SessionStatus.AUTH_REQUEST_SENT, SessionStatus.AUTH_COMPLETED, SessionStatus.AUTHENTICATED,
                SessionStatus.FETCHING_HEALTH_DATA, SessionStatus.FETCHING_PRESCRIPTION_DATA,
                SessionStatus.COMPLETED, SessionStatus.INFO_REQUIRED, SessionStatus.ERROR)) {
            buckets.add(of(status));
        }
        buckets.addAll(List.of(OTHER, UNREADABLE, ENDED, FOLLOWING));
        return buckets;
    }

    public static Bucket of(SessionStatus status) {
        return new Bucket(Kind.STATUS, status);
    }

    /** The bucket a live row is counted in besides ALL (and STUCK, which is computed by time). */
    public static Bucket statusBucketOf(SessionRow row) {
        if (!row.readable()) {
            return UNREADABLE;
        }
        for (Bucket bucket : standard()) {
            if (bucket.kind == Kind.STATUS && bucket.status.equals(row.status())) {
                return bucket;
            }
        }
        return OTHER;
    }
}
