package io.welno.console.session;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Builds documents the way the backend's create_session does (docs/backend-protocol.md, "Transitions",
 * {@code /session/start}).
 */
public final class NewSessionDocuments {

    /** The backend's create_session sets expires_at to now + 10 minutes. */
    public static final long INITIAL_EXPIRY_SECONDS = 600;

    private static final SecureRandom RANDOM = new SecureRandom();

    private NewSessionDocuments() {
    }

    /** {@code {partner}_{first 32 hex of sha256(random)}}, the form the backend's ownership check accepts. */
    public static String newSessionId(String partnerId) {
        byte[] entropy = new byte[32];
        RANDOM.nextBytes(entropy);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(entropy);
            return partnerId + "_" + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }

    /**
     * @param partnerId the partner, written as the string {@code partner_id}; never null, which would be written as
     *                  JSON null and fail the backend's ownership check (docs/backend-protocol.md, "Read rules")
     */
    public static ObjectNode initiated(String sessionId, String partnerId, UserInfo user, Timestamps timestamps) {
        Objects.requireNonNull(partnerId, "partnerId");
        JsonNodeFactory f = JsonNodeFactory.instance;
        String now = timestamps.now();
        ObjectNode doc = f.objectNode();
        doc.put("session_id", sessionId);
        doc.put("partner_id", partnerId);
        ObjectNode info = doc.putObject(SessionDocument.USER_INFO);
        info.put("name", user.name());
        info.put("birthdate", user.birthdate());
        info.put("phone_no", user.phoneNo());
        info.put("gender", user.gender() == null ? "M" : user.gender());
        info.put("private_auth_type", user.privateAuthType());
        doc.put(SessionDocument.STATUS, SessionStatus.INITIATED.wire());
        doc.put(SessionDocument.CREATED_AT, now);
        doc.put(SessionDocument.UPDATED_AT, now);
        doc.put(SessionDocument.EXPIRES_AT, timestamps.nowPlusSeconds(INITIAL_EXPIRY_SECONDS));
        doc.put(SessionDocument.LAST_ACTIVITY, now);
        doc.putNull(SessionDocument.AUTH_DATA);
        doc.putNull(SessionDocument.HEALTH_DATA);
        doc.putNull(SessionDocument.PRESCRIPTION_DATA);
        ObjectNode progress = doc.putObject(SessionDocument.PROGRESS);
        progress.put(Progress.AUTH_REQUESTED, false);
        progress.put(Progress.AUTH_COMPLETED, false);
        progress.put(Progress.HEALTH_DATA_FETCHED, false);
        progress.put(Progress.PRESCRIPTION_DATA_FETCHED, false);
        progress.put(Progress.COMPLETED, false);
        ObjectNode message = doc.putArray(SessionDocument.MESSAGES).addObject();
        message.put("timestamp", now);
        message.put("type", MessageType.INFO.wire());
        message.put("message", user.name() + "님의 인증 세션이 시작되었습니다.");
        return doc;
    }
}
