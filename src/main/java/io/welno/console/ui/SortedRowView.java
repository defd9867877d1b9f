package io.welno.console.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableListBase;

/**
 * The rows the session table shows: those that pass the filter, in the table's sort order (ties broken by
 * session id, so the order is total and a row can be found by binary search).
 *
 * <p>It replaces a {@code FilteredList} → {@code SortedList} chain, which cost too much at live rates: the
 * sorted list re-numbers every element for each row it inserts or removes (O(n) per change: 25–35 ms a frame
 * at 100,000 sessions and 1,000 updates a second), and it reports rows that moved as <em>replaced</em>
 * ranges, which {@code TableViewSkinBase} answers by emptying and re-filling every visible cell. Here a
 * frame's changes are merged into the order in one pass, and published as in-place updates of the positions
 * that changed plus rows added or removed at the end, so the table only re-fills the visible cells whose row
 * changed. Its selection model does not follow rows through such a change; the view restores the selection
 * by session id after every change.
 *
 * <p>Rows are immutable, so a row's place in the order never changes while it is in the list. FX thread only.
 */
public final class SortedRowView extends ObservableListBase<SessionRow> {

    private static final Comparator<SessionRow> BY_ID = Comparator.comparing(SessionRow::id);

    private final ObjectProperty<Comparator<? super SessionRow>> comparator = new SimpleObjectProperty<>();
    private ArrayList<SessionRow> rows = new ArrayList<>();
    private Predicate<? super SessionRow> filter = row -> true;
    private Comparator<SessionRow> order = BY_ID;

    SortedRowView() {
        comparator.addListener((o, old, now) -> resort());
    }

    /** The table's sort order (bound to {@code TableView.comparatorProperty()}); null means by session id. */
    ObjectProperty<Comparator<? super SessionRow>> comparatorProperty() {
        return comparator;
    }

    /** Shows the rows of {@code all} that pass {@code newFilter}. O(n log n): for filter changes, not updates. */
    void setFilter(Predicate<? super SessionRow> newFilter, Collection<SessionRow> all) {
        filter = newFilter;
        ArrayList<SessionRow> next = new ArrayList<>();
        for (SessionRow row : all) {
            if (filter.test(row)) {
                next.add(row);
            }
        }
        next.sort(order);
        publish(rows, next, 0, next.size());
    }

    /**
     * Takes one batch: rows that left the model or were replaced ({@code removed}, the objects the view may
     * hold) and rows that arrived or replaced others ({@code added}). O(n) to copy the order plus
     * O(k log n) for the k changes.
     */
    void apply(Collection<SessionRow> removed, Collection<SessionRow> added) {
        Set<SessionRow> leaving = Collections.newSetFromMap(new IdentityHashMap<>());
        leaving.addAll(removed);
        int[] gone = removed.stream().mapToInt(this::positionOf).filter(at -> at >= 0).sorted().distinct().toArray();
        SessionRow[] incoming = added.stream().filter(row -> !leaving.contains(row) && filter.test(row))
                .sorted(order).toArray(SessionRow[]::new);
        if (gone.length == 0 && incoming.length == 0) {
            return;
        }
        int[] insertAt = new int[incoming.length];
        for (int k = 0; k < incoming.length; k++) {
            insertAt[k] = lowerBound(incoming[k]);
        }
        ArrayList<SessionRow> next = new ArrayList<>(rows.size() - gone.length + incoming.length);
        int copied = 0;
        int g = 0;
        int k = 0;
        int first = -1;
        int last = -1;
        while (g < gone.length || k < incoming.length) {
            int removeAt = g < gone.length ? gone[g] : Integer.MAX_VALUE;
            int addBefore = k < incoming.length ? insertAt[k] : Integer.MAX_VALUE;
            if (addBefore <= removeAt) {
                next.addAll(rows.subList(copied, addBefore));
                copied = addBefore;
                last = next.size();
                next.add(incoming[k++]);
            } else {
                next.addAll(rows.subList(copied, removeAt));
                copied = removeAt + 1;
                last = next.size(); // the rows after it moved up by one
                g++;
            }
            if (first < 0) {
                first = last;
            }
        }
        next.addAll(rows.subList(copied, rows.size()));
        publish(rows, next, first, last + 1);
    }

    private void resort() {
        Comparator<? super SessionRow> chosen = comparator.get();
        if (chosen == null) {
            order = BY_ID;
        } else {
            Comparator<SessionRow> byTable = chosen::compare;
            order = byTable.thenComparing(BY_ID);
        }
        ArrayList<SessionRow> next = new ArrayList<>(rows);
        next.sort(order);
        publish(rows, next, 0, next.size());
    }

    /**
     * Replaces the rows and reports it as updates of the positions both lists have from {@code from} on (up to
     * {@code to} when the size is unchanged: beyond the last change nothing moved), plus the rows added or
     * removed at the end.
     */
    private void publish(ArrayList<SessionRow> before, ArrayList<SessionRow> after, int from, int to) {
        int common = Math.min(before.size(), after.size());
        if (before.size() != after.size()) {
            to = common; // every row after the first change moved
        }
        List<SessionRow> tailRemoved = after.size() < before.size()
                ? new ArrayList<>(before.subList(after.size(), before.size())) : List.of();
        rows = after;
        beginChange();
        try {
            for (int i = Math.max(0, from); i < Math.min(to, common); i++) {
                nextUpdate(i);
            }
            if (after.size() > before.size()) {
                nextAdd(before.size(), after.size());
            } else if (!tailRemoved.isEmpty()) {
                nextRemove(after.size(), tailRemoved);
            }
        } finally {
            endChange();
        }
    }

    /** The first position whose row sorts after {@code row}: where it belongs. */
    private int lowerBound(SessionRow row) {
        int lo = 0;
        int hi = rows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(rows.get(mid), row) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Where this very row object is, or -1. O(log n). */
    private int positionOf(SessionRow row) {
        int at = lowerBound(row);
        return at < rows.size() && rows.get(at) == row ? at : -1;
    }

    @Override
    public int indexOf(Object o) {
        return o instanceof SessionRow row ? positionOf(row) : -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    @Override
    public SessionRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public Object[] toArray() {
        return rows.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return rows.toArray(a);
    }

    /** For tests: whether the rows are in strictly ascending order. */
    boolean isOrdered() {
        for (int i = 1; i < rows.size(); i++) {
            if (order.compare(rows.get(i - 1), rows.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return Arrays.toString(rows.stream().map(SessionRow::id).toArray());
    }
}
