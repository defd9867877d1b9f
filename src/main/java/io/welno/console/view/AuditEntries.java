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

    public AuditEntries(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /**
     * Adds entries (a first load or a batch from the tail, in any order); ones already held are skipped.
     *
     * @return whether anything was added
     */
    public boolean addAll(List<AuditRecord> more) {
        boolean added = false;
        for (AuditRecord entry : more) {
            String key = key(entry);
            if (!seen.add(key)) {
                continue;
            }
            entries.add(entry);
            if (AuditRecord.REVERT_DETECTED.equals(entry.event()) && !entry.actionId().isEmpty()) {
                reverts.putIfAbsent(entry.actionId(), entry);
            }
            added = true;
        }
        if (added) {
            entries.sort(NEWEST_FIRST);
            while (entries.size() > capacity) {
                AuditRecord dropped = entries.remove(entries.size() - 1);
                seen.remove(key(dropped));
                reverts.remove(dropped.actionId(), dropped);
            }
        }
        return added;
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
        return values(AuditRecord::action);
    }

    /** The results that appear, for the filter's choices. */
    public Set<String> results() {
        return values(AuditRecord::result);
    }

    public int size() {
        return entries.size();
    }

    private Set<String> values(java.util.function.Function<AuditRecord, String> field) {
        Set<String> out = new TreeSet<>();
        for (AuditRecord entry : entries) {
            String value = field.apply(entry);
            if (!value.isEmpty()) {
                out.add(value);
            }
        }
        return out;
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
