package io.welno.console.flow;

import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;

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
 */
public record RevertDetected(String sessionId, ActionKind action, String actionId, String operator, Phrase lost,
                             SessionStatus statusNow, boolean ours) {

    public RevertDetected(String sessionId, ActionKind action, String actionId, String operator, Phrase lost,
                          SessionStatus statusNow) {
        this(sessionId, action, actionId, operator, lost, statusNow, true);
    }
}
