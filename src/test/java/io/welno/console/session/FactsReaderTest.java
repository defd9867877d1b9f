package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reading of a document's facts agrees with the tree's, value by value: on every fixture, and on every
 * fixture with each field the facts read replaced by each kind of JSON value. Where the pass leaves a shape to the
 * tree (it returns null), the codec reads the tree, so the two never disagree about a document.
 */
class FactsReaderTest {

    private final SessionCodec codec = new SessionCodec();
    private final FactsReader reader = new FactsReader(codec.treeReader().getFactory(), codec.treeReader(),
            codec.zone());

    private static final List<String> VALUES = List.of("null", "1", "-0", "1.50", "\"x\"", "\"\"", "true", "false",
            "[]", "{}", "{\"a\": 1}", "[\"x\"]", "\"2026-11-20T14:03:27.123456\"", "\"2026-11-20T14:03:27+09:00\"");

    /** @return whether the one pass read the facts itself (false: it left the document to the tree) */
    private boolean assertSameFacts(String json) {
        byte[] raw = json.getBytes(StandardCharsets.UTF_8);
        DocumentFacts fast = reader.read(raw);
        JsonNode tree;
        try {
            tree = codec.treeReader().readTree(raw);
        } catch (Exception e) {
            assertNull(fast, "read facts from invalid JSON: " + json);
            return false;
        }
        if (fast != null) {
            assertEquals(DocumentFacts.of((ObjectNode) tree, codec.zone()), fast, json);
        }
        return fast != null;
    }

    @Test
    void everyReadableFixtureIsReadInOnePassWithTheTreesFacts() {
        for (String fixture : Fixtures.readable()) {
            assertTrue(assertSameFacts(Fixtures.text(fixture)), fixture + " took the tree");
            SessionDocument fast = assertInstanceOf(SessionDocument.class,
                    codec.parse(Fixtures.id(fixture), Fixtures.text(fixture).getBytes(StandardCharsets.UTF_8)));
            SessionDocument tree = assertInstanceOf(SessionDocument.class,
                    codec.parse(Fixtures.id(fixture), Fixtures.text(fixture)));
            assertEquals(tree.warnings(), fast.warnings(), fixture);
            assertEquals(tree.lastProgressAt(), fast.lastProgressAt(), fixture);
            assertEquals(tree.status(), fast.status(), fixture);
            assertEquals(tree.tree(), fast.tree(), fixture + ": the tree parsed later is the same");
            assertEquals(tree.messages(), fast.messages(), fixture);
        }
    }

    @Test
    void everyFieldTheFactsReadAgreesWhateverKindOfValueItHolds() {
        int fast = 0;
        int checked = 0;
        for (String fixture : Fixtures.readable()) {
            ObjectNode base = (ObjectNode) read(Fixtures.text(fixture));
            for (String path : paths(base)) {
                for (String value : VALUES) {
                    ObjectNode variant = base.deepCopy();
                    set(variant, path, read(value));
                    checked++;
                    if (assertSameFacts(variant.toPrettyString())) {
                        fast++;
                    }
                }
            }
        }
        assertTrue(checked > 1_000, "checked " + checked);
        assertTrue(fast > checked / 3, "the one pass read " + fast + " of " + checked);
    }

