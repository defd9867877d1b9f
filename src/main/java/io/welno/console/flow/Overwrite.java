package io.welno.console.flow;

/**
 * What a console's change was written over by. One kind for every edge that tells it: the revert itself
 * ({@link RevertDetected}), the end of the hold it ends ({@link HoldOutcome}) and the window's alert, whose run
 * headline names each kind its sessions saw. Each is worded apart: a value that is no session is not the backend
 * writing an older copy back, and the flow never re-applies a change over it.
 */
public enum Overwrite {
    /** A session document without the change (an older copy written back, or anyone's write). */
    SESSION,
    /** A value that is no readable session at all (cut off mid-write, not JSON). */
    UNREADABLE
}
