package io.welno.console.session;

import io.welno.console.text.Phrase;

/**
 * Odd but readable documents. {@link #breaksBackend()} marks the ones the Python backend cannot process
 * (it answers 404 or 500 for them); actions on those are refused unless a developer overrides.
 */
public enum DocumentWarning {
    /** The backend reads it (get_session compares only expires_at), answers "unknown" and lets manual-auth-complete set one. */
    MISSING_STATUS(false, "The document has no status; the backend reads it, reports it as \"unknown\" and refuses to collect until a step sets one."),
    MISSING_EXPIRES_AT(true, "The document has no expires_at; the backend raises KeyError and treats the session as missing."),
    OFFSET_TIMESTAMP(true, "expires_at carries a time-zone offset (or Z); the backend's naive comparison fails and treats the session as missing."),
    UNPARSEABLE_TIMESTAMP(true, "expires_at is not a date-time the backend's fromisoformat reads (or not a string); the backend treats the session as missing."),
    UNKNOWN_STATUS(false, "The status is not one the backend writes; it is shown as-is."),
    CAMELCASE_AUTH_DATA(false, "auth_data is in the legacy camelCase shape; the backend's collection would send empty credentials."),
    SESSION_ID_MISMATCH(false, "session_id inside the document differs from the key.");

    private final boolean breaksBackend;
    private final String explanation;

    DocumentWarning(boolean breaksBackend, String explanation) {
        this.breaksBackend = breaksBackend;
        this.explanation = explanation;
    }

    public boolean breaksBackend() {
        return breaksBackend;
    }

    public String explanation() {
        return explanation;
    }

    /** The warning as a code ({@code warning.<NAME>} in the bundles). */
    public Phrase phrase() {
        return Phrase.of("warning." + name());
    }
}
