package io.welno.console.ui.table;

import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.StatusChips;
import io.welno.console.text.Masking;
import io.welno.console.text.SafeText;
import io.welno.console.view.Formats;
import io.welno.console.view.ProviderNames;
import io.welno.console.view.RowOrder;
import io.welno.console.store.FileCopy;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Wording;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The virtualized session table; cells format already-prepared {@link SessionRow}s. Every cell's text goes
 * through {@link SafeText}: ids, names and messages come from Redis, and a control or bidi character there must
 * neither break the row nor reorder what it shows. The whole value is in the detail pane.
 *
 * <p>Over 400 lines, and one class because its two halves — the columns with their cells, and keeping the view still
 * while a feed batch changes the rows ({@link #keepingViewport}) — both work on this one table: its items, sort order
 * and selection, its skin's {@link VirtualFlow} and its fixed row height. What could stand apart already does
 * ({@link ColumnWidths}, {@link ColumnChooser}, {@code view.RowOrder}).
 */
public final class SessionTable extends TableView<SessionRow> {

    /** A cell shows at most this much of a value; one line of the table never needs more. */
    static final int CELL_CHARS = 300;
    /** The last column's narrowest: enough for the start of a message, the rest is in the detail pane. */
    static final double MESSAGE_MIN_WIDTH = 120;

    private final I18n i18n;
    private final SessionTableModel model;
    private VirtualFlow<?> flow;
    private final Clock clock;
    private final ZoneId zone;
    /** Bumped once a second; cells that show ages and countdowns re-render themselves on it. */
    private final javafx.beans.property.LongProperty tick = new javafx.beans.property.SimpleLongProperty();
    private static final PseudoClass ENDED = PseudoClass.getPseudoClass("ended");
    private static final PseudoClass UNREADABLE = PseudoClass.getPseudoClass("unreadable");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass EXPIRED = PseudoClass.getPseudoClass("expired");

    public SessionTable(SessionTableModel model, I18n i18n, Clock clock, ZoneId zone) {
        this.i18n = i18n;
        this.model = model;
        this.clock = clock;
        this.zone = zone;
        setId("sessionTable");
        getStyleClass().add("session-table");
        // The last column (Last message) takes what the others leave, so the table never scrolls sideways for it;
        // the others keep their widths (a minimum as wide as their preferred width), and the table scrolls sideways
        // only when the columns chosen are more than the window has room for.
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setTableMenuButtonVisible(true);
        // Several rows at once for a bulk action (Shift/Ctrl-click); the detail pane shows the focused one.
        getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        setPlaceholder(new Label());
        ((Label) getPlaceholder()).textProperty().bind(i18n.text("table.empty"));

        getColumns().add(column("column.id", 125, (row, now) -> row.id().isEmpty() ? i18n.get("table.emptyId") : row.shortId(),
                Comparator.comparing(SessionRow::id), "cell-mono"));
        getColumns().add(column("column.name", 58, (row, now) -> row.maskedName(),
                Comparator.comparing(SessionRow::maskedName), null));
        getColumns().add(statusColumn());
        // the dots read aloud as their count: a screen reader would name each symbol
        getColumns().add(column("column.progress", 96, (row, now) -> progress(row.progressSteps()),
                Comparator.comparingInt(SessionRow::progressSteps), "cell-progress",
                row -> i18n.format("column.progress.spoken", row.progressSteps(), PROGRESS_STEPS)));
        getColumns().add(column("column.provider", 78,
                (row, now) -> ProviderNames.name(i18n, row.provider()),
                Comparator.comparing(r -> r.provider().ordinal()), null));
        getColumns().add(column("column.partner", 80, (row, now) -> row.partner(),
                Comparator.comparing(SessionRow::partner), null));
        getColumns().add(timeColumn("column.age", ColumnWidths.age(),
                (row, now) -> Formats.age(i18n, row.createdAt(), now),
                RowOrder.BY_AGE, null));
        getColumns().add(column("column.updated", ColumnWidths.lastUpdate(),
                (row, now) -> Formats.recentTime(i18n, row.updatedAt(), now),
                RowOrder.BY_UPDATE, null));
        getColumns().add(timeColumn("column.expires", ColumnWidths.expiry(), this::expiry,
                RowOrder.BY_EXPIRY, null));
        getColumns().add(timeColumn("column.ttl", 70, this::ttl, Comparator.comparingLong(SessionRow::ttlMillis), null));
        getColumns().add(column("column.message", 380, (row, now) -> row.readable()
                ? Masking.personalNumbers(row.lastMessage())
                : i18n.format("table.unreadable", Masking.raw(Wording.window(i18n).render(row.unreadableReason()))),
                Comparator.comparing(SessionRow::lastMessage),
                null));

        for (TableColumn<SessionRow, ?> column : getColumns()) {
            if (column != getColumns().get(getColumns().size() - 1)) {
                column.minWidthProperty().bind(column.prefWidthProperty());
            } else {
                column.setMinWidth(MESSAGE_MIN_WIDTH);
            }
        }
        model.rows().comparatorProperty().bind(Bindings.createObjectBinding(this::rowOrder, comparatorProperty()));
        setItems(model.rows());
        setSortPolicy(table -> true); // the model's sorted view follows the table's comparator
        // The newest change first is what support staff look at most.
        TableColumn<SessionRow, ?> updated = getColumns().stream().filter(c -> "column.updated".equals(c.getId()))
                .findFirst().orElseThrow();
        updated.setSortType(TableColumn.SortType.DESCENDING);
        getSortOrder().add(updated);
        // Registered after the model's own listeners, so these run once the rows are filtered anew.
        javafx.beans.value.ChangeListener<Object> newList = (o, was, now) -> showTopOfNewList();
        model.bucketProperty().addListener(newList);
        model.searchProperty().addListener(newList);
        model.providerProperty().addListener(newList);
        model.partnerProperty().addListener(newList);
        comparatorProperty().addListener(newList); // after the binding above: the rows are in their new order by then
        setRowFactory(table -> new javafx.scene.control.TableRow<>() {

            // Pseudo-classes, not style classes: toggling a style class re-matches the CSS of the whole row,
            // which at 1,000 updates a second cost most of the frame.
            @Override
            protected void updateItem(SessionRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean filled = row != null && !empty;
                pseudoClassStateChanged(ENDED, filled && row.isEnded());
                pseudoClassStateChanged(UNREADABLE, filled && !row.isEnded() && !row.readable());
                pseudoClassStateChanged(WARNING, filled && !row.isEnded() && row.readable() && row.breaksBackend());
            }
        });
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(zone));
    }

    private String expiry(SessionRow row, LocalDateTime now) {
        if (row.isEnded()) {
            return i18n.get(row.endedTextKey());
        }
        return row.readable() ? Formats.expiryCell(i18n, row.expiresAt(), now) : "";
    }

    private String ttl(SessionRow row, LocalDateTime now) {
        long ttl = row.ttlNowMillis(clock.millis());
        if (ttl == io.welno.console.store.StoredSession.UNKNOWN_TTL) {
            return "";
        }
        return ttl < 0 ? i18n.get("ttl.none") : Formats.duration(i18n, java.time.Duration.ofMillis(ttl));
    }

    /** The steps of a session's flow the progress column counts. */
    static final int PROGRESS_STEPS = 6;

    static String progress(int steps) {
        return "●".repeat(steps) + "○".repeat(PROGRESS_STEPS - steps);
    }

    /**
     * A new bucket, search, filter or sort order is another list: it is shown from its top, or with the selected
     * session in view where it is still listed, never at the old list's scroll position, which meant nothing for it
     * (a short list opened at its end, and live rows then walked it further from the top; a new sort order showed
     * whatever rows now stood where the old ones had been).
     */
    private void showTopOfNewList() {
        int selected = getSelectionModel().getSelectedIndex();
        scrollTo(selected < 0 ? 0 : Math.max(0, selected - 3));
    }

    /**
     * Applies a change of the rows (a feed batch) without moving what the operator looks at: the selected session,
     * when it is on screen, stays at the same height in the viewport, else the rows on screen do, while rows are
     * inserted or removed above them, so the selection does not walk away and a click lands on the session it was
     * aimed at. Only a view at the top (its first row at least half shown: a view a few pixels off the top is at the
     * top to the eye, and must not be walked down a row by every new one) with nothing selected and no pointer over it
     * lets new rows push the others down, as a live list should.
     *
     * @return what the change returned (whether there was anything to apply)
     */
    public boolean keepingViewport(BooleanSupplier change) {
        VirtualFlow<?> flow = flow();
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        if (first == null || first.getIndex() < 0) {
            return change.getAsBoolean();
        }
        int selected = getSelectionModel().getSelectedIndex();
        boolean atTop = first.getIndex() == 0 && first.getLayoutY() > -first.getHeight() / 2;
        if (atTop && selected < 0 && !isHover()) {
            return change.getAsBoolean();
        }
        Anchor selectedAnchor = anchor(selected < 0 ? null : flow.getVisibleCell(selected));
        List<Anchor> onScreen = onScreen(flow, first);
        boolean applied = change.getAsBoolean();
        if (applied && (selectedAnchor == null || !selectedAnchor.restore(this, flow))) {
            keepScreen(flow, onScreen);
        }
        return applied;
    }

    private List<Anchor> onScreen(VirtualFlow<?> flow, IndexedCell<?> first) {
        IndexedCell<?> last = flow.getLastVisibleCell();
        List<Anchor> anchors = new ArrayList<>();
        for (int i = first.getIndex(); last != null && i <= last.getIndex(); i++) {
            Anchor anchor = anchor(flow.getVisibleCell(i));
            if (anchor != null) {
                anchors.add(anchor);
            }
        }
        return anchors;
    }

    /**
     * Keeps the rows on screen where they were. Not simply the first of them: the change may have moved that very
     * session (written again, it leaves for the top of the list), and following it would take the view along. The
     * rows the change did not touch all moved by the same number of places (the rows inserted or removed above them),
     * so the most common move is theirs, and the first row on screen that moved by it stays at its height.
     */
    private void keepScreen(VirtualFlow<?> flow, List<Anchor> anchors) {
        Map<Integer, Integer> moves = new HashMap<>();
        int[] now = new int[anchors.size()];
        for (int i = 0; i < anchors.size(); i++) {
            now[i] = anchors.get(i).indexNow(this);
            if (now[i] >= 0) {
                moves.merge(now[i] - anchors.get(i).index(), 1, Integer::sum);
            }
        }
        int common = 0;
        int count = 0;
        for (Map.Entry<Integer, Integer> move : moves.entrySet()) {
            boolean smallerOnATie = move.getValue() == count && Math.abs(move.getKey()) < Math.abs(common);
            if (move.getValue() > count || smallerOnATie) {
                common = move.getKey();
                count = move.getValue();
            }
        }
        if (common == 0) {
            return; // the rows on screen are where they were
        }
        for (int i = 0; i < anchors.size(); i++) {
            if (now[i] >= 0 && now[i] - anchors.get(i).index() == common) {
                place(flow, now[i], anchors.get(i).y());
                return;
            }
        }
    }

    private static Anchor anchor(IndexedCell<?> cell) {
        return cell != null && cell.getItem() instanceof SessionRow row && cell.getIndex() >= 0
                ? new Anchor(row.id(), cell.getIndex(), cell.getLayoutY()) : null;
    }

    /** A session on screen: its position in the list and its height in the viewport before a change. */
    private record Anchor(String id, int index, double y) {

        /** Where the session is in the list now; -1 when it is no longer listed. */
        int indexNow(SessionTable table) {
            SessionRow now = table.model.row(id);
            return now == null ? -1 : table.getItems().indexOf(now);
        }

        /** Scrolls so the session is at its old height again; false when it is no longer in the list. */
        boolean restore(SessionTable table, VirtualFlow<?> flow) {
            int at = indexNow(table);
            if (at < 0) {
                return false;
            }
            if (at != index) {
                table.place(flow, at, y);
            }
            return true;
        }
    }

    /**
     * Scrolls so that row {@code index} is {@code y} pixels below the top of the viewport. Rows have one fixed
     * height (console.css), so the flow's size is exact: the position is computed from the list's new size here,
     * because the flow itself learns that size only in its next layout.
     */
    private void place(VirtualFlow<?> flow, int index, double y) {
        double height = getFixedCellSize();
        Node viewport = flow.lookup(".clipped-container");
        double length = viewport == null ? flow.getHeight() : viewport.getLayoutBounds().getHeight();
        double scrollable = getItems().size() * height - length;
        if (height <= 0 || scrollable <= 0) {
            return; // every row fits: nothing scrolls, the rows above simply push it down
        }
        flow.setCellCount(getItems().size());
        flow.setPosition(Math.max(0, Math.min(1, (index * height - y) / scrollable)));
    }

    /** The skin's flow, looked up once (a lookup walks every cell, and this runs every frame). */
    private VirtualFlow<?> flow() {
        if (flow == null || flow.getScene() == null) { // none yet, or the skin that held it was replaced
            flow = lookup(".virtual-flow") instanceof VirtualFlow<?> found ? found : null;
        }
        return flow;
    }

    /** Re-renders the visible age, countdown and TTL cells; far cheaper than {@link #refresh()}. */
    public void tick() {
        tick.set(tick.get() + 1);
    }

    private TableColumn<SessionRow, SessionRow> timeColumn(String key, double width,
                                                           BiFunction<SessionRow, LocalDateTime, String> text,
                                                           Comparator<SessionRow> comparator, String styleClass) {
        TableColumn<SessionRow, SessionRow> column = column(key, width, text, comparator, styleClass);
        boolean marksExpiry = "column.expires".equals(key);
        column.setCellFactory(c -> new TableCell<>() {
            {
                tick.addListener((o, a, b) -> {
                    SessionRow row = getItem();
                    if (row != null && !isEmpty()) {
                        setText(text.apply(row, now()));
                        if (marksExpiry) {
                            pseudoClassStateChanged(EXPIRED, expiredForTheBackend(row, now()));
                        }
                    }
                });
            }

            @Override
            protected void updateItem(SessionRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row, now()));
                if (marksExpiry) {
                    pseudoClassStateChanged(EXPIRED, !empty && row != null && expiredForTheBackend(row, now()));
                }
            }
        });
        return column;
    }

    /** Past its expires_at: the backend deletes it on its next read, whatever the TTL says. */
    private static boolean expiredForTheBackend(SessionRow row, LocalDateTime now) {
        return !row.isEnded() && row.pastBackendExpiry(now);
    }

    /**
     * The order of the sort columns, compared on the rows themselves. The table's own comparator asks every
     * column for a cell value per comparison (a new property object each time), which made sorting 100,000
     * rows several times slower. It changes whenever the sort columns or their directions do.
     */
    private Comparator<SessionRow> rowOrder() {
        Comparator<SessionRow> order = null;
        for (TableColumn<SessionRow, ?> column : getSortOrder()) {
            @SuppressWarnings("unchecked") // every column's cell value is the row itself
            Comparator<SessionRow> byColumn = (Comparator<SessionRow>) column.getComparator();
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                byColumn = byColumn.reversed();
            }
            order = order == null ? byColumn : order.thenComparing(byColumn);
        }
        return order;
    }

    private TableColumn<SessionRow, SessionRow> column(String key, double width,
                                                       BiFunction<SessionRow, LocalDateTime, String> text,
                                                       Comparator<SessionRow> comparator, String styleClass) {
        return column(key, width, text, comparator, styleClass, null);
    }

    /** @param spoken what a screen reader says for the cell instead of its text; null: its text */
    private TableColumn<SessionRow, SessionRow> column(String key, double width,
                                                       BiFunction<SessionRow, LocalDateTime, String> text,
                                                       Comparator<SessionRow> comparator, String styleClass,
                                                       Function<SessionRow, String> spoken) {
        TableColumn<SessionRow, SessionRow> column = header(key);
        column.setPrefWidth(width);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setComparator(comparator);
        boolean mono = "cell-mono".equals(styleClass);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(SessionRow row, boolean empty) {
                super.updateItem(row, empty);
                String shown = empty || row == null ? null : SafeText.bounded(text.apply(row, now()), CELL_CHARS);
                setText(shown);
                if (spoken != null) {
                    setAccessibleText(shown == null ? null : spoken.apply(row));
                }
                if (styleClass != null && !getStyleClass().contains(styleClass)) {
                    getStyleClass().add(styleClass);
                }
                if (mono) {
                    String face = HangulFont.monoStyleFor(shown); // an id that is not ASCII: not in boxes
                    if (!face.equals(getStyle())) {
                        setStyle(face);
                    }
                }
            }
        });
        return column;
    }

    /**
     * A column whose header says what it means when pointed at ({@code <key>.tip}). The header shows the graphic,
     * a label carrying the tooltip (the column itself has none); the column keeps its text for the column menus.
     */
    private TableColumn<SessionRow, SessionRow> header(String key) {
        TableColumn<SessionRow, SessionRow> column = new TableColumn<>();
        column.textProperty().bind(i18n.text(key));
        column.setId(key);
        Label label = new Label();
        label.textProperty().bind(column.textProperty());
        label.getStyleClass().add("column-title");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.text(key + ".tip"));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        label.setTooltip(tip);
        column.setGraphic(label);
        return column;
    }

    private TableColumn<SessionRow, SessionRow> statusColumn() {
        TableColumn<SessionRow, SessionRow> column = header("column.status");
        column.setPrefWidth(165);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setComparator(Comparator.comparing(r -> String.valueOf(r.status().wire())));
        column.setCellFactory(c -> new TableCell<>() {
            private final Label chip = new Label();
            /** File only / diverged beside the status; most rows have neither and show the chip alone. */
            private final Label place = new Label();
            private final HBox withPlace = new HBox(4);

            {
                place.getStyleClass().add("place-badge");
            }

            @Override
            protected void updateItem(SessionRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                if (row.readable()) {
                    StatusChips.apply(chip, i18n, row.status());
                } else {
                    StatusChips.applyUnreadable(chip, i18n);
                }
                FileCopy where = row.place();
                if (where == null || !where.notable()) {
                    setGraphic(chip);
                    return;
                }
                StatusChips.applyPlace(place, i18n, where);
                if (chip.getParent() != withPlace) { // shown alone before, which took it out of the box
                    withPlace.getChildren().setAll(chip, place);
                }
                setGraphic(withPlace);
            }
        });
        return column;
    }

}
