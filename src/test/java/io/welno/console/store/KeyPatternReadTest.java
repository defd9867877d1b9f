package io.welno.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UnreadableSession;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.SetParams;

/**
 * A user whose ACL key patterns leave out some sessions' keys (docs/live.md, "Reading"): Redis refuses a whole MGET
 * for one key outside them, and the sessions it may read must still be read. Only the refused keys are unreadable
 * rows, each naming the permission; the rest are listed as for any user.
 */
class KeyPatternReadTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String DOC = "{\"status\": \"initiated\", \"messages\": []}";

    private final SessionCodec codec = new SessionCodec();

    /** May read {@code tilko_session:welno_*} only. */
    private static RedisConnectionSettings narrowUser() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "narrow", "reset", "on", ">s3cret",
                "~tilko_session:welno_*", "+@read", "+@connection", "+info");
        return RedisConnectionSettings.parse("redis://narrow:s3cret@127.0.0.1:" + REDIS.port() + "/0");
    }

    private static List<String> seed(int inside, String... outside) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < inside; i++) {
            keys.add("tilko_session:welno_" + i);
        }
        for (String id : outside) {
            keys.add("tilko_session:" + id);
        }
        for (String key : keys) {
            REDIS.client().set(key, DOC, SetParams.setParams().ex(600));
        }
        return keys;
    }

    @Test
    void oneKeyOutsideThePatternsLeavesTheRestOfItsChunkReadable() {
        List<String> keys = new ArrayList<>(seed(5, "kakao_1"));
        keys.add(2, keys.remove(keys.size() - 1)); // the refused key in the middle of the chunk
        try (RedisSessionStore store = RedisSessionStore.open(narrowUser(), codec, Timestamps.system())) {
            SessionReader.Result read = store.reader().read(keys);

            assertEquals(List.of("welno_0", "welno_1", "kakao_1", "welno_2", "welno_3", "welno_4"),
                    read.present().stream().map(StoredSession::id).toList(), "every key, in the order asked for");
            assertEquals(List.of(), read.missing());
            for (StoredSession s : read.present()) {
                if (!s.id().equals("kakao_1")) {
                    assertInstanceOf(SessionDocument.class, s.parsed(), s.id());
                    assertTrue(s.ttlMillis() > 500_000, s.id() + " has its TTL: " + s.ttlMillis());
                }
            }
            assertRefusedForItsKey(read.present().get(2));
            assertEquals(1, read.refusals().size(), "the one refused key: " + read.refusals());
            assertEquals(StoreFailure.Cause.KEY_PERMISSION_DENIED, StoreFailure.of(read.refusals().get(0)).cause());
        }
    }

    /** {@code list} and {@code list --json} read through the store's scan: one refused key failed the whole listing. */
    @Test
    void aListingShowsEverySessionTheUserMayReadAndTheRefusedOneAsRefused() {
        seed(450, "kakao_1", "kakao_2");
        try (RedisSessionStore store = RedisSessionStore.open(narrowUser(), codec, Timestamps.system())) {
            List<StoredSession> listed = new ArrayList<>();
            store.scan(listed::addAll);

            Map<String, StoredSession> byId = listed.stream()
                    .collect(Collectors.toMap(StoredSession::id, Function.identity()));
            assertEquals(452, byId.size());
            assertEquals(450, listed.stream().filter(s -> s.parsed() instanceof SessionDocument).count());
            assertRefusedForItsKey(byId.get("kakao_1"));
            assertRefusedForItsKey(byId.get("kakao_2"));
        }
    }

    /** {@code show} and an action read one key: a refused one is the failure it is, any other reads as usual. */
    @Test
    void oneSessionsReadIsRefusedOnlyForAKeyOutsideThePatterns() {
        seed(1, "kakao_1");
        try (RedisSessionStore store = RedisSessionStore.open(narrowUser(), codec, Timestamps.system())) {
            assertInstanceOf(SessionDocument.class, store.get("welno_0").orElseThrow().parsed());
            JedisDataException refused = assertThrows(JedisDataException.class, () -> store.get("kakao_1"));
            assertEquals(StoreFailure.Cause.KEY_PERMISSION_DENIED, StoreFailure.of(refused).cause());
        }
    }

    /** A user refused MGET itself, but not GET, reads every session, key by key. */
    @Test
    void aUserRefusedMgetReadsEverySessionKeyByKey() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "nomget", "reset", "on", ">s3cret",
                "~tilko_session:*", "+@read", "-mget", "+@connection", "+info");
        seed(250);
        try (RedisSessionStore store = RedisSessionStore.open(RedisConnectionSettings.parse(
                "redis://nomget:s3cret@127.0.0.1:" + REDIS.port() + "/0"), codec, Timestamps.system())) {
            List<StoredSession> listed = new ArrayList<>();
            store.scan(listed::addAll);
            assertEquals(250, listed.size());
            assertTrue(listed.stream().allMatch(s -> s.parsed() instanceof SessionDocument && s.ttlMillis() > 0));
        }
    }

    private static void assertRefusedForItsKey(StoredSession session) {
        UnreadableSession refused = assertInstanceOf(UnreadableSession.class, session.parsed(), session.id());
        assertEquals("unreadable.redisError", refused.reason().key());
        String said = Words.en(refused.reason());
        assertTrue(said.startsWith("Redis did not send the value: the Redis user may not touch this key"), said);
        assertEquals(StoredSession.UNKNOWN_TTL, session.ttlMillis(), "its TTL was refused too");
    }
}
