package io.welno.console.ui.audit;

import io.welno.console.flow.AuditLog;
import io.welno.console.flow.AuditRecord;
import io.welno.console.live.Backoff;
import io.welno.console.live.FeedOptions;
import io.welno.console.store.StoreFailure;
import io.welno.console.text.FileWords;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.ChoiceWords;
import io.welno.console.ui.common.FieldNames;
import io.welno.console.ui.common.FxBatches;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.RowMenuKeys;
import io.welno.console.view.AuditCsv;
import io.welno.console.view.AuditEntries;
import io.welno.console.view.AuditFilter;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.AuditWords;
import io.welno.console.view.Formats;
import io.welno.console.view.Wording;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit stream of every console on the server, newest first: filterable by operator, action, result, session
 * and time; each entry links to its session (selected in the table) and, when the backend wrote over the change, to
 * its revert; new entries arrive live (gathered off the FX thread and applied in one go a few times a second at
 * most); the entries shown export to CSV. Loading and filtering live in {@link AuditEntries} and {@link AuditFilter};
 * this view only binds them. Reading is open to every role.
 */
public final class AuditTab extends BorderPane {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTab.class);
    /** As many as the stream keeps (RedisAuditLog's cap). */
    public static final int CAPACITY = 10_000;
    /** The time filter's choices, the first meaning "any time". */
    private static final List<Duration> SINCE = List.of(Duration.ZERO, Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(24), Duration.ofDays(7));
    /** A failed load is tried again as the feed reconnects: from 200 ms, doubling, up to 10 s (docs/live.md). */
    private static final Backoff RETRY = Backoff.of(FeedOptions.defaults());

    private final I18n i18n;
    private final ZoneId zone;
    private final Clock clock;
    private final Executor background;
    private final AuditEntries entries = new AuditEntries(CAPACITY);
    private final ObservableList<AuditRecord> shown = FXCollections.observableArrayList();
    private final TableView<AuditRecord> table = new TableView<>(shown);
    private final TextField operator = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final ComboBox<String> result = new ComboBox<>();
    private final TextField session = new TextField();
    private final ComboBox<Duration> since = new ComboBox<>(FXCollections.observableArrayList(SINCE));
    private final Label count = new Label();
    /** Why the stream cannot be read, above the list: an empty or still list must not read as "nobody acted". */
    private final Label readFailed = new Label();
    private final Label empty = new Label();
    /** Why the last load failed (it is tried again after a back-off, or at once when the tail reads again), or null. */
    private Phrase loadProblem;
    /** Failed loads in a row, for the back-off; and the wait before the next try. */
    private int failedLoads;
    private final PauseTransition retry = new PauseTransition();
    private boolean stopped;
    /** Why the tail cannot follow the stream now, or null. */
    private Phrase tailProblem;
    private AuditLog loadedFrom;
    private final FxBatches<AuditRecord> arriving = new FxBatches<>(this::add);
    private final Consumer<String> showSession;

    public AuditTab(I18n i18n, ZoneId zone, Clock clock, Executor background, Consumer<String> showSession) {
        this.i18n = i18n;
        this.zone = zone;
        this.clock = clock;
        this.background = background;
        this.showSession = showSession;
        setId("auditTab");
        table.setId("auditTable");
        table.setPlaceholder(empty);
        readFailed.setId("auditReadFailed");
        readFailed.setWrapText(true);
        readFailed.getStyleClass().add("warning-strong");
        readFailed.setStyle("-fx-padding: 0 6 6 6;");
        showReading();
        columns();
        // the times and words are written when a cell is filled: a new time style (Settings ▸ Times) or language
        // redraws them (the line under the filters is a binding, and follows by itself)
        i18n.timeStyleProperty().addListener((o, a, b) -> table.refresh());
        i18n.localeProperty().addListener((o, a, b) -> table.refresh());
        setTop(new VBox(filterBar(), readFailed));
        setCenter(table);
        rowMenu();
    }

    /**
     * The selected entry's links as a row menu (right click, the context menu key or Shift+F10): Tab reaches the links
     * of the entries on screen only, one stop each, and arrow keys select an entry whose links Tab does not go to.
     */
    private void rowMenu() {
        MenuItem sessionItem = new MenuItem();
        sessionItem.setId("auditMenu-session");
        sessionItem.setMnemonicParsing(false); // it names a session id, whose "_" is no Alt key
        sessionItem.setOnAction(e -> selected().filter(entry -> !entry.sessionId().isEmpty())
                .ifPresent(entry -> showSession.accept(entry.sessionId())));
        MenuItem revertItem = new MenuItem();
        revertItem.setId("auditMenu-revert");
        revertItem.textProperty().bind(i18n.text("audit.menu.revert"));
        revertItem.setOnAction(e -> selected().ifPresent(this::showRevertOf));
        ContextMenu menu = new ContextMenu(sessionItem, revertItem);
        menu.setId("auditMenu");
        menu.setOnShowing(e -> {
            Optional<AuditRecord> entry = selected();
            boolean hasSession = entry.map(r -> !r.sessionId().isEmpty()).orElse(false);
            sessionItem.setText(hasSession ? i18n.format("audit.menu.session",
                    SafeText.bounded(entry.get().sessionId(), SafeText.FIELD)) : i18n.get("audit.menu.noSession"));
            sessionItem.setDisable(!hasSession);
            revertItem.setDisable(entry.flatMap(entries::revertOf).isEmpty());
        });
        table.setContextMenu(menu);
        RowMenuKeys.install(table);
        table.accessibleHelpProperty().bind(i18n.text("audit.help"));
    }

    private Optional<AuditRecord> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private HBox filterBar() {
        operator.setId("auditOperator");
        operator.promptTextProperty().bind(i18n.text("audit.filter.operator"));
        operator.setPrefColumnCount(10);
        session.setId("auditSession");
        session.promptTextProperty().bind(i18n.text("audit.filter.session"));
        session.setPrefColumnCount(14);
        action.setId("auditAction");
        action.promptTextProperty().bind(i18n.text("audit.filter.action"));
        result.setId("auditResult");
        result.promptTextProperty().bind(i18n.text("audit.filter.result"));
        showCodesAsWords(action, AuditWords::action, "audit.filter.action");
        showCodesAsWords(result, AuditWords::result, "audit.filter.result");
        since.setId("auditSince");
        since.setValue(Duration.ZERO);
        java.util.function.Function<Duration, String> sinceWords = d -> d == null || d.isZero()
                ? i18n.get("audit.filter.anyTime") : i18n.format("audit.filter.since", Formats.duration(i18n, d));
        ChoiceWords.show(since, i18n, sinceWords);
        FieldNames.name(operator, i18n, "audit.filter.operator.name");
        FieldNames.name(session, i18n, "audit.filter.session.name");
        FieldNames.name(since, i18n, "audit.filter.since.name", sinceWords);
        operator.textProperty().addListener((o, a, b) -> refilter());
        session.textProperty().addListener((o, a, b) -> refilter());
        action.valueProperty().addListener((o, a, b) -> refilter());
        result.valueProperty().addListener((o, a, b) -> refilter());
        since.valueProperty().addListener((o, a, b) -> refilter());
        Button export = new Button();
        export.setId("auditExport");
        export.textProperty().bind(i18n.text("audit.export"));
        export.setOnAction(e -> chooseExport());
        count.setId("auditCount");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, operator, action, result, session, since, spacer, count, export);
        bar.setStyle("-fx-padding: 6;");
        return bar;
    }

    private void columns() {
        table.getColumns().add(text("audit.column.time", 175, e -> Formats.dateTime(i18n,
                LocalDateTime.ofInstant(e.time(), zone), zone)));
        table.getColumns().add(text("audit.column.operator", 110, e -> AuditWords.field(i18n, e.operator())));
        // what the operator was allowed to do then: a developer forcing a completion is not an operator doing it
        table.getColumns().add(text("audit.column.role", 80, e -> Wording.window(i18n).role(e.role())));
        table.getColumns().add(text("audit.column.action", 150, this::actionName));
        TableColumn<AuditRecord, AuditRecord> sessionColumn = linkColumn("audit.column.session", 230,
                e -> e.sessionId().isEmpty() ? null : AuditWords.field(i18n, e.sessionId()), showSession);
        table.getColumns().add(sessionColumn);
        table.getColumns().add(text("audit.column.event", 120, e -> AuditWords.event(i18n, e.event())));
        table.getColumns().add(text("audit.column.result", 110, e -> AuditWords.result(i18n, e.result())));
        table.getColumns().add(text("audit.column.reason", 220, e -> AuditWords.field(i18n, e.reason())));
        table.getColumns().add(text("audit.column.message", 320,
                e -> Wording.window(i18n).render(AuditWords.message(e.message()))));
        table.getColumns().add(linkColumn("audit.column.revert", 110,
                e -> entries.revertOf(e).map(r -> i18n.get("audit.revert.link")).orElse(null),
                ignored -> { }));
    }

    private String actionName(AuditRecord entry) {
        return AuditWords.action(i18n, entry.action());
    }

    /** A filter box that lists codes and shows them in words; the empty choice shows the prompt ("All results"). */
    private void showCodesAsWords(ComboBox<String> box, java.util.function.BiFunction<I18n, String, String> words,
                                  String allKey) {
        java.util.function.Function<String, String> shown = code -> code == null ? i18n.get(allKey)
                : SafeText.bounded(words.apply(i18n, code), SafeText.FIELD);
        ChoiceWords.show(box, i18n, shown);
        FieldNames.name(box, i18n, allKey + ".name", shown);
    }

    private TableColumn<AuditRecord, String> text(String key, double width,
                                                  java.util.function.Function<AuditRecord, String> value) {
        TableColumn<AuditRecord, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.text(key));
        column.setId(key);
        column.setPrefWidth(width);
        // stream fields come from every console on the server: escaped and bounded like all outside text
        column.setCellValueFactory(d -> new ReadOnlyStringWrapper(SafeText.bounded(value.apply(d.getValue()),
                SafeText.TEXT)));
        return column;
    }

    /** A column whose cell is a link: to the entry's session, or to the entry of its revert. */
    private TableColumn<AuditRecord, AuditRecord> linkColumn(String key, double width,
                                                             java.util.function.Function<AuditRecord, String> label,
                                                             Consumer<String> sessionTarget) {
        boolean revert = "audit.column.revert".equals(key);
        TableColumn<AuditRecord, AuditRecord> column = new TableColumn<>();
        column.textProperty().bind(i18n.text(key));
        column.setId(key);
        column.setPrefWidth(width);
        column.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Hyperlink link = new Hyperlink();

            @Override
            protected void updateItem(AuditRecord entry, boolean empty) {
                super.updateItem(entry, empty);
                String text = empty || entry == null ? null : label.apply(entry);
                if (text == null) {
                    setGraphic(null);
                    return;
                }
                link.setText(SafeText.bounded(text, SafeText.FIELD));
                link.setOnAction(e -> {
                    if (revert) {
                        showRevertOf(entry);
                    } else {
                        sessionTarget.accept(entry.sessionId());
                    }
                });
                setGraphic(link);
            }
        });
        return column;
    }

    /** Selects the revert's entry (clearing filters that would hide it). */
    public void showRevertOf(AuditRecord entry) {
        entries.revertOf(entry).ifPresent(revert -> {
            if (!shown.contains(revert)) {
                clearFilters();
            }
            table.getSelectionModel().select(revert);
            table.scrollTo(revert);
        });
    }

    private void clearFilters() {
        operator.clear();
        session.clear();
        action.setValue(null);
        result.setValue(null);
        since.setValue(Duration.ZERO);
    }

    /**
     * Reads the newest entries of {@code stream} in the background and shows them; live entries merge in. A load that
     * fails is said above the list and tried again by itself, backing off like the feed's reconnects, until one works:
     * the tail may never fail (it reads only what comes after its start), so its recovery alone cannot be waited for.
     */
    public CompletableFuture<Integer> load(AuditLog stream) {
        loadedFrom = stream;
        CompletableFuture<Integer> done = new CompletableFuture<>();
        try {
            background.execute(() -> read(stream, done));
        } catch (RejectedExecutionException closing) {
            done.completeExceptionally(closing); // the window is closing: nothing to read for
        }
        return done;
    }

    /** One read of the stream (background): its entries shown, or why it failed said and tried again later. */
    private void read(AuditLog stream, CompletableFuture<Integer> done) {
        try {
            List<AuditRecord> read = stream.read(CAPACITY);
            Platform.runLater(() -> {
                loadProblem = null;
                failedLoads = 0;
                retry.stop();
                add(read);
                showReading();
                done.complete(read.size());
            });
        } catch (RuntimeException e) {
            Phrase problem = StoreFailure.describe(e);
            // as the feed: a password Redis refused stays refused, and each try could count towards a lock-out
            boolean worthRetrying = StoreFailure.of(e).cause() != StoreFailure.Cause.AUTH_FAILED;
            Platform.runLater(() -> {
                if (!problem.equals(loadProblem)) { // once per cause, not at every try
                    LOG.warn("Could not read the audit stream: {}{}", SafeText.bounded(e.toString(), SafeText.TEXT),
                            worthRetrying ? "; trying again" : "");
                }
                loadProblem = problem;
                showReading();
                if (worthRetrying) {
                    tryAgainLater();
                }
                done.completeExceptionally(e);
            });
        }
    }

    private void tryAgainLater() {
        if (stopped) {
            return;
        }
        failedLoads++;
        retry.setDuration(javafx.util.Duration.millis(RETRY.millis(failedLoads)));
        retry.setOnFinished(e -> {
            if (!stopped && loadProblem != null && loadedFrom != null) {
                load(loadedFrom);
            }
        });
        retry.playFromStart();
    }

    /** The window leaves this connection: no load is tried again on its closed client. FX thread. */
    public void stop() {
        stopped = true;
        retry.stop();
    }

    /**
     * What the tail says of its reading (any thread): why it cannot read the stream, or, empty, that it reads again,
     * and then a load that had failed is tried again at once, without waiting for its back-off. The entries shown stay
     * either way.
     */
    public void reading(Optional<Phrase> problem) {
        Platform.runLater(() -> {
            tailProblem = problem.orElse(null);
            if (tailProblem == null && loadProblem != null && loadedFrom != null && !stopped) {
                load(loadedFrom);
            }
            showReading();
        });
    }

    /** Says why the stream cannot be read above the list, and in place of "no entries yet"; nothing once it can. */
    private void showReading() {
        Phrase problem = loadProblem != null ? loadProblem : tailProblem;
        readFailed.setVisible(problem != null);
        readFailed.setManaged(problem != null);
        if (problem == null) {
            readFailed.textProperty().unbind();
            readFailed.setText("");
            empty.textProperty().bind(i18n.text("audit.empty"));
            return;
        }
        // Redis's own words (a command's name, an address) are outside text: escaped and bounded like any
        java.util.function.Supplier<String> said = () -> SafeText.bounded(Wording.window(i18n).render(
                Phrase.of("audit.readFailed", problem)), SafeText.TEXT);
        readFailed.textProperty().bind(i18n.words(said));
        empty.textProperty().bind(i18n.words(said));
    }

    /** A new entry from the tail (any thread): gathered, and shown with the others that came meanwhile. */
    public void arrived(AuditRecord entry) {
        arriving.add(entry);
    }

    private void add(List<AuditRecord> batch) {
        AuditEntries.Change change = entries.add(batch);
        if (!change.any()) {
            return;
        }
        keepChoices(action, entries.actions());
        keepChoices(result, entries.results());
        AuditFilter filter = filter();
        if (!change.onTop() || filter.from() != null || filter.to() != null) {
            refilter(); // older entries came in between, or the time filter moves on: all of them again
            return;
        }
        // The tail's usual case: newer entries go on top, the ones pushed out leave at the bottom, and the up to
        // 10,000 others are neither filtered nor set again on the FX thread (a bulk run brings a batch a frame).
        if (!change.dropped().isEmpty()) {
            shown.removeAll(new java.util.HashSet<>(change.dropped()));
        }
        shown.addAll(0, change.added().stream().filter(filter::matches).toList());
        sayCount();
    }

    /** The line under the filters: how many entries are shown, or what became of a load or an export. */
    private void say(java.util.function.Supplier<String> words) {
        count.textProperty().bind(i18n.words(words));
    }

    private void sayCount() {
        int of = shown.size();
        int all = entries.size();
        say(() -> i18n.format("audit.count", of, all));
    }

    private static void keepChoices(ComboBox<String> box, java.util.Set<String> values) {
        List<String> wanted = new ArrayList<>();
        wanted.add(null);
        wanted.addAll(values);
        if (!box.getItems().equals(wanted)) {
            String chosen = box.getValue();
            box.getItems().setAll(wanted);
            box.setValue(chosen);
        }
    }

    /**
     * A "last 15 minutes" filter moves with the clock: an entry that falls out of it leaves the list (and its count and
     * export) even when nothing new arrives. Called every second; refilters only when a shown entry is out (the
     * operator may have sorted the list by another column).
     */
    public void passTime() {
        AuditFilter filter = filter();
        if (filter.from() != null && shown.stream().anyMatch(e -> e.time().isBefore(filter.from()))) {
            refilter();
        }
    }

    /** The time filter's box ("last 15 minutes"), for tests. */
    public ComboBox<Duration> sinceBox() {
        return since;
    }

    /** The filter as the bar says now. */
    public AuditFilter filter() {
        Duration d = since.getValue();
        return new AuditFilter(operator.getText(), action.getValue(), result.getValue(), session.getText(),
                d == null || d.isZero() ? null : clock.instant().minus(d), null);
    }

    private void refilter() {
        AuditRecord selected = table.getSelectionModel().getSelectedItem();
        shown.setAll(entries.matching(filter()));
        if (selected != null && shown.contains(selected)) {
            table.getSelectionModel().select(selected);
        }
        sayCount();
    }

    private void chooseExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("export.filter"), "*.csv"));
        chooser.setInitialFileName("welno-audit-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").format(LocalDateTime.now(clock.withZone(zone))) + ".csv");
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            exportTo(file.toPath()).whenComplete((n, error) -> Platform.runLater(() -> say(() -> error == null
                    ? i18n.format("export.done", n, SafeText.bounded(file.getName(), SafeText.FIELD))
                    : Wording.window(i18n).render(Phrase.of("export.failed", FileWords.of(error, file.toPath()))))));
        }
    }

    /** Writes the entries shown now (filtered, newest first) to {@code file} in the background. Call on the FX thread. */
    public CompletableFuture<Integer> exportTo(Path file) {
        List<AuditRecord> rows = List.copyOf(shown);
        AuditCsv csv = new AuditCsv(new BundleTexts(i18n.locale()), zone);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        background.execute(() -> {
            try {
                done.complete(csv.write(rows, file));
                LOG.info("Exported {} audit entries to {}", rows.size(), file.getFileName());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Audit export to {} failed: {}", file.getFileName(), e.toString());
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    public TableView<AuditRecord> table() {
        return table;
    }

    public TextField operatorField() {
        return operator;
    }

    public TextField sessionField() {
        return session;
    }

    public ComboBox<String> resultBox() {
        return result;
    }
}
