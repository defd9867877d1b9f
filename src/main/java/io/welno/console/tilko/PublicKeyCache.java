package io.welno.console.tilko;

import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tilko's RSA key is fixed per API key, and GetPublicKey is slow, so it is cached per key for a short
 * time (the backend refetches before every call; {@code ttl == 0} reproduces that). Timed by the monotonic clock
 * ({@link System#nanoTime}): by the wall clock, one set back an hour kept a key for the hour and took Tilko for usable
 * without asking it.
 */
final class PublicKeyCache {

    private record Entry(PublicKey key, long fetchedNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;

    PublicKeyCache(Duration ttl) {
        this.ttl = ttl;
    }

    /** @param nowNanos the monotonic clock's reading ({@link System#nanoTime}) */
    PublicKey get(String apiKey, long nowNanos) {
        Entry e = entries.get(apiKey);
        if (e == null || ttl.isZero() || nowNanos - e.fetchedNanos >= ttl.toNanos()) {
            return null;
        }
        return e.key;
    }

    void put(String apiKey, PublicKey key, long nowNanos) {
        if (!ttl.isZero()) {
            entries.put(apiKey, new Entry(key, nowNanos));
        }
    }

    void invalidate(String apiKey) {
        entries.remove(apiKey);
    }

    void clear() {
        entries.clear();
    }
}
