package io.welno.console.live;

/**
 * Counters of a running feed, for diagnostics, a status bar tooltip and tests that prove memory stays bounded.
 *
 * @param pendingKeys      distinct keys waiting in the push backlog (bounded by {@link FeedOptions#maxPendingKeys()})
 * @param knownSessions    sessions the consumer has been told about
 * @param tombstones       removals remembered while a pass is in flight (cleared when it ends)
 * @param queuedChunks     snapshot/poll chunks read but not yet delivered
 * @param eventsReceived   keyspace events received since start
 * @param eventsCoalesced  events that replaced an older pending event of the same key (reads saved)
 * @param eventsDropped    events dropped because the backlog was full (each overflow triggers a resync)
 * @param batchesDelivered batches handed to the listener
 * @param keysReadAhead    pushed keys read while a batch window ran, held for the window's batch
 * @param reconnects       successful connections after the first one
 * @param servers          servers currently scanned/subscribed (0 while disconnected)
 */
public record FeedStats(int pendingKeys, int knownSessions, int tombstones, int queuedChunks, long eventsReceived,
                        long eventsCoalesced, long eventsDropped, long batchesDelivered, long keysReadAhead,
                        long reconnects, int servers) {
}
