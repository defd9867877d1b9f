package io.welno.console.flow;

import io.welno.console.session.SessionDocument;

/**
 * One write this console applied to a session, as written: a history can say the version is this console's action
 * even when the live feed delivers it before (or coalesced beside) the message that carries the action id.
 *
 * @param after the document as this write left it
 */
public record SessionWritten(String sessionId, String actionId, ActionKind action, String operator,
                             SessionDocument after) {
}
