package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HASHES = 0x2323232323232323L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

    static final Pattern MARK = Pattern.compile("\\[콘솔 (?:([^\\]·#]*?) · [^\\]]*?)?#([0-9a-f]{8})\\]\\s*$");

    /** The mark of one {@code messages} entry ({@code {timestamp, type, message}}), if a console wrote it. */
    public static Optional<ConsoleMessageMark> of(JsonNode entry) {
        Matcher m = MARK.matcher(text(entry));
        return m.find() ? Optional.of(new ConsoleMessageMark(m.group(2), m.group(1) == null ? "" : m.group(1).strip()))
                : Optional.empty();
    }

    /**
     * Whether a stored value may hold a mark: every mark has a '#', which a JSON writer leaves as it is or, rarely,
     * writes as the escape of U+0023 (backslash, u, 0023). False only when the value certainly holds neither, so that
     * a caller may skip parsing its tree; an empty value (bytes not kept) may. Eight bytes at a time: the live feed
     * asks this of every document it brings.
     */
    static boolean mayBeIn(byte[] value) {
        if (value.length == 0) {
            return true;
        }
        int i = 0;
        for (; i + Long.BYTES <= value.length; i += Long.BYTES) {
            long w = (long) LONGS.get(value, i);
            if ((holdsZeroByte(w ^ HASHES) || holdsZeroByte(w ^ BACKSLASHES)) && markAmong(value, i, i + Long.BYTES)) {
                return true;
            }
        }
        return markAmong(value, i, value.length);
    }

    private static boolean markAmong(byte[] value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value[i] == '#' || value[i] == '\\' && i + 5 < value.length && value[i + 1] == 'u'
                    && value[i + 2] == '0' && value[i + 3] == '0' && value[i + 4] == '2' && value[i + 5] == '3') {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the eight bytes of {@code v} is zero. */
    private static boolean holdsZeroByte(long v) {
        return ((v - 0x0101010101010101L) & ~v & 0x8080808080808080L) != 0;
    }

    static String text(JsonNode entry) {
        JsonNode body = entry == null ? null : entry.get("message");
        if (body == null || body.isNull()) {
            return "";
        }
        return body.isObject() ? body.path("message").asText("") : body.asText("");
    }
}