    @Test
    void invalidOrUnusualValuesAreLeftToTheTree() {
        assertNull(reader.read("{\"status\": \"initiated\"} {}".getBytes(StandardCharsets.UTF_8)));
        assertNull(reader.read("{\"status\": \"initiated\", \"health_data\": {\"a\": [1,}}".getBytes(StandardCharsets.UTF_8)));
        assertNull(reader.read("{\"status\": 3}".getBytes(StandardCharsets.UTF_8)));
        assertNull(reader.read("{\"messages\": \"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertNull(reader.read("[1]".getBytes(StandardCharsets.UTF_8)));
        assertNotNull(reader.read("{\"status\": \"initiated\", \"x\": {\"y\": [1, 2.5, {\"z\": null}]}}"
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(assertSameFacts("{\"messages\": [{\"timestamp\": \"2026-11-20T14:03:27\", \"message\": "
                + "{\"title\": \"t\", \"message\": \"m\", \"type\": \"health_data_error\"}}], \"status\": \"error\"}"));
        assertTrue(assertSameFacts("{\"temp_auth_data\": {\"cxId\": \"c\", \"Token\": null}, "
                + "\"auth_data\": {\"CxId\": \"C\", \"TxId\": \"T\"}, \"console_claim\": {\"at\": \"2026-11-20T14:03:27\"}}"));
        assertTrue(assertSameFacts("{\"console_claim\": {\"id\": \"a1\", \"action\": \"collect\", \"owner\": \"c1\", "
                + "\"at\": \"2026-11-20T14:03:27\", \"lease_until\": \"2026-11-20T14:04:27.5\", \"x\": [1]}}"));
        assertTrue(assertSameFacts("{\"status\": \"a\", \"status\": \"b\", \"messages\": [], \"messages\": "
                + "[{\"timestamp\": \"bad\"}, {\"timestamp\": \"2026-11-20T14:03:27\"}, {\"timestamp\": \"worse\"}]}"));
    }

    /**
     * Message lists in every shape one after another on one thread, as a parser thread reads them: fields in any order,
     * repeated, null or missing, texts far longer than usual, unknown and near-miss types, timestamps that do not parse
     * at the end, dict bodies. The one pass keeps only the last message and reuses its buffers from entry to entry and
     * document to document; nothing of one may show in another.
     */
    @Test
    void messagesOfEveryShapeInARowAgreeWithTheTree() {
        Random random = new Random(20261207);
        List<String> texts = List.of("카카오톡 간편인증을 요청하고 있습니다.", "카카오톡 앱에서 인증을 진행해주세요.",
                "인증이 완료되었습니다.", "인증이 완료되지 않았습니다.", "", "x", "인증".repeat(3_000) + "완료",
                "🙂 인증 완료", "\\u0000 \\\" escaped");
        List<String> types = List.of("info", "success", "error", "warning", "", "Error", "errors", "info ");
        List<String> times = List.of("2026-12-07T09:00:00.000001", "2026-12-07T09:00:01", "bad", "",
                "2026-12-07T09:00:02+09:00", "2026-02-30T09:00:00");
        int fast = 0;
        for (int round = 0; round < 3_000; round++) {
            StringBuilder json = new StringBuilder("{\"status\": \"auth_completed\", \"messages\": [");
            int count = random.nextInt(round % 50 == 0 ? 1_200 : 8);
            for (int i = 0; i < count; i++) {
                List<String> fields = new ArrayList<>();
                if (random.nextInt(8) > 0) {
                    fields.add(field("timestamp", times.get(random.nextInt(times.size())), random));
                }
                if (random.nextInt(8) > 0) {
                    fields.add(field("type", types.get(random.nextInt(types.size())), random));
                }
                if (random.nextInt(10) == 0) {
                    fields.add("\"message\": {\"title\": \"t\", \"message\": "
                            + quoted(texts.get(random.nextInt(texts.size()))) + "}");
                } else if (random.nextInt(8) > 0) {
                    fields.add(field("message", texts.get(random.nextInt(texts.size())), random));
                }
                if (random.nextInt(6) == 0 && !fields.isEmpty()) {
                    fields.add(fields.get(random.nextInt(fields.size())).replace(": \"", ": \"again ")); // repeated: the last counts
                }
                if (random.nextInt(5) == 0) {
                    fields.add("\"extra\": [1, {\"message\": \"not this\"}]");
                }
                java.util.Collections.shuffle(fields, random);
                json.append(i == 0 ? "" : ", ").append('{').append(String.join(", ", fields)).append('}');
            }
            json.append("]}");
            if (assertSameFacts(json.toString())) {
                fast++;
            }
        }
        assertTrue(fast > 2_000, "the one pass read " + fast + " of 3000");
    }

    /** A string field, now and then null. */
    private static String field(String name, String value, Random random) {
        return "\"" + name + "\": " + (random.nextInt(12) == 0 ? "null" : quoted(value));
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    /** Every field the facts read: top-level ones, and those inside the objects they look into. */
    private static List<String> paths(ObjectNode doc) {
        List<String> paths = new ArrayList<>(List.of("status", "session_id", "partner_id", "created_at", "updated_at",
                "expires_at", "last_activity", "collection_start_time", "collection_started", "user_info", "progress",
                "messages", "temp_auth_data", "auth_data", "console_claim", "health_data"));
        for (String field : List.of("name", "birthdate", "phone_no", "gender", "private_auth_type")) {
            paths.add("user_info/" + field);
        }
        for (String flag : List.of("auth_requested", "auth_completed", "completed")) {
            paths.add("progress/" + flag);
        }
        for (String field : List.of("cxId", "token", "CxId", "TxId", "privateAuthType")) {
            paths.add("temp_auth_data/" + field);
            paths.add("auth_data/" + field);
        }
        for (String field : List.of("id", "at", "lease_until", "owner", "action")) {
            paths.add("console_claim/" + field);
        }
        JsonNode messages = doc.get("messages");
        if (messages instanceof ArrayNode list && !list.isEmpty()) {
            for (String field : List.of("timestamp", "type", "message")) {
                paths.add("messages/" + (list.size() - 1) + "/" + field);
                paths.add("messages/0/" + field);
            }
            paths.add("messages/0");
        }
        return paths;
    }

    private static void set(ObjectNode doc, String path, JsonNode value) {
        String[] parts = path.split("/");
        JsonNode parent = doc;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
            if (next == null || !next.isContainerNode()) {
                if (!(parent instanceof ObjectNode object)) {
                    return;
                }
                next = object.putObject(parts[i]);
            }
            parent = next;
        }
        String last = parts[parts.length - 1];
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private JsonNode read(String json) {
        try {
            return codec.treeReader().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
