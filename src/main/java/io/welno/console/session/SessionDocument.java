package io.welno.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
 *
 * <p>A document read from stored bytes ({@link SessionCodec#parse(String, byte[])}) holds only its
 * {@link DocumentFacts}, read in one pass without a tree, and those bytes: what rows, listings and warnings need
 * costs no tree, and the tree is parsed from the bytes the first time {@link #tree()}, {@link #messages()} or the
 * health or prescription data are asked for.
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
    private final ZoneId zone;
    private final DocumentFacts facts;
    /** Parsed once: rows, listings, warnings and the stuck rule all read them. */
    private final SessionTimestamp createdAt;
    private final SessionTimestamp updatedAt;
    private final SessionTimestamp expiresAt;
    private final SessionTimestamp lastActivity;
    private final Set<DocumentWarning> warnings;
    /** The stored bytes the tree is parsed from when first needed; null when built from a tree. */
    private final byte[] source;
    private final ObjectReader treeReader;
    private volatile ObjectNode tree;

    SessionDocument(String id, ObjectNode tree, ZoneId zone) {
        this.id = id;
        this.tree = tree;
        this.zone = zone;
        this.facts = DocumentFacts.of(tree, zone);
        this.source = null;
        this.treeReader = null;
        this.createdAt = SessionTimestamp.parse(facts.createdAt(), zone);
        this.updatedAt = SessionTimestamp.parse(facts.updatedAt(), zone);
        this.expiresAt = expiresAt(facts, zone);
        this.lastActivity = SessionTimestamp.parse(facts.lastActivity(), zone);
        this.warnings = Collections.unmodifiableSet(findWarnings());
    }

    /** A document known by its facts; {@code source} was read as valid JSON by {@code treeReader} already. */
    SessionDocument(String id, DocumentFacts facts, byte[] source, ObjectReader treeReader, ZoneId zone) {
        this.id = id;
        this.zone = zone;
        this.facts = facts;
        this.source = source;
        this.treeReader = treeReader;
        this.createdAt = SessionTimestamp.parse(facts.createdAt(), zone);
        this.updatedAt = SessionTimestamp.parse(facts.updatedAt(), zone);
        this.expiresAt = expiresAt(facts, zone);
        this.lastActivity = SessionTimestamp.parse(facts.lastActivity(), zone);
        this.warnings = Collections.unmodifiableSet(findWarnings());
    }

    /** {@code expires_at} as the backend's {@code fromisoformat} reads it: never a value that is not a string. */
    private static SessionTimestamp expiresAt(DocumentFacts facts, ZoneId zone) {
        return facts.expiresAtIsText() ? SessionTimestamp.parse(facts.expiresAt(), zone) : null;
    }

    @Override
    public String id() {
        return id;
    }

    /** The underlying tree; read it, never change it (copy with {@link ObjectNode#deepCopy()}). */
    public ObjectNode tree() {
        ObjectNode parsed = tree;
        if (parsed == null) {
            try {
                parsed = (ObjectNode) treeReader.readTree(source);
            } catch (IOException | RuntimeException e) {
                // The same bytes were read as a JSON object by the same parser when this document was made.
                throw new IllegalStateException("session " + id + " no longer parses: " + e, e);
            }
            tree = parsed;
        }
        return parsed;
    }

    public ZoneId zone() {
        return zone;
    }

    public SessionStatus status() {
        return facts.status() == null ? SessionStatus.MISSING : SessionStatus.of(facts.status());
    }

    public String sessionIdField() {
        return facts.sessionId();
    }

    /**
     * The partner as the backend derives it: the id's prefix before the first {@code _}; null for uuid-era ids,
     * whose partner the backend cannot tell (see {@link BackendRules#ownershipProblem}).
     */
    public String partnerId() {
        return BackendRules.partnerOfId(id).orElse(null);
    }

    /** The {@code partner_id} field as stored (absent in uuid-era sessions): its text, whatever kind of value. */
    public String storedPartnerId() {
        return facts.partnerId();
    }

    /**
     * Whether {@code partner_id} is a string (or absent or null). A number, boolean, list or object is never equal to
     * the id's partner for the backend's ownership check, whatever its text ({@link BackendRules#ownershipProblem}).
     */
    public boolean storedPartnerIdIsText() {
        return facts.partnerIdIsText();
    }

    /** The console's claim, while one of its Tilko calls is out. */
    public Optional<ConsoleClaim> consoleClaim() {
        return Optional.ofNullable(facts.consoleClaim());
    }

    public SessionTimestamp createdAt() {
        return createdAt;
    }

    public SessionTimestamp updatedAt() {
        return updatedAt;
    }

    /**
     * {@code expires_at} as the backend's {@code fromisoformat} reads it; null when it is missing, not a string or a
     * string Python refuses (the backend then reads the session as missing, see {@link #warnings()}).
     */
    public SessionTimestamp expiresAt() {
        return expiresAt;
    }

    /** The {@code expires_at} field's text as stored, also when the backend cannot read it; null if absent or null. */
    public String expiresAtText() {
        return facts.expiresAt();
    }

    /**
     * The moment after which the backend deletes this session on its next read ({@code datetime.now() > expires_at},
     * naive local time); empty when it cannot compare at all: {@code expires_at} missing, unreadable or aware, so it
     * reads the session as missing and never deletes it ({@link BackendRules}).
     */
    public Optional<LocalDateTime> backendExpiry() {
        return expiresAt == null || expiresAt.hasOffset() ? Optional.empty() : Optional.of(expiresAt.local());
    }

    public SessionTimestamp lastActivity() {
        return lastActivity;
    }

    public SessionTimestamp timestamp(String field) {
        return switch (field) {
            case CREATED_AT -> createdAt();
            case UPDATED_AT -> updatedAt();
            case EXPIRES_AT -> expiresAt();
            case LAST_ACTIVITY -> lastActivity();
            case DocumentFacts.COLLECTION_START_TIME -> SessionTimestamp.parse(facts.collectionStartTime(), zone);
            default -> SessionTimestamp.parse(DocumentFacts.text(tree(), field), zone);
        };
    }

    public UserInfo userInfo() {
        return facts.userInfo();
    }

    public AuthProvider provider() {
        return userInfo().provider();
    }

    public Progress progress() {
        return facts.progress();
    }

    public List<SessionMessage> messages() {
        JsonNode messages = tree().get(MESSAGES);
        if (messages == null || !messages.isArray()) {
            return List.of();
        }
        List<SessionMessage> out = new ArrayList<>(messages.size());
        messages.forEach(entry -> out.add(SessionMessage.from(entry)));
        return out;
    }

    public int messageCount() {
        return facts.messageCount();
    }

    /** When the authentication was requested and approved, as the messages tell (read with the facts, no tree). */
    public AuthApproval approval() {
        return facts.approval();
    }

    public Optional<SessionMessage> lastMessage() {
        return Optional.ofNullable(facts.lastMessage());
    }

    /** The camelCase credentials saved by simple-auth, if Tilko accepted the request. */
    public Optional<AuthCredentials> tempAuthData() {
        return Optional.ofNullable(facts.tempAuthData());
    }

    /** The credentials the collection task uses; PascalCase normally, camelCase in legacy sessions. */
    public Optional<AuthCredentials> authData() {
        return Optional.ofNullable(facts.authData());
    }

    public boolean collectionStarted() {
        return facts.collectionStarted();
    }

    public boolean hasHealthData() {
        return isFilled(tree().get(HEALTH_DATA));
    }

    public boolean hasPrescriptionData() {
        return isFilled(tree().get(PRESCRIPTION_DATA));
    }

    public JsonNode healthData() {
        return tree().path(HEALTH_DATA);
    }

    public JsonNode prescriptionData() {
        return tree().path(PRESCRIPTION_DATA);
    }

    /**
     * When the session last made real progress: the newest message, {@code collection_start_time} or a
     * console claim ({@code console_claim.at}), whichever is latest; {@code updated_at} only as a last resort,
     * because the browser's status poll rewrites it every few seconds while nothing happens. Both the stuck
     * bucket and the reset-stuck guard measure idleness from here, so they always agree.
     */
    public Optional<LocalDateTime> lastProgressAt() {
        LocalDateTime latest = local(SessionTimestamp.parse(facts.lastMessageTime(), zone));
        latest = later(latest, local(timestamp(DocumentFacts.COLLECTION_START_TIME)));
        latest = later(latest, local(SessionTimestamp.parse(facts.claimAt(), zone)));
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
        // Only expires_at: get_session compares nothing else, so an offset in created_at breaks nothing.
        if (facts.expiresAt() == null) {
            found.add(DocumentWarning.MISSING_EXPIRES_AT); // absent or null: KeyError or TypeError
        } else if (expiresAt == null) {
            found.add(DocumentWarning.UNPARSEABLE_TIMESTAMP); // not a string, or one fromisoformat refuses
        } else if (expiresAt.hasOffset()) {
            found.add(DocumentWarning.OFFSET_TIMESTAMP);
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


    @Override
    public String toString() {
        return "SessionDocument[" + id + ", " + status() + "]";
    }
}
