package io.welno.console.flow;

import java.util.Objects;

/**
 * One action the operator asked for.
 *
 * @param reason         why; required (non-blank) for every action, written into the session's message and the audit
 * @param overrideGuards skip the overridable guards (developer only; recorded in the message and the audit)
 * @param checkApproval  manual-auth-complete only: ask Tilko's LoginCheck first and report whether the phone approved
 */
public record ActionRequest(ActionKind kind, String sessionId, String reason, boolean overrideGuards,
                            boolean checkApproval) {

    public ActionRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sessionId, "sessionId");
        reason = reason == null ? "" : reason.strip();
    }

    public static ActionRequest of(ActionKind kind, String sessionId, String reason) {
        return new ActionRequest(kind, sessionId, reason, false, false);
    }

    public ActionRequest withOverride() {
        return new ActionRequest(kind, sessionId, reason, true, checkApproval);
    }

    public ActionRequest withApprovalCheck() {
        return new ActionRequest(kind, sessionId, reason, overrideGuards, true);
    }

    public ActionRequest withReason(String newReason) {
        return new ActionRequest(kind, sessionId, newReason, overrideGuards, checkApproval);
    }
}
