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
import java.util.Arrays;
import java.util.Collections;
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
                Collections.shuffle(fields, random);
                json.append(i == 0 ? "" : ", ").append('{').append(String.join(", ", fields)).append('}');
            }
            json.append("]}");
            if (assertSameFacts(json.toString())) {
                fast++;
            }
        }
        assertTrue(fast > 2_000, "the one pass read " + fast + " of 3000");
    }

    /**
     * Large values no fact is read from are stepped over byte by byte, not token by token, wherever they stand: first,
     * between the facts' fields, last (the object's brace right after them or after white space), twice, side by side,
     * before and after messages whose bytes are read again by offset (a dict body, an earlier timestamp when the last
     * does not parse). The facts are always the tree's.
     */
    @Test
    void largeValuesNoFactIsReadFromAreSteppedOverWhereverTheyStand() {
        List<String> members = List.of("\"status\": \"completed\"", "\"health_data\": " + largeObject(),
                "\"prescription_data\": " + largeArray(), "\"x\": {\"y\": [1]}", "\"messages\": null",
                "\"user_info\": {\"name\": \"김지호\"}");
        List<String> messageLists = List.of("[{\"timestamp\": \"2026-12-07T09:00:00\", \"type\": \"info\", "
                + "\"message\": \"카카오톡 간편인증을 요청하고 있습니다.\"}, {\"timestamp\": \"bad\", \"type\": \"success\", "
                + "\"message\": \"인증이 완료되었습니다.\"}]", "[{\"timestamp\": \"2026-12-07T09:00:01\", \"message\": "
                + "{\"title\": \"t\", \"message\": \"m\", \"type\": \"health_data_error\"}}]");
        assertTrue(largeObject().length() >= FactsReader.MIN_STEPPED_OVER_BYTES, "the object is stepped over");
        assertTrue(largeArray().length() >= FactsReader.MIN_STEPPED_OVER_BYTES, "the list is stepped over");
        Random random = new Random(202612071);
        for (int round = 0; round < 400; round++) {
            List<String> chosen = new ArrayList<>(members);
            chosen.set(4, "\"messages\": " + messageLists.get(round % 2));
            if (round % 3 == 0) {
                chosen.add("\"health_data\": " + largeArray()); // repeated: the last counts, as in the tree
            }
            Collections.shuffle(chosen, random);
            String separator = List.of(", ", ",", ",\n  ", " ,\t").get(round % 4);
            String json = "{" + String.join(separator, chosen) + (round % 5 == 0 ? "}" : " \n}\n");
            assertTrue(assertSameFacts(json), json);
        }
    }

    /** What Jackson refused inside a large value it stepped over, the byte-by-byte step refuses too. */
    @Test
    void aLargeValueWithInvalidBytesLeavesTheDocumentUnreadable() {
        String prefix = "{\"status\": \"completed\", \"health_data\": ";
        String suffix = ", \"messages\": []}";
        String large = largeObject();
        int middle = large.indexOf("\"Value\": ", large.length() / 2) + "\"Value\": ".length();
        for (String broken : List.of(large.substring(0, middle) + "01" + large.substring(middle + 1),
                large.substring(0, middle) + "NaN" + large.substring(middle + 1),
                large.substring(0, large.length() - 1), large.substring(0, middle) + "[1,]," + large.substring(middle),
                large.substring(0, middle) + "\"tab\there\"" + large.substring(middle + 1))) {
            byte[] raw = (prefix + broken + suffix).getBytes(StandardCharsets.UTF_8);
            assertNull(reader.read(raw), broken);
            assertInstanceOf(UnreadableSession.class, codec.parse("welno_broken", raw), broken);
        }
        byte[] raw = (prefix + large + suffix).getBytes(StandardCharsets.UTF_8);
        int hangul = indexOf(raw, "신장".getBytes(StandardCharsets.UTF_8), raw.length / 2);
        byte[] invalidUtf8 = raw.clone();
        invalidUtf8[hangul + 1] = 'A'; // a lead byte whose continuation is missing
        assertNull(reader.read(invalidUtf8));
        assertInstanceOf(UnreadableSession.class, codec.parse("welno_broken", invalidUtf8));
        assertNull(reader.read(("{\"status\": \"completed\", \"health_data\": " + large + "} {}")
                .getBytes(StandardCharsets.UTF_8)), "a value after the object");
        assertNotNull(reader.read(raw));
    }

    /** An object of about 1.7 KB as the checkup data: nested lists, Korean text, escapes, numbers of every form. */
    private static String largeObject() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            items.append(i == 0 ? "" : ", ").append("{\"Name\": \"신장\", \"Value\": ")
                    .append(i % 2 == 0 ? "177.4" : "-1.5e-3")
                    .append(", \"Unit\": \"cm\\n\\u00e9\\\"\", \"ItemReferences\": [{\"Name\": \"정상(A)\", \"Value\": true}, "
                            + "null, [], {}]}");
        }
        return "{\"ResultList\": [{\"Year\": \"2025년\", \"Items\": [" + items + "]}], \"ErrorCode\": 0, "
                + "\"ErrorLog\": null}";
    }

    /** A list of about 850 bytes as the prescription data. */
    private static String largeArray() {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            entries.append(i == 0 ? "" : ",\n    ").append("{\"Idx\": \"").append(i)
                    .append("\", \"ByungEuiwonYakGukMyung\": \"테스트내과의원\", \"Days\": [").append(i).append(", 0]}");
        }
        return "[\n    " + entries + "\n  ]";
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
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
