package io.welno.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;

/**
 * What a table row, a listing and the warnings read from a document: its status, ids, timestamps, person, progress,
 * last message and credentials, without its health or prescription data or the rest of its messages. Read from the
 * bytes in one pass by {@link FactsReader} (no tree), or from a tree by {@link #of}; both must agree exactly, so the
 * values follow the tree's own reading rules ({@code text()}: a value's text, a container's JSON).
 *
 * @param status              the raw {@code status} text, null when missing or null
 * @param lastMessageTime     the {@code timestamp} of the newest message whose timestamp parses, or null
 * @param partnerId           the stored {@code partner_id}'s text, or null
 * @param partnerIdIsText     false when {@code partner_id} holds a number, boolean, list or object: the backend's
 *                            ownership check compares it with a string, and it is never equal
 * @param expiresAtIsText     false when {@code expires_at} holds a number, boolean, list or object: the backend's
 *                            {@code fromisoformat} raises TypeError for it and reads the session as missing
 * @param claimAt             {@code console_claim.at}, or null (read whenever the claim is an object)
 * @param consoleClaim        the claim, or null (only a claim with an id is one)
 * @param approval            when the authentication was requested and approved, from the messages
 */
record DocumentFacts(String status, String sessionId, String partnerId, boolean partnerIdIsText, String createdAt,
                     String updatedAt, String expiresAt, boolean expiresAtIsText, String lastActivity,
                     String collectionStartTime, boolean collectionStarted,
                     UserInfo userInfo, Progress progress, int messageCount, SessionMessage lastMessage,
                     String lastMessageTime, AuthCredentials tempAuthData, AuthCredentials authData, String claimAt,
                     ConsoleClaim consoleClaim, AuthApproval approval) {

    static final String SESSION_ID = "session_id";
    static final String PARTNER_ID = "partner_id";
    static final String COLLECTION_START_TIME = "collection_start_time";
    static final String CONSOLE_CLAIM = ConsoleClaim.FIELD;

    /** The facts of a tree; the rules every reading of a document follows. */
    static DocumentFacts of(ObjectNode tree, ZoneId zone) {
        JsonNode status = tree.get(SessionDocument.STATUS);
        JsonNode messages = tree.get(SessionDocument.MESSAGES);
        int count = messages == null ? 0 : messages.size();
        SessionMessage last = null;
        String lastTime = null;
        AuthApproval.Scan approval = new AuthApproval.Scan();
        if (messages != null && messages.isArray() && count > 0) {
            for (JsonNode entry : messages) {
                last = SessionMessage.from(entry);
                approval.next(last);
            }
            for (int i = count - 1; i >= 0 && lastTime == null; i--) {
                String time = text(messages.get(i), "timestamp");
                if (SessionTimestamp.parse(time, zone) != null) {
                    lastTime = time;
                }
            }
        }
        JsonNode claim = tree.get(CONSOLE_CLAIM);
        return new DocumentFacts(status == null || status.isNull() ? null : status.asText(),
                text(tree, SESSION_ID), text(tree, PARTNER_ID), isText(tree, PARTNER_ID),
                text(tree, SessionDocument.CREATED_AT), text(tree, SessionDocument.UPDATED_AT),
                text(tree, SessionDocument.EXPIRES_AT), isText(tree, SessionDocument.EXPIRES_AT),
                text(tree, SessionDocument.LAST_ACTIVITY), text(tree, COLLECTION_START_TIME),
                tree.path(SessionDocument.COLLECTION_STARTED).asBoolean(false), UserInfo.of(tree.get(SessionDocument.USER_INFO)),
                progress(tree.get(SessionDocument.PROGRESS)), count, last, lastTime,
                AuthCredentials.from(tree.get(SessionDocument.TEMP_AUTH_DATA)),
                AuthCredentials.from(tree.get(SessionDocument.AUTH_DATA)),
                claim != null && claim.isObject() ? text(claim, "at") : null,
                ConsoleClaim.from(claim, zone).orElse(null), approval.result());
    }

    private static Progress progress(JsonNode progress) {
        if (progress == null || !progress.isObject()) {
            return Progress.NONE;
        }
        return new Progress(flag(progress, Progress.AUTH_REQUESTED), flag(progress, Progress.AUTH_COMPLETED),
                flag(progress, Progress.HEALTH_DATA_FETCHED), flag(progress, Progress.PRESCRIPTION_DATA_FETCHED),
                flag(progress, Progress.COMPLETED));
    }

    private static boolean flag(JsonNode object, String field) {
        return object.path(field).asBoolean(false);
    }

    /** Whether a field is a string, null or absent (not another kind of value, which has a text all the same). */
    static boolean isText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isTextual();
    }

    /** A field's text: null when missing or null, a value's text, a container's JSON. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }
}
