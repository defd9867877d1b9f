package io.welno.console.live;

import io.welno.console.store.StoredSession;

/**
 * One coalesced change of one session.
 *
 * @param session the latest stored value for ADDED/UPDATED; null for REMOVED/EXPIRED
 */
public record SessionChange(ChangeKind kind, String id, StoredSession session) {

    /**
     * Two changes of one session as one, for a consumer who saw neither: the later value, with the kind that is right
     * for what the consumer knew before the earlier one; null when there is nothing to tell (added and gone again).
     * The rule of {@link LatestById#merge} wherever changes wait: a batch being built, a listener that lags.
     */
    public static SessionChange then(SessionChange earlier, SessionChange later) {
        if (earlier.kind() == ChangeKind.ADDED && later.kind().ended()) {
            return null; // the consumer never saw it
        }
        if (earlier.kind() == ChangeKind.ADDED) {
            return new SessionChange(ChangeKind.ADDED, later.id(), later.session());
        }
        if (earlier.kind().ended() && !later.kind().ended()) {
            // Removed and back: for the consumer it is an update.
            return new SessionChange(ChangeKind.UPDATED, later.id(), later.session());
        }
        return later;
    }
}
