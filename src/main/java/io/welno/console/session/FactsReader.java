package io.welno.console.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a stored value's {@link DocumentFacts} in one pass over its bytes, building no tree: every byte of the value
 * is checked (so invalid JSON is never taken for a session), but only the fields the facts hold are decoded, and the
 * rest (health and prescription data, most of the messages, unknown fields) is stepped over: by Jackson token by
 * token, or, for a large value no fact is read from, byte by byte ({@link StrictJson}). Building the tree was most of
 * the work of listing sessions, and none of it is needed for a row.
 *
 * <p>Only the shapes the backend writes are read here: strings or null where text is expected, booleans for flags,
 * objects for {@code user_info}, {@code progress} and messages. Anything else (a number as status, a container as a
 * timestamp, a message body that is an array, invalid JSON, a value after the object) returns null, and the codec
 * builds the tree and reads the facts from it ({@link DocumentFacts#of}), so every unusual case is decided by the
 * same rules as before, and the two readings can be compared value by value.
 */
final class FactsReader {

    private final JsonFactory factory;
    private final ObjectReader treeReader;
    private final ZoneId zone;

    FactsReader(JsonFactory factory, ObjectReader treeReader, ZoneId zone) {
        this.factory = factory;
        this.treeReader = treeReader;
        this.zone = zone;
    }

    /** Thrown (without a stack) for a shape this reader leaves to the tree. */
    private static final class Unusual extends Exception {
        private static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super(null, null, false, false);
        }
    }

    /** @return the facts, or null when the value is not valid JSON or has a shape only the tree reading decides */
    DocumentFacts read(byte[] raw) {
        Reading reading = new Reading(raw);
        try {
            return reading.start() ? object(reading) : null;
        } catch (IOException | RuntimeException | Unusual e) {
            return null;
        } finally {
            reading.close();
        }
    }

    /** Values no fact is read from and at least this long are stepped over by {@link StrictJson}, not by Jackson. */
    static final int MIN_STEPPED_OVER_BYTES = 512;

    /**
     * The parser reading one document's top-level object, which {@link #stepOver} replaces by one that starts after a
     * large value no fact is read from: Jackson steps over a value token by token (each name looked up, each string
     * decoded past), and the health and prescription data, most of a collected session's bytes, took a quarter of a
     * listing's parsing (docs/BENCHMARKS.md). {@link StrictJson} checks their bytes at least as strictly in about 0.6
     * of the time; a value it refuses is left to Jackson, which says what is wrong.
     */
    private final class Reading {
        private final byte[] raw;
        private JsonParser parser;
        /** The offset in {@code raw} of the parser's first byte: its locations count from there. */
        private int base;

        Reading(byte[] raw) {
            this.raw = raw;
        }

        boolean start() throws IOException {
            parser = factory.createParser(raw);
            return parser.nextToken() == JsonToken.START_OBJECT;
        }

        JsonParser parser() {
            return parser;
        }

        /** Where the parser's current token starts, in {@code raw}. */
        int tokenOffset() {
            return base + (int) parser.currentTokenLocation().getByteOffset();
        }

        /** Where the parser stands, in {@code raw}. */
        int offset() {
            return base + (int) parser.currentLocation().getByteOffset();
        }

        /**
         * Steps over the value the parser stands on, from {@code raw}'s bytes when it is a large container and
         * {@link StrictJson} accepts it: a new parser then reads the rest of the object from a copy whose byte at the
         * separator after the value (or, when the object ends there, the value's last byte) is an opening brace, so
         * it starts as an object of the remaining members, every byte at its usual offset.
         */
        void stepOver(JsonToken t) throws IOException {
            if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
                parser.skipChildren();
                return;
            }
            int start = tokenOffset();
            int end = StrictJson.valueEnd(raw, start);
            if (end - start < MIN_STEPPED_OVER_BYTES) {
                parser.skipChildren(); // short or refused: Jackson reads it, and says what is wrong with it
                return;
            }
            int after = StrictJson.space(raw, end);
            int opening;
            if (after < raw.length && raw[after] == ',') {
                opening = after;
            } else if (after < raw.length && raw[after] == '}') {
                opening = end - 1;
            } else {
                parser.skipChildren();
                return;
            }
            byte[] copy = BUFFERS.get().copy(raw.length);
            System.arraycopy(raw, opening, copy, opening, raw.length - opening);
            copy[opening] = '{';
            JsonParser resumed = factory.createParser(copy, opening, raw.length - opening);
            parser.close();
            parser = resumed;
            base = opening;
            parser.nextToken(); // the opening brace
        }

        void close() {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // a parser over bytes in memory has nothing to release that can fail
                }
            }
        }
    }

    private DocumentFacts object(Reading reading) throws IOException, Unusual {
        String status = null;
        String sessionId = null;
        String partnerId = null;
        String createdAt = null;
        String updatedAt = null;
        String expiresAt = null;
        String lastActivity = null;
        String collectionStartTime = null;
        boolean collectionStarted = false;
        UserInfo userInfo = UserInfo.EMPTY;
        Progress progress = Progress.NONE;
        Messages messages = Messages.NONE;
        AuthCredentials tempAuth = null;
        AuthCredentials auth = null;
        String[] claim = null;
        // A repeated field counts once, with its last value, as in the tree.
        JsonParser p = reading.parser();
        for (String name = p.nextFieldName(); name != null; name = (p = reading.parser()).nextFieldName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case SessionDocument.STATUS -> status = text(p, t);
                case DocumentFacts.SESSION_ID -> sessionId = text(p, t);
                case DocumentFacts.PARTNER_ID -> partnerId = text(p, t);
                case SessionDocument.CREATED_AT -> createdAt = text(p, t);
                case SessionDocument.UPDATED_AT -> updatedAt = text(p, t);
                case SessionDocument.EXPIRES_AT -> expiresAt = text(p, t);
                case SessionDocument.LAST_ACTIVITY -> lastActivity = text(p, t);
                case DocumentFacts.COLLECTION_START_TIME -> collectionStartTime = text(p, t);
                case SessionDocument.COLLECTION_STARTED -> collectionStarted = flag(t);
                case SessionDocument.USER_INFO -> userInfo = userInfo(p, t);
                case SessionDocument.PROGRESS -> progress = progress(p, t);
                case SessionDocument.MESSAGES -> messages = messages(reading, t);
                case SessionDocument.TEMP_AUTH_DATA -> tempAuth = credentials(p, t);
                case SessionDocument.AUTH_DATA -> auth = credentials(p, t);
                case DocumentFacts.CONSOLE_CLAIM -> claim = claim(p, t);
                default -> reading.stepOver(t); // still read byte by byte: invalid JSON in here is found
            }
        }
        if (reading.parser().nextToken() != null) {
            return null; // something after the object: the tree reading says what
        }
        ConsoleClaim consoleClaim = claim == null || claim[0] == null ? null
                : ConsoleClaim.of(claim[0], claim[1], claim[2], claim[3], claim[4], claim[5], zone);
        // text() left any value but a string or null to the tree: both fields are text here
        return new DocumentFacts(status, sessionId, partnerId, true, createdAt, updatedAt, expiresAt, true,
                lastActivity, collectionStartTime, collectionStarted, userInfo, progress, messages.count, messages.last,
                messages.lastTime, tempAuth, auth, claim == null ? null : claim[4], consoleClaim,
                messages.approval);
    }

    /** A string or null; anything else is left to the tree ({@code text()} would give a number's or container's text). */
    private static String text(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw Unusual.INSTANCE;
    }

    /** {@code asBoolean(false)}: true, false, or null (false). */
    private static boolean flag(JsonToken t) throws Unusual {
        return switch (t) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE, VALUE_NULL -> false;
            default -> throw Unusual.INSTANCE;
        };
    }

    private static UserInfo userInfo(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t != JsonToken.START_OBJECT) {
            throw Unusual.INSTANCE; // not an object: the tree reading refuses the document and says why
        }
        String name = null;
        String birthdate = null;
        String phone = null;
        String gender = null;
        String authType = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "name" -> name = text(p, v);
                case "birthdate" -> birthdate = text(p, v);
                case "phone_no" -> phone = text(p, v);
                case "gender" -> gender = text(p, v);
                case "private_auth_type" -> authType = text(p, v);
                default -> p.skipChildren();
            }
        }
        return new UserInfo(name, birthdate, phone, gender, authType);
    }

    private static Progress progress(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t != JsonToken.START_OBJECT) {
            throw Unusual.INSTANCE;
        }
        boolean requested = false;
        boolean completedAuth = false;
        boolean health = false;
        boolean prescriptions = false;
        boolean completed = false;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (field) {
                case Progress.AUTH_REQUESTED -> requested = flag(v);
                case Progress.AUTH_COMPLETED -> completedAuth = flag(v);
                case Progress.HEALTH_DATA_FETCHED -> health = flag(v);
                case Progress.PRESCRIPTION_DATA_FETCHED -> prescriptions = flag(v);
                case Progress.COMPLETED -> completed = flag(v);
                default -> p.skipChildren();
            }
        }
        return new Progress(requested, completedAuth, health, prescriptions, completed);
    }

    /** {@code AuthCredentials.from}: an object gives credentials (PascalCase when it has CxId, TxId or Token). */
    private static AuthCredentials credentials(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        boolean pascal = false;
        String[] camel = new String[5];
        String[] upper = new String[5];
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            int camelAt = CAMEL.indexOf(field);
            int upperAt = PASCAL.indexOf(field);
            if (upperAt >= 0 && upperAt != 1 && upperAt != 2) {
                pascal = true; // CxId, TxId or Token present, even as null
            }
            if (camelAt >= 0) {
                camel[camelAt] = credential(p, v);
            } else if (upperAt >= 0) {
                upper[upperAt] = credential(p, v);
            } else {
                p.skipChildren();
            }
        }
        String[] values = pascal ? upper : camel;
        return new AuthCredentials(values[0], values[1], values[2], values[3], values[4],
                pascal ? AuthCredentials.Casing.PASCAL : AuthCredentials.Casing.CAMEL);
    }

    private static final List<String> CAMEL = List.of("cxId", "privateAuthType", "reqTxId", "token", "txId");
    private static final List<String> PASCAL = List.of("CxId", "PrivateAuthType", "ReqTxId", "Token", "TxId");

    /** {@code asText()} of a credential: a string, or null; other kinds are left to the tree. */
    private static String credential(JsonParser p, JsonToken v) throws IOException, Unusual {
        return text(p, v);
    }

    private static final List<String> CLAIM = List.of("id", "action", "operator", "owner", "at", "lease_until");

    /** {@code console_claim}: its fields' texts in {@link #CLAIM}'s order, or null when it is not an object. */
    private static String[] claim(JsonParser p, JsonToken t) throws IOException, Unusual {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String[] values = new String[CLAIM.size()];
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            int at = CLAIM.indexOf(field);
            if (at >= 0) {
                values[at] = text(p, v);
            } else {
                p.skipChildren();
            }
        }
        return values;
    }

    /** What the facts keep of {@code messages}: count, last, the newest timestamp that parses, approval. */
    private record Messages(int count, SessionMessage last, String lastTime, AuthApproval approval) {
        static final Messages NONE = new Messages(0, null, null, AuthApproval.NONE);
    }

    /**
     * Reads the messages with no string for any message but the last: a message's timestamp, type and text go to
     * reused buffers ({@link EntryText}), the approval reads them there, and only the last message is made into a
     * {@link SessionMessage}. A pass over every listed session read three strings per message, about a quarter of what
     * the facts' reading allocated (docs/BENCHMARKS.md).
     */
    private Messages messages(Reading reading, JsonToken t) throws IOException, Unusual {
        JsonParser p = reading.parser();
        byte[] raw = reading.raw;
        if (t != JsonToken.START_ARRAY) {
            throw Unusual.INSTANCE; // not a list: the tree reading refuses the document
        }
        ReadingBuffers buffers = BUFFERS.get();
        EntryText timestamp = buffers.timestamp.fresh();
        EntryText type = buffers.type.fresh();
        EntryText text = buffers.text.fresh();
        int[] bounds = buffers.bounds; // each entry's first byte and the byte after it, for the rare look back
        int count = 0;
        SessionMessage objectMessage = null; // the last entry's, when its body is an object
        AuthApproval.Scan approval = new AuthApproval.Scan();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.START_OBJECT) {
                throw Unusual.INSTANCE;
            }
            int start = reading.tokenOffset();
            timestamp.clear();
            type.clear();
            text.clear();
            boolean objectBody = false;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken v = p.nextToken();
                switch (field) {
                    case "timestamp" -> timestamp.read(p, v);
                    case "type" -> type.read(p, v);
                    case "message" -> {
                        objectBody = v == JsonToken.START_OBJECT;
                        if (objectBody) {
                            p.skipChildren();
                            text.clear();
                        } else {
                            text.read(p, v);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            int end = reading.offset();
            if (2 * count + 1 >= bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
                buffers.keep(bounds);
            }
            bounds[2 * count] = start;
            bounds[2 * count + 1] = end;
            count++;
            if (objectBody) {
                // A body the backend's task writes as a dict: read this one entry as a tree, as the tree reading does.
                objectMessage = SessionMessage.from(treeReader.readTree(raw, start, end - start));
                approval.next(objectMessage);
            } else {
                objectMessage = null;
                if (!approval.decided()) {
                    approval.next(type.messageType(), text.orEmpty(), timestamp.orNull());
                }
            }
        }
        if (count == 0) {
            return new Messages(0, null, null, approval.result());
        }
        SessionMessage last = objectMessage != null ? objectMessage
                : new SessionMessage(timestamp.string(), type.wire(), text.string(), null);
        return new Messages(count, last, newestTime(last.timestamp(), raw, bounds, count), approval.result());
    }

    /** The newest timestamp that parses, looking from the last message back, as the tree reading does. */
    private String newestTime(String lastTimestamp, byte[] raw, int[] bounds, int count) throws IOException, Unusual {
        if (SessionTimestamp.parse(lastTimestamp, zone) != null) {
            return lastTimestamp;
        }
        for (int i = count - 2; i >= 0; i--) {
            String time = timestampAt(raw, bounds[2 * i], bounds[2 * i + 1]);
            if (SessionTimestamp.parse(time, zone) != null) {
                return time;
            }
        }
        return null;
    }

    /** An entry's timestamp read again from its bytes (its last, as in the tree). */
    private String timestampAt(byte[] raw, int start, int end) throws IOException, Unusual {
        try (JsonParser entry = factory.createParser(raw, start, end - start)) {
            entry.nextToken();
            String time = null;
            for (String field = entry.nextFieldName(); field != null; field = entry.nextFieldName()) {
                JsonToken v = entry.nextToken();
                if (field.equals("timestamp")) {
                    time = text(entry, v);
                } else {
                    entry.skipChildren();
                }
            }
            return time;
        }
    }

    /**
     * The buffers one thread's readings reuse (a parser thread reads one document at a time): making them for every
     * document allocated as much as the strings they replace.
     */
    private static final ThreadLocal<ReadingBuffers> BUFFERS = ThreadLocal.withInitial(ReadingBuffers::new);

    private static final class ReadingBuffers {
        /** A list longer than this many entries gets offsets of its own, so no thread keeps a huge array for good. */
        private static final int KEPT_ENTRIES = 1_024;
        /** A document longer than this gets a copy of its own for the resumed parser, for the same reason. */
        private static final int KEPT_COPY_BYTES = 64 * 1024;

        final EntryText timestamp = new EntryText();
        final EntryText type = new EntryText();
        final EntryText text = new EntryText();
        int[] bounds = new int[32];

        private byte[] copy = new byte[0];

        void keep(int[] grown) {
            if (grown.length <= 2 * KEPT_ENTRIES) {
                bounds = grown;
            }
        }

        /** A buffer of at least {@code length} bytes for {@link Reading#stepOver}'s copy. */
        byte[] copy(int length) {
            if (copy.length >= length) {
                return copy;
            }
            byte[] grown = new byte[length];
            if (length <= KEPT_COPY_BYTES) {
                copy = grown;
            }
            return grown;
        }
    }

    /**
     * One text field of a message entry, copied from the parser's own buffer into one reused here: a string or null,
     * as {@link #text} reads it, made into a {@code String} only when someone keeps it.
     */
    private static final class EntryText implements CharSequence {
        private static final MessageType[] WIRE_TYPES = {MessageType.INFO, MessageType.SUCCESS, MessageType.ERROR};

        /** A text longer than this is copied into an array of its own, so no thread keeps a huge one for good. */
        private static final int KEPT_CHARS = 4_096;

        private char[] chars = new char[64];
        private int length;
        private boolean present;

        /** Cleared, and back to its usual size if the last document's text made it large. */
        EntryText fresh() {
            if (chars.length > KEPT_CHARS) {
                chars = new char[64];
            }
            clear();
            return this;
        }

        void clear() {
            present = false;
            length = 0;
        }

        void read(JsonParser p, JsonToken t) throws IOException, Unusual {
            if (t == JsonToken.VALUE_NULL) {
                clear();
                return;
            }
            if (t != JsonToken.VALUE_STRING) {
                throw Unusual.INSTANCE; // as text(): the tree reading decides
            }
            length = p.getTextLength();
            if (chars.length < length) {
                chars = new char[Math.max(length, 2 * chars.length)];
            }
            System.arraycopy(p.getTextCharacters(), p.getTextOffset(), chars, 0, length);
            present = true;
        }

        String string() {
            return present ? toString() : null;
        }

        CharSequence orNull() {
            return present ? this : null;
        }

        CharSequence orEmpty() {
            return this; // a missing text reads as empty, as SessionMessage.summary() gives it
        }

        /** The known type these characters spell, without a string; {@link MessageType#OTHER} otherwise. */
        MessageType messageType() {
            if (present) {
                for (MessageType type : WIRE_TYPES) {
                    if (spells(type.wire())) {
                        return type;
                    }
                }
            }
            return MessageType.OTHER;
        }

        /** The wire text as a string: a known type's own constant, so the last message's type costs no string. */
        String wire() {
            MessageType type = messageType();
            return type != MessageType.OTHER ? type.wire() : string();
        }

        private boolean spells(String word) {
            if (word.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (chars[i] != word.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return chars[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }
}
