package io.welno.console.flow;

/** What Tilko's LoginCheck said before a manual-auth-complete (only asked for with {@code checkApproval}). */
public enum ApprovalCheck {
    /** Not asked. */
    NOT_CHECKED,
    /** Tilko confirms the user approved on the phone. */
    APPROVED,
    /** Tilko says the approval has not happened (yet); the collection will come back to auth_completed. */
    NOT_APPROVED,
    /** The check itself failed (Tilko error, timeout); nothing is known. */
    UNKNOWN
}
