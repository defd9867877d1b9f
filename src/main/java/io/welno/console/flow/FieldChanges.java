package io.welno.console.flow;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.ConsoleClaim;
import io.welno.console.session.DocumentDiff;
import io.welno.console.session.SessionDocument;
import io.welno.console.text.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fields an action changed, compared leaf by leaf (objects are followed, arrays and scalars are leaves), and
 * what a later document did to them. Used to say which fields the backend put back when it reverted a change,
 * and to put exactly those back when the change is re-applied. Messages, {@code updated_at} and
 * {@code last_activity} are left out: every writer changes them, so they say nothing about a revert (messages are
 * how a revert is detected, see {@link RevertWatch}).
 */
final class FieldChanges {

    private static final Set<String> NOISY = Set.of(SessionDocument.MESSAGES, SessionDocument.UPDATED_AT,
            SessionDocument.LAST_ACTIVITY);

    private FieldChanges() {
    }

    /** Leaf paths whose value differs between two documents (in document order). */
    static List<JsonPointer> changed(SessionDocument before, SessionDocument after) {
        return DocumentDiff.paths(before == null ? null : before.tree(), after.tree(), NOISY);
    }

    /**
     * What of the action's change ({@code before → after}) is no longer in {@code now}, one phrase per field:
     * "status is auth_request_sent again (the action had set auth_completed)". Values of credentials and personal
     * data are never shown, only that they changed.
     */
    static List<Phrase> putBack(SessionDocument before, SessionDocument after, SessionDocument now) {
        List<Phrase> out = new ArrayList<>();
        for (JsonPointer path : changed(before, after)) {
            JsonNode was = before == null ? null : at(before.tree(), path);
            JsonNode set = at(after.tree(), path);
            JsonNode seen = at(now.tree(), path);
            if (Objects.equals(seen, set)) {
                continue;
            }
            String name = name(path);
            boolean back = Objects.equals(seen, was);
            if (seen == null) {
                out.add(Phrase.of("revert.field.gone", name));
            } else if (showable(path, set) && showable(path, seen)) {
                out.add(Phrase.of(back ? "revert.field.valueAgain" : "revert.field.value", name, text(seen),
                        text(set)));
            } else {
                out.add(Phrase.of(back ? "revert.field.changedBack" : "revert.field.changed", name));
            }
        }
        return out;
    }

    /**
     * What re-applying would do on {@code now}: every changed field whose value there is one this action's own
     * writes passed through (the value before its first write or after any of its writes) is set to the value of
     * its last write. A field someone else moved to a value of their own is a conflict: re-applying would
     * overwrite their change, so it is not done.
     *
     * @param versions the documents before and after each write of the action, in order
     */
    static Restore restore(List<SessionDocument> versions, SessionDocument now) {
        SessionDocument first = versions.get(0);
        SessionDocument last = versions.get(versions.size() - 1);
        List<JsonPointer> toSet = new ArrayList<>();
        List<Phrase> conflicts = new ArrayList<>();
        for (JsonPointer path : changed(first, last)) {
            JsonNode seen = at(now.tree(), path);
            JsonNode target = at(last.tree(), path);
            if (Objects.equals(seen, target)) {
                continue;
            }
            boolean ours = false;
            for (SessionDocument version : versions) {
                ours |= Objects.equals(seen, at(version.tree(), path));
            }
            if (ours) {
                toSet.add(path);
            } else if (showable(path, seen) && showable(path, target)) {
                conflicts.add(Phrase.of("reapply.fieldMoved", name(path), seen == null ? "–" : text(seen),
                        text(target)));
            } else {
                conflicts.add(Phrase.of("reapply.fieldMovedHidden", name(path)));
            }
        }
        return new Restore(toSet, conflicts, last);
    }

    /** A restore plan; {@link #apply} writes it into a copy being edited. */
    record Restore(List<JsonPointer> paths, List<Phrase> conflicts, SessionDocument target) {

        boolean possible() {
            return conflicts.isEmpty();
        }

        void apply(ObjectNode tree) {
            for (JsonPointer path : paths) {
                JsonNode value = at(target.tree(), path);
                ObjectNode parent = parentOf(tree, path);
                String field = path.last().getMatchingProperty();
                if (value == null) {
                    parent.remove(field);
                } else {
                    parent.set(field, value.deepCopy());
                }
            }
        }

        private static ObjectNode parentOf(ObjectNode tree, JsonPointer path) {
            ObjectNode node = tree;
            for (JsonPointer p = path; p.tail() != null && !p.tail().matches(); p = p.tail()) {
                String name = p.getMatchingProperty();
                JsonNode child = node.get(name);
                node = child instanceof ObjectNode object ? object : node.putObject(name);
            }
            return node;
        }
    }

    private static JsonNode at(JsonNode tree, JsonPointer path) {
        JsonNode node = tree.at(path);
        return node.isMissingNode() ? null : node;
    }

    private static String name(JsonPointer path) {
        return DocumentDiff.name(path);
    }

    /** Credentials, personal data and the console's own claim are never echoed, only named. */
    private static boolean showable(JsonPointer path, JsonNode value) {
        String top = path.getMatchingProperty();
        boolean secret = top.contains("auth_data") || top.equals(SessionDocument.USER_INFO)
                || top.equals(ConsoleClaim.FIELD);
        return !secret && (value == null || value.isValueNode() || value.isNull());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "null" : n.isTextual() ? n.asText() : n.toString();
    }
}
