package io.welno.console.ui.table;

import io.welno.console.view.SessionRow;
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
 * <p>Every row, shown or not, is also kept in that order, so a new filter (a search keystroke, a bucket) is
 * one pass over rows already sorted, not a sort: clearing a search over 100,000 sessions took 330–410 ms of
 * the FX thread when it re-sorted them.
 *
 * <p>Rows are immutable, so a row's place in the order never changes while it is in the list. FX thread only.
 */
public final class SortedRowView extends ObservableListBase<SessionRow> {

    private static final Comparator<SessionRow> BY_ID = (a, b) -> a.id().compareTo(b.id());

    private final ObjectProperty<Comparator<? super SessionRow>> comparator = new SimpleObjectProperty<>();
    /** Every row, in order. */
    private ArrayList<SessionRow> all = new ArrayList<>();
    /** The rows that pass the filter, in order: what the list shows. */
    private ArrayList<SessionRow> rows = new ArrayList<>();
    private Predicate<? super SessionRow> filter = row -> true;
    private Comparator<SessionRow> order = BY_ID;

    SortedRowView() {
        comparator.addListener((o, old, now) -> resort());
    }

    /** The table's sort order; null means by session id. */
    public ObjectProperty<Comparator<? super SessionRow>> comparatorProperty() {
        return comparator;
    }

    /** Shows the rows that pass {@code newFilter}. O(n) filter tests, no sorting. */
    void setFilter(Predicate<? super SessionRow> newFilter) {
        filter = newFilter;
        publish(rows, filtered(all), 0, Integer.MAX_VALUE);
    }

    /**
     * Shows the rows that pass {@code narrowerFilter}, which must reject every row the current filter rejects
     * (a search typed on): only the rows shown now are tested.
     */
    public void narrowFilter(Predicate<? super SessionRow> narrowerFilter) {
        filter = narrowerFilter;
        publish(rows, filtered(rows), 0, Integer.MAX_VALUE);
    }

    /**
     * Shows the rows that pass {@code widerFilter}, which must pass every row the current filter passes (the Stuck
     * bucket a second later): of the rest, only {@code candidates} (rows this view holds) are tested. O(k log n) for
     * the k candidates, where a new filter tests every row.
     */
    void widenFilter(Predicate<? super SessionRow> widerFilter, Collection<SessionRow> candidates) {
        filter = widerFilter;
        SessionRow[] arriving = candidates.stream().filter(widerFilter).filter(row -> positionOf(rows, row) < 0)
                .sorted(order).toArray(SessionRow[]::new);
        Merged shown = merge(rows, List.of(), arriving);
        if (shown.first() >= 0) {
            publish(rows, shown.rows(), shown.first(), shown.last() + 1);
        }
    }

    /**
     * Takes one batch: rows that left the model or were replaced ({@code removed}, the objects the view may
     * hold) and rows that arrived or replaced others ({@code added}). O(n) to copy the order plus
     * O(k log n) for the k changes.
     */
    void apply(Collection<SessionRow> removed, Collection<SessionRow> added) {
        Set<SessionRow> leaving = Collections.newSetFromMap(new IdentityHashMap<>());
        leaving.addAll(removed);
        SessionRow[] arriving = added.stream().filter(row -> !leaving.contains(row))
                .sorted(order).toArray(SessionRow[]::new);
        boolean showsAll = rows.size() == all.size(); // the shown rows are a subsequence of all: then they are all
        Merged everything = merge(all, removed, arriving);
        all = everything.rows();
        SessionRow[] shownArriving = Arrays.stream(arriving).filter(filter).toArray(SessionRow[]::new);
        // With nothing filtered out (the usual view) both lists change alike: one merge serves both, which halves
        // the comparisons of a frame, the FX thread's largest own cost while the JIT has not compiled them yet.
        Merged shown = showsAll && shownArriving.length == arriving.length ? everything
                : merge(rows, removed, shownArriving);
        if (shown.first() >= 0) {
            publish(rows, shown.rows(), shown.first(), shown.last() + 1);
        }
    }

