package io.welno.console.view;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.DocumentDiff;
import io.welno.console.session.DocumentMasker;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.text.Masking;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a diverged file copy differs from Redis's, field by field, with both values masked as everywhere else (each
 * copy by its own person, then by the shapes of phone numbers, birth dates and tokens): what {@code show --files} and
 * the detail pane print under a <i>diverged</i> mark. Values are compact JSON, cut when long; not yet escaped.
 */
public final class FileDifference {

    /** Longer values are cut: the whole document is one click or {@code show --json} away. */
    static final int MAX_VALUE_CHARS = 160;

    /**
     * @param field   the field as people read it, {@code progress.auth_completed}
     * @param inRedis the masked value in Redis, null when the field is not there
     * @param inFile  the masked value in the file, null when the field is not there
     */
    public record Field(String field, String inRedis, String inFile) {
    }

    private FileDifference() {
    }

    public static List<Field> of(SessionDocument inRedis, SessionDocument inFile, SessionCodec codec) {
        ObjectNode redis = DocumentMasker.mask(inRedis);
        ObjectNode file = DocumentMasker.mask(inFile);
        List<Field> out = new ArrayList<>();
        for (JsonPointer path : DocumentDiff.paths(inRedis.tree(), inFile.tree(), Set.of())) {
            out.add(new Field(DocumentDiff.name(path), value(redis.at(path), codec), value(file.at(path), codec)));
        }
        return out;
    }

    private static String value(JsonNode node, SessionCodec codec) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        String text = Masking.raw(codec.writeCompact(node));
        if (text.length() <= MAX_VALUE_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_VALUE_CHARS - 1)) ? MAX_VALUE_CHARS - 1 : MAX_VALUE_CHARS;
        return text.substring(0, end) + "…";
    }
}
