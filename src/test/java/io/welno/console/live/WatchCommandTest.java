package io.welno.console.live;

import io.welno.console.cli.Main;
import io.welno.console.testing.Await;
import static io.welno.console.live.Docs.doc;
import static io.welno.console.live.Docs.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.LogCapture;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.RunningCli;
import io.welno.console.testing.Words;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Protocol;

/** {@code watch --json}: one JSON line per change and per mode change, masked names, until interrupted. */
class WatchCommandTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON lines {@code watch --json} printed so far. */
    private static List<JsonNode> json(RunningCli watch) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : watch.out().split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(JSON.readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("Not a JSON line: " + line, e);
                }
            }
        }
        return out;
    }

    private static boolean any(RunningCli watch, Predicate<JsonNode> line) {
        return json(watch).stream().anyMatch(line);
    }

    @Test
    void watchPrintsJsonLinesForChangesAndModesUntilInterrupted() throws InterruptedException {
        REDIS.client().set(key("w0"), doc("w0", "initiated", 0));
        RunningCli watch = CliRun.start("watch", "--json", "--redis", REDIS.url());
        try {
            Await.until("live and the snapshot printed", Await.EVENTUALLY,
                    () -> any(watch, l -> "LIVE".equals(l.path("mode").asText()))
                            && any(watch, l -> "complete".equals(l.path("snapshot").asText())));
            JsonNode w0 = json(watch).stream().filter(l -> "w0".equals(l.path("id").asText())).findFirst()
                    .orElseThrow();
            assertEquals("added", w0.get("kind").asText());
            assertEquals("initiated", w0.get("status").asText());
            assertEquals("김*늘", w0.get("name").asText(), "names are masked");
            assertTrue(w0.get("snapshot").asBoolean());

            REDIS.client().set(key("w1"), doc("w1", "auth_requesting", 1));
            Await.until("w1 added", Await.EVENTUALLY,
                    () -> any(watch, l -> "w1".equals(l.path("id").asText())
                            && "added".equals(l.path("kind").asText())));
            REDIS.client().set(key("w1"), doc("w1", "auth_completed", 2));
            Await.until("w1 updated", Await.EVENTUALLY,
                    () -> any(watch, l -> "w1".equals(l.path("id").asText())
                            && "updated".equals(l.path("kind").asText())
                            && "auth_completed".equals(l.path("status").asText())));
            REDIS.client().del(key("w1"));
            Await.until("w1 removed", Await.EVENTUALLY,
                    () -> any(watch, l -> "w1".equals(l.path("id").asText())
                            && "removed".equals(l.path("kind").asText()) && l.get("status").isNull()));
            JsonNode added = json(watch).stream()
                    .filter(l -> "w1".equals(l.path("id").asText()) && "added".equals(l.path("kind").asText()))
                    .findFirst().orElseThrow();
            assertFalse(added.get("snapshot").asBoolean(true), "pushed changes are not marked as snapshot rows");
        } finally {
            watch.stop();
        }
        assertEquals(0, watch.exit());
        List<JsonNode> lines = json(watch);
        JsonNode last = lines.get(lines.size() - 1);
        assertEquals("OFFLINE", last.get("mode").asText(), "the feed was closed: " + last);
        assertFalse(watch.out().contains("김하늘"), "the full name never appears");
        assertEquals("", watch.err());
        // --help tells a script the keys of a mode line, as docs/live.md, "Command line", does
        String help = String.join(" ", Main.commandLine().getSubcommands().get("watch").getCommandSpec()
                .findOption("--json").description());
        last.fieldNames().forEachRemaining(field -> assertTrue(help.contains("\"" + field + "\""),
                "watch --help names the mode line's " + field + ": " + help));
    }

    /** {@code --id}: the followed session's expires_at passing is a line of its own, when it passes. */
    @Test
    void aFollowedSessionsExpiryIsPrintedWhenItPasses() throws InterruptedException {
        String expiresAt = io.welno.console.session.Timestamps.format(
                java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Seoul")).plusSeconds(2));
        REDIS.client().set(key("w3"), doc("w3", "auth_request_sent", 0)
                .replace("\"messages\"", "\"expires_at\": \"" + expiresAt + "\",\n  \"messages\""));
        RunningCli watch = CliRun.start("watch", "--json", "--id", "w3", "--redis", REDIS.url());
        try {
            Await.until("the expiry line", Await.EVENTUALLY,
                    () -> any(watch, l -> "w3".equals(l.path("pastExpiry").asText())));
            JsonNode line = json(watch).stream().filter(l -> l.has("pastExpiry")).findFirst().orElseThrow();
            assertEquals("auth_request_sent", line.get("status").asText());
            assertEquals(expiresAt, line.get("expiresAt").asText(), "as the backend wrote it");
        } finally {
            watch.stop();
        }
        assertEquals(0, watch.exit());
        assertEquals(1, json(watch).stream().filter(l -> l.has("pastExpiry")).count(), "said once");
    }

    private static String withExpiry(String doc, String expiresAt) {
        return doc.replace("\"messages\"", "\"expires_at\": \"" + expiresAt + "\",\n  \"messages\"");
    }

    /**
     * Without {@code --id} every session's expires_at passing is a line of its own too, once per session and in the
     * words {@code --id} prints: the change lines alone never say it, as nothing is written to the key then.
     */
    @Test
    void withoutIdEverySessionsExpiryIsPrintedOnceWhenItPasses() throws InterruptedException {
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Seoul"));
        String soon = io.welno.console.session.Timestamps.format(now.plusSeconds(2));
        REDIS.client().set(key("w4"), withExpiry(doc("w4", "auth_request_sent", 0), soon));
        REDIS.client().set(key("w5"), withExpiry(doc("w5", "initiated", 0), soon));
        REDIS.client().set(key("w6"), withExpiry(doc("w6", "initiated", 0),
                io.welno.console.session.Timestamps.format(now.minusMinutes(1))));
        RunningCli json = CliRun.start("watch", "--json", "--redis", REDIS.url());
        RunningCli text = CliRun.start("watch", "--redis", REDIS.url());
        try {
            Await.until("both expiry lines, in both forms", Await.EVENTUALLY,
                    () -> any(json, l -> "w4".equals(l.path("pastExpiry").asText()))
                            && any(json, l -> "w5".equals(l.path("pastExpiry").asText()))
                            && text.out().contains("expiry   w4 ") && text.out().contains("expiry   w5 "));
            Thread.sleep(1_500); // the ticks after it do not say it again
        } finally {
            json.stop();
            text.stop();
        }
        assertEquals(0, json.exit());
        assertEquals(0, text.exit());
        JsonNode w4 = json(json).stream().filter(l -> "w4".equals(l.path("pastExpiry").asText())).findFirst()
                .orElseThrow();
        assertEquals("auth_request_sent", w4.get("status").asText());
        assertEquals(soon, w4.get("expiresAt").asText(), "as the backend wrote it");
        for (String id : List.of("w4", "w5")) {
            assertEquals(1, json(json).stream().filter(l -> id.equals(l.path("pastExpiry").asText())).count(),
                    id + " said once");
            assertEquals(1, text.out().lines().filter(l -> l.startsWith("expiry   " + id + " ")).count(),
                    id + " said once: " + text.out());
        }
        assertFalse(any(json, l -> "w6".equals(l.path("pastExpiry").asText())),
                "past already at first sight: its change line says so (warning expired), nothing passed meanwhile");
        assertFalse(any(json, l -> l.has("statusChanged")), "every status is in the change lines already");
        String w6 = text.out().lines().filter(l -> l.startsWith("added    w6 ")).findFirst().orElseThrow();
        assertTrue(w6.contains("!expired"), "as list's NOTES say it: " + w6);
        String line = text.out().lines().filter(l -> l.startsWith("expiry   w4 ")).findFirst().orElseThrow();
        assertTrue(line.endsWith("its expires_at (" + soon + ") passed. The backend deletes the session on its next"
                + " read, so it will not move on."), line);
    }

    /**
     * After a reconnect the feed reads every session again and reports each as updated: the text lines say only what
     * changed while nothing was followed (a deletion with a note that it happened earlier) and count the sessions read
     * again unchanged; the JSON lines keep every row of the pass, marked as the snapshot's.
     */
    @Test
    void afterAReconnectTheTextLinesSayOnlyWhatChangedMeanwhile() throws Exception {
        REDIS.client().set(key("r1"), doc("r1", "initiated", 0));
        REDIS.client().set(key("r2"), doc("r2", "initiated", 0));
        REDIS.client().set(key("r3"), doc("r3", "initiated", 0));
        REDIS.client().hset(key("h1"), "not", "a string"); // no value to compare: said again, never "found changed"
        RunningCli text = CliRun.start("watch", "--redis", REDIS.url());
        RunningCli json = CliRun.start("watch", "--json", "--redis", REDIS.url());
        try {
            text.await("the first snapshot", out -> out.contains("-- snapshot complete"));
            json.await("the first snapshot", out -> out.contains("\"snapshot\":\"complete\""));
            try (redis.clients.jedis.Jedis admin = new redis.clients.jedis.Jedis("127.0.0.1", REDIS.port())) {
                // one round trip: the subscriptions closed, then a write and a deletion before they subscribe again
                redis.clients.jedis.Pipeline both = admin.pipelined();
                both.sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "pubsub");
                both.set(key("r2"), doc("r2", "auth_request_sent", 1));
                both.del(key("r3"));
                both.sync();
            }
            text.await("the resync", out -> out.contains("-- snapshot complete: 1 session read again unchanged"));
            json.await("the resync", out -> out.split("\"snapshot\":\"complete\"", -1).length == 3);
        } finally {
            text.stop();
            json.stop();
        }
        String after = text.out().substring(text.out().indexOf("== RECONNECTING"));
        assertTrue(after.lines().anyMatch(l -> l.startsWith("updated  r2 ") && l.contains("auth_request_sent")
                && l.endsWith("found changed on reading every session again (it changed earlier)")), after);
        // deleted here, but a pass cannot tell a deletion from an expiry: only that it is gone
        assertTrue(after.lines().anyMatch(l -> l.startsWith("gone     r3 ")
                && l.endsWith("found gone on reading every session again (it went earlier)")), after);
        assertFalse(after.contains(" r1 "), "read again unchanged: no line of its own: " + after);
        assertTrue(after.lines().anyMatch(l -> l.startsWith("updated  h1 ") && !l.contains("found changed")), after);
        assertEquals(2, json(json).stream().filter(l -> "r1".equals(l.path("id").asText())
                && l.path("kind").asText().matches("added|updated")).count(), "every row of both passes in JSON");
        assertTrue(any(json, l -> "r1".equals(l.path("id").asText()) && "updated".equals(l.path("kind").asText())
                && l.path("snapshot").asBoolean()));
        JsonNode r3 = json(json).stream().filter(l -> "r3".equals(l.path("id").asText()) && l.has("kind"))
                .reduce((first, last) -> last).orElseThrow();
        assertEquals("gone", r3.get("kind").asText(), "neither removed nor expired, which a pass cannot tell: " + r3);
        assertTrue(r3.path("snapshot").asBoolean(), r3.toString());
    }

    @Test
    void withFilesTheFolderSessionsAndTheirPlacesArePrintedToo(@TempDir Path dir) throws Exception {
        REDIS.client().set(key("w2"), doc("w2", "auth_completed", 3));
        Files.writeString(dir.resolve("w2.json"), doc("w2", "auth_request_sent", 3), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("f0.json"), doc("f0", "auth_request_sent", 0), StandardCharsets.UTF_8);
        RunningCli watch = CliRun.start("watch", "--json", "--files", dir.toString(), "--poll-interval", "PT0.1S",
                "--redis", REDIS.url());
        try {
            Await.until("the file-only session and the places", Await.EVENTUALLY,
                    () -> any(watch, l -> "f0".equals(l.path("id").asText())
                            && "added".equals(l.path("kind").asText()))
                            && any(watch, l -> "f0".equals(l.path("id").asText())
                            && "file_only".equals(l.path("place").asText()))
                            && any(watch, l -> "w2".equals(l.path("id").asText())
                            && "diverged".equals(l.path("place").asText())));
            JsonNode f0 = json(watch).stream().filter(l -> "f0".equals(l.path("id").asText()) && l.has("kind"))
                    .findFirst().orElseThrow();
            assertEquals("auth_request_sent", f0.get("status").asText());
            assertTrue(f0.get("ttl").isNull(), "a file has no TTL: " + f0);
            JsonNode w2 = json(watch).stream().filter(l -> "diverged".equals(l.path("place").asText())).findFirst()
                    .orElseThrow();
            assertEquals("[\"status\"]", w2.get("differs").toString());

            Files.delete(dir.resolve("f0.json"));
            Await.until("f0 removed with its file", Await.EVENTUALLY,
                    () -> any(watch, l -> "f0".equals(l.path("id").asText())
                            && "removed".equals(l.path("kind").asText())));
        } finally {
            watch.stop();
        }
        assertEquals(0, watch.exit());
    }

    @Test
    void aRefusedSubscriptionIsLoggedInEnglish() throws InterruptedException {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "nosub", "on", ">n0sub", "~*", "resetchannels",
                "+@all");
        RunningCli watch;
        try (LogCapture logs = new LogCapture("io.welno.console.live")) {
            watch = CliRun.start("watch", "--json", "--redis", "redis://nosub:n0sub@127.0.0.1:" + REDIS.port() + "/0");
            try {
                Await.until("the refused subscription logged", Await.EVENTUALLY,
                        () -> !logs.startingWith("Subscribing on ").isEmpty());
            } finally {
                watch.stop();
            }
            String refused = logs.startingWith("Subscribing on ").get(0);
            assertTrue(refused.contains(" was refused: this user may not subscribe to the keyspace channels"
                    + " (NOPERM"), refused);
            Words.assertWords(refused);
        } finally {
            REDIS.client().sendCommand(Protocol.Command.ACL, "DELUSER", "nosub");
        }
        assertEquals(0, watch.exit());
    }

    @Test
    void sentinelOptionsMustComeTogether() {
        CliRun run = CliRun.of("watch", "--sentinel", "127.0.0.1:26390", "--redis", REDIS.url());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--sentinel and --sentinel-master go together"), run.err());
    }
}
