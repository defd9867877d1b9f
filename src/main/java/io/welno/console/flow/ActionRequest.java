package io.welno.console.flow;

import io.welno.console.text.Masking;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One action the operator asked for.
 *
 * @param reason         why; required for every action, one line of at most {@link #MAX_REASON_LENGTH} characters
 *                       ({@link #reasonProblem}), written into the session's message and the audit
 * @param overrideGuards skip the overridable guards (developer only; recorded in the message and the audit)
 * @param checkApproval  manual-auth-complete only: ask Tilko's LoginCheck first and report whether the phone approved
 * @param hold           how long the applied change is held (watched for anything written over it); null = the
 *                       service's default ({@link FlowOptions#holdWindow()}), zero = not held
 * @param reapply        when the change is written over during the hold, apply it again through the same
 *                       compare-and-set if the action's guards still hold on the reverted document
 * @param batchId        the bulk run this request belongs to (in every audit entry of it), or null
 */
public record ActionRequest(ActionKind kind, String sessionId, String reason, boolean overrideGuards,
                            boolean checkApproval, Duration hold, boolean reapply, String batchId) {

    /** The longest reason, in characters (code points): what the session's message and the audit keep. */
    public static final int MAX_REASON_LENGTH = 500;

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
        this(kind, sessionId, reason, overrideGuards, checkApproval, null, false, null);
    }

    public ActionRequest(ActionKind kind, String sessionId, String reason, boolean overrideGuards,
                         boolean checkApproval, Duration hold, boolean reapply) {
        this(kind, sessionId, reason, overrideGuards, checkApproval, hold, reapply, null);
    }

    /**
     * Why a reason cannot be used, or nothing when it can: a reason is required, is one line of plain text (no
     * control, bidi or invisible character, which would forge lines or reorder text in the audit and on
     * screens; the joiners, selectors and tags of a well-formed emoji sequence, as phones and pickers insert them,
     * are part of the emoji: {@link SafeText#firstUnsafeTyped}), has at most {@link #MAX_REASON_LENGTH} characters
     * and holds no personal number (a mobile number, a resident registration number or a YYYYMMDD birth date). The
     * one check that the command line and the window's dialog both make before they send a request.
     */
    public static Optional<Phrase> reasonProblem(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            return Optional.of(Phrase.of("reason.required", MAX_REASON_LENGTH));
        }
        int bad = SafeText.firstUnsafeTyped(text);
        if (bad >= 0) {
            String character = SafeText.escape(new String(Character.toChars(text.codePointAt(bad))));
            return Optional.of(Phrase.of("reason.control", text.codePointCount(0, bad) + 1, character));
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_REASON_LENGTH) {
            return Optional.of(Phrase.of("reason.tooLong", MAX_REASON_LENGTH, length));
        }
        // A reason is kept unmasked in the shared audit and the session's messages, read by every operator
        return Masking.personalNumberIn(text).map(kind -> Phrase.of("reason.personal."
                + kind.name().toLowerCase(Locale.ROOT)));
    }

    public static ActionRequest of(ActionKind kind, String sessionId, String reason) {
        return new ActionRequest(kind, sessionId, reason, false, false, null, false, null);
    }

    public ActionRequest withOverride() {
        return new ActionRequest(kind, sessionId, reason, true, checkApproval, hold, reapply, batchId);
    }

    public ActionRequest withApprovalCheck() {
        return new ActionRequest(kind, sessionId, reason, overrideGuards, true, hold, reapply, batchId);
    }

    public ActionRequest withReason(String newReason) {
        return new ActionRequest(kind, sessionId, newReason, overrideGuards, checkApproval, hold, reapply, batchId);
    }

    public ActionRequest withHold(Duration newHold) {
        return new ActionRequest(kind, sessionId, reason, overrideGuards, checkApproval, newHold, reapply, batchId);
    }

    /** The same request for another session (a bulk run's items). */
    public ActionRequest forSession(String id) {
        return new ActionRequest(kind, id, reason, overrideGuards, checkApproval, hold, reapply, batchId);
    }

    public ActionRequest withBatch(String id) {
        return new ActionRequest(kind, sessionId, reason, overrideGuards, checkApproval, hold, reapply, id);
    }

    public ActionRequest withReapply(boolean on) {
        return new ActionRequest(kind, sessionId, reason, overrideGuards, checkApproval, hold, on, batchId);
    }
}
