package io.welno.console.ui.alerts;

import io.welno.console.text.SafeText;
import io.welno.console.ui.common.FullTextDialog;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.RowMenuKeys;
import io.welno.console.view.AlertMonitor;
import io.welno.console.view.Bucket;
import io.welno.console.view.Formats;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Wording;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The in-window alert list: time, rule, what happened, the sessions concerned (the first one a link to it in the
 * table; for the Stuck alert, a link to the Stuck bucket) and an acknowledge button; unacknowledged alerts stand out.
 * Alerts stay until the list's capacity pushes them off; acknowledging only marks them read.
 */
public final class AlertListView extends BorderPane {

    private static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");
    private static final PseudoClass CLEARED = PseudoClass.getPseudoClass("cleared");
    /** How wide an alert's whole account is wrapped on hover. */
    private static final double WHOLE_TEXT_WIDTH = 480;

    private final TableView<AlertCenter.Entry> table = new TableView<>();
    private final I18n i18n;
    private final ZoneId zone;
    private final Clock clock;
    private final Consumer<String> showSession;
    private final Consumer<Bucket> showBucket;

    /**
     * @param clock      what "today" is when a time is shown (an alert from an earlier day is shown with its date)
     * @param showBucket opens a bucket of the sessions table: the Stuck alert names no sessions (there may be
     *                   thousands), so its link opens the bucket that lists them
     */
    public AlertListView(AlertCenter center, I18n i18n, ZoneId zone, Clock clock, Consumer<String> showSession,
                         Consumer<Bucket> showBucket, Runnable editRules) {
        this.i18n = i18n;
        this.zone = zone;
        this.clock = clock;
        this.showSession = showSession;
        this.showBucket = showBucket;
        setId("alertList");
        getStyleClass().add("alert-list");
        table.setId("alertTable");
        table.setItems(center.entries());
        Label empty = new Label();
        empty.textProperty().bind(i18n.text("alerts.empty"));
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // the cells' words and times are made when a cell is filled: a new language or time style redraws them
        i18n.localeProperty().addListener((o, a, b) -> table.refresh());
        i18n.timeStyleProperty().addListener((o, a, b) -> table.refresh());

        TableColumn<AlertCenter.Entry, String> time = new TableColumn<>();
        time.textProperty().bind(i18n.text("alerts.column.time"));
        time.setCellValueFactory(d -> new ReadOnlyStringWrapper(timeOf(d.getValue())));
        time.setPrefWidth(110);
        TableColumn<AlertCenter.Entry, String> rule = new TableColumn<>();
        rule.textProperty().bind(i18n.text("alerts.column.rule"));
        rule.setCellValueFactory(d -> new ReadOnlyStringWrapper(i18n.get(d.getValue().alert().rule().key())));
        rule.setPrefWidth(170);
        TableColumn<AlertCenter.Entry, String> message = new TableColumn<>();
        message.textProperty().bind(i18n.text("alerts.column.message"));
        message.setCellValueFactory(d -> new ReadOnlyStringWrapper(message(d.getValue().alert(), zone, clock)));
        message.setPrefWidth(520);
        message.setCellFactory(c -> new WholeTextCell());
        TableColumn<AlertCenter.Entry, AlertCenter.Entry> sessions = new TableColumn<>();
        sessions.textProperty().bind(i18n.text("alerts.column.sessions"));
        sessions.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        sessions.setCellFactory(c -> new TableCell<>() {
            private final Hyperlink link = new Hyperlink();

            @Override
            protected void updateItem(AlertCenter.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                String text = empty || entry == null ? null : linkText(entry);
                if (text == null) {
                    setGraphic(null);
                    return;
                }
                link.setText(text);
                link.setOnAction(e -> follow(entry));
                setGraphic(link);
            }
        });
        sessions.setPrefWidth(260);
        TableColumn<AlertCenter.Entry, AlertCenter.Entry> ack = new TableColumn<>();
        ack.textProperty().bind(i18n.text("alerts.column.ack"));
        ack.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        ack.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button();

            {
                button.textProperty().bind(i18n.text("alerts.acknowledge"));
                button.getStyleClass().add("alert-ack");
            }

            @Override
            protected void updateItem(AlertCenter.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (empty || entry == null) {
                    setGraphic(null);
                    return;
                }
                button.disableProperty().unbind();
                button.disableProperty().bind(entry.acknowledgedProperty());
                button.setOnAction(e -> entry.acknowledgedProperty().set(true));
                // Tab reaches the button of every alert on screen: a screen reader says which alert it is for
                button.setAccessibleText(i18n.format("alerts.acknowledge.accessible",
                        i18n.get(entry.alert().rule().key()), timeOf(entry)));
                setGraphic(button);
            }
        });
        ack.setPrefWidth(110);
        table.getColumns().add(time);
        table.getColumns().add(rule);
        table.getColumns().add(message);
        table.getColumns().add(sessions);
        table.getColumns().add(ack);
        table.setRowFactory(t -> new TableRow<>() {
            private AlertCenter.Entry watched;
            private final javafx.beans.value.ChangeListener<Boolean> follow = (o, a, read) ->
                    pseudoClassStateChanged(UNREAD, !read);

            @Override
            protected void updateItem(AlertCenter.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (watched != null) {
                    watched.acknowledgedProperty().removeListener(follow);
                }
                watched = empty ? null : entry;
                if (watched != null) {
                    watched.acknowledgedProperty().addListener(follow);
                }
                pseudoClassStateChanged(UNREAD, watched != null && !watched.acknowledgedProperty().get());
                pseudoClassStateChanged(CLEARED, watched != null && watched.alert().cleared() != null);
            }
        });

        keyboard();

        Button all = new Button();
        all.setId("alertsAcknowledgeAll");
        all.textProperty().bind(i18n.text("alerts.acknowledgeAll"));
        all.disableProperty().bind(center.unacknowledgedProperty().isEqualTo(0));
        all.setOnAction(e -> center.acknowledgeAll());
        Button rules = new Button();
        rules.setId("alertsRules");
        rules.textProperty().bind(i18n.text("alerts.rules"));
        rules.setOnAction(e -> editRules.run());
        Label count = new Label();
        count.setId("alertsUnread");
        count.textProperty().bind(i18n.format("alerts.unread", center.unacknowledgedProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, count, spacer, rules, all);
        bar.getStyleClass().add("alert-bar");
        bar.setStyle("-fx-padding: 6;");
        setTop(bar);
        setCenter(table);
    }

    /** What an alert says, in the window's language now. */
    private String message(AlertMonitor.Alert alert, ZoneId zone, Clock clock) {
        String text = SafeText.bounded(Wording.window(i18n).render(alert.message()), SafeText.TEXT);
        // An episode that is over says so first, where the column does not cut it: "not live any more" must not
        // read as now.
        return alert.cleared() == null ? text : i18n.format("alerts.cleared", Formats.time(i18n,
                LocalDateTime.ofInstant(alert.cleared(), zone), LocalDateTime.now(clock.withZone(zone))), text);
    }

    /**
     * An alert's words: the column shows what fits, the whole account is one hover away (wrapped, for as long as the
     * pointer stays) and a double click opens it in a window to read or copy — a bulk run's alert ends with its latest
     * session's account, which the column cuts. Enter on the selected alert opens the same window.
     */
    private final class WholeTextCell extends TableCell<AlertCenter.Entry, String> {
        private final Tooltip whole = new Tooltip();

        WholeTextCell() {
            whole.setWrapText(true);
            whole.setMaxWidth(WHOLE_TEXT_WIDTH);
            whole.setShowDuration(Duration.INDEFINITE);
            setOnMouseClicked(e -> {
                AlertCenter.Entry entry = getTableRow() == null ? null : getTableRow().getItem();
                if (e.getClickCount() == 2 && !isEmpty() && entry != null) {
                    openWhole(entry);
                }
            });
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            whole.setText(empty || text == null ? "" : text);
            setTooltip(empty || text == null ? null : whole);
        }
    }

    /**
     * The row's keys, for whoever has no mouse: Enter opens the selected alert's whole text (as a double click does);
     * the row menu (right click, the context menu key or Shift+F10) also follows its link and acknowledges it, which
     * Tab reaches in the cells of the alerts on screen only, one stop per link and button. The table's accessible
     * help says so in the window's language.
     */
    private void keyboard() {
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            AlertCenter.Entry entry = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && entry != null && !event.isShortcutDown() && !event.isAltDown()) {
                event.consume();
                openWhole(entry);
            }
        });
        MenuItem whole = menuItem("alertMenu-whole", e -> openWhole(e));
        whole.textProperty().bind(i18n.text("alerts.menu.whole"));
        whole.setAccelerator(new KeyCodeCombination(KeyCode.ENTER)); // shown beside it; the table's handler does it
        MenuItem link = menuItem("alertMenu-link", this::follow);
        link.setMnemonicParsing(false); // it names a session id, whose "_" is no Alt key
        MenuItem acknowledge = menuItem("alertMenu-acknowledge", e -> e.acknowledgedProperty().set(true));
        acknowledge.textProperty().bind(i18n.text("alerts.menu.acknowledge"));
        ContextMenu menu = new ContextMenu(whole, link, acknowledge);
        menu.setId("alertMenu");
        menu.setOnShowing(e -> {
            AlertCenter.Entry entry = table.getSelectionModel().getSelectedItem();
            String target = entry == null ? null : linkText(entry);
            whole.setDisable(entry == null);
            // a session is named as the link names it; the stuck alert's link already says what it shows
            link.setText(target == null ? i18n.get("alerts.menu.noLink") : entry.alert().sessions().isEmpty() ? target
                    : i18n.format("alerts.menu.link", target));
            link.setDisable(target == null);
            acknowledge.setDisable(entry == null || entry.acknowledgedProperty().get());
        });
        table.setContextMenu(menu);
        RowMenuKeys.install(table);
        table.accessibleHelpProperty().bind(i18n.text("alerts.help"));
    }

    private MenuItem menuItem(String id, Consumer<AlertCenter.Entry> action) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.setOnAction(e -> {
            AlertCenter.Entry entry = table.getSelectionModel().getSelectedItem();
            if (entry != null) {
                action.accept(entry);
            }
        });
        return item;
    }

    private void openWhole(AlertCenter.Entry entry) {
        FullTextDialog.show(getScene() == null ? null : getScene().getWindow(), i18n,
                () -> message(entry.alert(), zone, clock));
    }

    /**
     * What an alert's link says: its first session (with how many more), the Stuck bucket for the stuck alert, which
     * names no sessions (there may be thousands), or null when it has nothing to show.
     */
    private String linkText(AlertCenter.Entry entry) {
        List<String> ids = entry.alert().sessions();
        if (ids.isEmpty()) {
            return entry.alert().rule() == AlertMonitor.Rule.STUCK
                    ? i18n.format("alerts.showBucket", i18n.get("bucket.stuck")) : null;
        }
        String first = ids.get(0);
        // With more to count, the short id: a whole one fills the column and cuts the count off.
        return ids.size() == 1 ? SafeText.bounded(first, SafeText.FIELD)
                : SafeText.bounded(SessionRow.shortId(first), SafeText.FIELD) + " "
                + i18n.format("alerts.more", entry.alert().total() - 1);
    }

    /** What the link does: the first session in the table, or the Stuck bucket. */
    private void follow(AlertCenter.Entry entry) {
        List<String> ids = entry.alert().sessions();
        if (!ids.isEmpty()) {
            showSession.accept(ids.get(0));
        } else if (entry.alert().rule() == AlertMonitor.Rule.STUCK) {
            showBucket.accept(Bucket.STUCK);
        }
    }

    private String timeOf(AlertCenter.Entry entry) {
        return Formats.time(i18n, LocalDateTime.ofInstant(entry.alert().at(), zone),
                LocalDateTime.now(clock.withZone(zone)));
    }

    public TableView<AlertCenter.Entry> table() {
        return table;
    }
}
