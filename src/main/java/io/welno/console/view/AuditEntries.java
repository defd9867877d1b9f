package io.welno.console.view;

import io.welno.console.flow.AuditRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The audit stream as the audit tab holds it: newest first, each entry once (the first load and the live tail can
 * both deliver an entry), at most {@code capacity} entries (the stream itself is capped the same way), and each
 * action's revert found by its action id. JavaFX-free and not thread-safe: the window uses it on its FX thread.
 */
public final class AuditEntries {

    /** Newest first: by stream id when both have one (Redis orders them), else by time. */
    static final Comparator<AuditRecord> NEWEST_FIRST = (a, b) -> {
        if (!a.streamId().isEmpty() && !b.streamId().isEmpty()) {
            return compareStreamIds(b.streamId(), a.streamId());
        }
        return b.time().compareTo(a.time());
    };

    private final int capacity;
    private final List<AuditRecord> entries = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, AuditRecord> reverts = new HashMap<>();
    private final Map<String, Integer> actionCounts = new HashMap<>();
    private final Map<String, Integer> resultCounts = new HashMap<>();

    public AuditEntries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /**
     * What a batch changed.
     *
     * @param added   the entries it added, newest first (ones already held are not among them)
     * @param dropped the entries the capacity pushed out, oldest first
     * @param onTop   whether every added entry is newer than all those held before: the tail's usual case, in which
     *                a view can put the added ones on top instead of filtering all of them again
     */
    public record Change(List<AuditRecord> added, List<AuditRecord> dropped, boolean onTop) {

        public boolean any() {
            return !added.isEmpty();
        }
    }

    /** Adds entries (a first load or a batch from the tail, in any order), skipping ones already held. */
    public Change add(List<AuditRecord> more) {
        AuditRecord newestBefore = entries.isEmpty() ? null : entries.get(0);
        List<AuditRecord> added = new ArrayList<>();
        for (AuditRecord entry : more) {
            if (!seen.add(key(entry))) {
                continue;
            }
            entries.add(entry);
            count(entry, 1);
            if (AuditRecord.REVERT_DETECTED.equals(entry.event()) && !entry.actionId().isEmpty()) {
                reverts.putIfAbsent(entry.actionId(), entry);
            }
            added.add(entry);
        }
        if (added.isEmpty()) {
            return new Change(List.of(), List.of(), true);
        }
        boolean onTop = true;
        for (AuditRecord entry : added) {
            onTop &= newestBefore == null || NEWEST_FIRST.compare(entry, newestBefore) < 0;
        }
        added.sort(NEWEST_FIRST);
        entries.sort(NEWEST_FIRST);
        // An entry of this batch may be pushed out at once (a first load larger than the capacity): never shown, it is
        // neither added nor dropped.
        Set<AuditRecord> fresh = new HashSet<>(added);
        Set<AuditRecord> goneAtOnce = new HashSet<>();
        List<AuditRecord> dropped = new ArrayList<>();
        while (entries.size() > capacity) {
            AuditRecord gone = entries.remove(entries.size() - 1);
            seen.remove(key(gone));
            reverts.remove(gone.actionId(), gone);
            count(gone, -1);
            (fresh.contains(gone) ? goneAtOnce : dropped).add(gone);
        }
        added.removeIf(goneAtOnce::contains);
        return new Change(List.copyOf(added), List.copyOf(dropped), onTop);
    }

    /** The entries {@code filter} lets through, newest first. */
    public List<AuditRecord> matching(AuditFilter filter) {
        return entries.stream().filter(filter::matches).toList();
    }

    /** The revert of the action this entry belongs to, when the backend wrote over it (and it is still held). */
    public Optional<AuditRecord> revertOf(AuditRecord entry) {
        if (entry.actionId().isEmpty() || AuditRecord.REVERT_DETECTED.equals(entry.event())) {
            return Optional.empty();
        }
        return Optional.ofNullable(reverts.get(entry.actionId()));
    }

    /** The actions that appear, for the filter's choices. */
    public Set<String> actions() {
        return new TreeSet<>(actionCounts.keySet());
    }

    /** The results that appear, for the filter's choices. */
    public Set<String> results() {
        return new TreeSet<>(resultCounts.keySet());
    }

    public int size() {
        return entries.size();
    }

    /** Counted as entries come and go, so the filter's choices need no pass over every entry per batch. */
    private void count(AuditRecord entry, int delta) {
        count(actionCounts, entry.action(), delta);
        count(resultCounts, entry.result(), delta);
    }

    private static void count(Map<String, Integer> counts, String value, int delta) {
        if (value != null && !value.isEmpty()) {
            counts.merge(value, delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    private static String key(AuditRecord entry) {
        return entry.streamId().isEmpty()
                ? entry.time() + "|" + entry.actionId() + "|" + entry.event() + "|" + entry.sessionId()
                : entry.streamId();
    }

    /** Stream ids are {@code millis-seq}; compared as numbers, not as text ("9-0" is before "10-0"). */
    static int compareStreamIds(String a, String b) {
        long[] x = parts(a);
        long[] y = parts(b);
        int c = Long.compare(x[0], y[0]);
        return c != 0 ? c : Long.compare(x[1], y[1]);
    }

    private static long[] parts(String id) {
        int dash = id.indexOf('-');
        try {
            return dash < 0 ? new long[] {Long.parseLong(id), 0}
                    : new long[] {Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1))};
        } catch (NumberFormatException e) {
            return new long[] {0, 0};
        }
    }
}
