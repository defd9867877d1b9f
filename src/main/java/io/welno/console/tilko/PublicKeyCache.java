package io.welno.console.tilko;

import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tilko's RSA key is fixed per API key, and GetPublicKey is slow, so it is cached per key for a short
 * time (the backend refetches before every call; {@code ttl == 0} reproduces that). Timed by both clocks
 * ({@link ClockStamp}): by either alone, a key could be kept an hour, and Tilko taken for usable without asking it.
 */
final class PublicKeyCache {

    private record Entry(PublicKey key, ClockStamp fetched) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;

    PublicKeyCache(Duration ttl) {
        this.ttl = ttl;
    }

    PublicKey get(String apiKey, ClockStamp now) {
        Entry e = entries.get(apiKey);
        if (e == null || ttl.isZero() || !e.fetched.within(ttl, now)) {
            return null;
        }
        return e.key;
    }

    void put(String apiKey, PublicKey key, ClockStamp now) {
        if (!ttl.isZero()) {
            entries.put(apiKey, new Entry(key, now));
        }
    }

    void invalidate(String apiKey) {
        entries.remove(apiKey);
    }

    void clear() {
        entries.clear();
    }
}
