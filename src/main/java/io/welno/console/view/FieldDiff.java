package io.welno.console.view;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.DocumentDiff;
import io.welno.console.session.DocumentMasker;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.UserInfo;
import io.welno.console.text.Masking;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How two versions of a session differ, field by field, with each value masked as everywhere else (by its own
 * version's person, then by the shapes of phone numbers, birth dates and tokens): what a diverged file copy shows
 * against Redis's, and what each observed version changed. Values are compact JSON, cut when long; not yet escaped.
 */
public final class FieldDiff {

    /** Longer values are cut: the whole document is one click or {@code show --json} away. */
    static final int MAX_VALUE_CHARS = 160;

    /**
     * @param field the field as people read it, {@code progress.auth_completed} ({@code messages.7} for an entry)
     * @param was   the masked value in the first version, null when the field is not there
     * @param now   the masked value in the second version, null when the field is not there
     */
    public record Field(String field, String was, String now) {
    }

    /**
     * One side of a diff: the values the paths are looked up in, and the person they are masked for (that version's).
     *
     * @param root the whole document, or any object holding at least the top-level fields the paths go through
     */
    public record Side(UserInfo person, JsonNode root) {

        public static Side of(SessionDocument document) {
            return new Side(document.userInfo(), document.tree());
        }
    }

    private FieldDiff() {
    }

    /**
     * @param appendsApart entries appended to an array are fields of their own (a history's new message), instead of
     *                     the whole array
     * @param maxFields    at most this many fields (the first in document order)
     */
    public static List<Field> between(SessionDocument was, SessionDocument now, SessionCodec codec,
                                      boolean appendsApart, int maxFields) {
        List<JsonPointer> paths = DocumentDiff.paths(was.tree(), now.tree(), Set.of(), appendsApart);
        return of(was, now, paths.subList(0, Math.min(maxFields, paths.size())), codec);
    }

    /** The fields at {@code paths} (from {@link DocumentDiff#paths}) in both versions. */
    public static List<Field> of(SessionDocument was, SessionDocument now, List<JsonPointer> paths, SessionCodec codec) {
        return of(Side.of(was), Side.of(now), paths, codec);
    }

    /** The fields at {@code paths} on both sides. */
    public static List<Field> of(Side was, Side now, List<JsonPointer> paths, SessionCodec codec) {
        List<Field> out = new ArrayList<>(paths.size());
        for (JsonPointer path : paths) {
            out.add(new Field(DocumentDiff.name(path), value(was, path, codec), value(now, path, codec)));
        }
        return out;
    }

    private static String value(Side side, JsonPointer path, SessionCodec codec) {
        JsonNode node = side.root().at(path);
        if (node == null || node.isMissingNode()) {
            return null;
        }
        String last = path.last() == null ? null : path.last().getMatchingProperty();
        String field = path.last() != null && path.last().getMatchingIndex() >= 0 ? null : last;
        String text = Masking.raw(codec.writeCompact(DocumentMasker.maskValue(side.person(), field, node)));
        if (text.length() <= MAX_VALUE_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_VALUE_CHARS - 1)) ? MAX_VALUE_CHARS - 1 : MAX_VALUE_CHARS;
        return text.substring(0, end) + "…";
    }
}
