package io.welno.console.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whose phone each of the traffic's sessions belongs to, so that a request sent for a person reaches their session.
 * A session is forgotten once the backend's last write to it is older than the key's 30-minute TTL: only the backend's
 * writes renew it (the console's keep it), so by then Redis has dropped the key.
 */
final class KnownPeople {

    private static final long LIFETIME_NANOS =
            Duration.ofSeconds(BackendStyleWriter.BACKEND_TTL_SECONDS).plusMinutes(1).toNanos();

    private final Map<String, Known> sessions = new ConcurrentHashMap<>();

    private record Known(String phoneDigits, long lastWriteNanos) {
    }

    /** The traffic wrote session {@code id} of this person {@code ago}. */
    void wrote(String id, String phoneDigits, Duration ago) {
        sessions.put(id, new Known(phoneDigits, System.nanoTime() - ago.toNanos()));
    }

    /** The traffic wrote session {@code id} again: its TTL starts over. */
    void wroteAgain(String id) {
        sessions.computeIfPresent(id, (k, known) -> new Known(known.phoneDigits(), System.nanoTime()));
    }

    void forget(String id) {
        sessions.remove(id);
    }

    /** The sessions of the person with this phone. */
    List<String> sessionsOf(String phoneDigits) {
        return sessions.entrySet().stream().filter(e -> e.getValue().phoneDigits().equals(phoneDigits))
                .map(Map.Entry::getKey).toList();
    }

    /** Forgets the sessions Redis has dropped by now. */
    void prune() {
        long now = System.nanoTime();
        sessions.values().removeIf(known -> now - known.lastWriteNanos() > LIFETIME_NANOS);
    }
}
