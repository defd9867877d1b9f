package io.welno.console.flow;

import io.welno.console.store.StoreFailure;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;

/**
 * An audit entry that follows an outcome already told — a collection's end, a revert, a re-apply, a hold's end —
 * could not be written (or may not have been). Told like an action's own missing entry (docs/flow.md, "Audit").
 *
 * <p>One event of its own rather than a field on each of the four events it follows: the window and the command line
 * then say it in one handler each, with the same words for all four, and the four events stay as they were for the
 * listeners that only want the outcome (alerts, bulk runs).
 *
 * @param event   which entry: {@link AuditRecord#COLLECTION_FINISHED}, {@link AuditRecord#REVERT_DETECTED},
 *                {@link AuditRecord#REAPPLY} or {@link AuditRecord#HOLD_ENDED}
 * @param failure why it is missing ({@link StoreFailure#mayHaveWritten()}: perhaps it is not)
 */
public record AuditUnwritten(String sessionId, String actionId, String event, StoreFailure failure) {

    public AuditUnwritten {
        what(event, sessionId); // an entry of another kind has no words here: refused where it is made, not shown
        java.util.Objects.requireNonNull(failure, "failure");
    }

    /** "The hold on session … ended. But its audit entry could not be written: …", in the action's words. */
    public Phrase told() {
        // The id is read from Redis: cut to a field's length, so a long one cannot push the cause out of a bounded
        // notice or line (a sentence argument is bounded only to a whole text's).
        return AuditFailures.told(what(event, SafeText.bounded(sessionId, SafeText.FIELD)), failure);
    }

    /** Whether the entry may have been written after all (a timeout, a broken connection). */
    public boolean unconfirmed() {
        return failure.mayHaveWritten();
    }

    private static Phrase what(String event, String sessionId) {
        // literal keys, so that the bundles' test sees each of them used
        return switch (event) {
            case AuditRecord.COLLECTION_FINISHED -> Phrase.of("flow.audit.entry.collectionFinished", sessionId);
            case AuditRecord.REVERT_DETECTED -> Phrase.of("flow.audit.entry.revertDetected", sessionId);
            case AuditRecord.REAPPLY -> Phrase.of("flow.audit.entry.reapply", sessionId);
            case AuditRecord.HOLD_ENDED -> Phrase.of("flow.audit.entry.holdEnded", sessionId);
            default -> throw new IllegalArgumentException("not an entry that follows an outcome: " + event);
        };
    }
}
