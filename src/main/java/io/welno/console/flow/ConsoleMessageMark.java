package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the mark every message a console appends ends with ({@code … [콘솔 kim · 사유: … · #3f2a91c0]} or
 * {@code … [콘솔 #3f2a91c0]}, see {@link ConsoleMarks}): which action wrote it, and the operator when the first message
 * of the action names one.
 *
 * @param operator the operator named in the mark, or "" when this is a later message of the action
 */
public record ConsoleMessageMark(String actionId, String operator) {

    static final Pattern MARK = Pattern.compile("\\[콘솔 (?:([^\\]·#]*?) · [^\\]]*?)?#([0-9a-f]{8})\\]\\s*$");

    /** The mark of one {@code messages} entry ({@code {timestamp, type, message}}), if a console wrote it. */
    public static Optional<ConsoleMessageMark> of(JsonNode entry) {
        Matcher m = MARK.matcher(text(entry));
        return m.find() ? Optional.of(new ConsoleMessageMark(m.group(2), m.group(1) == null ? "" : m.group(1).strip()))
                : Optional.empty();
    }

    static String text(JsonNode entry) {
        JsonNode body = entry == null ? null : entry.get("message");
        if (body == null || body.isNull()) {
            return "";
        }
        return body.isObject() ? body.path("message").asText("") : body.asText("");
    }
}
