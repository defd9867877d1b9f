package io.welno.console.live;

import java.time.Instant;

/**
 * A session that left the live list.
 *
 * @param id         the session id
 * @param kind       {@link ChangeKind#REMOVED} or {@link ChangeKind#EXPIRED}
 * @param lastStatus the status of the last value the feed read ({@code null} if it was unreadable or had none)
 * @param endedAt    when the feed noticed
 */
public record EndedSession(String id, ChangeKind kind, String lastStatus, Instant endedAt) {
}
