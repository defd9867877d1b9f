package io.welno.console.ui.shell;

import io.welno.console.ui.detail.DetailPane;
import io.welno.console.ui.table.SessionTable;
import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.view.Bucket;
import io.welno.console.view.SessionRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;

/**
 * Keeps the table's selection on sessions, not positions: the table's items report moves as in-place changes, so
 * after a feed batch, a re-sort or a new filter its selection model still holds the old index. This class
 * remembers the selected ids, puts the selection back by id, and tells the detail pane (and the action buttons)
 * only when the operator chose another session.
 */
final class SelectionKeeper {

    private final SessionTable table;
    private final SessionTableModel model;
    private final DetailPane detail;
    private final Runnable clearSearch;
    private String selectedId;
    /** Every selected session (several for a bulk action), kept by id across feed batches like {@link #selectedId}. */
    private final LinkedHashSet<String> selectedIds = new LinkedHashSet<>();
    private boolean applyingBatch;
    private Consumer<SessionRow> selectionListener = row -> { };

    SelectionKeeper(SessionTable table, SessionTableModel model, DetailPane detail, Runnable clearSearch) {
        this.table = table;
        this.model = model;
        this.detail = detail;
        this.clearSearch = clearSearch;
        table.getItems().addListener((ListChangeListener<SessionRow>) change -> restoreSelection());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SessionRow>) change -> {
            if (!applyingBatch) {
                selectedIds.clear();
                for (SessionRow row : table.getSelectionModel().getSelectedItems()) {
                    if (row != null) {
                        selectedIds.add(row.id());
                    }
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (applyingBatch) {
                // A feed batch or a re-sort left the selection on a position rather than a session; that is not
                // the operator choosing another session. restoreSelection() puts the selection back by id.
                return;
            }
            selectedId = row == null ? null : row.id();
            detail.show(row);
            selectionListener.accept(row);
        });
    }

    void onSelection(Consumer<SessionRow> listener) {
        this.selectionListener = listener;
    }

    /**
     * Runs {@code batch} (which changes the table's rows) as not the operator's choice, then lets the detail pane
     * follow the selected session's live document. Returns what {@code batch} returned: whether rows changed.
     */
    boolean applyBatch(BooleanSupplier batch) {
        boolean applied;
        applyingBatch = true;
        try {
            applied = batch.getAsBoolean();
        } finally {
            applyingBatch = false;
        }
        if (applied && selectedId != null) {
            detail.follow(model.row(selectedId)); // the pane shows the live document, or that it is gone
        }
        return applied;
    }

    /**
     * Puts the selection back on the selected session after the table's rows changed (a feed batch, a
     * re-sort, a new filter).
     */
    private void restoreSelection() {
        if (selectedIds.size() > 1) {
            restoreSelections();
            return;
        }
        if (selectedId == null) {
            return;
        }
        SessionRow row = model.row(selectedId);
        var selection = table.getSelectionModel();
        List<SessionRow> items = table.getItems();
        int at = selection.getSelectedIndex();
        SessionRow shown = at >= 0 && at < items.size() ? items.get(at) : null;
        if (row != shown || selection.getSelectedItem() != shown) {
            boolean wasApplying = applyingBatch;
            applyingBatch = true; // our own re-selection, not the operator's
            try {
                int index = row == null ? -1 : items.indexOf(row);
                if (index >= 0) {
                    selection.clearAndSelect(index);
                    table.getFocusModel().focus(index);
                } else if (at >= 0) {
                    // The session left the current filter: highlight nothing rather than a different session.
                    selection.clearSelection();
                }
            } finally {
                applyingBatch = wasApplying;
            }
        }
        if (row != null && row != detail.current()) {
            detail.show(row);
            selectionListener.accept(row);
        }
    }

    /** {@link #restoreSelection()} for several selected sessions: one pass over the rows, only while several are. */
    private void restoreSelections() {
        List<SessionRow> items = table.getItems();
        var selection = table.getSelectionModel();
        List<Integer> wanted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (selectedIds.contains(items.get(i).id())) {
                wanted.add(i);
            }
        }
        if (wanted.equals(selection.getSelectedIndices())) {
            return;
        }
        boolean wasApplying = applyingBatch;
        applyingBatch = true;
        try {
            selection.clearSelection();
            if (!wanted.isEmpty()) {
                int last = wanted.get(wanted.size() - 1);
                selection.selectIndices(last, wanted.stream().mapToInt(Integer::intValue).toArray());
                SessionRow focused = selectedId == null ? null : model.row(selectedId);
                int at = focused == null ? -1 : items.indexOf(focused);
                table.getFocusModel().focus(at >= 0 ? at : last);
            }
        } finally {
            applyingBatch = wasApplying;
        }
    }

    /** The selected sessions' ids, in the order they were selected. */
    List<String> selectedIds() {
        return List.copyOf(selectedIds);
    }

    /**
     * The selected sessions the table shows now, in its order. {@link #selectedIds()} keeps a session that a search, a
     * filter or its own change hides, so that it is selected again when it shows; what acts on the selection acts on
     * these, the ones the operator can see.
     */
    List<SessionRow> selectedShown() {
        List<SessionRow> out = new ArrayList<>();
        for (SessionRow row : table.getSelectionModel().getSelectedItems()) {
            if (row != null) {
                out.add(row);
            }
        }
        return out;
    }

    /** Shows {@code id} in the table and selects it; when the current bucket or filter hides it, they are cleared. */
    void selectSession(String id) {
        SessionRow row = model.row(id);
        if (row == null) {
            return;
        }
        if (!table.getItems().contains(row)) {
            clearSearch.run();
            model.providerProperty().set(null);
            model.partnerProperty().set(null);
            model.bucketProperty().set(row.isEnded() ? Bucket.ENDED : Bucket.ALL);
        }
        int at = table.getItems().indexOf(row);
        if (at >= 0) {
            select(at);
        }
    }

    /** Selects the next (+1) or previous (-1) session in the table's order, and keeps the table focused. */
    void step(int delta) {
        int size = table.getItems().size();
        if (size == 0) {
            return;
        }
        int at = table.getSelectionModel().getSelectedIndex();
        int next = at < 0 ? (delta > 0 ? 0 : size - 1) : Math.max(0, Math.min(size - 1, at + delta));
        select(next);
        table.requestFocus();
    }

    private void select(int index) {
        table.getSelectionModel().clearAndSelect(index);
        table.getFocusModel().focus(index);
        table.scrollTo(Math.max(0, index - 3));
    }
}
