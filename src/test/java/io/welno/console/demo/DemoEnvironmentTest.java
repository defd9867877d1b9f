package io.welno.console.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.RetryPolicy;
import io.welno.console.store.StoredSession;
import io.welno.console.testing.Await;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class DemoEnvironmentTest {

    private final SessionCodec codec = new SessionCodec();

    @Test
    void seedsBackendShapedSessionsInEveryStageThenKeepsThemMovingAndStopsEverything() throws Exception {
        int port;
        try (DemoEnvironment demo = DemoEnvironment.start(1_200, 600, Timestamps.system())) {
            port = demo.redis().port();
            // Before the scan: each TTL is read after this moment, however long a loaded machine takes to list them.
            java.time.LocalDateTime scanStarted = Timestamps.system().nowLocal();
            List<StoredSession> first = scan(demo);
            assertTrue(first.size() >= 1_200, "sessions: " + first.size() + " (each seeded with at least "
                    + BackendTrafficGenerator.MIN_SEEDED_TTL_SECONDS + " s of TTL, so none has gone yet)");
            Set<SessionStatus> statuses = new HashSet<>();
            for (StoredSession stored : first) {
                SessionDocument doc = (SessionDocument) stored.parsed();
                assertTrue(doc.warnings().isEmpty(), doc.id() + " " + doc.warnings());
                assertFalse(doc.expiresAt().hasOffset());
                assertTrue(stored.ttlMillis() > 0 && stored.ttlMillis() <= 1_800_000);
                // the backend's SETEX of 30 minutes, counted from the session's last write (its updated_at); the
                // seconds allowed are the generator's own, between stamping updated_at and its SETEX. The live traffic
                // may write the session between the scan's MGET and its PTTL: the reader then reads it again, so the
                // TTL listed is still its value's own (docs/live.md, "Reading")
                Duration sinceWrite = Duration.between(doc.updatedAt().local(), scanStarted);
                assertTrue(stored.ttlMillis() <= Duration.ofMinutes(30).minus(sinceWrite).plusSeconds(5).toMillis(),
                        doc.id() + ": TTL " + stored.ttlMillis() + " ms, written " + sinceWrite + " ago");
                statuses.add(doc.status());
            }
            for (SessionStatus expected : List.of(SessionStatus.INITIATED, SessionStatus.AUTH_REQUEST_SENT,
                    SessionStatus.AUTH_COMPLETED, SessionStatus.FETCHING_HEALTH_DATA, SessionStatus.COMPLETED,
                    SessionStatus.ERROR)) {
                assertTrue(statuses.contains(expected), "no " + expected + " among " + statuses);
            }
            long before = demo.traffic().writes();
            Await.until("live traffic: 20 more writes", Duration.ofSeconds(60),
                    () -> demo.traffic().writes() >= before + 20);
            // The backend's layout: indent=2, as json.dumps writes it.
            try (RedisClient client = RedisClient.create(demo.redis().host(), port)) {
                String raw = client.get("tilko_session:" + first.get(0).id());
                assertTrue(raw == null || raw.startsWith("{\n  \"session_id\": "), raw);
            }
        }
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            throw new AssertionError("Redis still listening after close");
        } catch (java.io.IOException expected) {
            // closed with the demo
        }
    }

    /**
     * A seeded session whose flow was under way goes on once live traffic starts, as its browser would: left where
     * seeding put them, hundreds stood still and the Stuck bucket filled with them within minutes.
     */
    @Test
    void seededFlowsUnderWayGoOnWithLiveTraffic() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(400, 60, Timestamps.system())) {
            Map<String, String> requesting = new HashMap<>(); // id -> updated_at as seeded
            for (StoredSession stored : scan(demo)) {
                SessionDocument doc = (SessionDocument) stored.parsed();
                // requesting auth always has a next step (Tilko's answer); the traffic's new sessions are not seeded
                if (doc.status().equals(SessionStatus.AUTH_REQUESTING) && !doc.updatedAt().local()
                        .isAfter(Timestamps.system().nowLocal().minusSeconds(1))) {
                    requesting.put(doc.id(), doc.updatedAt().raw());
                }
            }
            assertFalse(requesting.isEmpty(), "seeding leaves some sessions requesting auth");
            Await.until("every seeded session requesting auth written again (or gone)", Duration.ofSeconds(60), () -> {
                Map<String, String> now = new HashMap<>();
                scan(demo).forEach(s -> now.put(s.id(), ((SessionDocument) s.parsed()).updatedAt().raw()));
                return requesting.entrySet().stream().noneMatch(e -> e.getValue().equals(now.get(e.getKey())));
            });
        }
    }

    private List<StoredSession> scan(DemoEnvironment demo) {
        try (RedisSessionStore store = new RedisSessionStore(
                RedisClient.create(demo.redis().host(), demo.redis().port()), true, demo.redisSettings(), codec,
                Timestamps.system(), RetryPolicy.DEFAULT)) {
            List<StoredSession> all = new ArrayList<>();
            store.scan(all::addAll);
            return all;
        }
    }

}
