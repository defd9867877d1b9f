package io.welno.console.ui.actions;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.Hold;
import org.junit.jupiter.api.Test;

/** The pane remembers the latest change of the most recently changed sessions, not of every session ever changed. */
class HeldChangesTest {

    private static HeldChange change(ActionKind kind) {
        return new HeldChange(kind, Hold.none());
    }

    @Test
    void theLeastRecentlyChangedSessionIsForgottenBeyondTheCapacity() {
        HeldChanges held = new HeldChanges(2);
        HeldChange a = change(ActionKind.RESET_STUCK);
        HeldChange b = change(ActionKind.COLLECT);
        held.put("a", a);
        held.put("b", b);
        HeldChange newerA = change(ActionKind.SIMPLE_AUTH);
        held.put("a", newerA); // a is now the most recently changed
        held.put("c", change(ActionKind.MANUAL_COMPLETE));

        assertNull(held.get("b"), "the least recently changed is forgotten");
        assertSame(newerA, held.get("a"), "the latest change of a session counts");
        assertNull(held.get("nobody"));
    }
}
