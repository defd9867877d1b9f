package io.welno.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte-level diff must give what the whole-tree diff gives (same paths, same order, same values at each path) for
 * every kind of change a writer makes, and must decline rather than guess when the bytes are not one object.
 */
class StoredDiffTest {

    private final SessionCodec codec = new SessionCodec();
    private final ObjectReader reader = codec.treeReader();
    private final ObjectMapper writer = new ObjectMapper();

    private static final String[] READABLE = {"01_initiated.json", "02_auth_requesting.json",
        "03_auth_request_sent.json", "04_auth_completed.json", "05_fetching_health_data_stuck.json",
        "06_fetching_prescription_data.json", "07_completed.json", "08_error.json",
        "09_info_required_object_message.json", "10_legacy_uuid_authenticated_camelcase_auth_data.json",
        "11_campaign_with_unknown_fields.json", "12_missing_status_and_expires.json", "13_unknown_status.json",
        "14_timezone_aware_timestamps.json", "15_ascii_escaped.json"};

    @Test
    void everyPairOfFixturesDiffsAsTheirTrees() throws IOException {
        for (String a : READABLE) {
            for (String b : READABLE) {
                assertSameAsTrees(fixture(a), fixture(b), a + " → " + b);
            }
        }
    }

    @Test
    void aBackendStepChangesOnlyWhatItWrote() throws IOException {
        ObjectNode tree = (ObjectNode) reader.readTree(fixture("04_auth_completed.json"));
        byte[] was = pythonStyle(tree); // one writer, one layout: the unchanged fields have the same bytes
        tree.put("status", "fetching_health_data");
        tree.put("updated_at", "2026-12-03T09:30:00.123456");
        ((ArrayNode) tree.get("messages")).addObject().put("type", "info").put("message", "건강검진 수집 시작");
        byte[] now = pythonStyle(tree);

        StoredDiff diff = StoredDiff.of(was, now, reader, true).orElseThrow();

        assertThat(diff.paths()).extracting(JsonPointer::toString)
                .contains("/status", "/updated_at")
                .anyMatch(p -> p.startsWith("/messages/"));
        assertThat(diff.now().has("user_info")).as("an unchanged field is not parsed").isFalse();
        assertSameAsTrees(was, now, "backend step");
    }

    @Test
    void equalVersionsHaveNoPathsWhateverTheirLayout() throws IOException {
        byte[] pretty = fixture("07_completed.json");
        byte[] compact = writer.writeValueAsBytes(reader.readTree(pretty));

        StoredDiff diff = StoredDiff.of(pretty, compact, reader, true).orElseThrow();

        assertThat(diff.paths()).isEmpty();
    }

    @Test
    void randomEditsDiffAsTheirTrees() throws IOException {
        Random random = new Random(20261203L);
        for (String name : READABLE) {
            byte[] original = fixture(name);
            for (int trial = 0; trial < 40; trial++) {
                ObjectNode tree = (ObjectNode) reader.readTree(original);
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    edit(tree, random);
                }
                byte[] now = random.nextBoolean() ? pythonStyle(tree) : writer.writeValueAsBytes(tree);
                assertSameAsTrees(original, now, name + " trial " + trial);
            }
        }
    }

    @Test
    void aRepeatedNameKeepsItsFirstPlaceAndLastValueAsTheTreeDoes() throws IOException {
        byte[] was = "{\"a\": 1, \"status\": \"x\", \"b\": 2, \"status\": \"y\"}".getBytes(StandardCharsets.UTF_8);
        byte[] now = "{\"a\": 1, \"status\": \"y\", \"b\": 3}".getBytes(StandardCharsets.UTF_8);

        assertSameAsTrees(was, now, "repeated name");
        assertThat(StoredDiff.of(was, now, reader, true).orElseThrow().paths())
                .extracting(JsonPointer::toString).containsExactly("/b");
    }

    @Test
    void stringsThatLookLikeStructureAreSteppedOverWhole() throws IOException {
        String was = "{\"a\": \"}, \\\"b\\\": [\", \"b\": {\"x\": \"]]\\\\\", \"y\": [\"{\"]}, \"c\":-1.5e3,"
                + "\"d\":true ,\"e\" : null}";
        String now = was.replace("-1.5e3", "2").replace("\"y\": [\"{\"]", "\"y\": [\"{\", \"한\"]");

        assertSameAsTrees(bytes(was), bytes(now), "structure in strings");
        assertThat(StoredDiff.of(bytes(was), bytes(now), reader, true).orElseThrow().paths())
                .extracting(JsonPointer::toString).containsExactly("/b/y/1", "/c");
    }

    @Test
    void aNameWithAnEscapeIsLeftToTheTrees() {
        assertThat(StoredDiff.of(bytes("{\"st\\u0061tus\": 1}"), bytes("{\"status\": 2}"), reader, true)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "{\"a\": 1} {\"b\": 2}", "{\"a\": ", "\"text\"", "{\"a\": 1}}"})
    void declinesWhatIsNotOneObject(String value) {
        byte[] good = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        byte[] bad = value.getBytes(StandardCharsets.UTF_8);

        assertThat(StoredDiff.of(good, bad, reader, true)).isEmpty();
        assertThat(StoredDiff.of(bad, good, reader, true)).isEmpty();
    }

    private void assertSameAsTrees(byte[] was, byte[] now, String what) throws IOException {
        JsonNode wasTree = reader.readTree(was);
        JsonNode nowTree = reader.readTree(now);
        for (boolean appendsApart : new boolean[] {true, false}) {
            List<JsonPointer> expected = DocumentDiff.paths(wasTree, nowTree, Set.of(), appendsApart);
            StoredDiff diff = StoredDiff.of(was, now, reader, appendsApart).orElseThrow();
            assertThat(diff.paths()).as(what).isEqualTo(expected);
            for (JsonPointer path : expected) {
                assertThat(diff.was().at(path)).as(what + " was at " + path).isEqualTo(wasTree.at(path));
                assertThat(diff.now().at(path)).as(what + " now at " + path).isEqualTo(nowTree.at(path));
            }
        }
    }

    /** One change a writer might make: a field set, removed or added, a nested value changed, a message appended. */
    private static void edit(ObjectNode tree, Random random) {
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
        switch (random.nextInt(6)) {
            case 0 -> tree.put(name, "바뀐 값 " + random.nextInt(1000));
            case 1 -> tree.remove(name);
            case 2 -> tree.put("new_field_" + random.nextInt(5), random.nextDouble());
            case 3 -> {
                JsonNode value = tree.get(name);
                if (value instanceof ObjectNode object && object.size() > 0) {
                    Iterator<String> inner = object.fieldNames();
                    object.put(inner.next(), random.nextBoolean());
                } else {
                    tree.putNull(name);
                }
            }
            case 4 -> {
                JsonNode messages = tree.get("messages");
                if (messages instanceof ArrayNode array) {
                    array.addObject().put("type", "info").put("message", "\"따옴표\" \\ 와 \u0001");
                }
            }
            default -> {
                JsonNode messages = tree.get("messages");
                if (messages instanceof ArrayNode array && !array.isEmpty()) {
                    array.remove(random.nextInt(array.size()));
                }
            }
        }
    }

    /** An indented layout like the backend's {@code json.dumps(indent=2)}. */
    private byte[] pythonStyle(JsonNode tree) throws IOException {
        return writer.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = StoredDiffTest.class.getResourceAsStream("/sessions/" + name)) {
            return in.readAllBytes();
        }
    }
}
