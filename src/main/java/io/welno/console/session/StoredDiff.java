package io.welno.console.session;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
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

    /**
     * @param appendsApart as {@link DocumentDiff#paths(JsonNode, JsonNode, Set, boolean)}
     * @return the difference, or empty when either value is not one JSON object as the scan expects it, or a value
     *         that differs does not parse (the caller then compares whole trees, as the codec read them)
     */
    public static Optional<StoredDiff> of(byte[] was, byte[] now, ObjectReader reader, boolean appendsApart) {
        Fields before = Fields.of(was);
        Fields after = Fields.of(now);
        if (before == null || after == null) {
            return Optional.empty();
        }
        try {
            ObjectNode wasFields = reader.getConfig().getNodeFactory().objectNode();
            ObjectNode nowFields = reader.getConfig().getNodeFactory().objectNode();
            // The second version's order first, then fields only the first has: the order DocumentDiff follows.
            for (int b = 0; b < after.size(); b++) {
                int a = after.indexIn(b, before);
                if (a < 0 || !after.sameValue(b, before, a)) {
                    nowFields.set(after.name(b), read(reader, now, after, b));
                }
            }
            for (int a = 0; a < before.size(); a++) {
                String name = before.name(a);
                if (before.indexIn(a, after) < 0 || nowFields.has(name)) {
                    wasFields.set(name, read(reader, was, before, a));
                }
            }
            return Optional.of(new StoredDiff(DocumentDiff.paths(wasFields, nowFields, Set.of(), appendsApart),
                    wasFields, nowFields));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static JsonNode read(ObjectReader reader, byte[] bytes, Fields fields, int i) throws IOException {
        return reader.readTree(bytes, fields.valueStart(i), fields.valueEnd(i) - fields.valueStart(i));
    }

    /**
     * A stored object's top-level fields and where their names and values lie, in the order a tree keeps them: a
     * repeated name keeps its first place and its last value, as Jackson's tree does.
     *
     * <p>Found by a scan of the bytes rather than by Jackson's parser: this runs twice for every write the feed brings,
     * and the parser allocates for every token it reports and every location asked of it. The scan follows only the
     * structure (strings, their escapes, nesting); the values it compares were read as JSON by the codec already, and
     * the ones that differ are parsed here. A name with an escape in it, or anything the scan does not expect, makes it
     * decline (null), and the caller compares whole trees.
     */
    static final class Fields {
        private final byte[] bytes;
        private int[] at = new int[4 * 24]; // per field: name start, name end, value start, value end
        private int size;

        private Fields(byte[] bytes) {
            this.bytes = bytes;
        }

        int size() {
            return size;
        }

        int valueStart(int i) {
            return at[4 * i + 2];
        }

        int valueEnd(int i) {
            return at[4 * i + 3];
        }

        String name(int i) {
            return new String(bytes, at[4 * i], at[4 * i + 1] - at[4 * i], java.nio.charset.StandardCharsets.UTF_8);
        }

        /** The field of {@code other} named as this one's field {@code i}, or -1. */
        int indexIn(int i, Fields other) {
            int from = at[4 * i];
            int to = at[4 * i + 1];
            for (int j = 0; j < other.size; j++) {
                if (Arrays.equals(bytes, from, to, other.bytes, other.at[4 * j], other.at[4 * j + 1])) {
                    return j;
                }
            }
            return -1;
        }

        boolean sameValue(int i, Fields other, int j) {
            return Arrays.equals(bytes, valueStart(i), valueEnd(i), other.bytes, other.valueStart(j), other.valueEnd(j));
        }

        static Fields of(byte[] bytes) {
            Fields out = new Fields(bytes);
            int i = skipSpace(bytes, 0);
            if (i >= bytes.length || bytes[i] != '{') {
                return null;
            }
            i = skipSpace(bytes, i + 1);
            if (i < bytes.length && bytes[i] == '}') {
                return skipSpace(bytes, i + 1) == bytes.length ? out : null;
            }
            while (i < bytes.length && bytes[i] == '"') {
                int nameStart = i + 1;
                int nameEnd = stringEnd(bytes, i);
                if (nameEnd < 0 || indexOf(bytes, (byte) '\\', nameStart, nameEnd) >= 0) {
                    return null;
                }
                i = skipSpace(bytes, nameEnd + 1);
                if (i >= bytes.length || bytes[i] != ':') {
                    return null;
                }
                int valueStart = skipSpace(bytes, i + 1);
                int valueEnd = valueEnd(bytes, valueStart);
                if (valueEnd <= valueStart) {
                    return null;
                }
                out.put(nameStart, nameEnd, valueStart, valueEnd);
                i = skipSpace(bytes, valueEnd);
                if (i < bytes.length && bytes[i] == '}') {
                    return skipSpace(bytes, i + 1) == bytes.length ? out : null;
                }
                if (i >= bytes.length || bytes[i] != ',') {
                    return null;
                }
                i = skipSpace(bytes, i + 1);
            }
            return null;
        }

        private void put(int nameStart, int nameEnd, int valueStart, int valueEnd) {
            int slot = -1;
            for (int j = 0; j < size; j++) {
                if (Arrays.equals(bytes, nameStart, nameEnd, bytes, at[4 * j], at[4 * j + 1])) {
                    slot = j;
                    break;
                }
            }
            if (slot < 0) {
                if (4 * size == at.length) {
                    at = Arrays.copyOf(at, at.length * 2);
                }
                slot = size++;
            }
            at[4 * slot] = nameStart;
            at[4 * slot + 1] = nameEnd;
            at[4 * slot + 2] = valueStart;
            at[4 * slot + 3] = valueEnd;
        }

        /** The index of the closing quote of the string opening at {@code quote}, or -1. */
        private static int stringEnd(byte[] bytes, int quote) {
            for (int i = quote + 1; i < bytes.length; i++) {
                if (bytes[i] == '\\') {
                    i++;
                } else if (bytes[i] == '"') {
                    return i;
                }
            }
            return -1;
        }

        /** Where the value starting at {@code i} ends (exclusive), or -1. */
        private static int valueEnd(byte[] bytes, int i) {
            if (i >= bytes.length) {
                return -1;
            }
            byte first = bytes[i];
            if (first == '"') {
                int end = stringEnd(bytes, i);
                return end < 0 ? -1 : end + 1;
            }
            if (first == '{' || first == '[') {
                int depth = 0;
                for (int j = i; j < bytes.length; j++) {
                    byte b = bytes[j];
                    if (b == '"') {
                        j = stringEnd(bytes, j);
                        if (j < 0) {
                            return -1;
                        }
                    } else if (b == '{' || b == '[') {
                        depth++;
                    } else if ((b == '}' || b == ']') && --depth == 0) {
                        return j + 1;
                    }
                }
                return -1;
            }
            int j = i;
            while (j < bytes.length && bytes[j] != ',' && bytes[j] != '}' && !space(bytes[j])) {
                j++;
            }
            return j;
        }

        private static int skipSpace(byte[] bytes, int i) {
            while (i < bytes.length && space(bytes[i])) {
                i++;
            }
            return i;
        }

        private static boolean space(byte b) {
            return b == ' ' || b == '\n' || b == '\r' || b == '\t';
        }

        private static int indexOf(byte[] bytes, byte b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (bytes[i] == b) {
                    return i;
                }
            }
            return -1;
        }
    }
}
