package io.welno.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UnreadableSession;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/** rediss:// with a custom CA, and ACL users, against real servers. */
class RedisTlsAndAclTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final SessionCodec codec = new SessionCodec();

    @Test
    void anAclUserWithAPasswordCanReadAndAWrongPasswordIsASentence() {
        REDIS.client().sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", "support", "on",
                ">s3cret", "~tilko_session:*", "+@read", "+@connection", "+info");
        REDIS.client().set("tilko_session:" + Fixtures.id("01_initiated.json"), Fixtures.text("01_initiated.json"));
        RedisConnectionSettings ok = RedisConnectionSettings.parse(
                "redis://support:s3cret@127.0.0.1:" + REDIS.port() + "/0");
        try (RedisSessionStore store = RedisSessionStore.open(ok, codec, Timestamps.system())) {
            List<StoredSession> all = new ArrayList<>();
            store.scan(all::addAll);
            assertEquals(1, all.size());
            // A read-only user cannot write: the result says so and nothing escapes as an exception.
            UpdateResult denied = store.update(all.get(0).id(), Precondition.none(), (c, e) -> e.touch());
            UpdateResult.Failed failed = assertInstanceOf(UpdateResult.Failed.class, denied);
            assertEquals(StoreFailure.Cause.PERMISSION_DENIED, failed.failure().cause(), failed.failure().toString());
            assertTrue(failed.failure().detail().startsWith("eval"), "names the command: " + failed.failure());
            assertFalse(failed.outcomeUnknown(), "a refused command wrote nothing");
        }
        RedisConnectionSettings wrong = RedisConnectionSettings.parse(
                "redis://support:nope@127.0.0.1:" + REDIS.port() + "/0");
        RuntimeException error = assertThrows(RuntimeException.class, () -> {
            try (RedisSessionStore store = RedisSessionStore.open(wrong, codec, Timestamps.system())) {
                store.get("x");
            }
        });
        assertEquals(StoreFailure.Cause.AUTH_FAILED, StoreFailure.of(error).cause(), String.valueOf(error));
        assertEquals("Redis refused the user name or password", Words.en(StoreFailure.describe(error)));
    }

    /**
     * A user who may run the script but not the SET inside it is refused a permission, as one who may not run the
     * script at all: Redis 6.2 wraps that refusal in the script's error, without naming the command.
     */
    @Test
    void aWriteRefusedInsideTheScriptIsAPermissionFailureNotAServerError() {
        REDIS.client().sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", "noset", "on", ">s3cret",
                "~tilko_session:*", "+@read", "+@scripting", "+@connection", "+info", "+xadd");
        String id = Fixtures.id("04_auth_completed.json");
        String stored = Fixtures.text("04_auth_completed.json");
        REDIS.client().set("tilko_session:" + id, stored);
        try (RedisSessionStore store = RedisSessionStore.open(RedisConnectionSettings.parse(
                "redis://noset:s3cret@127.0.0.1:" + REDIS.port() + "/0"), codec, Timestamps.system())) {
            UpdateResult.Failed failed = assertInstanceOf(UpdateResult.Failed.class,
                    store.update(id, Precondition.none(), (c, e) -> e.touch()));
            assertEquals(StoreFailure.Cause.PERMISSION_DENIED, failed.failure().cause(), failed.failure().toString());
            assertFalse(failed.outcomeUnknown(), "a refused command wrote nothing");
            String said = Words.en(failed.failure().phrase());
            assertTrue(said.startsWith("The Redis user has no permission to run \"a command inside the console's "
                    + "compare-and-set script\""), said);
        }
        assertEquals(stored, REDIS.client().get("tilko_session:" + id));
    }

    /** The script's GET refused is that refusal, not a conflict to retry: only a key of another type is a change. */
    @Test
    void aReadRefusedInsideTheScriptIsAPermissionFailureNotAConflict() {
        REDIS.client().sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", "noget", "on", ">s3cret",
                "~tilko_session:*", "+@read", "-get", "+@write", "+@scripting", "+@connection", "+info");
        String id = Fixtures.id("04_auth_completed.json");
        String stored = Fixtures.text("04_auth_completed.json");
        REDIS.client().set("tilko_session:" + id, stored);
        try (RedisSessionStore store = RedisSessionStore.open(RedisConnectionSettings.parse(
                "redis://noget:s3cret@127.0.0.1:" + REDIS.port() + "/0"), codec, Timestamps.system())) {
            UpdateResult result = store.update(id, Precondition.none(), (c, e) -> e.touch());
            UpdateResult.Failed failed = assertInstanceOf(UpdateResult.Failed.class, result, result.toString());
            assertEquals(StoreFailure.Cause.PERMISSION_DENIED, failed.failure().cause(), failed.failure().toString());
        }
        assertEquals(stored, REDIS.client().get("tilko_session:" + id));
    }

    /**
     * What Redis refuses while one session is read for an action is the failure it is: a key outside the user's
     * patterns, or a TTL the user may not ask for, is neither "not a readable session" nor "gone".
     */
    @Test
    void aRefusedReadOfOneSessionIsAPermissionFailureNotAnUnreadableSession() {
        REDIS.client().sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", "narrow", "on",
                ">s3cret", "~tilko_session:welno_*", "+@read", "+@write", "+@scripting", "+@connection", "+info");
        REDIS.client().sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", "nottl", "on",
                ">s3cret", "~tilko_session:*", "+@read", "-pttl", "+@write", "+@scripting", "+@connection", "+info");
        String outside = "kakao_" + Long.toHexString(System.nanoTime());
        REDIS.client().set("tilko_session:" + outside, Fixtures.text("01_initiated.json"));
        String inside = "welno_" + Long.toHexString(System.nanoTime());
        REDIS.client().set("tilko_session:" + inside, Fixtures.text("01_initiated.json"));

        try (RedisSessionStore store = RedisSessionStore.open(RedisConnectionSettings.parse(
                "redis://narrow:s3cret@127.0.0.1:" + REDIS.port() + "/0"), codec, Timestamps.system())) {
            UpdateResult.Failed failed = assertInstanceOf(UpdateResult.Failed.class,
                    store.update(outside, Precondition.none(), (c, e) -> e.touch()));
            assertEquals(StoreFailure.Cause.KEY_PERMISSION_DENIED, failed.failure().cause(), failed.failure().toString());
            assertTrue(Words.en(failed.failure().phrase()).startsWith("The Redis user may not touch this key"),
                    Words.en(failed.failure().phrase()));
        }
        try (RedisSessionStore store = RedisSessionStore.open(RedisConnectionSettings.parse(
                "redis://nottl:s3cret@127.0.0.1:" + REDIS.port() + "/0"), codec, Timestamps.system())) {
            UpdateResult.Failed failed = assertInstanceOf(UpdateResult.Failed.class,
                    store.update(inside, Precondition.none(), (c, e) -> e.touch()));
            assertEquals(StoreFailure.Cause.PERMISSION_DENIED, failed.failure().cause(), failed.failure().toString());
            assertTrue(failed.failure().detail().startsWith("pttl"), "names the command: " + failed.failure());
            assertFalse(failed.outcomeUnknown());
            List<StoredSession> listed = new ArrayList<>();
            store.scan(listed::addAll);
            StoredSession row = listed.stream().filter(r -> r.id().equals(inside)).findFirst().orElseThrow();
            assertFalse(row.parsed().readable(), "a list still shows the row, with why it has no value");
            String why = Words.en(((UnreadableSession) row.parsed()).reason());
            assertTrue(why.startsWith("Redis sent the value but not its time to live: "), why);
            assertTrue(why.contains("pttl"), why);
            assertTrue(((UnreadableSession) row.parsed()).preview().contains("\"session_id\""),
                    "the value Redis sent is shown raw: " + ((UnreadableSession) row.parsed()).preview());
            assertEquals(0, row.rawBytes(), "and not kept as the stored value a write would compare against");
        }
    }

    @Test
    void redissWithACustomCaConnectsAndAnUntrustedServerIsRefused(@TempDir Path dir) throws IOException {
        Path ca = copy("ca.pem", dir);
        int tlsPort = EmbeddedRedis.freePort();
        try (EmbeddedRedis tls = startTls(dir, tlsPort, ca)) {
            try (RedisClient plain = RedisClient.create("127.0.0.1", tls.port())) {
                plain.set("tilko_session:" + Fixtures.id("04_auth_completed.json"), Fixtures.text("04_auth_completed.json"));
            }
            RedisConnectionSettings settings = RedisConnectionSettings.parse(
                    "rediss://localhost:" + tlsPort + "/0?ca=" + ca);
            try (RedisSessionStore store = RedisSessionStore.open(settings, codec, Timestamps.system())) {
                assertTrue(store.get(Fixtures.id("04_auth_completed.json")).orElseThrow().parsed().readable());
                assertTrue(store.update(Fixtures.id("04_auth_completed.json"), Precondition.none(),
                        (c, e) -> e.touch()).applied());
            }
            RedisConnectionSettings untrusted = RedisConnectionSettings.parse("rediss://localhost:" + tlsPort + "/0");
            RuntimeException error = assertThrows(RuntimeException.class, () -> {
                try (RedisSessionStore store = RedisSessionStore.open(untrusted, codec, Timestamps.system())) {
                    store.get("x");
                }
            });
            assertEquals(StoreFailure.Cause.TLS_FAILED, StoreFailure.of(error).cause(), String.valueOf(error));
            String said = Words.en(StoreFailure.describe(error));
            assertTrue(said.contains("handshake") && said.contains("localhost:" + tlsPort), said);
            assertTrue(said.endsWith("the server's certificate is not signed by an authority the console trusts"), said);
            String korean = Words.ko(StoreFailure.describe(error));
            assertFalse(korean.replaceAll("TLS|localhost", "").matches("(?s).*[A-Za-z]{3,}.*"), korean);
        }
    }

    /**
     * A TLS server that answered before and now answers nothing while it is frozen (busy, paused) is a stall, told as
     * the timeout it is: not "a plain port: use redis://", which would send the reader to change a URL that works.
     */
    @Test
    void aStalledTlsServerIsATimeoutNotTheWrongScheme(@TempDir Path dir) throws Exception {
        Path ca = copy("ca.pem", dir);
        int tlsPort = EmbeddedRedis.freePort();
        try (EmbeddedRedis tls = startTls(dir, tlsPort, ca)) {
            try (redis.clients.jedis.Jedis admin = new redis.clients.jedis.Jedis("127.0.0.1", tls.port())) {
                boolean debug;
                try {
                    admin.sendCommand(DEBUG, "SLEEP", "0");
                    debug = true;
                } catch (RuntimeException disabled) {
                    debug = false; // Redis 7 without enable-debug-command: nothing here freezes a handshake
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(debug, "DEBUG SLEEP is disabled on this Redis");
            }
            RedisConnectionSettings settings = RedisConnectionSettings.parse(
                    "rediss://localhost:" + tlsPort + "/0?connectTimeout=1000&ca=" + ca);
            try (redis.clients.jedis.Jedis first = RedisConnections.openDedicated(settings, "welno-test-tls")) {
                assertEquals("PONG", first.ping());
            }
            java.util.concurrent.CompletableFuture<Object> frozen = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> {
                        try (redis.clients.jedis.Jedis sleeper = new redis.clients.jedis.Jedis("127.0.0.1",
                                tls.port(), 30_000)) {
                            return sleeper.sendCommand(DEBUG, "SLEEP", "8");
                        }
                    });
            // the sleep has begun once a plain PING goes a second unanswered (a busy machine answers well within it):
            // the server's loop answers nobody until it ends
            io.welno.console.testing.Await.until("the server frozen", io.welno.console.testing.Await.EVENTUALLY, () -> {
                try (redis.clients.jedis.Jedis probe = new redis.clients.jedis.Jedis("127.0.0.1", tls.port(), 1000)) {
                    probe.ping();
                    return false;
                } catch (RuntimeException noAnswer) {
                    return true;
                }
            });
            RuntimeException error = assertThrows(RuntimeException.class, () -> {
                try (redis.clients.jedis.Jedis again = RedisConnections.openDedicated(settings, "welno-test-tls")) {
                    again.ping();
                }
            });
            assertEquals(StoreFailure.Cause.TIMEOUT, StoreFailure.of(error).cause(), String.valueOf(error));
            frozen.get(1, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /** Jedis has no constant for DEBUG. */
    private static final redis.clients.jedis.commands.ProtocolCommand DEBUG =
            () -> "DEBUG".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A Redis with a TLS port beside its plain one, its certificate signed by the test CA at {@code ca}. */
    private static EmbeddedRedis startTls(Path dir, int tlsPort, Path ca) throws IOException {
        Path cert = copy("server.pem", dir);
        Path key = copy("server.key", dir);
        return EmbeddedRedis.start(List.of("tls-port " + tlsPort, "tls-cert-file " + cert, "tls-key-file " + key,
                "tls-ca-cert-file " + ca, "tls-auth-clients no"));
    }

    private static Path copy(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = RedisTlsAndAclTest.class.getResourceAsStream("/tls/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }
}
