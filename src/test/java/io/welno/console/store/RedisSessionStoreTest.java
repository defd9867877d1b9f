package io.welno.console.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.MessageType;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.Progress;
import io.welno.console.session.BackendRules;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UnreadableSession;
import io.welno.console.session.UserInfo;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.params.SetParams;

class RedisSessionStoreTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final SessionCodec codec = new SessionCodec();
    private RedisSessionStore store;

    @BeforeEach
    void open() {
        store = RedisSessionStore.open(REDIS.settings(), codec, Timestamps.system());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String seed(String fixture) {
        String id = Fixtures.id(fixture);
        REDIS.client().set("tilko_session:" + id, Fixtures.text(fixture), SetParams.setParams().ex(1800));
        return id;
    }

    @Test
    void everyReadableFixtureSurvivesANoOpUpdateWithAnIdenticalTree() {
        for (String fixture : Fixtures.readable()) {
            String id = seed(fixture);
            String before = REDIS.client().get("tilko_session:" + id);
            UpdateResult result = store.update(id, Precondition.none(), (current, edit) -> { });
            assertInstanceOf(UpdateResult.Applied.class, result, fixture);
            String after = REDIS.client().get("tilko_session:" + id);
            SessionDocument original = (SessionDocument) codec.parse(id, before);
            SessionDocument written = (SessionDocument) codec.parse(id, after);
            assertEquals(codec.writeCompact(original.tree()), codec.writeCompact(written.tree()), fixture);
        }
    }

    @Test
    void malformedValuesAreReportedAndNeverWritten() {
        for (String fixture : Fixtures.MALFORMED) {
            String key = "tilko_session:bad_" + fixture.substring(0, 2);
            REDIS.client().set(key, Fixtures.text(fixture));
            byte[] before = REDIS.client().get(key.getBytes(StandardCharsets.UTF_8));
            UpdateResult result = store.update("bad_" + fixture.substring(0, 2), Precondition.none(),
                    (current, edit) -> edit.status(SessionStatus.ERROR));
            UpdateResult.Unreadable unreadable = assertInstanceOf(UpdateResult.Unreadable.class, result, fixture);
            assertTrue(unreadable.reason().key().startsWith("unreadable."), unreadable.reason().toString());
            assertArrayEquals(before, REDIS.client().get(key.getBytes(StandardCharsets.UTF_8)), fixture);
        }
    }

    @Test
    void scanStreamsEverySessionAndFlagsUnreadableOnes() {
        Fixtures.readable().forEach(this::seed);
        for (String fixture : Fixtures.MALFORMED) {
            REDIS.client().set("tilko_session:bad_" + fixture.substring(0, 2), Fixtures.text(fixture));
        }
        REDIS.client().set("welno:survey:other", "{}");
        List<StoredSession> all = new ArrayList<>();
        long count = store.scan(all::addAll);
        assertEquals(Fixtures.readable().size() + Fixtures.MALFORMED.size(), count);
        assertEquals(count, all.size());
        Map<Boolean, Long> byReadable = all.stream().collect(Collectors.partitioningBy(
                s -> s.parsed().readable(), Collectors.counting()));
        assertEquals(Fixtures.MALFORMED.size(), byReadable.get(false));
        StoredSession sample = all.stream().filter(s -> s.parsed().readable()).findFirst().orElseThrow();
        assertTrue(sample.ttlMillis() > 1_700_000 && sample.ttlMillis() <= 1_800_000, "ttl " + sample.ttlMillis());
        assertTrue(all.stream().filter(s -> s.parsed() instanceof UnreadableSession)
                .allMatch(s -> s.ttlMillis() == StoredSession.NO_EXPIRY));
    }

    @Test
    void scanDeliversLargeSetsInBatches() {
        var pipeline = REDIS.client().pipelined();
        for (int i = 0; i < 1_234; i++) {
            pipeline.set("tilko_session:s" + i, "{\"status\": \"initiated\", \"expires_at\": \"2026-11-20T14:13:22\"}");
        }
        pipeline.sync();
        pipeline.close();
        AtomicInteger batches = new AtomicInteger();
        List<StoredSession> all = new ArrayList<>();
        store.scan(batch -> {
            batches.incrementAndGet();
            all.addAll(batch);
        });
        assertEquals(1_234, all.size());
        assertEquals(1_234, all.stream().map(StoredSession::id).distinct().count());
        assertTrue(batches.get() >= 3, "batches: " + batches.get());
    }

    /** The listing streams: a consumer that stops (a closed pipe) stops the readers, and nothing hangs. */
    @Test
    void aConsumerThatFailsEndsTheScanWithItsOwnError() {
        var pipeline = REDIS.client().pipelined();
        for (int i = 0; i < 5_000; i++) {
            pipeline.set("tilko_session:s" + i, "{\"status\": \"initiated\"}");
        }
        pipeline.sync();
        pipeline.close();
        AtomicInteger batches = new AtomicInteger();
        IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> store.scan(batch -> {
                    if (batches.incrementAndGet() == 2) {
                        throw new IllegalStateException("the pipe closed");
                    }
                }));
        assertEquals("the pipe closed", thrown.getMessage());
        assertEquals(2, batches.get(), "no batch after the failure");
        assertEquals(5_000, store.scan(batch -> { }), "the store still lists afterwards");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void updatesKeepTheTtlExactlyAndNeverExtendIt(boolean redis5Script) {
        if (redis5Script) {
            store.forceRedis5CompatibleWrites();
        }
        String id = seed("03_auth_request_sent.json");
        REDIS.client().pexpire("tilko_session:" + id, 600_000);
        UpdateResult result = store.update(id, Precondition.statusIn(SessionStatus.AUTH_REQUEST_SENT),
                (current, edit) -> Words.en(edit.message(MessageType.INFO, "checked by console")));
        assertTrue(result.applied(), Words.en(result.describe()));
        long ttl = REDIS.client().pttl("tilko_session:" + id);
        assertTrue(ttl <= 600_000 && ttl > 590_000, "ttl " + ttl);

        REDIS.client().persist("tilko_session:" + id);
        assertTrue(store.update(id, Precondition.none(), (c, e) -> e.touch()).applied());
        assertEquals(-1, REDIS.client().pttl("tilko_session:" + id));
    }

    @Test
    void preconditionFailureReportsTheStatusSeenAndWritesNothing() {
        String id = seed("04_auth_completed.json");
        String before = REDIS.client().get("tilko_session:" + id);
        UpdateResult result = store.update(id, Precondition.statusIn(SessionStatus.INITIATED, SessionStatus.ERROR),
                (c, e) -> e.status(SessionStatus.AUTH_REQUESTING));
        UpdateResult.PreconditionFailed failed = assertInstanceOf(UpdateResult.PreconditionFailed.class, result);
        assertEquals(SessionStatus.AUTH_COMPLETED, failed.statusSeen());
        assertEquals(before, REDIS.client().get("tilko_session:" + id));
    }

    @Test
    void documentsTheBackendCannotReadAreRefusedByThatPrecondition() {
        String id = seed("14_timezone_aware_timestamps.json");
        Precondition readable = doc -> BackendRules.readProblem(doc, Timestamps.system().nowLocal());
        UpdateResult result = store.update(id, readable, (c, e) -> e.touch());
        assertInstanceOf(UpdateResult.PreconditionFailed.class, result);
        assertTrue(Words.en(result.describe()).contains("offset"), Words.en(result.describe()));
    }

    @Test
    void missingSessionsAreReportedAsMissing() {
        assertInstanceOf(UpdateResult.Missing.class, store.update("welno_nope", Precondition.none(), (c, e) -> e.touch()));
        assertTrue(store.get("welno_nope").isEmpty());
    }

    @Test
    void aWriteBetweenReadAndCompareAndSetIsNotOverwritten() {
        String id = seed("03_auth_request_sent.json");
        String key = "tilko_session:" + id;
        AtomicInteger runs = new AtomicInteger();
        UpdateResult result = store.update(id, Precondition.none(), (current, edit) -> {
            if (runs.incrementAndGet() == 1) {
                // The backend's blind write lands while we hold our snapshot.
                SessionDocument doc = (SessionDocument) codec.parse(id, REDIS.client().get(key));
                var tree = doc.tree().deepCopy();
                tree.put("status", "auth_completed");
                tree.withObject("/progress").put("auth_completed", true);
                REDIS.client().set(key, codec.write(tree), SetParams.setParams().keepTtl());
            }
            Words.en(edit.message(MessageType.INFO, "console note"));
        });
        UpdateResult.Applied applied = assertInstanceOf(UpdateResult.Applied.class, result);
        assertEquals(2, applied.attempts());
        SessionDocument stored = (SessionDocument) codec.parse(id, REDIS.client().get(key));
        assertEquals(SessionStatus.AUTH_COMPLETED, stored.status(), "the concurrent change survived");
        assertTrue(stored.progress().authCompleted());
        assertEquals("console note", stored.lastMessage().orElseThrow().text());
    }

    /**
     * A key replaced by a hash between the read and the compare-and-set changed meanwhile: the script answers a
     * conflict (its GET raised WRONGTYPE, a server error), and the retry reads the hash and ends where an update of a
     * hash key read in the first place ends.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aKeyReplacedByAHashBeforeTheCompareAndSetIsAConflictThenUnreadable(boolean redis5Script) {
        if (redis5Script) {
            store.forceRedis5CompatibleWrites();
        }
        String id = seed("03_auth_request_sent.json");
        String key = "tilko_session:" + id;
        byte[] read = REDIS.client().get(key.getBytes(StandardCharsets.UTF_8));
        REDIS.client().del(key);
        REDIS.client().hset(key, "status", "initiated");
        CompareAndSetScript script = CompareAndSetScript.forServerVersion(redis5Script ? 5 : 6);
        assertEquals(OptimisticUpdater.CasOutcome.CONFLICT,
                script.run(store.client(), key.getBytes(StandardCharsets.UTF_8), read, "{}"));
        assertEquals("hash", REDIS.client().type(key));

        String other = seed("04_auth_completed.json");
        String otherKey = "tilko_session:" + other;
        AtomicInteger runs = new AtomicInteger();
        UpdateResult replaced = store.update(other, Precondition.none(), (current, edit) -> {
            if (runs.incrementAndGet() == 1) {
                REDIS.client().del(otherKey);
                REDIS.client().hset(otherKey, "status", "initiated");
            }
            edit.touch();
        });
        assertEquals(1, runs.get(), "the retry read the hash and went no further");
        UpdateResult.Unreadable unreadable = assertInstanceOf(UpdateResult.Unreadable.class, replaced,
                Words.en(replaced.describe()));
        assertEquals(Phrase.of("unreadable.notString", Phrase.of("redis.type.hash")), unreadable.reason());
        assertEquals(new UpdateResult.Unreadable(id, unreadable.reason()),
                store.update(id, Precondition.none(), (current, edit) -> edit.touch()), "as for a hash read at first");
        assertEquals(Map.of("status", "initiated"), REDIS.client().hgetAll(otherKey));
    }

    /**
     * A lone surrogate, stored escaped, stays that escape through an update that never touched its field, and one in
     * a message the console appends is stored as the message it keeps (what the revert watch compares): written raw,
     * UTF-8 turned both into '?'.
     */
    @Test
    void aLoneSurrogateIsStoredAsItsEscapeSoTheDocumentKeepsIt() {
        String id = seed("03_auth_request_sent.json");
        String key = "tilko_session:" + id;
        String stored = REDIS.client().get(key);
        REDIS.client().set(key, stored.replaceFirst("\\{", "{\n  \"x_lone\": \"\\\\ud800\","));
        String lone = "Tilko: \uDC00 not a pair";

        UpdateResult result = store.update(id, Precondition.none(),
                (current, edit) -> edit.message(MessageType.ERROR, lone));
        UpdateResult.Applied applied = assertInstanceOf(UpdateResult.Applied.class, result, Words.en(result.describe()));

        String written = new String(REDIS.client().get(key.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        assertTrue(written.contains("\"x_lone\": \"\\ud800\""), written);
        assertTrue(written.contains("Tilko: \\udc00 not a pair"), written);
        SessionDocument now = (SessionDocument) codec.parse(id, written);
        assertEquals("\uD800", now.tree().get("x_lone").asText());
        var messages = now.tree().get(SessionDocument.MESSAGES);
        var kept = applied.after().tree().get(SessionDocument.MESSAGES);
        assertEquals(kept.get(kept.size() - 1), messages.get(messages.size() - 1), "the message as the console keeps it");
    }

    @Test
    void createWritesOnlyNewSessionsWithTheBackendTtl() {
        String id = NewSessionDocuments.newSessionId("welno");
        var doc = NewSessionDocuments.initiated(id, "welno",
                new UserInfo("김하늘", "19900101", "01012345678", "M", "4"), Timestamps.system());
        assertEquals(CreateResult.CREATED, store.create(id, doc, RedisSessionStore.BACKEND_TTL));
        assertEquals(CreateResult.ALREADY_EXISTS, store.create(id, doc, RedisSessionStore.BACKEND_TTL));
        long ttl = REDIS.client().pttl("tilko_session:" + id);
        assertTrue(ttl > 1_790_000 && ttl <= 1_800_000);
        StoredSession stored = store.get(id).orElseThrow();
        assertEquals(SessionStatus.INITIATED, ((SessionDocument) stored.parsed()).status());
        assertTrue(((SessionDocument) stored.parsed()).progress().equals(Progress.NONE));
    }

    @Test
    void aKeyPrefixWithGlobCharactersMatchesOnlyItself() {
        RedisConnectionSettings odd = REDIS.settings().withKeyPrefix("t[1]*:");
        REDIS.client().set("t[1]*:a", "{\"status\": \"initiated\"}");
        REDIS.client().set("t1x:b", "{\"status\": \"initiated\"}");
        try (RedisSessionStore prefixed = RedisSessionStore.open(odd, codec, Timestamps.system())) {
            List<StoredSession> all = new ArrayList<>();
            prefixed.scan(all::addAll);
            assertEquals(List.of("a"), all.stream().map(StoredSession::id).toList());
        }
    }

    @Test
    void connectionFailuresAreResultsNotExceptions() {
        RedisConnectionSettings nowhere = RedisConnectionSettings.parse("redis://127.0.0.1:1/0?connectTimeout=300");
        try (RedisSessionStore dead = RedisSessionStore.open(nowhere, codec, Timestamps.system())) {
            UpdateResult result = dead.update("welno_x", Precondition.none(), (c, e) -> e.touch());
            UpdateResult.Failed failed = assertInstanceOf(UpdateResult.Failed.class, result);
            assertEquals(StoreFailure.Cause.UNREACHABLE, failed.failure().cause(), failed.failure().toString());
        }
    }

    @Test
    void unusedDurationImportKeepsCompilerQuiet() {
        assertEquals(30, RedisSessionStore.BACKEND_TTL.toMinutes());
        assertEquals(Duration.ofMinutes(30), RedisSessionStore.BACKEND_TTL);
    }

    /**
     * An action writes the key the id is listed under. A key literally named {@code k\x80} is listed as
     * {@code k\\x80} (store.KeyNames), so its id's text is not its key: the write goes to its bytes, not to a key
     * named by that text, and leaves the key whose bytes are {@code k} 0x80 alone. That one, listed as {@code k\x80},
     * is unreadable and is never written.
     */
    @Test
    void anActionWritesTheKeyItsIdIsListedUnderAndNeverOneThatIsNotUtf8() {
        byte[] text = "tilko_session:k\\x80".getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = {'t', 'i', 'l', 'k', 'o', '_', 's', 'e', 's', 's', 'i', 'o', 'n', ':', 'k', (byte) 0x80};
        byte[] doc = Fixtures.text("03_auth_request_sent.json").getBytes(StandardCharsets.UTF_8);
        REDIS.client().set(text, doc);
        REDIS.client().set(notUtf8, doc);

        assertInstanceOf(UpdateResult.Applied.class, store.update("k\\\\x80", Precondition.none(),
                (current, edit) -> edit.touch()));
        assertFalse(java.util.Arrays.equals(doc, REDIS.client().get(text)), "the listed key was written");
        assertFalse(REDIS.client().exists("tilko_session:k\\\\x80"), "no key named by the id's text");

        assertInstanceOf(UpdateResult.Unreadable.class, store.update("k\\x80", Precondition.none(),
                (current, edit) -> edit.touch()));
        assertArrayEquals(doc, REDIS.client().get(notUtf8), "a key that is not UTF-8 is never written");
    }
}
