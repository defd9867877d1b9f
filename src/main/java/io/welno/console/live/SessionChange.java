package io.welno.console.live;

import io.welno.console.store.StoredSession;

/**
 * One coalesced change of one session.
 *
 * @param session      the latest stored value for ADDED/UPDATED; null for REMOVED/EXPIRED
 * @param fromSnapshot true when only a snapshot or resync brought it (a pass's read, or a session the pass no longer
 *                     found); false for a pushed or polled change, even when it rides in a snapshot's batch
 *                     ({@link FeedBatch#fromSnapshot} says only that the batch holds snapshot rows)
 */
public record SessionChange(ChangeKind kind, String id, StoredSession session, boolean fromSnapshot) {

    /** A pushed or polled change. */
    public SessionChange(ChangeKind kind, String id, StoredSession session) {
        this(kind, id, session, false);
    }

    /**
     * Two changes of one session as one, for a consumer who saw neither: the later value, with the kind that is right
     * for what the consumer knew before the earlier one; null when there is nothing to tell (added and gone again).
     * The rule of {@link LatestById#merge} wherever changes wait: a batch being built, a listener that lags. The
     * result is a snapshot row only when both were: a pushed change folded with a pass's read is still a write seen.
     */
    public static SessionChange then(SessionChange earlier, SessionChange later) {
        boolean fromSnapshot = earlier.fromSnapshot() && later.fromSnapshot();
        if (earlier.kind() == ChangeKind.ADDED && later.kind().ended()) {
            return null; // the consumer never saw it
        }
        if (earlier.kind() == ChangeKind.ADDED) {
            return new SessionChange(ChangeKind.ADDED, later.id(), later.session(), fromSnapshot);
        }
        if (earlier.kind().ended() && !later.kind().ended()) {
            // Removed and back: for the consumer it is an update.
            return new SessionChange(ChangeKind.UPDATED, later.id(), later.session(), fromSnapshot);
        }
        return fromSnapshot == later.fromSnapshot() ? later
                : new SessionChange(later.kind(), later.id(), later.session(), fromSnapshot);
    }
}
