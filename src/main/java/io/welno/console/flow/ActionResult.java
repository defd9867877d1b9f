package io.welno.console.flow;

import io.welno.console.session.SessionStatus;
import java.util.Objects;

/**
 * What happened to one {@link ActionRequest}. {@link Outcome#APPLIED} is only reported when the change was
 * written by compare-and-set <em>and</em> read back from Redis afterwards.
 *
 * @param message      one clear English sentence (or two) for the operator; never a stack trace
 * @param statusBefore the status the action saw (null when the session could not be read)
 * @param statusAfter  the status it left (equal to statusBefore when nothing was written; null when unknown)
 * @param actionId     the id that ties the session message, the audit entries, collection and revert events together
 * @param approval     manual-auth-complete with checkApproval: Tilko's LoginCheck verdict
 */
public record ActionResult(ActionRequest request, Outcome outcome, String message, SessionStatus statusBefore,
                           SessionStatus statusAfter, String actionId, ApprovalCheck approval) {

    public enum Outcome {
        /** Written and confirmed in Redis. For collect: the claim is written; the collection continues in the background. */
        APPLIED,
        /** A guard or the role said no; nothing was written. */
        REFUSED,
        /** Others kept changing the session, or overwrote the change right after it was written. */
        CONFLICT,
        /** Redis could not be reached (or the write's fate is unknown). */
        UNAVAILABLE,
        /** Anything else: Tilko refused, the session vanished, an unexpected error. */
        FAILED
    }

    public ActionResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        approval = approval == null ? ApprovalCheck.NOT_CHECKED : approval;
    }

    public ActionResult(ActionRequest request, Outcome outcome, String message, SessionStatus statusBefore,
                        SessionStatus statusAfter) {
        this(request, outcome, message, statusBefore, statusAfter, null, ApprovalCheck.NOT_CHECKED);
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }

    /** The command line's exit status: 0 applied, 2 refused, 3 conflict or Redis unavailable, 1 anything else. */
    public int exitCode() {
        return switch (outcome) {
            case APPLIED -> 0;
            case REFUSED -> 2;
            case CONFLICT, UNAVAILABLE -> 3;
            case FAILED -> 1;
        };
    }

    ActionResult withApproval(ApprovalCheck check) {
        return new ActionResult(request, outcome, message, statusBefore, statusAfter, actionId, check);
    }
}
