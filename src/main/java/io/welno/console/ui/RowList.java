package io.welno.console.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableListBase;

/**
 * The table's backing list. A frame's worth of replacements and additions is published as ONE change
 * event: the table, the filtered and the sorted list then do their work once per frame instead of once
 * per session (which cost tens of milliseconds per frame at 1,000 writes a second).
 */
final class RowList extends ObservableListBase<SessionRow> {

    private final ArrayList<SessionRow> rows = new ArrayList<>();

    @Override
    public SessionRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /** Replaces rows at the given indexes and appends {@code added}, as a single change. */
    void apply(Map<Integer, SessionRow> replacements, List<SessionRow> added) {
        if (replacements.isEmpty() && added.isEmpty()) {
            return;
        }
        beginChange();
        try {
            replacements.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                SessionRow old = rows.set(entry.getKey(), entry.getValue());
                nextSet(entry.getKey(), old);
            });
            if (!added.isEmpty()) {
                int from = rows.size();
                rows.addAll(added);
                nextAdd(from, rows.size());
            }
        } finally {
            endChange();
        }
    }

    /** Removes one row (rare: only when the recently-ended list overflows). */
    SessionRow removeRow(int index) {
        beginChange();
        try {
            SessionRow old = rows.remove(index);
            nextRemove(index, old);
            return old;
        } finally {
            endChange();
        }
    }

    @Override
    public boolean addAll(Collection<? extends SessionRow> c) {
        throw new UnsupportedOperationException("use apply()");
    }
}
