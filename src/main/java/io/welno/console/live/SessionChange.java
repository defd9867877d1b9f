package io.welno.console.live;

import io.welno.console.store.StoredSession;

/**
 * One coalesced change of one session.
 *
 * @param session the latest stored value for ADDED/UPDATED; null for REMOVED/EXPIRED
 */
public record SessionChange(ChangeKind kind, String id, StoredSession session) {
}
