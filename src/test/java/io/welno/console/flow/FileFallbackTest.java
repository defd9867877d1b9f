package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.SessionTimestamp;
import io.welno.console.store.FallbackSessionStore;
import io.welno.console.store.FileCopy;
import io.welno.console.store.FileSessionStore;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.RetryPolicy;
import io.welno.console.store.StoredSession;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend's fallback directory beside Redis: sessions only in a file are listed and can be acted on (the file
 * written atomically, as the backend's reader accepts it), and a session whose file differs from Redis is marked
 * with the fields that differ.
 */
class FileFallbackTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private FallbackSessionStore store;

    @BeforeEach
    void open() {
        RedisSessionStore redis = FlowTestSupport.store(REDIS);
        store = new FallbackSessionStore(redis, new FileSessionStore(dir, FlowTestSupport.CODEC,
                FlowTestSupport.TIMESTAMPS, RetryPolicy.DEFAULT));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ObjectNode live(String fixture, String id) throws Exception {
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live(fixture));
        doc.put("session_id", id);
        return doc;
    }

    private void file(String id, ObjectNode doc) throws Exception {
        Files.writeString(dir.resolve(id + ".json"), FlowTestSupport.CODEC.write(doc), StandardCharsets.UTF_8);
    }

    @Test
    void fileOnlyDivergedAndEqualCopiesAreToldApart() throws Exception {
        String fileOnly = NewSessionDocuments.newSessionId("welno");
        String diverged = NewSessionDocuments.newSessionId("welno");
        String equal = NewSessionDocuments.newSessionId("welno");
        String redisOnly = NewSessionDocuments.newSessionId("welno");
        file(fileOnly, live("03_auth_request_sent.json", fileOnly));
        ObjectNode inRedis = live("04_auth_completed.json", diverged);
        FlowTestSupport.put(REDIS, diverged, inRedis);
        ObjectNode older = inRedis.deepCopy();
        older.put("status", "auth_request_sent");
        older.with("progress").put("auth_completed", false);
        file(diverged, older);
        ObjectNode same = live("01_initiated.json", equal);
        FlowTestSupport.put(REDIS, equal, same);
        file(equal, same);
        FlowTestSupport.put(REDIS, redisOnly, live("01_initiated.json", redisOnly));

        List<StoredSession> all = new ArrayList<>();
        store.scan(all::addAll);
        Map<String, FileCopy> where = all.stream().filter(s -> List.of(fileOnly, diverged, equal, redisOnly)
                .contains(s.id())).collect(Collectors.toMap(StoredSession::id, store::fileCopy));
        assertEquals(4, where.size(), "the file-only session is listed with Redis's: " + where);
        assertEquals(FileCopy.Where.FILE_ONLY, where.get(fileOnly).where());
        assertEquals(FileCopy.Where.DIVERGED, where.get(diverged).where());
        assertEquals(List.of("status", "progress.auth_completed"), where.get(diverged).differing());
        assertEquals(FileCopy.Where.BOTH_EQUAL, where.get(equal).where());
        assertEquals(FileCopy.Where.REDIS_ONLY, where.get(redisOnly).where());
        assertEquals("auth_completed", ((io.welno.console.session.SessionDocument) store.get(diverged).orElseThrow()
                .parsed()).status().wire(), "Redis's copy is what the backend reads while Redis answers");
    }

    @Test
    void anActionOnAFileOnlySessionWritesTheFileTheWayTheBackendReadsIt() throws Exception {
        String id = NewSessionDocuments.newSessionId("welno");
        file(id, live("03_auth_request_sent.json", id));
        RevertWatch watch = new RevertWatch(store, Duration.ofMillis(50));
        RecordingListener events = new RecordingListener();
        try (FlowService flow = new FlowService(store, (io.welno.console.tilko.TilkoClient) null,
                new RedisAuditLog(REDIS.client()), watch, FlowTestSupport.TIMESTAMPS, new DirectExecutor(),
                FlowOptions.defaults())) {
            flow.addListener(events);
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id,
                    "Redis was down when the user approved").withHold(Duration.ofMillis(300)));
            assertTrue(done.applied(), Words.en(done.message()));
            assertEquals(HoldOutcome.Kind.KEPT, done.hold().await(Duration.ofSeconds(10)).kind());
        } finally {
            watch.close();
        }
        assertFalse(REDIS.client().exists("tilko_session:" + id), "nothing was put into Redis");
        String written = Files.readString(dir.resolve(id + ".json"), StandardCharsets.UTF_8);
        assertTrue(written.startsWith("{\n  \"session_id\""), "indent=2 like json.dumps: " + written.substring(0, 40));
        JsonNode doc = mapper.readTree(written);
        assertEquals("auth_completed", doc.get("status").asText());
        assertTrue(doc.get("messages").isArray());
        SessionTimestamp expires = SessionTimestamp.parse(doc.get("expires_at").asText(), FlowTestSupport.TIMESTAMPS.zone());
        assertFalse(expires.hasOffset(), "naive local time, as Python's fromisoformat compares");
        assertTrue(doc.path("auth_data").has("CxId"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(id + ".json"), files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).toList(), "no temp file left beside it");
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedAsSuchNotAsRedis() throws Exception {
        String id = NewSessionDocuments.newSessionId("welno");
        file(id, live("03_auth_request_sent.json", id));
        byte[] before = Files.readAllBytes(dir.resolve(id + ".json"));
        Files.writeString(dir.resolve(".welno-console-locks"), "in the way of the lock folder");
        RevertWatch watch = new RevertWatch(store, Duration.ofMillis(50));
        try (FlowService flow = new FlowService(store, (io.welno.console.tilko.TilkoClient) null,
                new RedisAuditLog(REDIS.client()), watch, FlowTestSupport.TIMESTAMPS, new DirectExecutor(),
                FlowOptions.defaults())) {
            ActionResult failed = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id,
                    "Redis was down when the user approved"));
            assertEquals(ActionResult.Outcome.FAILED, failed.outcome(), Words.en(failed.message()));
            assertTrue(Words.en(failed.message()).contains("the session file could not be read or written"),
                    Words.en(failed.message()));
            assertFalse(Words.en(failed.message()).contains("Redis"), Words.en(failed.message()));
        } finally {
            watch.close();
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve(id + ".json"))), "nothing written");
    }
}
