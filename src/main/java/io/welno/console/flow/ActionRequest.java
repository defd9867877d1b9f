package io.welno.console.flow;

import java.time.Duration;
import java.util.Objects;

/**
 * One action the operator asked for.
 *
 * @param reason         why; required (non-blank) for every action, written into the session's message and the audit
 * @param overrideGuards skip the overridable guards (developer only; recorded in the message and the audit)
 * @param checkApproval  manual-auth-complete only: ask Tilko's LoginCheck first and report whether the phone approved
 * @param hold           how long the applied change is held (watched for a revert by the backend); null = the
 *                       service's default ({@link FlowOptions#holdWindow()}), zero = not held
 * @param reapply        when the backend reverts the change during the hold, apply it again through the same
 *                       compare-and-set if the action's guards still hold on the reverted document
 */
public record ActionRequest(ActionKind kind, String sessionId, String reason, boolean overrideGuards,
                            boolean checkApproval, Duration hold, boolean reapply) {

    public ActionRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sessionId, "sessionId");
        reason = reason == null ? "" : reason.strip();
        if (hold != null && hold.isNegative()) {
            throw new IllegalArgumentException("hold must not be negative");
        }
    }

    public ActionRequest(ActionKind kind, String sessionId, String reason, boolean overrideGuards,
                         boolean checkApproval) {
        this(kind, sessionId, reason, overrideGuards, checkApproval, null, false);
    }

    public static ActionRequest of(ActionKind kind, String sessionId, String reason) {
        return new ActionRequest(kind, sessionId, reason, false, false, null, false);
    }

    public ActionRequest withOverride() {
        return new ActionRequest(kind, sessionId, reason, true, checkApproval, hold, reapply);
    }

    public ActionRequest withApprovalCheck() {
        return new ActionRequest(kind, sessionId, reason, overrideGuards, true, hold, reapply);
    }

    public ActionRequest withReason(String newReason) {
        return new ActionRequest(kind, sessionId, newReason, overrideGuards, checkApproval, hold, reapply);
    }

    public ActionRequest withHold(Duration newHold) {
        return new ActionRequest(kind, sessionId, reason, overrideGuards, checkApproval, newHold, reapply);
    }

    public ActionRequest withReapply(boolean on) {
        return new ActionRequest(kind, sessionId, reason, overrideGuards, checkApproval, hold, on);
    }
}