    /**
     * The table's order, then the session id. A class of its own rather than {@code thenComparing}: the JDK's
     * composed comparators are one shared lambda class whose inner calls see every comparator of the process, so the
     * JIT cannot inline them, and a frame's merge makes thousands of these comparisons.
     */
    private record ThenById(Comparator<? super SessionRow> table) implements Comparator<SessionRow> {

        @Override
        public int compare(SessionRow a, SessionRow b) {
            int byTable = table.compare(a, b);
            return byTable != 0 ? byTable : BY_ID.compare(a, b);
        }
    }

    /** A list after a merge, and the first and last positions whose row changed (-1 when none did). */
    private record Merged(ArrayList<SessionRow> rows, int first, int last) {
    }

    /** {@code list} without the {@code removed} rows it holds and with the {@code incoming} ones, in order. */
    private Merged merge(ArrayList<SessionRow> list, Collection<SessionRow> removed, SessionRow[] incoming) {
        int[] gone = removed.stream().mapToInt(row -> positionOf(list, row)).filter(at -> at >= 0)
                .sorted().distinct().toArray();
        if (gone.length == 0 && incoming.length == 0) {
            return new Merged(list, -1, -1);
        }
        int[] insertAt = new int[incoming.length];
        for (int k = 0; k < incoming.length; k++) {
            insertAt[k] = lowerBound(list, incoming[k]);
        }
        ArrayList<SessionRow> next = new ArrayList<>(list.size() - gone.length + incoming.length);
        int copied = 0;
        int g = 0;
        int k = 0;
        int first = -1;
        int last = -1;
        while (g < gone.length || k < incoming.length) {
            int removeAt = g < gone.length ? gone[g] : Integer.MAX_VALUE;
            int addBefore = k < incoming.length ? insertAt[k] : Integer.MAX_VALUE;
            if (addBefore <= removeAt) {
                next.addAll(list.subList(copied, addBefore));
                copied = addBefore;
                last = next.size();
                next.add(incoming[k++]);
            } else {
                next.addAll(list.subList(copied, removeAt));
                copied = removeAt + 1;
                last = next.size(); // the rows after it moved up by one
                g++;
            }
            if (first < 0) {
                first = last;
            }
        }
        next.addAll(list.subList(copied, list.size()));
        return new Merged(next, first, last);
    }

    private void resort() {
        Comparator<? super SessionRow> chosen = comparator.get();
        if (chosen == null) {
            order = BY_ID;
        } else {
            order = new ThenById(chosen);
        }
        all = new ArrayList<>(all); // the shown rows may be this very list (apply), and they must not move under it
        all.sort(order);
        publish(rows, filtered(all), 0, Integer.MAX_VALUE);
    }

    /** The rows of {@code source} (in order) that pass the filter. */
    private ArrayList<SessionRow> filtered(List<SessionRow> source) {
        ArrayList<SessionRow> next = new ArrayList<>();
        for (SessionRow row : source) {
            if (filter.test(row)) {
                next.add(row);
            }
        }
        return next;
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

    /** The first position in {@code list} whose row does not sort before {@code row}: where it belongs. */
    private int lowerBound(List<SessionRow> list, SessionRow row) {
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(list.get(mid), row) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Where this very row object is in {@code list}, or -1. O(log n). */
    private int positionOf(List<SessionRow> list, SessionRow row) {
        int at = lowerBound(list, row);
        return at < list.size() && list.get(at) == row ? at : -1;
    }

    @Override
    public int indexOf(Object o) {
        return o instanceof SessionRow row ? positionOf(rows, row) : -1;
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

    /** For tests: whether every row, and so the rows shown, are in strictly ascending order. */
    public boolean isOrdered() {
        for (int i = 1; i < all.size(); i++) {
            if (order.compare(all.get(i - 1), all.get(i)) >= 0) {
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
