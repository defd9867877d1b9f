package io.welno.console.tilko;

/** How the WELNO backend reacts to a Tilko answer (docs/backend-protocol.md); see {@link TilkoClassifier}. */
public enum TilkoClassification {
    /** The call worked; the payload is usable. */
    SUCCESS,
    /** The user has not approved on the phone yet: the backend goes back to {@code auth_completed} and lets the user retry. */
    NOT_APPROVED_YET,
    /** Tilko says the name/birthdate/phone do not match: the backend sets {@code info_required} and stops. */
    INFO_MISMATCH,
    /** Anything else, including transport failures. */
    ERROR
}
