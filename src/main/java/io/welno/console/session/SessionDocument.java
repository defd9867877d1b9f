package io.welno.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A readable session document. It wraps the Jackson tree exactly as parsed, so unknown fields, key
 * order and number types survive; the accessors only read. Mutations go through {@link SessionEditor}
 * on a copy. Instances must be treated as immutable: nobody may change {@link #tree()}.
 */
public final class SessionDocument implements ParsedSession {

    public static final String STATUS = "status";
    public static final String EXPIRES_AT = "expires_at";
    public static final String UPDATED_AT = "updated_at";
    public static final String CREATED_AT = "created_at";
    public static final String LAST_ACTIVITY = "last_activity";
    public static final String MESSAGES = "messages";
    public static final String PROGRESS = "progress";
    public static final String USER_INFO = "user_info";
    public static final String AUTH_DATA = "auth_data";
    public static final String TEMP_AUTH_DATA = "temp_auth_data";
    public static final String HEALTH_DATA = "health_data";
    public static final String PRESCRIPTION_DATA = "prescription_data";
    public static final String COLLECTION_STARTED = "collection_started";

    private final String id;
    private final ObjectNode tree;
    private final ZoneId zone;
    private final Set<DocumentWarning> warnings;

    SessionDocument(String id, ObjectNode tree, ZoneId zone) {
        this.id = id;
        this.tree = tree;
        this.zone = zone;
        this.warnings = Collections.unmodifiableSet(findWarnings());
    }

    @Override
    public String id() {
        return id;
    }

    /** The underlying tree; read it, never change it (copy with {@link ObjectNode#deepCopy()}). */
    public ObjectNode tree() {
        return tree;
    }

    public ZoneId zone() {
        return zone;
    }

    public SessionStatus status() {
        JsonNode status = tree.get(STATUS);
        return status == null || status.isNull() ? SessionStatus.MISSING : SessionStatus.of(status.asText());
    }

    public String sessionIdField() {
        return text(tree, "session_id");
    }

    /**
     * The partner as the backend derives it: the id's prefix before the first {@code _}; null for uuid-era ids,
     * whose partner the backend cannot tell (see {@link BackendRules#ownershipProblem}).
     */
    public String partnerId() {
        return BackendRules.partnerOfId(id).orElse(null);
    }

    /** The {@code partner_id} field as stored (absent in uuid-era sessions). */
    public String storedPartnerId() {
        return text(tree, "partner_id");
    }

    /** The console's claim, while one of its Tilko calls is out. */
    public Optional<ConsoleClaim> consoleClaim() {
        return ConsoleClaim.from(tree.get(ConsoleClaim.FIELD), zone);
    }

    public SessionTimestamp createdAt() {
        return timestamp(CREATED_AT);
    }

    public SessionTimestamp updatedAt() {
        return timestamp(UPDATED_AT);
    }

    public SessionTimestamp expiresAt() {
        return timestamp(EXPIRES_AT);
    }

    public SessionTimestamp lastActivity() {
        return timestamp(LAST_ACTIVITY);
    }

    public SessionTimestamp timestamp(String field) {
        return SessionTimestamp.parse(text(tree, field), zone);
    }

    public UserInfo userInfo() {
        JsonNode info = tree.get(USER_INFO);
        if (info == null || !info.isObject()) {
            return UserInfo.EMPTY;
        }
        return new UserInfo(text(info, "name"), text(info, "birthdate"), text(info, "phone_no"),
                text(info, "gender"), text(info, "private_auth_type"));
    }

    public AuthProvider provider() {
        return userInfo().provider();
    }

    public Progress progress() {
        JsonNode progress = tree.get(PROGRESS);
        if (progress == null || !progress.isObject()) {
            return Progress.NONE;
        }
        return new Progress(flag(progress, Progress.AUTH_REQUESTED), flag(progress, Progress.AUTH_COMPLETED),
                flag(progress, Progress.HEALTH_DATA_FETCHED), flag(progress, Progress.PRESCRIPTION_DATA_FETCHED),
                flag(progress, Progress.COMPLETED));
    }

    public List<SessionMessage> messages() {
        JsonNode messages = tree.get(MESSAGES);
        if (messages == null || !messages.isArray()) {
            return List.of();
        }
        List<SessionMessage> out = new ArrayList<>(messages.size());
        messages.forEach(entry -> out.add(SessionMessage.from(entry)));
        return out;
    }

    public int messageCount() {
        JsonNode messages = tree.get(MESSAGES);
        return messages == null ? 0 : messages.size();
    }

    public Optional<SessionMessage> lastMessage() {
        JsonNode messages = tree.get(MESSAGES);
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(SessionMessage.from(messages.get(messages.size() - 1)));
    }

    /** The camelCase credentials saved by simple-auth, if Tilko accepted the request. */
    public Optional<AuthCredentials> tempAuthData() {
        return Optional.ofNullable(AuthCredentials.from(tree.get(TEMP_AUTH_DATA)));
    }

    /** The credentials the collection task uses; PascalCase normally, camelCase in legacy sessions. */
    public Optional<AuthCredentials> authData() {
        return Optional.ofNullable(AuthCredentials.from(tree.get(AUTH_DATA)));
    }

    public boolean collectionStarted() {
        return tree.path(COLLECTION_STARTED).asBoolean(false);
    }

    public boolean hasHealthData() {
        return isFilled(tree.get(HEALTH_DATA));
    }

    public boolean hasPrescriptionData() {
        return isFilled(tree.get(PRESCRIPTION_DATA));
    }

    public JsonNode healthData() {
        return tree.path(HEALTH_DATA);
    }

    public JsonNode prescriptionData() {
        return tree.path(PRESCRIPTION_DATA);
    }

    /**
     * When the session last made real progress: the newest message, {@code collection_start_time} or a
     * console claim ({@code console_claim.at}), whichever is latest; {@code updated_at} only as a last resort,
     * because the browser's status poll rewrites it every few seconds while nothing happens. Both the stuck
     * bucket and the reset-stuck guard measure idleness from here, so they always agree.
     */
    public Optional<LocalDateTime> lastProgressAt() {
        LocalDateTime latest = null;
        JsonNode messages = tree.get(MESSAGES);
        if (messages != null && messages.isArray()) {
            for (int i = messages.size() - 1; i >= 0 && latest == null; i--) {
                latest = local(SessionTimestamp.parse(text(messages.get(i), "timestamp"), zone));
            }
        }
        latest = later(latest, local(timestamp("collection_start_time")));
        JsonNode claim = tree.get(ConsoleClaim.FIELD);
        if (claim != null && claim.isObject()) {
            latest = later(latest, local(SessionTimestamp.parse(text(claim, "at"), zone)));
        }
        if (latest == null) {
            latest = local(updatedAt());
        }
        return Optional.ofNullable(latest);
    }

    private static LocalDateTime local(SessionTimestamp time) {
        return time == null ? null : time.local();
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    public Set<DocumentWarning> warnings() {
        return warnings;
    }

    /** True when the backend itself cannot process this document (see {@link DocumentWarning#breaksBackend()}). */
    public boolean breaksBackend() {
        return warnings.stream().anyMatch(DocumentWarning::breaksBackend);
    }

    private Set<DocumentWarning> findWarnings() {
        EnumSet<DocumentWarning> found = EnumSet.noneOf(DocumentWarning.class);
        SessionStatus status = status();
        if (status.isMissing()) {
            found.add(DocumentWarning.MISSING_STATUS);
        } else if (!status.isKnown()) {
            found.add(DocumentWarning.UNKNOWN_STATUS);
        }
        String expires = text(tree, EXPIRES_AT);
        if (expires == null) {
            found.add(DocumentWarning.MISSING_EXPIRES_AT);
        } else {
            SessionTimestamp parsed = SessionTimestamp.parse(expires, zone);
            if (parsed == null) {
                found.add(DocumentWarning.UNPARSEABLE_TIMESTAMP);
            } else if (parsed.hasOffset()) {
                found.add(DocumentWarning.OFFSET_TIMESTAMP);
            }
        }
        for (String field : List.of(CREATED_AT, UPDATED_AT, LAST_ACTIVITY)) {
            SessionTimestamp parsed = timestamp(field);
            if (parsed != null && parsed.hasOffset()) {
                found.add(DocumentWarning.OFFSET_TIMESTAMP);
            }
        }
        if (authData().map(a -> a.casing() == AuthCredentials.Casing.CAMEL).orElse(false)) {
            found.add(DocumentWarning.CAMELCASE_AUTH_DATA);
        }
        String sessionId = sessionIdField();
        if (sessionId != null && !sessionId.equals(id)) {
            found.add(DocumentWarning.SESSION_ID_MISMATCH);
        }
        return found;
    }

    private static boolean isFilled(JsonNode node) {
        return node != null && !node.isNull() && !(node.isContainerNode() && node.isEmpty());
    }

    private static boolean flag(JsonNode object, String field) {
        return object.path(field).asBoolean(false);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    @Override
    public String toString() {
        return "SessionDocument[" + id + ", " + status() + "]";
    }
}
