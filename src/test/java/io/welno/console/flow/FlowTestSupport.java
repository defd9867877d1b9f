package io.welno.console.flow;

import io.welno.console.testing.Await;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UserInfo;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.SessionStore;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoConfig;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import redis.clients.jedis.params.SetParams;

/** Shared set-up for the flow tests: sessions created like the backend's /session/start, services wired by hand. */
final class FlowTestSupport {

    static final Timestamps TIMESTAMPS = Timestamps.system();
    static final SessionCodec CODEC = new SessionCodec(TIMESTAMPS.zone());
    static final Operator OPERATOR = new Operator("kim", Role.OPERATOR);
    static final Operator DEVELOPER = new Operator("lee", Role.DEVELOPER);
    static final Operator VIEWER = new Operator("park", Role.VIEWER);

    private FlowTestSupport() {
    }

    /** A fresh {@code initiated} session as create_session writes it (SET … EX 1800); returns its id. */
    static String newSession(RedisServerExtension redis, String name, String phone) {
        String id = NewSessionDocuments.newSessionId("welno");
        ObjectNode doc = NewSessionDocuments.initiated(id, "welno",
                new UserInfo(name, "19900101", phone, "M", "4"), TIMESTAMPS);
        redis.client().set("tilko_session:" + id, CODEC.write(doc), SetParams.setParams().ex(1800));
        return id;
    }

    static String newSession(RedisServerExtension redis) {
        return newSession(redis, "김하늘", "01012345678");
    }

    /**
     * The session's expires_at a few seconds past, its TTL kept: what the backend then reads as expired (and deletes),
     * while the key is still in Redis — as when a slow Tilko call outlasts a short-lived session.
     */
    static void expireForTheBackend(RedisServerExtension redis, String id) {
        String key = "tilko_session:" + id;
        try {
            ObjectNode doc = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    redis.client().get(key));
            doc.put("expires_at", TIMESTAMPS.nowPlusSeconds(-5));
            redis.client().set(key, CODEC.write(doc), SetParams.setParams().keepTtl());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A fixture stored as a new session of the {@code welno} partner: its times moved so that {@code fixtureNow} is
     * now (Fixtures.live), its expires_at {@code expiresInSeconds} ahead. Returns its id.
     */
    static String seeded(RedisServerExtension redis, String fixture, java.time.LocalDateTime fixtureNow,
                         long expiresInSeconds) {
        String id = NewSessionDocuments.newSessionId("welno");
        try {
            ObjectNode doc = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    io.welno.console.testing.Fixtures.live(fixture, fixtureNow));
            doc.put("session_id", id);
            doc.put("expires_at", TIMESTAMPS.nowPlusSeconds(expiresInSeconds));
            put(redis, id, doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return id;
    }

    /** A session waiting at auth_request_sent, as the backend leaves it after simple-auth, expiring in 5 minutes. */
    static String waitingSession(RedisServerExtension redis) {
        return seeded(redis, "03_auth_request_sent.json", io.welno.console.testing.Fixtures.FIXTURE_NOW, 300);
    }

    static void put(RedisServerExtension redis, String id, ObjectNode doc) {
        redis.client().set("tilko_session:" + id, CODEC.write(doc), SetParams.setParams().ex(1800));
    }

    static RedisSessionStore store(RedisServerExtension redis) {
        return RedisSessionStore.open(redis.settings(), CODEC, TIMESTAMPS);
    }

    static TilkoClient tilko(TilkoSimulator sim) {
        return new TilkoClient(TilkoConfig.builder().baseUrl(sim.baseUrl()).apiKey("flow-test-key")
                .timeouts(Await.EVENTUALLY).build());
    }

    static FlowService service(RedisSessionStore store, TilkoGateway tilko, RevertWatch watch, ExecutorService executor,
                               FlowOptions options) {
        return service(store, store, tilko, watch, executor, options);
    }

    /** A service writing through {@code store} (a {@code HookedStore} around {@code redis}, say), auditing to Redis. */
    static FlowService service(SessionStore store, RedisSessionStore redis, TilkoGateway tilko, RevertWatch watch,
                               ExecutorService executor, FlowOptions options) {
        return new FlowService(store, tilko, new RedisAuditLog(redis.client()), watch, TIMESTAMPS, executor, options);
    }
}
