package io.welno.console.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.DocumentMasker;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A before/after diff of two documents for the action dialog: changed top-level fields as "- old / + new"
 * lines, appended messages as "+" lines, everything masked. Pure, so it can be computed off the FX thread.
 */
public final class ChangePreview {

    private static final int MAX_VALUE_CHARS = 160;

    private ChangePreview() {
    }

    public static String diff(SessionDocument before, SessionDocument after, SessionCodec codec) {
        ObjectNode old = DocumentMasker.mask(before);
        ObjectNode now = DocumentMasker.mask(after);
        Set<String> fields = new LinkedHashSet<>();
        old.fieldNames().forEachRemaining(fields::add);
        now.fieldNames().forEachRemaining(fields::add);
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            JsonNode a = old.get(field);
            JsonNode b = now.get(field);
            if (a != null && a.equals(b)) {
                continue;
            }
            if (SessionDocument.MESSAGES.equals(field) && a != null && a.isArray() && b != null && b.isArray()) {
                for (int i = a.size(); i < b.size(); i++) {
                    out.append("+ messages[").append(i).append("]: ").append(shorten(codec.writeCompact(b.get(i))))
                            .append('\n');
                }
                continue;
            }
            if (SessionDocument.PROGRESS.equals(field) && a instanceof ObjectNode pa && b instanceof ObjectNode pb) {
                pb.fieldNames().forEachRemaining(flag -> {
                    if (!pb.get(flag).equals(pa.get(flag))) {
                        out.append("~ progress.").append(flag).append(": ").append(pa.get(flag)).append(" → ")
                                .append(pb.get(flag)).append('\n');
                    }
                });
                continue;
            }
            if (a != null) {
                out.append("- ").append(field).append(": ").append(shorten(codec.writeCompact(a))).append('\n');
            }
            if (b != null) {
                out.append("+ ").append(field).append(": ").append(shorten(codec.writeCompact(b))).append('\n');
            }
        }
        return out.toString();
    }

    private static String shorten(String text) {
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "…";
    }
}
