package io.welno.console.flow;

import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import java.util.Objects;

/**
 * A change a console applied is gone again: the key was overwritten by a document that does not contain it
 * (typically the backend writing back a copy it read before our write, docs/backend-protocol.md, "Lost
 * updates"). Shown to the operator as a warning.
 *
 * @param action    the action whose change was lost (null when another console's action could not be looked up)
 * @param actionId  the id in that action's session message and audit entry
 * @param operator  who performed the action ("" when unknown)
 * @param lost      what is missing: the console's message and the fields the backend put back
 * @param statusNow the status in the overwriting document
 * @param ours      true when this console performed the action (it audits the revert and may re-apply it);
 *                  false when it only saw another console's change being reverted
 * @param batchId   the bulk run the action was part of, or null: a run's reverts are told together, as its other
 *                  ends are
 * @param failedTo  for a failed action whose last write was held (a simple-auth Tilko refused), the status that write
 *                  left: what the revert undid is that status, not a change the action made; null otherwise
 * @param overwrittenBy what wrote over the change: a session without it, or a value that is no readable session at
 *                  all, set where that value was read ({@link #overUnreadable})
 */
public record RevertDetected(String sessionId, ActionKind action, String actionId, String operator, Phrase lost,
                             SessionStatus statusNow, boolean ours, String batchId, SessionStatus failedTo,
                             Overwrite overwrittenBy) {

    public RevertDetected {
        Objects.requireNonNull(overwrittenBy, "overwrittenBy");
    }

    /** The code of {@link #lost()} for a change written over by a value that is no readable session. */
    static final String UNREADABLE = "revert.unreadable";

    /**
     * A change written over by a value that is no readable session: what is lost is everything, said with why the
     * value cannot be read ({@code reason}).
     */
    public static RevertDetected overUnreadable(String sessionId, ActionKind action, String actionId, String operator,
                                                Phrase reason, boolean ours, String batchId) {
        return new RevertDetected(sessionId, action, actionId, operator, Phrase.of(UNREADABLE, reason), null, ours,
                batchId, null, Overwrite.UNREADABLE);
    }

    public RevertDetected(String sessionId, ActionKind action, String actionId, String operator, Phrase lost,
                          SessionStatus statusNow, boolean ours, String batchId, SessionStatus failedTo) {
        this(sessionId, action, actionId, operator, lost, statusNow, ours, batchId, failedTo, Overwrite.SESSION);
    }

    public RevertDetected(String sessionId, ActionKind action, String actionId, String operator, Phrase lost,
                          SessionStatus statusNow, boolean ours, String batchId) {
        this(sessionId, action, actionId, operator, lost, statusNow, ours, batchId, null);
    }

    public RevertDetected(String sessionId, ActionKind action, String actionId, String operator, Phrase lost,
                          SessionStatus statusNow, boolean ours) {
        this(sessionId, action, actionId, operator, lost, statusNow, ours, null);
    }

    public RevertDetected(String sessionId, ActionKind action, String actionId, String operator, Phrase lost,
                          SessionStatus statusNow) {
        this(sessionId, action, actionId, operator, lost, statusNow, true);
    }

    /** The same revert, told as part of bulk run {@code id} (null: a single action). */
    public RevertDetected inBatch(String id) {
        return new RevertDetected(sessionId, action, actionId, operator, lost, statusNow, ours, id, failedTo,
                overwrittenBy);
    }

    /** The same revert, of the status {@code left} that a failed action's write left (null: of an applied change). */
    public RevertDetected undoing(SessionStatus left) {
        return new RevertDetected(sessionId, action, actionId, operator, lost, statusNow, ours, batchId, left,
                overwrittenBy);
    }

    /** Whether the change was written over by a value that is no readable session ({@link Overwrite#UNREADABLE}). */
    public boolean toUnreadable() {
        return overwrittenBy == Overwrite.UNREADABLE;
    }
}
