package io.welno.console.flow;

/**
 * Receives what {@link FlowService} does. Methods are called on whatever thread did the work (the caller of
 * {@code perform}, the background executor, the revert watch's poller or the live feed's thread); a UI must
 * hop to its own thread. Exceptions thrown here are logged and otherwise ignored.
 */
public interface FlowListener {

    /** Every {@link FlowService#perform} call ends here, applied or not. */
    default void onActionFinished(ActionResult result) {
    }

    /** A step of a background collection was saved. */
    default void onCollectionProgress(CollectionProgress progress) {
    }

    /** A background collection ended (one event per successful collect claim). */
    default void onCollectionFinished(CollectionFinished finished) {
    }

    /**
     * A change a console applied was overwritten by a document that no longer contains it: one of this console's
     * held actions ({@link RevertDetected#ours()}), or another console's seen through the live feed and the audit
     * stream.
     */
    default void onRevertDetected(RevertDetected revert) {
    }

    /** A reverted change of this console was applied again (or could not be), during its hold. */
    default void onReapplied(Reapplied reapplied) {
    }

    /**
     * The audit entry of a collection's end, a revert, a re-apply or a hold's end could not be written (or may not
     * have been). Called right after the failed write, before the event that entry belongs to, so that a command line
     * that exits on that event has said it first.
     */
    default void onAuditUnwritten(AuditUnwritten unwritten) {
    }

    /**
     * The hold of one of this console's actions ended.
     *
     * @param batchId the bulk run the action was part of, or null for a single action
     */
    default void onHoldEnded(String sessionId, String actionId, String batchId, HoldOutcome outcome) {
    }

    /** A write of one of this console's actions was applied (every write, the claim's and the finish's alike). */
    default void onSessionWritten(SessionWritten written) {
    }
}
