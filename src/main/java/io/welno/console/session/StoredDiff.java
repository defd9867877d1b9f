package io.welno.console.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How two stored versions of one document differ, found on their bytes: a top-level field whose value has the same
 * bytes in both is equal and is never parsed; only the others are read into trees and compared by
 * {@link DocumentDiff}. The paths are the ones {@link DocumentDiff#paths} gives for the whole trees, in the same order.
 *
 * <p>Why: the observed history diffs every version the feed brings (docs/live.md, "Observed history"). A backend
 * write changes a few small fields of a document that may hold 40 KB of collected data; parsing both whole versions
 * into trees for every write made the history a large share of the garbage at 10,000 writes a second.
 *
 * @param paths the differing paths, in document order; empty when the versions are equal
 * @param was   the differing top-level fields of the first version (every path resolves in it or is missing there)
 * @param now   the differing top-level fields of the second version
 */
public record StoredDiff(List<JsonPointer> paths, ObjectNode was, ObjectNode now) {

    /** Where a top-level field's value lies in the stored bytes: {@code [start, end)}. */
    private record Slice(int start, int end) {
    }

    /**
     * @param appendsApart as {@link DocumentDiff#paths(JsonNode, JsonNode, Set, boolean)}
     * @return the difference, or empty when either value is not one JSON object this parser reads to its end (the
     *         caller then compares whole trees, as the codec read them)
     */
    public static Optional<StoredDiff> of(byte[] was, byte[] now, ObjectMapper mapper, boolean appendsApart) {
        try {
            Map<String, Slice> before = slices(was, mapper.getFactory());
            Map<String, Slice> after = slices(now, mapper.getFactory());
            if (before == null || after == null) {
                return Optional.empty();
            }
            ObjectNode wasFields = mapper.createObjectNode();
            ObjectNode nowFields = mapper.createObjectNode();
            // The second version's order first, then fields only the first has: the order DocumentDiff follows.
            for (Map.Entry<String, Slice> field : after.entrySet()) {
                Slice a = before.get(field.getKey());
                Slice b = field.getValue();
                if (a == null || !Arrays.equals(was, a.start, a.end, now, b.start, b.end)) {
                    nowFields.set(field.getKey(), read(mapper, now, b));
                }
            }
            for (Map.Entry<String, Slice> field : before.entrySet()) {
                if (!after.containsKey(field.getKey()) || nowFields.has(field.getKey())) {
                    wasFields.set(field.getKey(), read(mapper, was, field.getValue()));
                }
            }
            return Optional.of(new StoredDiff(DocumentDiff.paths(wasFields, nowFields, Set.of(), appendsApart),
                    wasFields, nowFields));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JsonNode read(ObjectMapper mapper, byte[] bytes, Slice slice) throws IOException {
        return mapper.readTree(bytes, slice.start, slice.end - slice.start);
    }

    /**
     * The top-level fields and where their values lie, in the order a tree would keep them: a repeated name keeps its
     * first place and its last value, as Jackson's tree does. Null when the bytes are not one object.
     */
    private static Map<String, Slice> slices(byte[] bytes, JsonFactory factory) throws IOException {
        try (JsonParser p = factory.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Map<String, Slice> out = new LinkedHashMap<>();
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                long start = p.currentTokenLocation().getByteOffset();
                if (value.isStructStart()) {
                    p.skipChildren();
                } else {
                    p.finishToken(); // a string's end is known only once it is read
                }
                long end = p.currentLocation().getByteOffset();
                if (start < 0 || end <= start || end > bytes.length) {
                    return null;
                }
                out.put(name, new Slice((int) start, (int) end));
            }
            return token == JsonToken.END_OBJECT && p.nextToken() == null ? out : null;
        }
    }
}
