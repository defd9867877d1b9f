package io.welno.console.hostile;

import static io.welno.console.hostile.Hostile.assertNoSecret;
import static io.welno.console.hostile.Hostile.assertNothingRaw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.AuditRecord;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.flow.Role;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.RunningCli;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.text.Phrase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Every command against sessions, ids, reasons, audit entries, URLs and options made to attack a terminal or a
 * log: no raw control character and no forged line reaches any output, no personal data of an unreadable value
 * is printed, echoes stay bounded, and each malformed input is one line with exit 2 and no stack trace.
 */
class HostileCommandLineTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    static final String PLAIN_ID = "welno_hostile_plain";
    /** An id that is itself an attack: the key holds escape sequences, a bidi override and a forged row. */
    static final String EVIL_ID = "welno_hostile" + Hostile.CLEAR_SCREEN + Hostile.BIDI + Hostile.FORGED_ROW;
    static final String ODD_ID = "welno_hostile_odd";
    static final String BAD_ID = "welno_hostile_unreadable";
    static final String DOUBLE_ID = "welno_hostile_double";
    static final List<String> IDS = List.of(PLAIN_ID, EVIL_ID, ODD_ID, BAD_ID, DOUBLE_ID);

    private final ObjectMapper mapper = new ObjectMapper();
    private final SessionCodec codec = new SessionCodec(Timestamps.DEFAULT_ZONE);

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String[] withRedis(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--redis", REDIS.url()));
        return all.toArray(String[]::new);
    }

    @BeforeEach
    void seed() {
        LocalDateTime now = LocalDateTime.now(Timestamps.DEFAULT_ZONE).minusMinutes(2);
        put(PLAIN_ID, codec.write(Hostile.session(PLAIN_ID, now)));
        put(EVIL_ID, codec.write(Hostile.session(EVIL_ID, now)));
        put(ODD_ID, codec.write(Hostile.oddStatus(ODD_ID, now)));
        put(BAD_ID, Hostile.unreadable(BAD_ID));
        put(DOUBLE_ID, Hostile.doubleEncoded(DOUBLE_ID));
    }

    private static void put(String id, String value) {
        REDIS.client().set("tilko_session:" + id, value, SetParams.setParams().ex(1800));
    }

    @Test
    void listPrintsNoRawControlAndNoPersonalDataAndItsJsonIsExact() throws Exception {
        CliRun table = run(withRedis("list"));
        assertEquals(0, table.exit(), table.err());
        assertNothingRaw(table.all(), "list");
        assertNoSecret(table.all(), "list");
        assertEquals(IDS.size() + 2, table.out().lines().count(), "a header, one line per session, the count:\n"
                + table.out());

        CliRun json = run(withRedis("list", "--json"));
        assertEquals(0, json.exit(), json.err());
        assertNothingRaw(json.all(), "list --json");
        assertNoSecret(json.all(), "list --json");
        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : json.out().lines().toList()) {
            JsonNode node = mapper.readTree(line);
            byId.put(node.get("id").asText(), node);
        }
        assertEquals(new java.util.HashSet<>(IDS), byId.keySet(), "every id whole and exact, escapes and all");
        assertEquals("partner" + Hostile.ALL, byId.get(PLAIN_ID).get("storedPartner").asText(),
                "JSON keeps the exact value");
        assertFalse(byId.get(BAD_ID).get("readable").asBoolean());
    }

    /**
     * A key is bytes: one under the prefix whose name is not UTF-8 (no backend writes it, anyone with access can) was
     * read back under its name decoded with U+FFFD, which names another key, so the listing left it out and counted one
     * session fewer than Redis holds. It is listed, unreadable, saying why, with its bytes shown as escapes.
     */
    @Test
    void aKeyWhoseNameIsNotUtf8IsListedAsUnreadableNotLeftOut() throws Exception {
        byte[] key = new byte[] {'t', 'i', 'l', 'k', 'o', '_', 's', 'e', 's', 's', 'i', 'o', 'n', ':', 'x', (byte) 0xFF,
            (byte) 0xC3, '\n'};
        REDIS.client().set(key, codec.write(Hostile.session(PLAIN_ID, LocalDateTime.now(Timestamps.DEFAULT_ZONE)))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String shownId = "x\\xff\\xc3\\n";

        CliRun table = run(withRedis("list"));
        assertEquals(0, table.exit(), table.err());
        assertNothingRaw(table.all(), "list");
        assertNoSecret(table.all(), "list");
        assertTrue(table.out().contains((IDS.size() + 1) + " session(s)"), "every key counted: " + table.out());
        String line = table.out().lines().filter(l -> l.startsWith(shownId + " ")).findFirst().orElse(null);
        assertTrue(line != null && line.contains("UNREADABLE") && line.contains("not UTF-8"), table.out());

        CliRun json = run(withRedis("list", "--json"));
        assertEquals(0, json.exit(), json.err());
        JsonNode node = null;
        for (String l : json.out().lines().toList()) {
            JsonNode n = mapper.readTree(l);
            if (n.get("id").asText().equals("x\\xff\\xc3\n")) { // exact in JSON: the line feed is one
                node = n;
            }
        }
        assertTrue(node != null, json.out());
        assertFalse(node.get("readable").asBoolean());
        assertTrue(node.get("error").asText().contains("not UTF-8"), node.toString());
        assertTrue(node.get("ttl").asLong() == -1, node.toString());
    }

    /**
     * The name a key that is not UTF-8 is listed under names it on the command line too: {@code show} reads that key
     * (it said "No session", as if the listed row did not exist) and says why it is unreadable, and an action on it is
     * refused for that reason, writing nothing: neither its bytes nor a key whose text is its name.
     */
    @Test
    void aKeyWhoseNameIsNotUtf8IsShownByItsListedNameAndNeverWritten() {
        byte[] key = {'t', 'i', 'l', 'k', 'o', '_', 's', 'e', 's', 's', 'i', 'o', 'n', ':', 'k', (byte) 0xFF};
        byte[] value = codec.write(Hostile.session(PLAIN_ID, LocalDateTime.now(Timestamps.DEFAULT_ZONE)))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        REDIS.client().set(key, value);
        String listed = "k\\xff";

        CliRun show = run(withRedis("show", listed));
        assertEquals(1, show.exit(), show.all());
        assertTrue(show.all().contains("not UTF-8") && !show.all().contains("No session"), show.all());
        assertNothingRaw(show.all(), "show");

        CliRun complete = run(withRedis("complete", listed, "--reason", "a key not in UTF-8", "--role", "developer",
                "--hold", "0"));
        assertTrue(complete.exit() != 0, complete.all());
        assertTrue(complete.all().contains("not UTF-8"), complete.all());
        assertArrayEquals(value, REDIS.client().get(key), "its value is never written");
        assertEquals(-1, REDIS.client().pttl(key), "nor its TTL");
        assertFalse(REDIS.client().exists("tilko_session:" + listed), "nor a key named by its escaped name's text");
    }

    /**
     * A document with a field twice is read as the backend's {@code json.loads} reads it, the last one winning, and an
     * action writes it back with each field once, holding that last value: what the console showed and changed is what
     * the backend then reads.
     */
    @Test
    void aDocumentWithRepeatedFieldsIsReadAndWrittenAsTheBackendReadsIt() throws Exception {
        String id = "welno_hostile_twice";
        String doc = io.welno.console.testing.TestRows.session(id, "auth_request_sent",
                LocalDateTime.now(Timestamps.DEFAULT_ZONE).minusMinutes(2)).requested(
                LocalDateTime.now(Timestamps.DEFAULT_ZONE).minusMinutes(1)).json();
        String twice = "{\n  \"status\": \"completed\",\n  \"x\": 1,\n  \"user_info\": {\"name\": \"" + Hostile.NAME
                + "\"}," + doc.substring(1, doc.length() - 2) + ",\n  \"x\": 2\n}";
        put(id, twice);

        CliRun listed = run(withRedis("list", "--json"));
        JsonNode row = null;
        for (String line : listed.out().lines().toList()) {
            JsonNode n = mapper.readTree(line);
            row = id.equals(n.get("id").asText()) ? n : row;
        }
        assertEquals("auth_request_sent", row.get("status").asText(), "the last status, as json.loads keeps: " + row);

        CliRun complete = run(withRedis("complete", id, "--reason", "fields twice", "--role", "developer", "--hold", "0"));
        assertEquals(0, complete.exit(), complete.all());
        String written = REDIS.client().get("tilko_session:" + id);
        JsonNode strict = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .readTree(written); // throws on a field written twice
        assertEquals("auth_completed", strict.get("status").asText(), written);
        assertEquals(2, strict.get("x").asInt(), "the value the backend read, kept: " + written);
        assertEquals(mapper.readTree(doc).get("user_info"), strict.get("user_info"), written);
    }

    @Test
    void showPrintsEverySessionEscapedAndMaskedAndItsJsonIsExact() throws Exception {
        for (String id : IDS) {
            for (boolean json : new boolean[] {false, true}) {
                CliRun show = json ? run(withRedis("show", id, "--json")) : run(withRedis("show", id));
                String where = "show " + (json ? "--json " : "") + id;
                assertEquals(id.equals(BAD_ID) || id.equals(DOUBLE_ID) ? 1 : 0, show.exit(), where + ": " + show.err());
                assertNothingRaw(show.all(), where);
                assertNoSecret(show.all(), where);
                if (json) {
                    JsonNode node = mapper.readTree(show.out());
                    if (node.has("partner_id")) {
                        assertEquals("partner" + Hostile.ALL, node.get("partner_id").asText(), where);
                    } else {
                        assertFalse(node.get("readable").asBoolean(), where + " is a JSON object saying it is unreadable");
                        assertFalse(node.get("preview").asText().isEmpty(), where);
                    }
                }
            }
        }
        CliRun show = run(withRedis("show", PLAIN_ID));
        assertTrue(show.out().contains("(stored partner_id: partner\\u001b[2J"), "escaped, not dropped: " + show.out());
        assertTrue(show.out().contains("배*지"), show.out());
    }

    @Test
    void watchPrintsNoRawControlAndNoPersonalData() throws Exception {
        for (boolean json : new boolean[] {true, false}) {
            List<String> args = new ArrayList<>(List.of("watch", "--redis", REDIS.url()));
            if (json) {
                args.add("--json");
            }
            RunningCli watch = CliRun.start(args.toArray(String[]::new));
            try {
                watch.await("the snapshot printed", Duration.ofSeconds(20),
                        out -> out.contains(json ? "\"snapshot\":\"complete\"" : "-- snapshot complete"));
                put("welno_hostile_new", codec.write(Hostile.session("welno_hostile_new",
                        LocalDateTime.now(Timestamps.DEFAULT_ZONE))));
                watch.await("the new session printed", Duration.ofSeconds(20),
                        out -> out.contains("welno_hostile_new"));
            } finally {
                watch.stop();
            }
            assertNothingRaw(watch.all(), "watch" + (json ? " --json" : ""));
            assertNoSecret(watch.all(), "watch" + (json ? " --json" : ""));
            if (json) {
                List<String> ids = new ArrayList<>();
                for (String line : watch.out().lines().toList()) {
                    ids.add(mapper.readTree(line).path("id").asText());
                }
                assertTrue(ids.contains(EVIL_ID), "the hostile id whole and exact in JSON");
            }
            REDIS.client().del("tilko_session:welno_hostile_new");
        }
    }

    @Test
    void actionsOnHostileSessionsPrintAndAuditNothingRaw() throws Exception {
        CliRun reset = run(withRedis("reset", EVIL_ID, "--reason", "checking a hostile id", "--role", "operator"));
        assertEquals(2, reset.exit(), reset.all());
        assertNothingRaw(reset.all(), "reset");
        CliRun complete = run(withRedis("complete", PLAIN_ID, "--reason", "user approved", "--role", "developer",
                "--operator", "kim"));
        assertNothingRaw(complete.all(), "complete");
        assertNoSecret(complete.all(), "complete");
        CliRun odd = run(withRedis("complete", ODD_ID, "--reason", "odd status", "--role", "developer"));
        assertNothingRaw(odd.all(), "complete on an odd status");

        CliRun audit = run(withRedis("audit"));
        assertEquals(0, audit.exit(), audit.err());
        assertNothingRaw(audit.all(), "audit");
        assertTrue(audit.out().contains("3 entries"), audit.out());
        CliRun json = run(withRedis("audit", "--json"));
        assertNothingRaw(json.all(), "audit --json");
        List<String> sessions = new ArrayList<>();
        for (String line : json.out().lines().toList()) {
            sessions.add(mapper.readTree(line).get("session").asText());
        }
        assertTrue(sessions.contains(EVIL_ID), "the audit keeps the exact id: " + sessions);
    }

    /** Entries written by anyone with access to the stream (an older console, a script) are shown escaped too. */
    @Test
    void forgedAndOversizedAuditEntriesAreShownOneLineEachEscapedAndBounded() throws Exception {
        String key = "welno:console:audit";
        Map<String, String> forged = new LinkedHashMap<>(entry("a1", "x", "ok" + Hostile.FORGED_ROW + Hostile.CLEAR_SCREEN
                + Hostile.SET_TITLE));
        REDIS.client().xadd(key, StreamEntryID.NEW_ENTRY, forged);
        REDIS.client().xadd(key, StreamEntryID.NEW_ENTRY, entry("a2", "y".repeat(1 << 20), "z".repeat(10_000)));
        REDIS.client().xadd(key, StreamEntryID.NEW_ENTRY, entry("a3" + Hostile.BIDI, "s" + Hostile.C1, Hostile.INVISIBLE));

        CliRun audit = run(withRedis("audit"));
        assertEquals(0, audit.exit(), audit.err());
        assertNothingRaw(audit.all(), "audit");
        List<String> lines = audit.out().lines().toList();
        assertEquals(4, lines.size(), "one line per entry and the count: " + audit.out());
        assertTrue(lines.stream().allMatch(l -> l.length() < 1_000), "long values are cut: "
                + lines.stream().map(String::length).toList());
        assertTrue(audit.out().contains("\\u001b[2J"), "escaped, not dropped");

        CliRun json = run(withRedis("audit", "--json", "--limit", "3"));
        assertNothingRaw(json.all(), "audit --json");
        JsonNode oldest = mapper.readTree(json.out().lines().toList().get(2));
        assertEquals(forged.get("reason"), oldest.get("reason").asText(), "--json has the exact stored value");
    }

    private static Map<String, String> entry(String actionId, String session, String reason) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("time", Instant.now().toString());
        f.put("action_id", actionId);
        f.put("event", "attempt");
        f.put("operator", "mallory" + Hostile.ERASE_LINE);
        f.put("role", "developer");
        f.put("action", "manual-auth-complete");
        f.put("session", session);
        f.put("reason", reason);
        f.put("override", "false");
        f.put("status_before", "auth_request_sent");
        f.put("status_after", "auth_completed");
        f.put("result", "APPLIED");
        f.put("message", "done");
        return f;
    }

    @Test
    void reasonsWithControlsOrTooLongAreRefusedAtInputAndNothingIsWritten() {
        String before = REDIS.client().get("tilko_session:" + PLAIN_ID);
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("line\nFORGED 2026 root complete", "character 5 is a control or invisible character (\\n)");
        reasons.put("clear" + Hostile.CLEAR_SCREEN, "character 6");
        reasons.put("bidi \u202e reversed", "(\\u202e)");
        reasons.put("zero\u200bwidth", "(\\u200b)");
        reasons.put("x".repeat(10_000), "has 10,000 characters; at most 500");
        reasons.put("   ", "A reason is required");
        reasons.put("caller 010-1234-5678 says stuck", "looks like a mobile number");
        reasons.put("caller 01012345678 says stuck", "looks like a mobile number");
        reasons.put("RRN 900101-1234567 given", "looks like a resident registration number");
        reasons.put("born 19900101", "looks like a birth date");
        reasons.forEach((reason, expected) -> {
            CliRun run = run(withRedis("complete", PLAIN_ID, "--reason", reason, "--role", "developer"));
            String where = shown(reason);
            assertEquals(2, run.exit(), where + ": " + run.all());
            assertEquals("", run.out(), where);
            assertEquals(1, run.err().lines().count(), where + ": one line: " + run.err());
            assertTrue(run.err().contains(expected), where + ": " + run.err());
            assertTrue(run.err().length() < 600, where + " is not echoed whole: " + run.err().length());
            assertNothingRaw(run.all(), where);
        });
        assertEquals(before, REDIS.client().get("tilko_session:" + PLAIN_ID), "nothing was written");
        assertEquals(0, REDIS.client().exists("welno:console:audit") ? REDIS.client().xlen("welno:console:audit") : 0,
                "a refused input is not an attempt");

        String longest = "가".repeat(ActionRequest.MAX_REASON_LENGTH);
        assertTrue(ActionRequest.reasonProblem(longest).isEmpty(), "500 characters are allowed");
        assertTrue(ActionRequest.reasonProblem(longest + "가").isPresent());
        assertTrue(ActionRequest.reasonProblem("🙂".repeat(ActionRequest.MAX_REASON_LENGTH)).isEmpty(),
                "characters, not UTF-16 units");
        for (String fine : List.of("caller ends in 5678, stuck since 2026-12-06 10:00", "ticket 4711, 12345 sessions")) {
            assertTrue(ActionRequest.reasonProblem(fine).isEmpty(), fine);
        }
    }

    private static String shown(String text) {
        return io.welno.console.text.SafeText.bounded(text, 60);
    }

    @Test
    void aMegabyteIdIsEchoedBoundedAndAuditedBounded() {
        String huge = "m".repeat(1 << 20);
        CliRun show = run(withRedis("show", huge));
        assertEquals(1, show.exit(), show.err().length() + " chars");
        assertTrue(show.all().length() < 1_000, "the id is echoed bounded: " + show.all().length());
        assertTrue(show.err().contains("(1048576 characters)"), show.err());

        CliRun reset = run(withRedis("reset", huge, "--reason", "a huge id", "--role", "operator"));
        assertTrue(reset.exit() == 1 || reset.exit() == 2, reset.exit() + ": " + reset.all());
        assertTrue(reset.all().length() < 3_000, "bounded echoes: " + reset.all().length());
        assertNothingRaw(reset.all(), "reset of a 1 MB id");
        List<StreamEntry> entries = REDIS.client().xrevrange("welno:console:audit", "+", "-", 1);
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).getFields().get("session").length() <= AuditRecord.FIELD_LIMIT,
                "the audit keeps a bounded id: " + entries.get(0).getFields().get("session").length());
        assertTrue(entries.get(0).getFields().get("session").endsWith("(1048576 characters)"));
    }

    @Test
    void theAuditLogStoresEveryFieldBounded() {
        RedisAuditLog log = new RedisAuditLog(REDIS.client(), "hostile:audit", 100);
        log.record(new AuditRecord(Instant.now(), "id", "attempt", "o".repeat(100_000), Role.OPERATOR, "reset-stuck",
                "s".repeat(1 << 20), "r".repeat(10_000), false, "", "", "REFUSED", Phrase.of("text.verbatim", "m".repeat(100_000)), null));
        Map<String, String> stored = REDIS.client().xrevrange("hostile:audit", "+", "-", 1).get(0).getFields();
        assertTrue(stored.get("session").length() <= AuditRecord.FIELD_LIMIT, "session");
        assertTrue(stored.get("operator").length() <= AuditRecord.FIELD_LIMIT, "operator");
        assertTrue(stored.get("reason").length() <= 2 * ActionRequest.MAX_REASON_LENGTH + 40, "reason");
        assertTrue(stored.get("message").length() <= AuditRecord.TEXT_LIMIT, "message");
        assertTrue(stored.get("reason").endsWith("(10000 characters)"), stored.get("reason"));
    }

    /** Each malformed URL or option: one line naming the part, exit 2, no stack trace, nothing on stdout. */
    @Test
    void malformedUrlsAndOptionsAreOneLineExitTwoNoStackTrace() {
        Map<List<String>, String> cases = new LinkedHashMap<>();
        for (String url : List.of("redis://", "http://x", "", "redis://h/abc", "redis://h:abc", "redis://h:99999",
                "redis://h:0", "redis://h?connectTimeout=abc", "redis://h?socketTimeout=-1", "redis://h?verify=bogus",
                "redis://[::1", "redis://::1:6380", "redis://h?prefix=", "redis://h?colour=red",
                "redis://h" + Hostile.CLEAR_SCREEN)) {
            cases.put(List.of("list", "--redis", url), "--redis");
        }
        cases.put(List.of("reset", "x", "--reason", "r", "--stuck-after", "-1"), "--stuck-after");
        cases.put(List.of("reset", "x", "--reason", "r", "--stuck-after", "abc"), "--stuck-after");
        cases.put(List.of("audit", "--limit", "-5"), "--limit");
        cases.put(List.of("audit", "--limit", "0"), "--limit");
        cases.put(List.of("audit", "--limit", "abc"), "--limit");
        cases.put(List.of("list", "--zone", "Mars/Olympus"), "--zone");
        cases.put(List.of("list", "--prefix", ""), "--prefix");
        cases.put(List.of("reset", "x", "--reason", "r", "--role", "admin"), "--role");
        cases.put(List.of("reset", "x", "--reason", "r", "--operator", "kim\nFORGED"), "--operator");
        cases.put(List.of("simple-auth", "x", "--reason", "r", "--tilko-url", "not a url"), "--tilko-url");
        cases.put(List.of("watch", "--poll-interval", "soon"), "--poll-interval");
        cases.put(List.of("watch", "--sentinel", "h:99999", "--sentinel-master", "m"), "--sentinel");
        cases.put(List.of("show", ""), "ID");
        cases.put(List.of("list", "--bogus" + Hostile.CLEAR_SCREEN), "Unknown option");
        cases.put(List.of("show", "x", "--reveal", "--role", "operator", "--redis", "redis://127.0.0.1:1"), "developer");
        cases.forEach((args, part) -> {
            CliRun run = run(args.toArray(String[]::new));
            String where = shown(String.join(" ", args));
            assertEquals(2, run.exit(), where + ": " + run.all());
            assertEquals("", run.out(), where);
            assertEquals(1, run.err().lines().count(), where + ": one line: " + run.err());
            assertTrue(run.err().contains(part), where + ": names " + part + ": " + run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), where + ": " + run.err());
            assertNothingRaw(run.all(), where);
        });
    }

    /** Redis out of reach is exit 4 for every command, and the password never shows, unescaped @ or not. */
    @Test
    void anUnreachableRedisIsExitFourEverywhereAndNoPasswordShows() {
        int port = EmbeddedRedis.freePort();
        for (String url : List.of("redis://ops:hunter2@127.0.0.1:" + port + "/0?connectTimeout=500",
                "redis://ops:hun@ter2@127.0.0.1:" + port + "/0?connectTimeout=500")) {
            for (List<String> args : List.of(List.of("list"), List.of("list", "--json"), List.of("show", "x"),
                    List.of("audit"), List.of("reset", "x", "--reason", "r"), List.of("complete", "x", "--reason", "r",
                            "--role", "developer"))) {
                List<String> all = new ArrayList<>(args);
                all.addAll(List.of("--redis", url));
                CliRun run = run(all.toArray(String[]::new));
                String where = String.join(" ", args);
                assertEquals(4, run.exit(), where + ": " + run.all());
                assertFalse(run.all().contains("hunter2") || run.all().contains("ter2"), where + ": " + run.all());
                if (!where.contains("--reason")) {
                    assertTrue(run.all().contains("ops:***@127.0.0.1:" + port), where + ": " + run.all());
                }
                assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), where + ": " + run.err());
            }
        }
    }

    @Test
    void tlsToAPlainPortIsATlsFailureNotASilence() {
        CliRun run = run("list", "--redis", "rediss://127.0.0.1:" + REDIS.port() + "/0?connectTimeout=1000&verify=insecure");
        assertEquals(4, run.exit(), run.all());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("TLS"), run.err());
        assertFalse(run.err().contains("stopped answering"), run.err());
    }

    /** --reveal is the window's reveal: developers only, and recorded in the audit stream before anything prints. */
    @Test
    void revealNeedsTheDeveloperRoleAndIsAudited() throws Exception {
        CliRun refused = run(withRedis("show", PLAIN_ID, "--reveal", "--role", "operator"));
        assertEquals(2, refused.exit());
        assertNoSecret(refused.all(), "refused reveal");
        assertFalse(REDIS.client().exists("welno:console:audit"), "nothing recorded for a refusal");

        CliRun revealed = run(withRedis("show", PLAIN_ID, "--reveal", "--role", "developer", "--operator", "lee"));
        assertEquals(0, revealed.exit(), revealed.err());
        assertTrue(revealed.out().contains("01098765432"), revealed.out());
        assertNothingRaw(revealed.all(), "show --reveal");
        Map<String, String> entry = REDIS.client().xrevrange("welno:console:audit", "+", "-", 1).get(0).getFields();
        assertEquals("reveal", entry.get("event"));
        assertEquals("reveal-personal-data", entry.get("action"));
        assertEquals(PLAIN_ID, entry.get("session"));
        assertEquals("lee", entry.get("operator"));
        assertEquals("developer", entry.get("role"));

        CliRun unreadable = run(withRedis("show", BAD_ID, "--reveal", "--json", "--role", "developer"));
        assertEquals(1, unreadable.exit());
        assertNothingRaw(unreadable.all(), "show --reveal of an unreadable value");
        assertTrue(mapper.readTree(unreadable.out()).get("preview").asText().contains(Hostile.PHONE));
    }
}
