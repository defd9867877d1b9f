package io.welno.console.session;

import io.welno.console.text.Phrase;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A value that is not a usable session document (not JSON, truncated, not an object, wrong shapes, too large, not a
 * string). It is shown to the operator with the reason and is never written back.
 *
 * @param reason  why, as a code with arguments ({@code unreadable.*} in the messages bundles); words only at the edge
 * @param preview the first characters of the raw value, for the raw view (empty when there is no value)
 */
public record UnreadableSession(String id, Phrase reason, String preview) implements ParsedSession {

    static final int PREVIEW_CHARS = 2_000;

    public static UnreadableSession of(String id, Phrase reason, String raw) {
        String preview = raw.length() <= PREVIEW_CHARS ? raw : raw.substring(0, PREVIEW_CHARS);
        return new UnreadableSession(id, reason, preview);
    }

    /** From the bytes, decoding only the start: a value of hundreds of megabytes is never decoded whole. */
    public static UnreadableSession of(String id, Phrase reason, byte[] raw) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        // Four bytes per character at most: this many bytes always hold the preview, or the whole value.
        int length = Math.min(raw.length, PREVIEW_CHARS * 4);
        CharBuffer chars = CharBuffer.allocate(PREVIEW_CHARS);
        // Not the end of the input when the value goes on: a sequence cut at the edge is left out, not replaced.
        decoder.decode(ByteBuffer.wrap(raw, 0, length), chars, length == raw.length);
        return new UnreadableSession(id, reason, chars.flip().toString());
    }

    /**
     * Whether the console stopped at a bound of its own before it could tell whether the value is a document: its size
     * ({@link SessionCodec#MAX_PARSE_BYTES}) or another limit of its parser, such as a number of more than 1,000 digits.
     * The backend's {@code json.loads} has no such bound and may well read the value (docs/backend-protocol.md,
     * "Numbers"), so nobody here can say it cannot.
     */
    public boolean stoppedAtOwnBound() {
        return reason.key().equals("unreadable.tooLarge") || reason.key().equals("unreadable.limit");
    }

    /**
     * Whether the value is a JSON object the console does not take for a session because a field has the wrong shape
     * ({@code messages} not a list, {@code progress} or {@code user_info} not an object): the backend's
     * {@code get_session} reads it all the same (it compares only {@code expires_at}), and only fails on its next write.
     */
    public boolean wrongShape() {
        return reason.key().equals("unreadable.notList") || reason.key().equals("unreadable.fieldNotObject");
    }

    private static final String VALUE_REFUSED = "unreadable.redisError";
    private static final String TTL_REFUSED = "unreadable.redisTtlError";

    /** Redis answered {@code cause} (a permission, mostly) instead of the value. */
    public static UnreadableSession valueRefused(String id, Phrase cause) {
        return withoutValue(id, Phrase.of(VALUE_REFUSED, cause));
    }

    /**
     * Redis sent {@code value} (null: none, as for a key of another type) but answered {@code cause} instead of its
     * time to live: the row is not taken for a session (its expiry is unknown), but its start is shown in the raw
     * view, as for any value not read as one.
     */
    public static UnreadableSession ttlRefused(String id, Phrase cause, byte[] value) {
        Phrase reason = Phrase.of(TTL_REFUSED, cause);
        return value == null ? withoutValue(id, reason) : of(id, reason, value);
    }

    /** Whether Redis refused to send the value or its time to live: nothing was judged a session or not. */
    public boolean refusedByRedis() {
        return reason.key().equals(VALUE_REFUSED) || reason.key().equals(TTL_REFUSED);
    }

    /** A key under the prefix that holds no value to show: another Redis type, or a value Redis refused to send. */
    public static UnreadableSession withoutValue(String id, Phrase reason) {
        return new UnreadableSession(id, reason, "");
    }
}
