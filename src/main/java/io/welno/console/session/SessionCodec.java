package io.welno.console.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import io.welno.console.text.Phrase;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads stored values into {@link ParsedSession}s and writes documents back in the backend's own
 * layout ({@code json.dumps(doc, ensure_ascii=False, indent=2)}): two-space indent, {@code ": "},
 * empty containers as {@code []}/{@code {}}, raw UTF-8. Numbers are read as the backend's {@code json.loads} reads
 * them (integers of any size; floats as doubles, {@code -0.0}, {@code NaN} and the infinities included) and written
 * as its {@code json.dumps} writes them ({@link PythonFloats}), so a read-modify-write changes only what the mutation
 * changed (docs/backend-protocol.md, "Numbers").
 */
public final class SessionCodec {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long EVERY_BYTE = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * The largest value that is parsed: 64 MB. Redis holds strings up to 512 MB, but parsing one into a tree takes
     * several times its size in heap at once (the bytes, Jackson's character buffers, the strings and nodes), and the
     * console runs in 1 GB of which 600 MB are the budget for 100,000 live sessions (docs/live.md, "Huge values").
     * The backend's documents stay below 50 KB; a larger value is shown as too large to parse, with its size.
     */
    public static final int MAX_PARSE_BYTES = 64 * 1024 * 1024;
    private static final int MB = 1024 * 1024;
    /** Where a bound of the parser comes from ({@code , from `StreamReadConstraints.getMaxNumberLength()`}): its API. */
    private static final Pattern PARSER_SETTING = Pattern.compile(", from `[^`]*`");

    /**
     * One mapper for every codec of the process, with the reader and the Python-style writer made from it (Jackson's
     * mappers, readers and writers are thread-safe, and this one is never changed after it is made). Its
     * factory keeps the field names parsers have met, so a codec made for a new connection starts with them; a
     * factory per codec gave every new connection's first listing a burst of recompiling, the parser's compiled code
     * having assumed a name table that already held every name (docs/live.md, "Reading").
     */
    private static final ObjectMapper MAPPER = newMapper();
    /**
     * The facts' streaming reads refuse every non-finite number: a document holding one (rare) takes the tree's way,
     * which first looks for the spellings the backend refuses, so the many documents without one pay no look at all.
     * One factory for the process, for the name table's sake as above.
     */
    private static final JsonFactory FACTS_FACTORY = JsonFactory.builder().streamReadConstraints(limits()).build();
    private static final ObjectWriter PYTHON_STYLE_WRITER = MAPPER.writer(pythonPrettyPrinter());
    /** The non-finite numbers the backend's {@code json.loads} reads (and its {@code json.dumps} writes). */
    private static final Set<String> PYTHON_NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");
    private static final ObjectWriter COMPACT_WRITER = MAPPER.writer();
    private static final ObjectReader TREE_READER = MAPPER.reader();

    private final FactsReader factsReader;
    private final ZoneId zone;

    public SessionCodec(ZoneId zone) {
        this.zone = zone;
        this.factsReader = new FactsReader(FACTS_FACTORY, TREE_READER, zone);
    }

    public SessionCodec() {
        this(Timestamps.DEFAULT_ZONE);
    }

    /**
     * Strings and names up to the whole bound: a value this codec agrees to parse is never refused for the size of one
     * of its parts (Jackson's default of 20,000,000 characters per string labelled a valid 20 MB value invalid).
     */
    private static StreamReadConstraints limits() {
        return StreamReadConstraints.builder().maxDocumentLength(MAX_PARSE_BYTES)
                .maxStringLength(MAX_PARSE_BYTES).maxNameLength(MAX_PARSE_BYTES).build();
    }

    private static ObjectMapper newMapper() {
        // NaN, Infinity and -Infinity: the backend's json.loads reads them (and json.dumps writes them); the other
        // spellings this switch lets through are refused before parsing (foreignNonFinite).
        ObjectMapper mapper = new ObjectMapper(JsonFactory.builder().streamReadConstraints(limits())
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build());
        // Floats as doubles, as Python holds them: a BigDecimal has no -0.0, no NaN and no infinity.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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

    /**
     * Reads JSON into trees and makes nodes with the codec's settings. A reader, not the mapper: every codec shares the
     * mapper, and a reader cannot change it.
     */
    public ObjectReader treeReader() {
        return TREE_READER;
    }

    /** A generator writing JSON to {@code out}, from the shared mapper's factory. */
    public JsonGenerator generator(Writer out) throws IOException {
        return MAPPER.getFactory().createGenerator(out);
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Parses a stored value's bytes. A document in the backend's usual shape is read in one pass into its facts
     * ({@link FactsReader}), without building its tree until someone needs it; any other value is parsed into a tree,
     * as before. Bytes that are not valid UTF-8 make the value unreadable: the backend only writes
     * UTF-8, and decoding them leniently would turn them into U+FFFD, so writing the document back would silently
     * replace them. A value above {@link #MAX_PARSE_BYTES} is not parsed at all (and never decoded whole). Never throws.
     *
     * <p>Jackson reads the bytes directly (decoding them to a String first cost a quarter of the parse). It rejects most
     * invalid UTF-8, but takes overlong forms, code points above U+10FFFF and, in strings it steps over, UTF-16
     * surrogates; those start with a byte that {@link #mayHideInvalidUtf8} looks for, and only a value containing one
     * is checked strictly.
     */
    public ParsedSession parse(String id, byte[] raw) {
        if (raw == null) {
            return parse(id, (String) null);
        }
        if (raw.length > MAX_PARSE_BYTES) {
            return UnreadableSession.of(id, tooLarge(raw.length), raw);
        }
        if (!plainUtf8Object(raw) || (mayHideInvalidUtf8(raw) && !validUtf8(raw))) {
            return parseDecoded(id, raw);
        }
        DocumentFacts facts = factsReader.read(raw); // null for a document holding a non-finite number, among others
        if (facts != null) {
            return new SessionDocument(id, facts, raw, TREE_READER, zone); // the tree only when someone asks for it
        }
        Phrase foreign = mayHoldForeignNonFinite(raw) ? foreignNonFinite(raw) : null;
        if (foreign != null) {
            return UnreadableSession.of(id, foreign, raw);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(raw);
        } catch (IOException | RuntimeException e) {
            return parseDecoded(id, raw); // invalid UTF-8 or JSON: the text path tells which, located in characters
        }
        return fromTree(id, root, reason -> UnreadableSession.of(id, reason, raw));
    }

    /** The bytes decoded to text first: strictly checked for UTF-8, errors located in characters. */
    private ParsedSession parseDecoded(String id, byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        // Lenient decoding marks every invalid sequence with U+FFFD; only then is the strict check needed.
        if (text.indexOf('\uFFFD') >= 0 && !validUtf8(raw)) {
            return UnreadableSession.of(id, Phrase.of("unreadable.utf8"), text);
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
     * Whether the bytes contain the start of a sequence Jackson reads but Java rejects: C0/C1 (overlong two-byte),
     * E0 and F0 (overlong three- and four-byte forms start with them), F4 (above U+10FFFF when followed by 90–BF),
     * F5–FF, and ED followed by A0–BF (a UTF-16 surrogate, which Jackson steps over in a string it does not decode).
     * Hangul (EA–EC, and ED with 80–9F) and most other text never does; emoji (F0) do, and are then checked strictly.
     */
    static boolean mayHideInvalidUtf8(byte[] raw) {
        int i = 0;
        // Eight bytes at a time (a byte loop took an eighth of the feed's parse time on Korean text).
        for (; i + Long.BYTES <= raw.length; i += Long.BYTES) {
            long w = (long) LONGS.get(raw, i);
            if ((w & HIGH_BITS) != 0 && (holdsSuspectByte(w) || startsSurrogate(w, raw, i))) {
                return true;
            }
        }
        for (; i < raw.length; i++) {
            int u = raw[i] & 0xFF;
            if (u >= 0xC0 && (u <= 0xC1 || u == 0xE0 || u == 0xF0 || u >= 0xF4)
                    || (u == 0xED && i + 1 < raw.length && (raw[i + 1] & 0xE0) == 0xA0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one of the eight bytes {@code w} holds (from {@code raw[at]}) is ED followed by A0–BF, the byte after the
     * last one being {@code raw[at + 8]}: lane by lane, without a loop (한, 했, 할 all start with ED).
     */
    private static boolean startsSurrogate(long w, byte[] raw, int at) {
        long ed = zeroLanes(w ^ 0xEDEDEDEDEDEDEDEDL);
        if (ed == 0) {
            return false;
        }
        long following = at + Long.BYTES < raw.length ? raw[at + Long.BYTES] & 0xFFL : 0;
        long next = (w >>> 8) | (following << 56); // lane i now holds the byte after lane i
        return (ed & zeroLanes((next & 0xE0E0E0E0E0E0E0E0L) ^ 0xA0A0A0A0A0A0A0A0L)) != 0;
    }

    /** 0x80 in exactly the lanes whose byte is zero (no carries between lanes, so no false lanes). */
    private static long zeroLanes(long v) {
        return ~(((v & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | v | 0x7F7F7F7F7F7F7F7FL);
    }

    /** Whether one of the eight bytes is C0, C1, E0, F0 or F4–FF (bit tricks per byte lane, no carries across). */
    private static boolean holdsSuspectByte(long w) {
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
            return UnreadableSession.of(id, Phrase.of("unreadable.empty"), "");
        }
        if (raw.length() > MAX_PARSE_BYTES) {
            return UnreadableSession.of(id, tooLarge(raw.length()), raw);
        }
        Phrase foreign = raw.contains("INF") || raw.contains("+I") ? foreignNonFinite(raw) : null;
        if (foreign != null) {
            return UnreadableSession.of(id, foreign, raw);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            return UnreadableSession.of(id, describe(e, raw), raw);
        } catch (RuntimeException e) {
            return UnreadableSession.of(id, Phrase.of("unreadable.json", JsonProblems.firstLine(e.getMessage())), raw);
        }
        return fromTree(id, root, reason -> UnreadableSession.of(id, reason, raw));
    }

    /**
     * Whether the bytes hold an {@code I} after a {@code +} or before {@code NF}: the start of {@code +Infinity},
     * {@code +INF} or {@code -INF}, which the parser reads as non-finite numbers and the backend's {@code json.loads}
     * refuses. Eight bytes at a time, as {@link #mayHideInvalidUtf8}: most documents hold an {@code I} only in names
     * such as {@code cxId}.
     */
    static boolean mayHoldForeignNonFinite(byte[] raw) {
        for (int i = 0; i < raw.length; i += Long.BYTES) {
            if (i + Long.BYTES <= raw.length && !holdsZeroByte((long) LONGS.get(raw, i) ^ 0x4949494949494949L)) {
                continue;
            }
            for (int j = i; j < Math.min(i + Long.BYTES, raw.length); j++) {
                if (raw[j] == 'I' && ((j > 0 && raw[j - 1] == '+')
                        || (j + 2 < raw.length && raw[j + 1] == 'N' && raw[j + 2] == 'F'))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A non-finite number spelled as the parser reads it but the backend's {@code json.loads} does not ({@code +Infinity},
     * {@code +INF}, {@code -INF}; Python reads only {@code NaN}, {@code Infinity} and {@code -Infinity}), where it is;
     * null when there is none, or the value is not valid JSON for another reason (the parse says which).
     */
    private static Phrase foreignNonFinite(Object raw) {
        try (JsonParser p = raw instanceof byte[] bytes ? MAPPER.getFactory().createParser(bytes)
                : MAPPER.getFactory().createParser((String) raw)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.VALUE_NUMBER_FLOAT) {
                    continue;
                }
                String text = p.getText();
                // a number's text ends with a digit; only the non-finite words end with a letter
                if (!Character.isDigit(text.charAt(text.length() - 1)) && !PYTHON_NON_FINITE.contains(text)) {
                    JsonLocation at = p.currentTokenLocation();
                    return Phrase.of("unreadable.syntax", at.getLineNr(), at.getColumnNr(),
                            Phrase.of("unreadable.syntax.foreignNonFinite", "'" + text + "'"));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** @param unreadable the unreadable entry for a reason, with the preview of the value as it was given */
    private ParsedSession fromTree(String id, JsonNode root, Function<Phrase, UnreadableSession> unreadable) {
        if (root == null || root.isMissingNode()) {
            return unreadable.apply(Phrase.of("unreadable.empty"));
        }
        if (!(root instanceof ObjectNode object)) {
            return unreadable.apply(Phrase.of("unreadable.notObject", kind(root)));
        }
        Phrase shapeProblem = shapeProblem(object);
        if (shapeProblem != null) {
            return unreadable.apply(shapeProblem);
        }
        return new SessionDocument(id, object, zone);
    }

    /** Wraps a tree built or edited in memory; the same shape rules apply as for stored values. */
    public ParsedSession wrap(String id, ObjectNode tree) {
        Phrase shapeProblem = shapeProblem(tree);
        return shapeProblem == null ? new SessionDocument(id, tree, zone)
                : UnreadableSession.of(id, shapeProblem, tree.toString());
    }

    /**
     * Serializes a tree in the backend's layout. A lone UTF-16 surrogate (read from an escape such as
     * {@code \\ud800}, which the backend's {@code json.loads} keeps) is written as that escape again: the text is
     * stored as UTF-8, which has no form for it, so Redis would get a {@code ?} in its place (a field the console never
     * touched changed by every write, a message it wrote not the one it keeps) and a file write would fail
     * (docs/live.md, "Reading").
     */
    public String write(ObjectNode tree) {
        return escapeLoneSurrogates(writeAsPython(PYTHON_STYLE_WRITER, tree));
    }

    /** {@code tree} as JSON text, its floats in Python's form ({@link PythonFloats}); Jackson's would be {@code 1.0E23}. */
    private static String writeAsPython(ObjectWriter writer, JsonNode tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = PythonFloats.writingFloatsAsPython(MAPPER.getFactory().createGenerator(out))) {
            writer.writeValue(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The JSON text with every unpaired surrogate as a {@code \\uXXXX} escape, lower case as Python writes it; pairs
     * stay raw. Sound on Jackson's output, whose only characters outside ASCII are inside strings. The text is copied
     * only when it holds a lone surrogate.
     */
    static String escapeLoneSurrogates(String json) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(json.length() + 16);
            }
            out.append(json, copied, i).append("\\u").append(Integer.toHexString(c));
            copied = i + 1;
        }
        return out == null ? json : out.append(json, copied, json.length()).toString();
    }

    public String writeCompact(JsonNode tree) {
        return writeAsPython(COMPACT_WRITER, tree);
    }

    /**
     * The backend calls {@code messages.append} and {@code progress[...] = ...} without guards, so a
     * document with the wrong container types would make it fail; we refuse to treat it as a session.
     */
    private static Phrase shapeProblem(ObjectNode object) {
        JsonNode messages = object.get(SessionDocument.MESSAGES);
        if (messages != null && !messages.isArray()) {
            return Phrase.of("unreadable.notList", SessionDocument.MESSAGES, kind(messages));
        }
        JsonNode progress = object.get(SessionDocument.PROGRESS);
        if (progress != null && !progress.isObject()) {
            return Phrase.of("unreadable.fieldNotObject", SessionDocument.PROGRESS, kind(progress));
        }
        JsonNode userInfo = object.get(SessionDocument.USER_INFO);
        if (userInfo != null && !userInfo.isObject()) {
            return Phrase.of("unreadable.fieldNotObject", SessionDocument.USER_INFO, kind(userInfo));
        }
        return null;
    }

    /** Above {@link #MAX_PARSE_BYTES}: said as such, in whole megabytes (rounded up), never as "not valid JSON". */
    private static Phrase tooLarge(long length) {
        long mb = (length + MB - 1) / MB;
        return Phrase.of("unreadable.tooLarge", mb, MAX_PARSE_BYTES / MB);
    }

    private static Phrase describe(JsonProcessingException e, String raw) {
        StreamConstraintsException limit = JsonProblems.causeOf(e, StreamConstraintsException.class);
        if (limit != null) {
            // Valid or not, the value went past a bound the parser keeps (see MAX_PARSE_BYTES): say which.
            String what = String.valueOf(limit.getOriginalMessage());
            return what.contains("nesting depth")
                    ? Phrase.of("unreadable.tooDeep", StreamReadConstraints.DEFAULT_MAX_DEPTH)
                    : Phrase.of("unreadable.limit", JsonProblems.firstLine(PARSER_SETTING.matcher(what).replaceAll("")));
        }
        String what = e.getOriginalMessage();
        if (what != null && what.startsWith("Unexpected end-of-input")) {
            return Phrase.of("unreadable.truncated", raw.length());
        }
        return JsonProblems.syntaxError(e);
    }


    /** The JSON kind of a value, as a phrase ({@code unreadable.kind.*}) so it reads right in either language. */
    private static Phrase kind(JsonNode node) {
        String kind;
        if (node.isArray()) {
            kind = "array";
        } else if (node.isTextual()) {
            kind = "string";
        } else if (node.isNumber()) {
            kind = "number";
        } else if (node.isBoolean()) {
            kind = "boolean";
        } else if (node.isNull()) {
            kind = "null";
        } else if (node.isObject()) {
            kind = "object";
        } else {
            kind = "other";
        }
        return Phrase.of("unreadable.kind." + kind);
    }
}
