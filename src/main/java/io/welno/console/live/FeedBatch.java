package io.welno.console.live;

import java.util.List;

/**
 * Changes delivered together (at most one per session id, newest value wins).
 *
 * @param changes    the changes, in no particular order
 * @param fromSnapshot true when the batch comes from a snapshot or resync rather than from push/poll
 * @param snapshotComplete true on the last batch of a snapshot/resync, which also carries an explicit REMOVED
 *                   or EXPIRED for every session that disappeared since the previous pass
 */
public record FeedBatch(List<SessionChange> changes, boolean fromSnapshot, boolean snapshotComplete) {
}
