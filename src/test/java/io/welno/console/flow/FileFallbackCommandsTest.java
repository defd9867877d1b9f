package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.testing.Await;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --files DIR} on the command line: sessions only in the backend's fallback folder are listed, shown and acted
 * on in their file, with the same guards, audit and hold as in Redis; a file that differs from Redis is marked with the
 * fields that differ. Without {@code --files} nothing changes.
 */
class FileFallbackCommandsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private FallbackFolder folder;

    @BeforeEach
    void folder() {
        folder = new FallbackFolder(dir);
    }

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--redis", REDIS.url()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Map<String, JsonNode> jsonLines(String out) {
        return out.lines().map(line -> {
            try {
                return mapper.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).collect(Collectors.toMap(n -> n.get("id").asText(), Function.identity()));
    }

    /** A folder named like a session file: listed as unreadable, saying why, beside every other session. */
    @Test
    void aFileThatCannotBeReadIsListedAsSuchAndHidesNothing() throws Exception {
        FallbackFolder.Places p = folder.places(REDIS, older -> older.put("status", "auth_request_sent"));
        Files.createDirectory(dir.resolve("welno_dir.json"));

        CliRun list = cli("list", "--files", dir.toString());
        assertEquals(0, list.exit(), list.all());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(p.fileOnly())), list.out());
        String line = list.out().lines().filter(l -> l.startsWith("welno_dir")).findFirst().orElseThrow();
        assertTrue(line.contains("The session file cannot be read") && line.contains("is a folder, not a file"), line);

        CliRun show = cli("show", "welno_dir", "--files", dir.toString());
        assertEquals(1, show.exit(), show.all());
        assertTrue(show.all().contains("is a folder, not a file") && !show.all().contains("Cannot reach Redis"),
                show.all());
    }

    @Test
    void listAndShowMarkFileOnlyDivergedAndEqualCopies() throws Exception {
        FallbackFolder.Places p = folder.places(REDIS, older -> {
            older.put("status", "auth_request_sent");
            older.with("progress").put("auth_completed", false);
            older.with("user_info").put("phone_no", "01099998888");
        });
        String fileOnly = p.fileOnly();
        String diverged = p.diverged();
        String equal = p.equal();
        String redisOnly = p.redisOnly();

        CliRun json = cli("list", "--json", "--files", dir.toString());
        assertEquals(0, json.exit(), json.all());
        Map<String, JsonNode> listed = jsonLines(json.out());
        assertEquals("file_only", listed.get(fileOnly).get("place").asText(), json.out());
        assertTrue(listed.get(fileOnly).get("ttl").isNull(), "a file has no TTL");
        assertEquals("auth_request_sent", listed.get(fileOnly).get("status").asText());
        assertEquals("diverged", listed.get(diverged).get("place").asText());
        assertEquals(List.of("user_info.phone_no", "status", "progress.auth_completed"),
                mapper.convertValue(listed.get(diverged).get("differs"), List.class));
        assertEquals("auth_completed", listed.get(diverged).get("status").asText(), "Redis's copy is listed");
        assertEquals("both_equal", listed.get(equal).get("place").asText());
        assertEquals("redis", listed.get(redisOnly).get("place").asText());
        assertEquals(0, listed.get(redisOnly).get("differs").size());

        CliRun plain = cli("list", "--json");
        Map<String, JsonNode> redisAlone = jsonLines(plain.out());
        assertFalse(redisAlone.containsKey(fileOnly), "without --files only Redis is read");
        assertNull(redisAlone.get(diverged).get("place"), "and the lines are as before");

        CliRun table = cli("list", "--files", dir.toString());
        String fileOnlyLine = table.out().lines().filter(l -> l.startsWith(fileOnly)).findFirst().orElseThrow();
        assertTrue(fileOnlyLine.contains("file_only"), fileOnlyLine);
        String divergedLine = table.out().lines().filter(l -> l.startsWith(diverged)).findFirst().orElseThrow();
        assertTrue(divergedLine.contains("diverged(user_info.phone_no status progress.auth_completed)"), divergedLine);
        String equalLine = table.out().lines().filter(l -> l.startsWith(equal)).findFirst().orElseThrow();
        assertFalse(equalLine.contains("diverged") || equalLine.contains("file_only"), equalLine);

        CliRun show = cli("show", diverged, "--files", dir.toString());
        assertEquals(0, show.exit(), show.all());
        assertTrue(show.out().contains("DIVERGED"), show.out());
        assertTrue(show.out().contains("differs status: Redis \"auth_completed\", file \"auth_request_sent\""), show.out());
        assertTrue(show.out().contains("differs progress.auth_completed: Redis true, file false"), show.out());
        assertTrue(show.out().matches("(?s).*differs user_info.phone_no: Redis \"010-\\*{4}-\\d{4}\", "
                + "file \"010-\\*{4}-8888\".*"), show.out());
        assertFalse(show.all().contains("01099998888"), "masked as everywhere");

        CliRun showFile = cli("show", fileOnly, "--files", dir.toString());
        assertEquals(0, showFile.exit(), showFile.all());
        assertTrue(showFile.out().contains("FILE ONLY") && showFile.out().contains("auth_request_sent")
                && showFile.out().contains("none (a file)"), showFile.out());
        CliRun showJson = cli("show", fileOnly, "--json", "--files", dir.toString());
        assertEquals(fileOnly, mapper.readTree(showJson.out()).get("session_id").asText(), "--json stays the document");
        assertTrue(showJson.err().contains("FILE ONLY"), showJson.err());

        CliRun notThere = cli("show", fileOnly);
        assertEquals(1, notThere.exit(), "without --files the file-only session is not found: " + notThere.all());

        CliRun missing = cli("list", "--files", dir.resolve("nope").toString());
        assertEquals(2, missing.exit(), missing.all());
        assertTrue(missing.err().contains("--files") && missing.err().contains("does not exist"), missing.err());
        CliRun notAFolder = cli("show", fileOnly, "--files", dir.resolve(fileOnly + ".json").toString());
        assertEquals(2, notAFolder.exit(), notAFolder.all());
        assertTrue(notAFolder.err().contains("is a file, not a folder"), notAFolder.err());
    }

    /**
     * A session that lives only in its file, and the backend holding a copy of that file read before the console's
     * write: once the console's change is in the file, the backend writes its copy back {@code afterSeconds} later.
     */
    private String fileOnlyWithAStaleWriteBack(double afterSeconds) throws Exception {
        String id = folder.fileOnly("03_auth_request_sent.json");
        ObjectNode stale = folder.read(id);
        Thread writer = new Thread(() -> {
            try {
                Await.until("the console's change in the file", Duration.ofSeconds(30),
                        () -> fileHas(id, "\"status\": \"auth_completed\""));
                Thread.sleep((long) (afterSeconds * 1000));
                folder.write(id, stale);
            } catch (Exception e) {
                // the test fails on its own assertions
            }
        });
        writer.setDaemon(true);
        writer.start();
        return id;
    }

    private boolean fileHas(String id, String text) {
        try {
            return Files.readString(folder.file(id), StandardCharsets.UTF_8).contains(text);
        } catch (java.io.IOException e) {
            return false; // between the backend's truncate and write
        }
    }

    @Test
    void anActionOnAFileOnlySessionIsHeldAndAuditedAndLeavesAFileTheBackendReads() throws Exception {
        String kept = folder.fileOnly("03_auth_request_sent.json");
        CliRun done = cli("complete", kept, "--reason", "Redis was down when the user approved", "--role", "developer",
                "--hold", "1", "--files", dir.toString());
        assertEquals(0, done.exit(), done.all());
        assertTrue(done.out().contains("APPLIED [") && done.out().contains("KEPT ["), done.out());
        JsonNode written = BackendReadPath.assertFileReadable(folder.file(kept),
                FlowTestSupport.TIMESTAMPS.zone());
        assertEquals("auth_completed", written.get("status").asText());
        assertFalse(REDIS.client().exists("tilko_session:" + kept), "nothing was put into Redis");
        CliRun audit = cli("audit", "--json", "--session", kept);
        assertTrue(audit.out().contains("\"result\":\"APPLIED\""), "audited like any action: " + audit.out());

        String reverted = fileOnlyWithAStaleWriteBack(0.6);
        CliRun held = cli("complete", reverted, "--reason", "approved", "--role", "developer", "--hold", "5s",
                "--files", dir.toString());
        assertEquals(3, held.exit(), "the backend's stale copy in the file is a revert: " + held.all());
        assertTrue(held.err().contains("REVERTED [") && held.err().contains("status is auth_request_sent again"),
                held.err());
        assertEquals("auth_request_sent", folder.read(reverted).get("status").asText());

        String reapplied = fileOnlyWithAStaleWriteBack(0.6);
        CliRun again = cli("complete", reapplied, "--reason", "approved", "--role", "developer", "--hold", "5s",
                "--reapply", "--files", dir.toString());
        assertEquals(0, again.exit(), again.all());
        assertTrue(again.out().contains("REAPPLIED [") && again.out().contains("KEPT ["), again.out());
        BackendReadPath.assertFileReadable(folder.file(reapplied), FlowTestSupport.TIMESTAMPS.zone());
        assertEquals("auth_completed", folder.read(reapplied).get("status").asText());

        String expired = NewSessionDocuments.newSessionId("welno");
        ObjectNode old = FallbackFolder.live("03_auth_request_sent.json", expired);
        old.put("expires_at", FlowTestSupport.TIMESTAMPS.nowPlusSeconds(-120));
        folder.write(expired, old);
        byte[] before = Files.readAllBytes(folder.file(expired));
        CliRun refused = cli("complete", expired, "--reason", "approved", "--role", "developer", "--files",
                dir.toString());
        assertEquals(2, refused.exit(), refused.all());
        assertTrue(refused.err().contains("deletes"), "the same guards as in Redis: " + refused.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(folder.file(expired))),
                "refused without writing");
    }
}
