package io.welno.console.store;

import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;

/**
 * A change to one session. It may run several times (once per compare-and-set attempt), each time on
 * a fresh copy of the latest document, so it must derive everything from its arguments.
 */
@FunctionalInterface
public interface SessionMutation {

    void apply(SessionDocument current, SessionEditor edit);

    static SessionMutation none() {
        return (current, edit) -> { };
    }
}
