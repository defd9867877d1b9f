package io.welno.console.ui.actions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest change this console made to each session, for the note in the session's pane: the most recently changed
 * sessions only, so that a bulk run over a whole bucket does not keep every hold for as long as the window is open.
 * Used on the FX thread only.
 */
final class HeldChanges {

    /** The most sessions remembered: the newest, well beyond a bucket an operator reads one by one. */
    static final int REMEMBERED = 10_000;

    private final Map<String, HeldChange> latest;

    HeldChanges() {
        this(REMEMBERED);
    }

    HeldChanges(int capacity) {
        this.latest = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, HeldChange> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The session's newest change, which makes it the most recently changed. */
    void put(String sessionId, HeldChange change) {
        latest.remove(sessionId);
        latest.put(sessionId, change);
    }

    /** The session's latest change, or null when this console made none (or too many sessions changed since). */
    HeldChange get(String sessionId) {
        return latest.get(sessionId);
    }
}
