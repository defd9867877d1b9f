package io.welno.console.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a stored value's {@link DocumentFacts} in one pass over its bytes, building no tree: every token of the value
 * is read (so invalid JSON is never taken for a session), but only the fields the facts hold are decoded, and the rest
 * (health and prescription data, most of the messages, unknown fields) is stepped over. Building the tree was most of
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
        try (JsonParser p = factory.createParser(raw)) {
            return p.nextToken() == JsonToken.START_OBJECT ? object(p, raw) : null;
        } catch (IOException | RuntimeException | Unusual e) {
            return null;
        }
    }

    private DocumentFacts object(JsonParser p, byte[] raw) throws IOException, Unusual {
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
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
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
                case SessionDocument.MESSAGES -> messages = messages(p, t, raw);
                case SessionDocument.TEMP_AUTH_DATA -> tempAuth = credentials(p, t);
                case SessionDocument.AUTH_DATA -> auth = credentials(p, t);
                case DocumentFacts.CONSOLE_CLAIM -> claim = claim(p, t);
                default -> p.skipChildren(); // still read token by token: invalid JSON in here is found
            }
        }
        if (p.nextToken() != null) {
            return null; // something after the object: the tree reading says what
        }
        ConsoleClaim consoleClaim = claim == null || claim[0] == null ? null
                : ConsoleClaim.of(claim[0], claim[1], claim[2], claim[3], claim[4], claim[5], zone);
        // text() left any value but a string or null to the tree: both fields are text here
        return new DocumentFacts(status, sessionId, partnerId, true, createdAt, updatedAt, expiresAt, true,
                lastActivity, collectionStartTime, collectionStarted, userInfo, progress, messages.count, messages.last,
                messages.lastTime(zone), tempAuth, auth, claim == null ? null : claim[4], consoleClaim,
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

    /** What the facts keep of {@code messages}: count, last, every timestamp (newest last), approval. */
    private record Messages(int count, SessionMessage last, List<String> times, AuthApproval approval) {
        static final Messages NONE = new Messages(0, null, List.of(), AuthApproval.NONE);

        /** The newest timestamp that parses, looking from the end as the tree reading does. */
        String lastTime(ZoneId zone) {
            for (int i = times.size() - 1; i >= 0; i--) {
                if (SessionTimestamp.parse(times.get(i), zone) != null) {
                    return times.get(i);
                }
            }
            return null;
        }
    }

    private Messages messages(JsonParser p, JsonToken t, byte[] raw) throws IOException, Unusual {
        if (t != JsonToken.START_ARRAY) {
            throw Unusual.INSTANCE; // not a list: the tree reading refuses the document
        }
        List<String> times = new ArrayList<>();
        SessionMessage last = null;
        AuthApproval.Scan approval = new AuthApproval.Scan();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e != JsonToken.START_OBJECT) {
                throw Unusual.INSTANCE;
            }
            long start = p.currentTokenLocation().getByteOffset();
            String timestamp = null;
            String type = null;
            String text = null;
            boolean objectBody = false;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken v = p.nextToken();
                switch (field) {
                    case "timestamp" -> timestamp = text(p, v);
                    case "type" -> type = text(p, v);
                    case "message" -> {
                        objectBody = v == JsonToken.START_OBJECT;
                        if (objectBody) {
                            p.skipChildren();
                            text = null;
                        } else {
                            text = text(p, v);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            times.add(timestamp);
            if (objectBody) {
                // A body the backend's task writes as a dict: read this one entry as a tree, as the tree reading does.
                long end = p.currentLocation().getByteOffset();
                JsonNode entry = treeReader.readTree(raw, (int) start, (int) (end - start));
                last = SessionMessage.from(entry);
            } else {
                last = new SessionMessage(timestamp, type, text, null);
            }
            approval.next(last);
        }
        return new Messages(times.size(), last, times, approval.result());
    }
}
