package io.welno.console.flow;

import io.welno.console.session.SessionStatus;

/**
 * A change the console applied is gone again: the key was overwritten by a document that does not contain
 * it (typically the backend writing back a stale snapshot, welno-backend.md §6). Shown to the operator as
 * a warning; nothing is re-applied automatically.
 *
 * @param action    the action whose change was lost
 * @param actionId  the id in that action's session message and audit entry
 * @param operator  who performed the action
 * @param lost      an English description of what is missing ("the message … is gone; status is auth_request_sent
 *                  again (the action had set auth_completed); auth_data changed back")
 * @param statusNow the status in the overwriting document
 */
public record RevertDetected(String sessionId, ActionKind action, String actionId, String operator, String lost,
                             SessionStatus statusNow) {
}
