package io.welno.console.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.app.ConsoleLogConfigurator;
import io.welno.console.session.Timestamps;
import io.welno.console.store.KeyNames;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.RunningCli;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.TestRows;
import io.welno.console.text.SafeText;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;

/**
 * Randomized, seeded: hostile session documents (every string field, nested and unknown ones, field names, messages
 * and Tilko error objects, odd number spellings, values that are not UTF-8) under hostile keys (control bytes, bytes
 * that are not UTF-8) go through {@code list}, {@code list --json}, {@code show}, {@code show --json}, a brief
 * {@code watch}, an action, {@code audit} and the log: no line of any output holds a character a terminal would obey
 * or that hides text ({@link Hostile#forbidden}, an oracle of its own rather than {@link SafeText}'s), and every
 * {@code --json} line is JSON whose strings read back as the exact stored value. A failing seed is reproduced with
 * {@code -Dhostile.fuzz.seed=N}; {@code -Dhostile.fuzz.seeds=500} runs many.
 */
class HostileFuzzTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String PREFIX = "tilko_session:";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** show --json prints the document as the backend writes it: NaN and the infinities bare (docs/backend-protocol.md). */
    private static final ObjectMapper AS_PYTHON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final KeyNames NAMES = new KeyNames(PREFIX);

    /** Pieces a hostile string is made of: each attacks a terminal, a log line or the eye. */
    private static final List<String> PIECES = List.of("\u001b[2J\u001b[H", "\u001b]0;owned\u0007",
            "\u001b]8;;http://evil.example/\u001b\\link\u001b]8;;\u001b\\", "\nFORGED 2026-01-01 root APPLIED", "\r\u001b[K",
            "\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f",
            "\u061c", "\u200b", "\u200c", "\u200d", "\u2060", "\u2061", "\u2064", "\ufeff", "\u00ad", "\u180e", "\u034f",
            "\ufe0f", "\ufff9", "\ufffb", "\u2028", "\u2029", "\u0085", "\u009b31m", "\u0090", "\u009c", "\u007f",
            "\u0000", "\u0007", "\u0008", "\t", "\u000b", "\u000c", "\u3164", "\u115f", "\uffa0", "\ud800", "\udfff",
            "\ud83d", "\udb40\udc41", "\udb40\udc7f", "\ufffd", "\\x80", "\\u001b", "\\", "\"", "'", "%s", "{0}", "${x}",
            "배", "welno", " ", "😀", "✔️", "1️⃣", "ｆｕｌｌ", "a\u0301", "\u2800", "\u3000", "\u0890",
            "\ud80d\udc3c", // U+1343C, a format control since Unicode 15
            "👨\u200d👩\u200d👧", "a\u200d😀", "\ud83c\udff4\udb40\udc67\udb40\udc62\udb40\udc73\udb40\udc63\udb40\udc74\udb40\udc7f");
            // the last three: a family and a subdivision flag shown as they are, a joiner after a letter escaped

    @Test
    void hostileDocumentsAndKeysReachNoOutputRaw() throws Exception {
        long first = Long.getLong("hostile.fuzz.seed", 20261206L);
        int seeds = Integer.getInteger("hostile.fuzz.seeds", 3);
        for (long seed = first; seed < first + seeds; seed++) {
            REDIS.flush();
            runSeed(seed);
        }
    }

    private void runSeed(long seed) throws Exception {
        Random random = new Random(seed);
        String where = "seed " + seed;
        Map<String, Planted> planted = new LinkedHashMap<>();
        int count = 3 + random.nextInt(4);
        for (int n = 0; n < count; n++) {
            Planted p = plant(random, n);
            planted.put(p.name(), p);
            REDIS.client().set(p.key(), p.value());
        }
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger("io.welno.console");
        Level level = logger.getLevel();
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.DEBUG);
        try {
            CliRun list = cli("list");
            Hostile.assertNothingForbidden(list.all(), where + ": list", false);

            CliRun listJson = cli("list", "--json");
            Hostile.assertNothingForbidden(listJson.all(), where + ": list --json", false);
            Map<String, JsonNode> rows = new LinkedHashMap<>();
            for (String line : listJson.out().lines().toList()) {
                JsonNode row = MAPPER.readTree(line);
                rows.put(row.get("id").asText(), row);
            }
            assertEquals(planted.keySet(), rows.keySet(), where + ": every key listed under its exact name");
            for (Planted p : planted.values()) {
                JsonNode row = rows.get(p.name());
                if (p.partner() != null && row.get("readable").asBoolean()) {
                    assertEquals(p.partner(), row.get("storedPartner").asText(), where + ": the exact partner_id");
                }
                CliRun revealed = cli("show", p.name(), "--json", "--reveal", "--role", "developer");
                Hostile.assertNothingForbidden(revealed.all(), where + ": show --json --reveal " + SafeText.escape(p.name()),
                        false);
                AS_PYTHON.readTree(revealed.out());
                for (boolean json : new boolean[] {false, true}) {
                    CliRun show = json ? cli("show", p.name(), "--json") : cli("show", p.name());
                    Hostile.assertNothingForbidden(show.all(),
                            where + ": show " + (json ? "--json " : "") + SafeText.escape(p.name()), false);
                    if (json && show.exit() == 0) {
                        JsonNode doc = AS_PYTHON.readTree(show.out());
                        p.unknown().forEach((field, value) -> assertEquals(value, doc.get(field).asText(),
                                where + ": the exact unknown field " + SafeText.escape(field)));
                    } else if (json) {
                        MAPPER.readTree(show.out()); // an unreadable value is a JSON object too
                    }
                }
            }
            files(where, random, planted.values());
            watch(where, random, planted.values().iterator().next());

            Planted target = planted.values().iterator().next();
            CliRun complete = cli("complete", target.name(), "--reason", "fuzzing", "--role", "developer", "--hold", "0",
                    "--operator", "fuzz");
            Hostile.assertNothingForbidden(complete.all(), where + ": complete", false);
            REDIS.client().xadd("welno:console:audit", StreamEntryID.NEW_ENTRY, auditEntry(random));
            CliRun audit = cli("audit");
            Hostile.assertNothingForbidden(audit.all(), where + ": audit", false);
            CliRun auditJson = cli("audit", "--json");
            Hostile.assertNothingForbidden(auditJson.all(), where + ": audit --json", false);
            for (String line : auditJson.out().lines().toList()) {
                MAPPER.readTree(line);
            }
        } finally {
            logger.detachAppender(log);
            logger.setLevel(level);
        }
        assertLogClean(log, where);
    }

    /** The captured events as the console's own log configuration writes them. */
    private static void assertLogClean(ListAppender<ILoggingEvent> log, String where) {
        LoggerContext context = new LoggerContext();
        ConsoleLogConfigurator configurator = new ConsoleLogConfigurator();
        configurator.setContext(context);
        configurator.configure(context);
        PatternLayoutEncoder encoder = (PatternLayoutEncoder) ((ConsoleAppender<?>) context
                .getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).getEncoder();
        try {
            List<ILoggingEvent> events;
            synchronized (log) {
                events = List.copyOf(log.list);
            }
            assertTrue(!events.isEmpty(), where + ": the action's log line at least");
            for (ILoggingEvent event : events) {
                String text = new String(encoder.encode(event), StandardCharsets.UTF_8);
                Hostile.assertNothingForbidden(text.substring(0, text.length() - 1), where + ": the log",
                        event.getThrowableProxy() != null);
            }
        } finally {
            context.stop();
        }
    }

    /**
     * The backend's fallback folder holding another hostile copy of each session whose name can be a file's: the
     * listing's place marks and the differing fields {@code show} names.
     */
    private void files(String where, Random random, java.util.Collection<Planted> planted) throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("hostile-fuzz");
        try {
            for (Planted p : planted) {
                if (p.name().matches("[^/\\\\\\x00]{1,100}")) {
                    file(folder, p.name(), plant(random, 98).value());
                }
            }
            String onlyInFile = "fuzz_file" + hostile(random).replace("/", "").replace("\0", "");
            file(folder, onlyInFile, plant(random, 97).value());
            for (String[] args : new String[][] {{"list"}, {"list", "--json"}}) {
                CliRun run = cli(concat(args, "--files", folder.toString()));
                Hostile.assertNothingForbidden(run.all(), where + ": " + String.join(" ", args) + " --files", false);
            }
            for (Planted p : planted) {
                CliRun run = cli("show", p.name(), "--files", folder.toString());
                Hostile.assertNothingForbidden(run.all(), where + ": show --files " + SafeText.escape(p.name()), false);
            }
        } finally {
            try (var files = java.nio.file.Files.list(folder)) {
                for (java.nio.file.Path file : files.toList()) {
                    java.nio.file.Files.delete(file);
                }
            }
            java.nio.file.Files.delete(folder);
        }
    }

    /** A file of the folder, unless its name cannot be one here (a lone surrogate). */
    private static void file(java.nio.file.Path folder, String id, byte[] value) throws java.io.IOException {
        try {
            java.nio.file.Files.write(folder.resolve(id + ".json"), value);
        } catch (java.nio.file.InvalidPathException | java.nio.file.FileSystemException e) {
            // not a name this file system takes
        }
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    /** A brief {@code watch --diff}: the snapshot, then one session rewritten with another hostile document. */
    private void watch(String where, Random random, Planted changed) throws Exception {
        for (boolean json : new boolean[] {false, true}) {
            List<String> args = new ArrayList<>(List.of("watch", "--diff", "--redis", REDIS.url()));
            if (json) {
                args.add("--json");
            }
            RunningCli watch = CliRun.start(args.toArray(String[]::new));
            try {
                String snapshot = json ? "{\"snapshot\":\"complete\"}\n" : "-- snapshot complete\n";
                watch.await("the snapshot printed", Duration.ofSeconds(20), out -> out.contains(snapshot));
                REDIS.client().set(changed.key(), plant(random, 99).value());
                watch.await("the change printed", Duration.ofSeconds(20),
                        out -> !out.endsWith(snapshot) && out.endsWith("\n"));
            } finally {
                watch.stop();
            }
            String w = where + ": watch" + (json ? " --json" : "");
            Hostile.assertNothingForbidden(watch.all(), w, false);
            if (json) {
                for (String line : watch.out().lines().toList()) {
                    MAPPER.readTree(line);
                }
            }
        }
    }

    private static CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--redis", REDIS.url()));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** A key, its value, the name it is listed under, and the values that must read back exactly. */
    record Planted(byte[] key, byte[] value, String name, String partner, Map<String, String> unknown) {
    }

    static String hostile(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(5);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(6) == 0) {
                text.appendCodePoint(random.nextInt(0x30000)); // anything, now and then
            } else {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
        }
        return text.toString();
    }

    private static Planted plant(Random random, int n) throws Exception {
        String id = "fuzz" + n + (random.nextBoolean() ? hostile(random) : "");
        byte[] suffix = id.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0) { // bytes no UTF-8 text has, control bytes among them
            byte[] odd = new byte[1 + random.nextInt(4)];
            random.nextBytes(odd);
            suffix = concat(suffix, odd);
        }
        byte[] key = concat(PREFIX.getBytes(StandardCharsets.UTF_8), suffix);
        String name = NAMES.name(key).substring(PREFIX.length());
        LocalDateTime created = LocalDateTime.now(Timestamps.DEFAULT_ZONE).minusMinutes(random.nextInt(30));
        ObjectNode doc = (ObjectNode) MAPPER.readTree(TestRows.session(id, "auth_request_sent", created)
                .requested(created).json());
        Map<String, String> unknown = new LinkedHashMap<>();
        String partner = null;
        if (random.nextBoolean()) {
            partner = "partner" + hostile(random);
            doc.put("partner_id", partner);
        }
        if (random.nextBoolean()) {
            doc.put("session_id", hostile(random));
        }
        if (random.nextInt(3) == 0) {
            doc.put("status", hostile(random));
        }
        for (String field : List.of("created_at", "updated_at", "expires_at", "last_activity", "collection_error",
                "collection_error_message", "redirect_path", "hospital_id", "oid")) {
            if (random.nextInt(3) == 0) {
                doc.put(field, hostile(random));
            }
        }
        ObjectNode user = (ObjectNode) doc.get("user_info");
        boolean personalChanged = false;
        for (String field : List.of("name", "birthdate", "phone_no", "gender", "private_auth_type")) {
            if (random.nextInt(3) == 0) {
                user.put(field, hostile(random));
                personalChanged = true;
            }
        }
        ObjectNode temp = (ObjectNode) doc.get("temp_auth_data");
        for (String field : List.of("cxId", "reqTxId", "token", "txId", "userName")) {
            if (random.nextInt(3) == 0) {
                temp.put(field, hostile(random));
                personalChanged = true;
            }
        }
        ArrayNode messages = (ArrayNode) doc.get("messages");
        for (int m = random.nextInt(3); m > 0; m--) {
            ObjectNode message = messages.addObject();
            message.put("timestamp", random.nextBoolean() ? Timestamps.format(created) : hostile(random));
            message.put("type", random.nextBoolean() ? "error" : hostile(random));
            if (random.nextBoolean()) {
                message.put("message", hostile(random));
            } else { // a Tilko error kept as an object
                ObjectNode body = message.putObject("message");
                for (String field : List.of("type", "title", "message", "error_code", "error_log", "technical_detail")) {
                    body.put(field, hostile(random));
                }
                body.putObject(hostile(random)).put(hostile(random), hostile(random));
            }
        }
        for (int u = random.nextInt(3); u > 0; u--) {
            String field = "x_" + hostile(random);
            String value = hostile(random);
            doc.put(field, value);
            unknown.put(field, value);
        }
        if (random.nextInt(3) == 0) {
            doc.putObject("health_data").putArray(hostile(random)).addObject().put(hostile(random), hostile(random));
        }
        List<String> numbers = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            for (String field : List.of("n_a", "n_b")) {
                doc.put(field, "@@NUMBER" + numbers.size() + "@@");
                numbers.add(List.of("1E5", "-0", "-0.0", "NaN", "Infinity", "-Infinity", "1e400", "-1e-400",
                        "10000000000000000000000", "0.10000000000000001", "+INF", "1" + "0".repeat(1200))
                        .get(random.nextInt(12)));
            }
        }
        String text = write(doc, random.nextBoolean());
        for (int i = 0; i < numbers.size(); i++) {
            text = text.replace("\"@@NUMBER" + i + "@@\"", numbers.get(i));
        }
        byte[] value = text.getBytes(StandardCharsets.UTF_8);
        if (personalChanged) {
            unknown.clear(); // the masker hides the person's data and tokens, and their parts, wherever they stand
        }
        if (random.nextInt(8) == 0) { // a value that is not UTF-8
            int at = text.indexOf("\"status\"");
            value = concat(concat(java.util.Arrays.copyOf(value, at + 1), new byte[] {(byte) 0xff, (byte) 0x1b}),
                    java.util.Arrays.copyOfRange(value, at + 1, value.length));
            unknown.clear();
        }
        return new Planted(key, value, name, partner, unknown);
    }

    /** The document as JSON text: lone surrogates can only be written escaped, and other text is now and then too. */
    private static String write(ObjectNode doc, boolean escapeNonAscii) throws Exception {
        StringWriter out = new StringWriter();
        JsonMapper mapper = JsonMapper.builder().configure(JsonWriteFeature.ESCAPE_NON_ASCII, true).build();
        String escaped = mapper.writeValueAsString(doc);
        if (escapeNonAscii || !escaped.equals(escaped.replaceAll("\\\\u[dD][89abAB]", ""))) {
            return escaped; // lone surrogates (and pairs) written as escapes
        }
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            MAPPER.writeTree(generator, doc);
        }
        return out.toString();
    }

    private static Map<String, String> auditEntry(Random random) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("time", random.nextBoolean() ? Instant.now().toString() : hostile(random));
        for (String field : List.of("action_id", "event", "operator", "role", "action", "session", "reason", "override",
                "status_before", "status_after", "result", "message")) {
            f.put(field, hostile(random));
        }
        return f;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
