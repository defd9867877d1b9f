package io.welno.console.view;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import java.util.ArrayList;
import java.util.List;


/**
 * How a diverged file copy differs from Redis's, field by field, with both values masked as everywhere else (each
 * copy by its own person, then by the shapes of phone numbers, birth dates and tokens): what {@code show --files} and
 * the detail pane print under a <i>diverged</i> mark. Values are compact JSON, cut when long; not yet escaped.
 */
public final class FileDifference {

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
        List<Field> out = new ArrayList<>();
        for (FieldDiff.Field f : FieldDiff.between(inRedis, inFile, codec, false, Integer.MAX_VALUE)) {
            out.add(new Field(f.field(), f.was(), f.now()));
        }
        return out;
    }
}
