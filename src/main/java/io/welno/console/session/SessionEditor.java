package io.welno.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Changes a private copy of a document following the backend's write conventions: every change bumps
 * {@code updated_at}, timestamps are naive local ISO, messages are {@code {timestamp, type, message}},
 * {@code auth_data} is PascalCase. Fields it is not asked to touch stay exactly as they were.
 */
public final class SessionEditor {

    private final ObjectNode tree;
    private final Timestamps timestamps;
    private boolean changed;

    public SessionEditor(ObjectNode copy, Timestamps timestamps) {
        this.tree = copy;
        this.timestamps = timestamps;
    }

    /** The tree being edited, for changes this class has no method for. Call {@link #markChanged()} after. */
    public ObjectNode tree() {
        return tree;
    }

    public Timestamps timestamps() {
        return timestamps;
    }

    public boolean changed() {
        return changed;
    }

    public SessionEditor markChanged() {
        changed = true;
        return this;
    }

    public SessionEditor status(SessionStatus status) {
        tree.put(SessionDocument.STATUS, status.wire());
        return touch();
    }

    public SessionEditor touch() {
        tree.put(SessionDocument.UPDATED_AT, timestamps.now());
        changed = true;
        return this;
    }

    /** What the backend's extend_session does: activity now, expiry {@code seconds} from now. */
    public SessionEditor extend(long seconds) {
        String now = timestamps.now();
        tree.put(SessionDocument.LAST_ACTIVITY, now);
        tree.put(SessionDocument.EXPIRES_AT, timestamps.nowPlusSeconds(seconds));
        return touch();
    }

    public SessionEditor message(MessageType type, String text) {
        ObjectNode entry = messages().addObject();
        entry.put("timestamp", timestamps.now());
        entry.put("type", type.wire());
        entry.put("message", text);
        return touch();
    }

    /** An object message like the backend's background task writes ({@code type, title, message, ...}). */
    public SessionEditor message(MessageType type, ObjectNode body) {
        ObjectNode entry = messages().addObject();
        entry.put("timestamp", timestamps.now());
        entry.put("type", type.wire());
        entry.set("message", body);
        return touch();
    }

    public SessionEditor progress(String flag, boolean value) {
        JsonNode progress = tree.get(SessionDocument.PROGRESS);
        ObjectNode object = progress instanceof ObjectNode existing ? existing : tree.putObject(SessionDocument.PROGRESS);
        object.put(flag, value);
        return touch();
    }

    public SessionEditor put(String field, String value) {
        tree.put(field, value);
        return touch();
    }

    public SessionEditor put(String field, boolean value) {
        tree.put(field, value);
        return touch();
    }

    public SessionEditor put(String field, JsonNode value) {
        tree.set(field, value);
        return touch();
    }

    public SessionEditor putNow(String field) {
        return put(field, timestamps.now());
    }

    /** The PascalCase shape the backend's live collection task reads (docs/backend-protocol.md). */
    public SessionEditor authData(AuthCredentials credentials) {
        ObjectNode auth = JsonNodeFactory.instance.objectNode();
        auth.put("CxId", credentials.cxId());
        auth.put("PrivateAuthType", credentials.privateAuthType());
        auth.put("ReqTxId", credentials.reqTxId());
        auth.put("Token", credentials.token());
        auth.put("TxId", credentials.txId());
        tree.set(SessionDocument.AUTH_DATA, auth);
        return touch();
    }

    private ArrayNode messages() {
        JsonNode messages = tree.get(SessionDocument.MESSAGES);
        if (messages instanceof ArrayNode array) {
            return array;
        }
        return tree.putArray(SessionDocument.MESSAGES);
    }
}
