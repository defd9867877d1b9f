package io.welno.console.session;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where two versions of a document differ, leaf by leaf: objects are followed, arrays and scalars compared whole.
 * A field added, removed or changed is one path ({@code /progress/auth_completed}). Used to say what a revert put
 * back, how a file copy differs from Redis's, and
 * what each observed version of a session changed.
 */
public final class DocumentDiff {

    private DocumentDiff() {
    }

    /**
     * @param ignored top-level fields left out (every writer changes {@code updated_at}, say)
     * @return the differing paths in document order; empty when the documents are equal
     */
    public static List<JsonPointer> paths(JsonNode before, JsonNode after, Set<String> ignored) {
        return paths(before, after, ignored, false);
    }

    /**
     * @param appendsApart an array that only grew at its end (every writer appends {@code messages}) gives one path
     *                     per new entry ({@code /messages/7}) instead of the whole array, so a history shows the
     *                     message that came, not every message again
     */
    public static List<JsonPointer> paths(JsonNode before, JsonNode after, Set<String> ignored, boolean appendsApart) {
        Set<JsonPointer> out = new LinkedHashSet<>();
        collect(JsonPointer.empty(), before, after, ignored, appendsApart, out);
        return new ArrayList<>(out);
    }

    private static boolean appended(ArrayNode was, ArrayNode now) {
        if (now.size() <= was.size()) {
            return false;
        }
        for (int i = 0; i < was.size(); i++) {
            if (!was.get(i).equals(now.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A path as people read it: {@code progress.auth_completed}. */
    public static String name(JsonPointer path) {
        return path.toString().substring(1).replace('/', '.');
    }

    private static void collect(JsonPointer at, JsonNode was, JsonNode now, Set<String> ignored,
                                boolean appendsApart, Set<JsonPointer> out) {
        if (Objects.equals(was, now)) {
            return;
        }
        if (was instanceof ObjectNode a && now instanceof ObjectNode b) {
            Set<String> names = new LinkedHashSet<>();
            b.fieldNames().forEachRemaining(names::add);
            a.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (at.matches() && ignored.contains(name)) {
                    continue;
                }
                collect(at.appendProperty(name), a.get(name), b.get(name), ignored, appendsApart, out);
            }
            return;
        }
        if (appendsApart && was instanceof ArrayNode a && now instanceof ArrayNode b && appended(a, b)) {
            for (int i = a.size(); i < b.size(); i++) {
                out.add(at.appendIndex(i));
            }
            return;
        }
        out.add(at);
    }
}
