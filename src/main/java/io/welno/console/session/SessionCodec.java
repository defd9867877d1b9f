package io.welno.console.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * Reads stored values into {@link ParsedSession}s and writes documents back in the backend's own
 * layout ({@code json.dumps(doc, ensure_ascii=False, indent=2)}): two-space indent, {@code ": "},
 * empty containers as {@code []}/{@code {}}, raw UTF-8. Numbers are kept exactly (BigDecimal, trailing
 * zeros kept) so a read-modify-write changes only what the mutation changed.
 */
public final class SessionCodec {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long EVERY_BYTE = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final ObjectMapper mapper;
    private final ObjectWriter pythonStyleWriter;
    private final ZoneId zone;

    public SessionCodec(ZoneId zone) {
        this.zone = zone;
        this.mapper = newMapper();
        this.pythonStyleWriter = mapper.writer(pythonPrettyPrinter());
    }

    public SessionCodec() {
        this(Timestamps.DEFAULT_ZONE);
    }

    public static ObjectMapper newMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        return mapper;
    }

    private static DefaultPrettyPrinter pythonPrettyPrinter() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Parses a stored value's bytes. Bytes that are not valid UTF-8 make the value unreadable: the backend only writes
     * UTF-8, and decoding them leniently would turn them into U+FFFD, so writing the document back would silently
     * replace them. Never throws.
     *
     * <p>Jackson parses the bytes directly (decoding them to a String first cost a quarter of the parse). Its decoder
     * rejects most invalid UTF-8, but takes overlong forms and code points above U+10FFFF; those start with a byte
     * that {@link #mayHideInvalidUtf8} looks for, and only a value containing one is checked strictly.
     */
    public ParsedSession parse(String id, byte[] raw) {
        if (raw == null) {
            return parse(id, (String) null);
        }
        if (!plainUtf8Object(raw) || (mayHideInvalidUtf8(raw) && !validUtf8(raw))) {
            return parseDecoded(id, raw);
        }
        JsonNode root;
        try {
            root = mapper.readTree(raw);
        } catch (IOException | RuntimeException e) {
            return parseDecoded(id, raw); // invalid UTF-8 or JSON: the text path tells which, in its words
        }
        return fromTree(id, root, () -> new String(raw, StandardCharsets.UTF_8));
    }

    /** The bytes decoded to text first: strictly checked for UTF-8, errors located in characters. */
    private ParsedSession parseDecoded(String id, byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        // Lenient decoding marks every invalid sequence with U+FFFD; only then is the strict check needed.
        if (text.indexOf('\uFFFD') >= 0 && !validUtf8(raw)) {
            return UnreadableSession.of(id, "The value is not valid UTF-8 text (the backend only writes UTF-8); "
                    + "it is shown as is and never written back.", text);
        }
        return parse(id, text);
    }

    /**
     * Whether the value starts like the backend's documents (an opening brace, no zero byte among its first four bytes),
     * so Jackson reads it as UTF-8: it takes a byte-order mark or zero bytes at the start for UTF-16 or UTF-32.
     */
    private static boolean plainUtf8Object(byte[] raw) {
        return raw.length >= 4 && raw[0] == '{' && raw[1] != 0 && raw[2] != 0 && raw[3] != 0;
    }

    /**
     * Whether the bytes contain a lead byte of a sequence Jackson decodes but Java rejects: C0/C1 (overlong two-byte),
     * E0 and F0 (overlong three- and four-byte forms start with them), F4 (above U+10FFFF when followed by 90–BF) and
     * F5–FF. Hangul (EA–ED) and most other text never does; emoji (F0) do, and are then checked strictly.
     */
    static boolean mayHideInvalidUtf8(byte[] raw) {
        int i = 0;
        // Eight bytes at a time (a byte loop took an eighth of the feed's parse time on Korean text).
        for (; i + Long.BYTES <= raw.length; i += Long.BYTES) {
            if (holdsSuspectByte((long) LONGS.get(raw, i))) {
                return true;
            }
        }
        for (; i < raw.length; i++) {
            int u = raw[i] & 0xFF;
            if (u >= 0xC0 && (u <= 0xC1 || u == 0xE0 || u == 0xF0 || u >= 0xF4)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the eight bytes is C0, C1, E0, F0 or F4–FF (bit tricks per byte lane, no carries across). */
    private static boolean holdsSuspectByte(long w) {
        if ((w & HIGH_BITS) == 0) {
            return false; // all ASCII
        }
        return holdsZeroByte((w & 0xFEFEFEFEFEFEFEFEL) ^ 0xC0C0C0C0C0C0C0C0L)
                || holdsZeroByte(w ^ 0xE0E0E0E0E0E0E0E0L)
                || holdsZeroByte(w ^ 0xF0F0F0F0F0F0F0F0L)
                || (((w & 0x7F7F7F7F7F7F7F7FL) + 0x0C0C0C0C0C0C0C0CL) & w & HIGH_BITS) != 0; // F4–FF: low 7 bits ≥ 74
    }

    private static boolean holdsZeroByte(long v) {
        return ((v - EVERY_BYTE) & ~v & HIGH_BITS) != 0;
    }

    static boolean validUtf8(byte[] raw) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Parses one stored value. Never throws: anything unusable becomes an {@link UnreadableSession}. */
    public ParsedSession parse(String id, String raw) {
        if (raw == null) {
            return UnreadableSession.of(id, "The value is empty.", "");
        }
        JsonNode root;
        try {
            root = mapper.readTree(raw);
        } catch (JsonProcessingException e) {
            return UnreadableSession.of(id, describe(e, raw), raw);
        } catch (RuntimeException e) {
            return UnreadableSession.of(id, "Not valid JSON: " + e.getMessage(), raw);
        }
        return fromTree(id, root, () -> raw);
    }

    private ParsedSession fromTree(String id, JsonNode root, Supplier<String> rawText) {
        if (root == null || root.isMissingNode()) {
            return UnreadableSession.of(id, "The value is empty.", rawText.get());
        }
        if (!(root instanceof ObjectNode object)) {
            return UnreadableSession.of(id, "The value is JSON but not an object (it is " + kind(root) + ").",
                    rawText.get());
        }
        String shapeProblem = shapeProblem(object);
        if (shapeProblem != null) {
            return UnreadableSession.of(id, shapeProblem, rawText.get());
        }
        return new SessionDocument(id, object, zone);
    }

    /** Wraps a tree built or edited in memory; the same shape rules apply as for stored values. */
    public ParsedSession wrap(String id, ObjectNode tree) {
        String shapeProblem = shapeProblem(tree);
        return shapeProblem == null ? new SessionDocument(id, tree, zone)
                : new UnreadableSession(id, shapeProblem, tree.toString(), -1);
    }

    /** Serializes a tree in the backend's layout. */
    public String write(ObjectNode tree) {
        try {
            return pythonStyleWriter.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String writeCompact(JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The backend calls {@code messages.append} and {@code progress[...] = ...} without guards, so a
     * document with the wrong container types would make it fail; we refuse to treat it as a session.
     */
    private static String shapeProblem(ObjectNode object) {
        JsonNode messages = object.get(SessionDocument.MESSAGES);
        if (messages != null && !messages.isArray()) {
            return "\"messages\" is " + kind(messages) + ", not a list; the backend would fail to append to it.";
        }
        JsonNode progress = object.get(SessionDocument.PROGRESS);
        if (progress != null && !progress.isObject()) {
            return "\"progress\" is " + kind(progress) + ", not an object; the backend would fail to update it.";
        }
        JsonNode userInfo = object.get(SessionDocument.USER_INFO);
        if (userInfo != null && !userInfo.isObject()) {
            return "\"user_info\" is " + kind(userInfo) + ", not an object.";
        }
        return null;
    }

    private static String describe(JsonProcessingException e, String raw) {
        String what = e.getOriginalMessage();
        if (what != null && what.startsWith("Unexpected end-of-input")) {
            return "Truncated JSON: the value ends after " + raw.length() + " characters, inside a string or object.";
        }
        long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        String firstLine = what == null ? "syntax error" : what.lines().findFirst().orElse(what);
        return "Not valid JSON (line " + line + ", column " + column + "): " + firstLine;
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.getNodeType().name().toLowerCase();
    }
}
