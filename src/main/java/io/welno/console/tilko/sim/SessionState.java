package io.welno.console.tilko.sim;

/** Lifecycle of a simulated simple-auth session. */
public enum SessionState {
    /** Push sent, the phone has not approved yet: data calls answer "not approved". */
    PENDING,
    /** Approved on the (simulated) phone: data calls answer with records. */
    APPROVED,
    /** Past the session TTL, or expired by hand: every follow-up call fails. */
    EXPIRED
}
