package io.welno.console.store;

import io.welno.console.session.ParsedSession;

/**
 * One session as read from a store.
 *
 * @param parsed    the document, or an unreadable entry with the reason
 * @param ttlMillis remaining time to live in ms; {@link #NO_EXPIRY} when the key never expires,
 *                  {@link #UNKNOWN_TTL} when the store has no TTLs (files) or it was not read
 * @param rawBytes  size of the stored value in bytes
 */
public record StoredSession(ParsedSession parsed, long ttlMillis, int rawBytes) {

    public static final long NO_EXPIRY = -1;
    public static final long UNKNOWN_TTL = Long.MIN_VALUE;

    public String id() {
        return parsed.id();
    }
}
