package io.welno.console.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What the consumer has been told, per session id: the sequence number of the read it came from, a fingerprint of
 * the value and when it expires. Decides ADDED vs UPDATED, drops reads older than what was already
 * delivered (a slow snapshot chunk must not undo a newer push read), and finds the sessions a completed pass no
 * longer saw. Confined to the dispatcher thread; holds a few dozen bytes per session, never a value.
 */
final class FeedState {

    /**
     * @param expiresAtNanos  when its TTL runs out by the monotonic clock; {@link NodeReader.Read#NEVER} for none
     * @param expiresAtMillis the same by the wall clock
     */
    record Known(long seq, long fingerprint, long expiresAtNanos, long expiresAtMillis) {
    }

    /** Slack for calling a vanished key "expired" rather than "removed" when its TTL was about to run out. */
    private static final long EXPIRY_SLACK_NANOS = 1_000_000_000L;

    private final Map<String, Known> known = new HashMap<>();
    /** Removals seen while a pass is in flight, so an older read of that pass cannot resurrect the session. */
    private final Map<String, Long> tombstones = new HashMap<>();
    /**
     * A TTL is counted down by both clocks, and has run out when either says so: the monotonic one
     * ({@link System#nanoTime}) stands still while the computer sleeps, though the TTL ran on in Redis, and the wall
     * one can be set back an hour by a time sync (each alone called such an expiry a deletion). A wall clock set
     * forward still calls a deletion right after it an expiry: no clock this side tells that from a sleep.
     */
    private final LongSupplier nanoTime;
    private final LongSupplier wallMillis;

    FeedState(LongSupplier nanoTime, LongSupplier wallMillis) {
        this.nanoTime = nanoTime;
        this.wallMillis = wallMillis;
    }

    /**
     * @param emitUnchanged false for polling diffs: a value whose bytes did not change yields no change
     * @return the change to deliver, or null (stale or unchanged)
     */
    SessionChange applyRead(NodeReader.Read read, long seq, boolean emitUnchanged) {
        return applyRead(read, seq, emitUnchanged, false);
    }

    /**
     * @param fromSnapshot whether a snapshot's or resync's pass read it (the change says so, {@link
     *                     SessionChange#fromSnapshot}); false for a pushed key's read and a poll's
     */
    SessionChange applyRead(NodeReader.Read read, long seq, boolean emitUnchanged, boolean fromSnapshot) {
        String id = read.id();
        Long tombstone = tombstones.get(id);
        if (tombstone != null) {
            if (tombstone > seq) {
                return null;
            }
            tombstones.remove(id);
        }
        Known before = known.get(id);
        if (before != null && before.seq() > seq) {
            return null;
        }
        known.put(id, new Known(seq, read.fingerprint(), read.expiresAtNanos(), read.expiresAtMillis()));
        if (before == null) {
            return new SessionChange(ChangeKind.ADDED, id, read.session(), fromSnapshot);
        }
        if (!emitUnchanged && before.fingerprint() == read.fingerprint()) {
            return null;
        }
        return new SessionChange(ChangeKind.UPDATED, id, read.session(), fromSnapshot);
    }

    /**
     * A key that was deleted or expired (or found missing when it was read).
     *
     * @param kind   REMOVED/EXPIRED, or null to decide from the last known TTL
     * @param inPass true while a pass is in flight (a tombstone is kept)
     * @return the change, or null when the consumer never knew the session or a newer read exists
     */
    SessionChange applyEnded(String id, long seq, ChangeKind kind, boolean inPass) {
        if (inPass) {
            tombstones.merge(id, seq, Math::max);
        }
        Known before = known.get(id);
        if (before == null || before.seq() > seq) {
            return null;
        }
        known.remove(id);
        return new SessionChange(kind != null ? kind : guessKind(before), id, null);
    }

    /** Ends a pass: every session whose last read is older than the pass was not found, so it is gone. */
    List<SessionChange> completePass(ScanRun run) {
        List<SessionChange> gone = new ArrayList<>();
        for (Iterator<Map.Entry<String, Known>> it = known.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Known> entry = it.next();
            if (entry.getValue().seq() < run.startSeq()) {
                it.remove();
                gone.add(new SessionChange(guessKind(entry.getValue()), entry.getKey(), null, run.snapshot()));
            }
        }
        tombstones.clear();
        return gone;
    }

    /** No pass in flight any more (cancelled or failed): tombstones protect nothing. */
    void passAbandoned() {
        tombstones.clear();
    }

    private ChangeKind guessKind(Known before) {
        boolean ranOut = before.expiresAtNanos() != NodeReader.Read.NEVER
                && (before.expiresAtNanos() - nanoTime.getAsLong() <= EXPIRY_SLACK_NANOS
                || before.expiresAtMillis() - wallMillis.getAsLong() <= TimeUnit.NANOSECONDS.toMillis(EXPIRY_SLACK_NANOS));
        return ranOut ? ChangeKind.EXPIRED : ChangeKind.REMOVED;
    }

    boolean knows(String id) {
        return known.containsKey(id);
    }

    int size() {
        return known.size();
    }

    int tombstones() {
        return tombstones.size();
    }
}
