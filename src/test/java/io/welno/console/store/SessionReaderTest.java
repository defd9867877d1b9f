package io.welno.console.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.UnreadableSession;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.text.Phrase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The one rule for reading sessions, the same through MGET (a standalone server) and through per-key GETs (a cluster
 * node): TTL -1 is no expiry, a key gone before the read is missing, another type is unreadable with its type and
 * TTL, the bytes are kept exactly as Redis holds them, and a prefix with glob characters matches only itself.
 */
class SessionReaderTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String DOC = "{\n  \"session_id\": \"a\",\n  \"status\": \"initiated\",\n  \"n\": 1.10,\n"
            + "  \"user_info\": {\"name\": \"김하늘\"},\n  \"messages\": []\n}";

    private SessionReader reader(String prefix, boolean clusterNode) {
        return new SessionReader(REDIS.client(), REDIS.settings().withKeyPrefix(prefix), new SessionCodec(),
                clusterNode);
    }

    @ParameterizedTest(name = "cluster node: {0}")
    @ValueSource(booleans = {false, true})
    void oneRuleForTtlsMissingKeysOtherTypesAndBytes(boolean clusterNode) {
        byte[] stored = DOC.getBytes(StandardCharsets.UTF_8);
        REDIS.client().set("tilko_session:a".getBytes(StandardCharsets.UTF_8), stored);
        REDIS.client().set("tilko_session:b", "{\"status\": \"initiated\"}", SetParams.setParams().px(60_000));
        REDIS.client().hset("tilko_session:h", "status", "initiated");
        REDIS.client().pexpire("tilko_session:h", 90_000);
        REDIS.client().rpush("tilko_session:l", "x");
        REDIS.client().set("tilko_session:bad", "{\"status\": ");

        long before = System.nanoTime();
        SessionReader.Result result = reader("tilko_session:", clusterNode).read(List.of("tilko_session:a",
                "tilko_session:b", "tilko_session:gone", "tilko_session:h", "tilko_session:l", "tilko_session:bad"));
        long after = System.nanoTime();
        // each TTL says when it was read, so a consumer counts it down from then, not from when it reached it
        for (StoredSession read : result.present()) {
            assertTrue(read.readNanos() != StoredSession.UNTIMED && read.readNanos() - before >= 0
                    && after - read.readNanos() >= 0, read.id() + " read within the call");
        }

        assertEquals(List.of("gone"), result.missing());
        assertFalse(result.redirected());
        Map<String, StoredSession> byId = result.present().stream()
                .collect(Collectors.toMap(StoredSession::id, Function.identity()));
        assertEquals(List.of("a", "b", "h", "l", "bad"), result.present().stream().map(StoredSession::id).toList(),
                "in the order asked for");

        StoredSession a = byId.get("a");
        assertEquals(StoredSession.NO_EXPIRY, a.ttlMillis(), "PTTL -1: no expiry");
        assertArrayEquals(stored, a.value(), "the bytes Redis holds, not a re-serialised tree");
        assertEquals(stored.length, a.rawBytes());
        assertEquals("김하늘", assertInstanceOf(SessionDocument.class, a.parsed()).userInfo().name());

        long ttl = byId.get("b").ttlMillis();
        assertTrue(ttl > 50_000 && ttl <= 60_000, "ttl " + ttl);

        UnreadableSession hash = assertInstanceOf(UnreadableSession.class, byId.get("h").parsed());
        assertEquals(Phrase.of("unreadable.notString", Phrase.of("redis.type.hash")), hash.reason());
        assertTrue(byId.get("h").ttlMillis() > 80_000, "another type keeps its TTL: " + byId.get("h").ttlMillis());
        assertEquals(0, byId.get("h").rawBytes());
        assertEquals(Phrase.of("unreadable.notString", Phrase.of("redis.type.list")),
                ((UnreadableSession) byId.get("l").parsed()).reason());
        assertEquals(StoredSession.NO_EXPIRY, byId.get("l").ttlMillis());

        UnreadableSession bad = assertInstanceOf(UnreadableSession.class, byId.get("bad").parsed());
        assertEquals("unreadable.truncated", bad.reason().key());
        assertEquals("{\"status\": ", bad.preview());
    }

    @Test
    void aPrefixWithGlobCharactersMatchesOnlyItself() {
        REDIS.client().set("a*b:1", "{}");
        REDIS.client().set("a*b:2", "{}");
        REDIS.client().set("axb:3", "{}");
        REDIS.client().set("a[b]:4", "{}");
        REDIS.client().set("ab:5", "{}");
        assertEquals(List.of("a*b:1", "a*b:2"), scanAll(reader("a*b:", false)));
        assertEquals(List.of("a[b]:4"), scanAll(reader("a[b]:", false)));
    }

    private static List<String> scanAll(SessionReader reader) {
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = reader.scan(cursor, 100);
            cursor = page.getCursor();
            keys.addAll(page.getResult());
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        keys.sort(null);
        return keys;
    }

    /**
     * A key's name is bytes: one that is not UTF-8, met by a SCAN, is read under its own bytes (not under its name
     * decoded with U+FFFD, another key, which made it missing) and is unreadable with its TTL, its bytes shown as escapes.
     */
    @ParameterizedTest(name = "cluster node: {0}")
    @ValueSource(booleans = {false, true})
    void aKeyWhoseNameIsNotUtf8IsUnreadableUnderItsEscapedName(boolean clusterNode) {
        byte[] key = {'t', 'i', 'l', 'k', 'o', '_', 's', 'e', 's', 's', 'i', 'o', 'n', ':', 'k', (byte) 0xFF, 'e', 'y'};
        byte[] hashKey = {'t', 'i', 'l', 'k', 'o', '_', 's', 'e', 's', 's', 'i', 'o', 'n', ':', 'h', (byte) 0xC3};
        REDIS.client().set(key, DOC.getBytes(StandardCharsets.UTF_8), SetParams.setParams().px(60_000));
        REDIS.client().hset(hashKey, "status".getBytes(StandardCharsets.UTF_8), "x".getBytes(StandardCharsets.UTF_8));
        REDIS.client().set("tilko_session:\uFFFD", "{\"status\": \"initiated\"}");
        SessionReader reader = reader("tilko_session:", clusterNode);

        ScanResult<String> page = reader.scan(ScanParams.SCAN_POINTER_START, 1000);
        assertEquals(ScanParams.SCAN_POINTER_START, page.getCursor());
        assertEquals(java.util.Set.of("tilko_session:k\\xffey", "tilko_session:h\\xc3", "tilko_session:\uFFFD"),
                java.util.Set.copyOf(page.getResult()), "a U+FFFD of its own is text like any other");
        SessionReader.Result result = reader.read(page.getResult());
        assertEquals(List.of(), result.missing());
        Map<String, StoredSession> byId = result.present().stream()
                .collect(Collectors.toMap(StoredSession::id, Function.identity()));
        for (String id : List.of("k\\xffey", "h\\xc3")) {
            UnreadableSession unreadable = assertInstanceOf(UnreadableSession.class, byId.get(id).parsed(), id);
            assertEquals(Phrase.of("unreadable.keyNotUtf8"), unreadable.reason());
        }
        long ttl = byId.get("k\\xffey").ttlMillis();
        assertTrue(ttl > 50_000 && ttl <= 60_000, "its own TTL: " + ttl);
        assertInstanceOf(SessionDocument.class, byId.get("\uFFFD").parsed());
    }

    /**
     * Names are unambiguous and found from the name alone. A key whose bytes are {@code k} 0x80 and a key literally
     * named {@code k\x80} used to share the name {@code k\x80}: the literal one, a readable session, was listed as
     * the other's "name is not UTF-8" and the other was read twice; so did bytes {@code \x80}+0xFF and 0x80 0xFF. Each
     * is now listed under a name of its own, and a reader that never scanned (as {@code show} in another process) reads
     * each name's own key, TTL and all; a name no key is listed under is missing, not another key.
     */
    @ParameterizedTest(name = "cluster node: {0}")
    @ValueSource(booleans = {false, true})
    void everyKeyHasANameOfItsOwnThatReadsItWithoutAScan(boolean clusterNode) {
        byte[] prefix = "tilko_session:".getBytes(StandardCharsets.UTF_8);
        byte[] badByte = concat(prefix, new byte[] {'k', (byte) 0x80});
        byte[] literal = concat(prefix, "k\\x80".getBytes(StandardCharsets.UTF_8));
        byte[] backslashThenBad = concat(prefix, new byte[] {'\\', 'x', '8', '0', (byte) 0xFF});
        byte[] twoBad = concat(prefix, new byte[] {(byte) 0x80, (byte) 0xFF});
        byte[] doc = DOC.getBytes(StandardCharsets.UTF_8);
        REDIS.client().set(badByte, doc, SetParams.setParams().px(60_000));
        REDIS.client().set(literal, doc, SetParams.setParams().px(120_000));
        REDIS.client().set(backslashThenBad, doc, SetParams.setParams().px(180_000));
        REDIS.client().set(twoBad, doc);
        REDIS.client().set("tilko_session:A", DOC);
        REDIS.client().set("tilko_session:\\x41", DOC);

        List<String> names = scanAll(reader("tilko_session:", clusterNode));
        assertEquals(List.of("tilko_session:A", "tilko_session:\\\\x41", "tilko_session:\\\\x80\\xff",
                "tilko_session:\\x80\\xff", "tilko_session:k\\\\x80", "tilko_session:k\\x80"), names,
                "six keys, six names; a backslash in a name that escapes is itself escaped");

        SessionReader fresh = reader("tilko_session:", clusterNode);
        List<String> asked = new ArrayList<>(names);
        asked.add("tilko_session:\\x41"); // an escape the rule never writes: no key has this name
        SessionReader.Result result = fresh.read(asked);
        assertEquals(List.of("\\x41"), result.missing());
        Map<String, StoredSession> byId = result.present().stream()
                .collect(Collectors.toMap(StoredSession::id, Function.identity()));
        assertEquals(6, byId.size(), byId.keySet().toString());
        for (String id : List.of("k\\x80", "\\\\x80\\xff", "\\x80\\xff")) {
            UnreadableSession unreadable = assertInstanceOf(UnreadableSession.class, byId.get(id).parsed(), id);
            assertEquals(Phrase.of("unreadable.keyNotUtf8"), unreadable.reason(), id);
        }
        for (String id : List.of("k\\\\x80", "\\\\x41", "A")) {
            assertInstanceOf(SessionDocument.class, byId.get(id).parsed(), id + " is UTF-8, a session like any other");
        }
        assertTtlIn(byId.get("k\\x80"), 0, 60_000);
        assertTtlIn(byId.get("k\\\\x80"), 60_000, 120_000);
        assertTtlIn(byId.get("\\\\x80\\xff"), 120_000, 180_000);
        assertEquals(StoredSession.NO_EXPIRY, byId.get("\\x80\\xff").ttlMillis());
    }

    private static void assertTtlIn(StoredSession session, long above, long atMost) {
        long ttl = session.ttlMillis();
        assertTrue(ttl > above && ttl <= atMost, session.id() + ": its own TTL, " + ttl);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /**
     * A write of another client that Redis runs between a chunk's values and their TTLs (a pipeline reaching Redis in
     * several reads) never leaves the older value listed with the newer write's TTL, a pair that never existed: a
     * value whose TTL is as fresh as a backend write made during the read is read again (docs/live.md, "Reading").
     */
    @ParameterizedTest(name = "cluster node: {0}")
    @ValueSource(booleans = {false, true})
    void aValueIsNeverListedWithTheTtlOfAWriteMadeAfterIt(boolean clusterNode) throws Exception {
        String key = "tilko_session:raced";
        REDIS.client().set(key, "{\"status\": \"initiated\", \"n\": 1}", SetParams.setParams().ex(1800));
        REDIS.client().pexpire(key, 600_000); // last written twenty minutes ago
        REDIS.client().set("tilko_session:calm", "{\"status\": \"initiated\"}", SetParams.setParams().ex(1800));
        REDIS.client().pexpire("tilko_session:calm", 900_000);
        try (io.welno.console.testing.PipelineGate gate = new io.welno.console.testing.PipelineGate(REDIS.port());
             redis.clients.jedis.RedisClient client = RedisConnections.openClient(RedisConnectionSettings.parse(
                     REDIS.url().replace(":" + REDIS.port(), ":" + gate.port())), "race-test")) {
            gate.splitBefore("PTTL", () -> REDIS.client().set(key, "{\"status\": \"auth_requesting\", \"n\": 2}",
                    SetParams.setParams().ex(1800))); // the backend's SETEX 1800
            SessionReader reader = new SessionReader(client, REDIS.settings(), new SessionCodec(), clusterNode);

            SessionReader.Result result = reader.read(List.of(key, "tilko_session:calm"));

            assertTrue(gate.split(), "the other client wrote between the value and its TTL");
            assertEquals(List.of("raced", "calm"), result.present().stream().map(StoredSession::id).toList());
            StoredSession raced = result.present().get(0);
            String status = assertInstanceOf(SessionDocument.class, raced.parsed()).status().wire();
            long ttl = raced.ttlMillis();
            assertTrue("auth_requesting".equals(status) ? ttl > 600_000 : ttl <= 600_000,
                    "the value (" + status + ") comes with its own write's TTL, not a later one's: " + ttl);
            assertTrue(result.present().get(1).ttlMillis() <= 900_000, "the other key keeps its own");
        }
    }

    /**
     * Only a TTL within the read's round trip of the backend's 30 minutes may be a later write's: a key written before
     * the read began (nearly all of a pass) costs no second read.
     */
    @Test
    void onlyATtlAsFreshAsAWriteDuringTheReadIsReadAgain() {
        long twoMillis = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(2);
        assertTrue(SessionReader.mayHaveRaced(1_800_000, twoMillis), "written during the read");
        assertTrue(SessionReader.mayHaveRaced(1_799_997, twoMillis), "a millisecond of rounding each way");
        assertFalse(SessionReader.mayHaveRaced(1_799_990, twoMillis), "written before the read began");
        assertFalse(SessionReader.mayHaveRaced(600_000, twoMillis));
        assertFalse(SessionReader.mayHaveRaced(3_600_000, twoMillis), "not the backend's TTL");
        assertFalse(SessionReader.mayHaveRaced(-1, twoMillis), "no expiry");
    }
}
