package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.SessionDocument;
import io.welno.console.store.FallbackSessionStore;
import io.welno.console.store.FileCopy;
import io.welno.console.store.FileSessionStore;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.RetryPolicy;
import io.welno.console.store.StoredSession;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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

    private FallbackFolder folder;
    private FallbackSessionStore store;
    private RevertWatch watch;

    @BeforeEach
    void open() {
        folder = new FallbackFolder(dir);
        RedisSessionStore redis = FlowTestSupport.store(REDIS);
        store = new FallbackSessionStore(redis, new FileSessionStore(dir, FlowTestSupport.CODEC,
                FlowTestSupport.TIMESTAMPS, RetryPolicy.DEFAULT));
        watch = new RevertWatch(store, Duration.ofMillis(50));
    }

    @AfterEach
    void close() {
        watch.close();
        store.close();
    }

    private FlowService flow() {
        return new FlowService(store, (io.welno.console.tilko.TilkoClient) null, new RedisAuditLog(REDIS.client()),
                watch, FlowTestSupport.TIMESTAMPS, new DirectExecutor(), FlowOptions.defaults());
    }

    @Test
    void fileOnlyDivergedAndEqualCopiesAreToldApart() throws Exception {
        FallbackFolder.Places p = folder.places(REDIS, older -> {
            older.put("status", "auth_request_sent");
            older.with("progress").put("auth_completed", false);
        });
        List<String> ours = List.of(p.fileOnly(), p.diverged(), p.equal(), p.redisOnly());

        List<StoredSession> all = new ArrayList<>();
        store.scan(all::addAll);
        Map<String, FileCopy> where = all.stream().filter(s -> ours.contains(s.id()))
                .collect(Collectors.toMap(StoredSession::id, store::fileCopy));
        assertEquals(4, where.size(), "the file-only session is listed with Redis's: " + where);
        assertEquals(FileCopy.Where.FILE_ONLY, where.get(p.fileOnly()).where());
        assertEquals(FileCopy.Where.DIVERGED, where.get(p.diverged()).where());
        assertEquals(List.of("status", "progress.auth_completed"), where.get(p.diverged()).differing());
        assertEquals(FileCopy.Where.BOTH_EQUAL, where.get(p.equal()).where());
        assertEquals(FileCopy.Where.REDIS_ONLY, where.get(p.redisOnly()).where());
        assertEquals("auth_completed", ((SessionDocument) store.get(p.diverged()).orElseThrow().parsed()).status()
                .wire(), "Redis's copy is what the backend reads while Redis answers");

        Map<String, FileCopy> placed = new HashMap<>();
        store.scanPlaced(batch -> batch.stream().filter(s -> ours.contains(s.session().id()))
                .forEach(s -> placed.put(s.session().id(), s.copy())));
        assertEquals(where, placed, "the listing's places are the same as one by one");
    }

    @Test
    void anActionOnAFileOnlySessionWritesTheFileTheWayTheBackendReadsIt() throws Exception {
        String id = folder.fileOnly("03_auth_request_sent.json");
        try (FlowService flow = flow()) {
            ActionResult done = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id,
                    "Redis was down when the user approved").withHold(Duration.ofMillis(300)));
            assertTrue(done.applied(), Words.en(done.message()));
            assertTrue(Words.en(done.message()).contains("written to the backend's fallback file only"),
                    "the operator is told the backend reads it only while Redis fails: " + Words.en(done.message()));
            assertEquals(HoldOutcome.Kind.KEPT, done.hold().await(Duration.ofSeconds(10)).kind());
        }
        assertFalse(REDIS.client().exists("tilko_session:" + id), "nothing was put into Redis");
        JsonNode doc = BackendReadPath.assertFileReadable(folder.file(id), FlowTestSupport.TIMESTAMPS.zone());
        assertEquals("auth_completed", doc.get("status").asText());
        assertTrue(doc.path("auth_data").has("CxId"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(id + ".json"), files.map(f -> f.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).toList(), "no temp file left beside it");
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedAsSuchNotAsRedis() throws Exception {
        String id = folder.fileOnly("03_auth_request_sent.json");
        byte[] before = Files.readAllBytes(folder.file(id));
        Files.writeString(dir.resolve(".welno-console-locks"), "in the way of the lock folder");
        try (FlowService flow = flow()) {
            ActionResult failed = flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id,
                    "Redis was down when the user approved"));
            assertEquals(ActionResult.Outcome.FAILED, failed.outcome(), Words.en(failed.message()));
            assertTrue(Words.en(failed.message()).contains("the session file could not be read or written"),
                    Words.en(failed.message()));
            assertFalse(Words.en(failed.message()).contains("Redis"), Words.en(failed.message()));
        }
        assertArrayEquals(before, Files.readAllBytes(folder.file(id)), "nothing written");
    }
}
