package io.welno.console.flow;

import io.welno.console.session.SessionStatus;
import io.welno.console.store.StoreFailure;
import io.welno.console.text.Phrase;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What happened to one {@link ActionRequest}. {@link Outcome#APPLIED} is reported when the change was written by
 * compare-and-set <em>and</em> read back from Redis afterwards, or, {@link #unconfirmed()}, when the compare-and-set
 * answered but no read-back worked; whether it stays there is the {@link #hold()}'s to tell.
 *
 * @param message      what to tell the operator, as a code (the window and the CLI make the words)
 * @param statusBefore the status the action saw (null when the session could not be read)
 * @param statusAfter  the status it left (equal to statusBefore when nothing was written; null when unknown)
 * @param actionId     the id that ties the session message, the audit entries, collection and revert events together
 * @param approval     manual-auth-complete with checkApproval: Tilko's LoginCheck verdict
 * @param hold         for an applied action (and a simple-auth that failed leaving the session in error), the watch
 *                     that reports whether the change stays; {@link Hold#none()} otherwise
 * @param auditFailure why the action's audit entry could not be written, or null when it was: the change stands
 *                     either way, but the operator must not believe the audit view holds it
 * @param unconfirmed  the write was made (its compare-and-set answered) but no read-back worked: what the result says
 *                     of the session is not confirmed, and only its hold can tell (docs/flow.md, "A write whose
 *                     answer was lost")
 * @param claimStandsUntil the action's claim was written but could not be read back, nor given back: it may still be
 *                     in the session, renewed by nobody, until its lease lapses at this moment (the backend's
 *                     wall-clock time); null when no claim of the action is left behind like that
 */
public record ActionResult(ActionRequest request, Outcome outcome, Phrase message, SessionStatus statusBefore,
                           SessionStatus statusAfter, String actionId, ApprovalCheck approval, Hold hold,
                           StoreFailure auditFailure, boolean unconfirmed, LocalDateTime claimStandsUntil) {

    /** Each cause has its own outcome, so that what the operator reads names what really happened. */
    public enum Outcome {
        /** Written and confirmed in Redis. For collect: the claim is written; the collection continues in the background. */
        APPLIED,
        /** A guard, the role or the reason said no; nothing was written. */
        REFUSED,
        /** Others kept changing the session, or overwrote the change right after it was written. */
        CONFLICT,
        /** The session is gone (expired or deleted). */
        VANISHED,
        /** The Redis user lacks a permission the action needs (the message names it); nothing was written. */
        PERMISSION_DENIED,
        /**
         * Redis could not be used: not reached (refused, unknown host, TLS, authentication), not serving yet (loading,
         * cluster down), or every connection of the console busy. Nothing was sent that could have changed anything.
         */
        UNREACHABLE,
        /** Redis stopped answering (paused, frozen, overloaded); a write's fate may be unknown. */
        TIMEOUT,
        /** The connection broke during the action; a write's fate may be unknown. */
        CONNECTION_LOST,
        /** Anything else: Tilko refused, an unexpected error. */
        FAILED;

        public static Outcome of(StoreFailure failure) {
            return switch (failure.cause()) {
                case PERMISSION_DENIED, KEY_PERMISSION_DENIED -> PERMISSION_DENIED;
                case AUTH_FAILED, UNREACHABLE, TLS_FAILED, UNAVAILABLE, POOL_EXHAUSTED -> UNREACHABLE;
                case TIMEOUT -> TIMEOUT;
                case CONNECTION_LOST -> CONNECTION_LOST;
                case READ_ONLY, OUT_OF_MEMORY, DISK_ERROR, OTHER_NODE, SERVER_ERROR, FILE_FAILED -> FAILED;
            };
        }

        /** Redis itself was the problem (not the session, a guard or Tilko). */
        public boolean redisTrouble() {
            return this == PERMISSION_DENIED || this == UNREACHABLE || this == TIMEOUT || this == CONNECTION_LOST;
        }
    }

    public ActionResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        approval = approval == null ? ApprovalCheck.NOT_CHECKED : approval;
        hold = hold == null ? Hold.none() : hold;
    }

    /** A result that leaves no claim behind. */
    public ActionResult(ActionRequest request, Outcome outcome, Phrase message, SessionStatus statusBefore,
                        SessionStatus statusAfter, String actionId, ApprovalCheck approval, Hold hold,
                        StoreFailure auditFailure, boolean unconfirmed) {
        this(request, outcome, message, statusBefore, statusAfter, actionId, approval, hold, auditFailure,
                unconfirmed, null);
    }

    static ActionResult of(ActionRequest request, Outcome outcome, Phrase message, SessionStatus before,
                           SessionStatus after, String actionId) {
        return new ActionResult(request, outcome, message, before, after, actionId, null, null, null, false, null);
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }

    /**
     * Whether a write of this result is being held: every applied one (unless asked to hold for zero), and a failure
     * that tells of the state its last write left (a simple-auth that Tilko refused: the session is now error).
     */
    public boolean held() {
        return hold != Hold.none();
    }

    /** Whether the action's attempt entry is in the audit stream (or, for a viewer, in this process's log). */
    public boolean audited() {
        return auditFailure == null;
    }

    ActionResult withApproval(ApprovalCheck check, Phrase newMessage) {
        return new ActionResult(request, outcome, newMessage, statusBefore, statusAfter, actionId, check, hold,
                auditFailure, unconfirmed, claimStandsUntil);
    }

    ActionResult withHold(Hold newHold) {
        return new ActionResult(request, outcome, message, statusBefore, statusAfter, actionId, approval, newHold,
                auditFailure, unconfirmed, claimStandsUntil);
    }

    ActionResult withMessage(Phrase newMessage) {
        return new ActionResult(request, outcome, newMessage, statusBefore, statusAfter, actionId, approval, hold,
                auditFailure, unconfirmed, claimStandsUntil);
    }

    /**
     * The action's claim was written, but neither confirmed nor given back: {@code newMessage} says it may stand
     * until its lease lapses at {@code leaseUntil} (docs/flow.md, "A write whose answer was lost").
     */
    ActionResult claimLeftStanding(LocalDateTime leaseUntil, Phrase newMessage) {
        return new ActionResult(request, outcome, newMessage, statusBefore, statusAfter, actionId, approval, hold,
                auditFailure, unconfirmed, leaseUntil);
    }

    /** The write was made but could not be read back: {@code newMessage} says so. */
    ActionResult unreadAfterWrite(Phrase newMessage) {
        return new ActionResult(request, outcome, newMessage, statusBefore, statusAfter, actionId, approval, hold,
                auditFailure, true, claimStandsUntil);
    }

    /**
     * The entry that should have recorded this result could not be written: the message says so after what the
     * action did, so every place that shows the result (notice, command line, bulk list) tells it.
     */
    ActionResult withAuditFailure(StoreFailure failure) {
        return new ActionResult(request, outcome, AuditFailures.told(message, failure), statusBefore, statusAfter,
                actionId, approval, hold, failure, unconfirmed, claimStandsUntil);
    }
}
