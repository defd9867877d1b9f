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
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * Reads stored values into {@link ParsedSession}s and writes documents back in the backend's own
 * layout ({@code json.dumps(doc, ensure_ascii=False, indent=2)}): two-space indent, {@code ": "},
 * empty containers as {@code []}/{@code {}}, raw UTF-8. Numbers are kept exactly (BigDecimal, trailing
 * zeros kept) so a read-modify-write changes only what the mutation changed.
 */
public final class SessionCodec {

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
     */
    public ParsedSession parse(String id, byte[] raw) {
        if (raw == null) {
            return parse(id, (String) null);
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        // Lenient decoding marks every invalid sequence with U+FFFD; only then is the strict check needed.
        if (text.indexOf('\uFFFD') >= 0 && !validUtf8(raw)) {
            return UnreadableSession.of(id, "The value is not valid UTF-8 text (the backend only writes UTF-8); "
                    + "it is shown as is and never written back.", text);
        }
        return parse(id, text);
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
        if (root == null || root.isMissingNode()) {
            return UnreadableSession.of(id, "The value is empty.", raw);
        }
        if (!(root instanceof ObjectNode object)) {
            return UnreadableSession.of(id, "The value is JSON but not an object (it is " + kind(root) + ").", raw);
        }
        String shapeProblem = shapeProblem(object);
        if (shapeProblem != null) {
            return UnreadableSession.of(id, shapeProblem, raw);
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
