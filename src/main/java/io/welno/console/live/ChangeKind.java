package io.welno.console.live;

/** What happened to a session key. */
public enum ChangeKind {
    ADDED, UPDATED, REMOVED, EXPIRED;

    public boolean ended() {
        return this == REMOVED || this == EXPIRED;
    }
}
