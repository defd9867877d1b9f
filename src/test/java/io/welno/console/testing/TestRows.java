package io.welno.console.testing;

import io.welno.console.view.SessionRow;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.store.StoredSession;
import java.time.LocalDateTime;

/** Backend-shaped session rows for unit tests, built in memory (no Redis). */
public final class TestRows {

    static final SessionCodec CODEC = new SessionCodec(Timestamps.DEFAULT_ZONE);

    private final ObjectNode doc = JsonNodeFactory.instance.objectNode();
    private final ArrayNode messages = doc.putArray("messages");
    private final String id;

    private TestRows(String id, String status, LocalDateTime created) {
        this.id = id;
        doc.put("session_id", id);
        doc.put("partner_id", "welno");
        ObjectNode user = doc.putObject("user_info");
        user.put("name", "김하늘");
        user.put("birthdate", "19900101");
        user.put("phone_no", "01012345678");
        user.put("gender", "M");
        user.put("private_auth_type", "4");
        doc.put("status", status);
        doc.put("created_at", Timestamps.format(created));
        doc.put("updated_at", Timestamps.format(created));
        doc.put("expires_at", Timestamps.format(created.plusMinutes(10)));
        ObjectNode progress = doc.putObject("progress");
        for (String flag : new String[] {"auth_requested", "auth_completed", "health_data_fetched",
            "prescription_data_fetched", "completed"}) {
            progress.put(flag, false);
        }
        message(created, "info", "김하늘님의 인증 세션이 시작되었습니다.");
    }

    public static TestRows session(String id, String status, LocalDateTime created) {
        return new TestRows(id, status, created);
    }

    public TestRows message(LocalDateTime at, String type, String text) {
        ObjectNode m = messages.addObject();
        m.put("timestamp", Timestamps.format(at));
        m.put("type", type);
        m.put("message", text);
        doc.put("updated_at", Timestamps.format(at));
        return this;
    }

    /** auth_requesting, then auth_request_sent with temp_auth_data, at {@code at}. */
    public TestRows requested(LocalDateTime at) {
        message(at.minusSeconds(2), "info", "통신사PASS 간편인증을 요청하고 있습니다.");
        message(at, "info", "통신사PASS 앱에서 인증을 진행해주세요.");
        ObjectNode temp = doc.putObject("temp_auth_data");
        temp.put("cxId", "CX-SECRET-" + id);
        temp.put("token", "tok.secret." + id);
        temp.put("reqTxId", "req-" + id);
        temp.put("txId", "tx-" + id);
        return this;
    }

    public TestRows approved(LocalDateTime at) {
        message(at, "success", "인증이 완료되었습니다. 건강검진 데이터를 수집할 수 있습니다.");
        ((ObjectNode) doc.get("progress")).put("auth_completed", true);
        return this;
    }

    public TestRows completed(LocalDateTime at) {
        message(at, "success", "모든 데이터 수집이 완료되었습니다.");
        ObjectNode progress = (ObjectNode) doc.get("progress");
        progress.put("health_data_fetched", true);
        progress.put("prescription_data_fetched", true);
        progress.put("completed", true);
        return this;
    }

    /** A {@code progress} flag set, as the backend sets it on the way. */
    public TestRows progress(String flag) {
        ((ObjectNode) doc.get("progress")).put(flag, true);
        return this;
    }

    /**
     * {@code auth_data} in the legacy camelCase shape (docs/backend-protocol.md, "The document"); the
     * {@code progress.auth_completed} flag is left as it is ({@link #progress} sets it).
     */
    public TestRows legacyAuthData() {
        ObjectNode auth = doc.putObject("auth_data");
        auth.put("cxId", "CX-LEGACY-" + id);
        auth.put("token", "tok.legacy." + id);
        auth.put("reqTxId", "req-legacy-" + id);
        auth.put("txId", "tx-legacy-" + id);
        return this;
    }

    public TestRows status(String status) {
        doc.put("status", status);
        return this;
    }

    /** The document without {@code field}, as a backend that never wrote it leaves it. */
    public TestRows without(String field) {
        doc.remove(field);
        return this;
    }

    /** Tilko's PrivateAuthType code of the person: which app approves (0 KakaoTalk, 4 PASS, 6 Naver). */
    public TestRows authType(String code) {
        ((ObjectNode) doc.get("user_info")).put("private_auth_type", code);
        return this;
    }

    /**
     * A status poll of the browser at {@code at}, as the backend's {@code extend_session(300)} writes it:
     * {@code updated_at} and {@code last_activity} become {@code at}, {@code expires_at} five minutes later; no message.
     */
    public TestRows polled(LocalDateTime at) {
        doc.put("updated_at", Timestamps.format(at));
        doc.put("last_activity", Timestamps.format(at));
        doc.put("expires_at", Timestamps.format(at.plusMinutes(5)));
        return this;
    }

    public TestRows expires(LocalDateTime at) {
        doc.put("expires_at", Timestamps.format(at));
        return this;
    }

    /** A console's claim on the session, taken {@code at} and leased until {@code leaseUntil}, as actions write it. */
    public TestRows claimed(LocalDateTime at, LocalDateTime leaseUntil) {
        ObjectNode claim = doc.putObject("console_claim");
        claim.put("id", "act-" + id);
        claim.put("action", "collect");
        claim.put("operator", "kim");
        claim.put("owner", "console-1");
        claim.put("at", Timestamps.format(at));
        claim.put("lease_until", Timestamps.format(leaseUntil));
        return this;
    }

    public TestRows put(String field, boolean value) {
        doc.put(field, value);
        return this;
    }

    public TestRows user(String name, String phone, String birthdate) {
        ObjectNode user = (ObjectNode) doc.get("user_info");
        String old = user.get("name").asText();
        for (var m : messages) {
            ((ObjectNode) m).put("message", m.get("message").asText().replace(old, name));
        }
        user.put("name", name);
        user.put("phone_no", phone);
        user.put("birthdate", birthdate);
        return this;
    }

    public String json() {
        return CODEC.write(doc);
    }

    public SessionRow row() {
        return SessionRow.of(stored());
    }

    /** The session as the feed hands it on (as read from Redis, with a TTL of 30 minutes). */
    public StoredSession stored() {
        byte[] bytes = json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new StoredSession(CODEC.parse(id, bytes), 1_800_000, bytes);
    }

    public static SessionRow unreadable(String id, String raw) {
        byte[] bytes = raw.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return SessionRow.of(new StoredSession(CODEC.parse(id, bytes), 1_800_000, bytes));
    }
}
