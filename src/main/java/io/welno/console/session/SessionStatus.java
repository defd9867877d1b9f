package io.welno.console.session;

import java.util.List;
import java.util.Objects;

/**
 * The {@code status} field as the backend writes it. Unknown values are carried through verbatim
 * (the backend may gain statuses before we do), and a missing field is its own value because the
 * backend then answers "unknown" and its guards refuse everything.
 */
public record SessionStatus(String wire) {

    public static final SessionStatus INITIATED = new SessionStatus("initiated");
    public static final SessionStatus AUTH_REQUESTING = new SessionStatus("auth_requesting");
    public static final SessionStatus AUTH_REQUEST_SENT = new SessionStatus("auth_request_sent");
    public static final SessionStatus AUTH_PENDING = new SessionStatus("auth_pending");
    public static final SessionStatus AUTH_COMPLETED = new SessionStatus("auth_completed");
    public static final SessionStatus AUTHENTICATED = new SessionStatus("authenticated");
    public static final SessionStatus FETCHING_HEALTH_DATA = new SessionStatus("fetching_health_data");
    public static final SessionStatus FETCHING_PRESCRIPTION_DATA = new SessionStatus("fetching_prescription_data");
    public static final SessionStatus INFO_REQUIRED = new SessionStatus("info_required");
    public static final SessionStatus COMPLETED = new SessionStatus("completed");
    public static final SessionStatus ERROR = new SessionStatus("error");
    public static final SessionStatus TIMEOUT = new SessionStatus("timeout");
    public static final SessionStatus EXPIRED = new SessionStatus("expired");
    /** The document has no {@code status} field at all. */
    public static final SessionStatus MISSING = new SessionStatus(null);

    /** Every value the backend writes or reads in a guard (docs/backend-protocol.md), in flow order. */
    public static final List<SessionStatus> KNOWN = List.of(
            INITIATED, AUTH_REQUESTING, AUTH_REQUEST_SENT, AUTH_PENDING, AUTH_COMPLETED, AUTHENTICATED,
            FETCHING_HEALTH_DATA, FETCHING_PRESCRIPTION_DATA, INFO_REQUIRED, COMPLETED, ERROR, TIMEOUT, EXPIRED);

    public static SessionStatus of(String wire) {
        if (wire == null) {
            return MISSING;
        }
        for (SessionStatus known : KNOWN) {
            if (known.wire.equals(wire)) {
                return known;
            }
        }
        return new SessionStatus(wire);
    }

    public boolean isMissing() {
        return wire == null;
    }

    public boolean isKnown() {
        return wire != null && KNOWN.contains(this);
    }

    /** Statuses after which the backend's frontend starts a new session instead of continuing. */
    public boolean isTerminal() {
        return equals(COMPLETED) || equals(ERROR) || equals(INFO_REQUIRED) || equals(TIMEOUT) || equals(EXPIRED);
    }

    /** Statuses in which the backend's background collection task is (supposed to be) running. */
    public boolean isFetching() {
        return equals(FETCHING_HEALTH_DATA) || equals(FETCHING_PRESCRIPTION_DATA);
    }

    /** Statuses from which the backend's collect-health-data endpoint accepts a collection. */
    public boolean isAuthenticated() {
        return equals(AUTH_COMPLETED) || equals(AUTHENTICATED);
    }

    @Override
    public String toString() {
        return Objects.requireNonNullElse(wire, "(missing)");
    }
}
