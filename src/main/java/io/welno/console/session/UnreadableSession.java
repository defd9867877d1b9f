package io.welno.console.session;

/**
 * A value that is not a usable session document (not JSON, truncated, not an object, wrong shapes).
 * It is shown to the operator with the reason and is never written back.
 *
 * @param preview the first characters of the raw value, for the raw view
 * @param size    the raw value's length in characters
 */
public record UnreadableSession(String id, String reason, String preview, int size) implements ParsedSession {

    static final int PREVIEW_CHARS = 2_000;

    static UnreadableSession of(String id, String reason, String raw) {
        String preview = raw.length() <= PREVIEW_CHARS ? raw : raw.substring(0, PREVIEW_CHARS);
        return new UnreadableSession(id, reason, preview, raw.length());
    }
}
