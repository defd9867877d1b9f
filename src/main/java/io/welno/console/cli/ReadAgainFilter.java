package io.welno.console.cli;

import io.welno.console.live.ChangeKind;
import io.welno.console.live.SessionChange;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Which rows of a resync {@code watch} prints as text lines. After a reconnect the feed reads every session again and
 * reports each known one as {@code UPDATED}, changed or not (docs/live.md, "Consuming batches"): printed, each would
 * read as a write that never happened. A row of such a pass whose value is the one last printed for its session is
 * counted instead, and the count said once with the pass's end. The JSON lines keep every row, marked
 * {@code "snapshot": true}, for a script that rebuilds its state from them.
 *
 * <p>A digest per session, not its bytes: 100,000 sessions' values would take a command hundreds of megabytes. Two
 * independent 32-bit sums of one value must both collide for a changed value to pass as unchanged.
 */
final class ReadAgainFilter {

    /** What becomes of a change: no line, its line, or its line saying a resync found it changed. */
    enum Verdict { UNCHANGED, SAID, FOUND_CHANGED }

    private final Map<String, Long> printed = new HashMap<>();
    private int unchanged;

    /** Whether and how {@code change} gets a text line; remembers the value of each one that does. */
    Verdict judge(SessionChange change) {
        if (change.kind().ended()) {
            printed.remove(change.id());
            return Verdict.SAID;
        }
        byte[] value = change.session().value();
        if (value.length == 0) {
            printed.remove(change.id()); // no string to compare (another type's key): always said, never judged
            return Verdict.SAID;
        }
        long digest = digest(value);
        Long before = printed.put(change.id(), digest);
        if (!change.fromSnapshot() || change.kind() != ChangeKind.UPDATED || before == null) {
            return Verdict.SAID;
        }
        if (before == digest) {
            unchanged++;
            return Verdict.UNCHANGED;
        }
        return Verdict.FOUND_CHANGED; // changed while nothing was followed: when is not known
    }

    /** How many rows were read again unchanged since the last call. */
    int takeUnchanged() {
        int n = unchanged;
        unchanged = 0;
        return n;
    }

    private static long digest(byte[] value) {
        CRC32C crc = new CRC32C();
        crc.update(value);
        return ((long) Arrays.hashCode(value) << 32) | crc.getValue();
    }
}
