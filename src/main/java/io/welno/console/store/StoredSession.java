package io.welno.console.store;

import io.welno.console.session.ParsedSession;

/**
 * One session as read from a store, with the bytes the store holds: the raw view shows them and a compare-and-set
 * compares against them, so nothing re-serialises a tree to get them back.
 *
 * @param parsed    the document, or an unreadable entry with the reason
 * @param ttlMillis remaining time to live in ms; {@link #NO_EXPIRY} when the key never expires,
 *                  {@link #UNKNOWN_TTL} when the store has no TTLs (files) or it was not read
 * @param value     the stored value exactly as read (empty when the key holds no string); shared, never modify it
 * @param readNanos when its TTL was read ({@link System#nanoTime}), {@link #UNTIMED} when not known: a value may wait
 *                  seconds for a parser and its batch (a resync's chunk), and a TTL counted down from its arrival
 *                  instead of its reading reads as a later expiry, as if a write had reset it
 */
public record StoredSession(ParsedSession parsed, long ttlMillis, byte[] value, long readNanos) {

    public static final long NO_EXPIRY = -1;
    public static final long UNKNOWN_TTL = Long.MIN_VALUE;
    public static final long UNTIMED = Long.MIN_VALUE;

    private static final byte[] NONE = new byte[0];

    public StoredSession {
        value = value == null ? NONE : value;
    }

    /** A session whose reading was not timed: its TTL is counted down from when it arrives. */
    public StoredSession(ParsedSession parsed, long ttlMillis, byte[] value) {
        this(parsed, ttlMillis, value, UNTIMED);
    }

    /** How long before {@code nowNanos} ({@link System#nanoTime}) its TTL was read; 0 when that is not known. */
    public long ageNanos(long nowNanos) {
        return readNanos == UNTIMED ? 0 : Math.max(0, nowNanos - readNanos);
    }

    public String id() {
        return parsed.id();
    }

    /** Size of the stored value in bytes. */
    public int rawBytes() {
        return value.length;
    }
}
