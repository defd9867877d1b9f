package io.welno.console.ui.shell;

import io.welno.console.ui.actions.ActionHost;
import io.welno.console.ui.table.BucketList;
import io.welno.console.ui.table.ColumnChooser;
import io.welno.console.ui.table.RowMenu;
import io.welno.console.ui.dashboard.DashboardView;
import io.welno.console.ui.detail.DetailPane;
import io.welno.console.ui.table.FeedBridge;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Notices;
import io.welno.console.ui.table.SessionTable;
import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.ui.common.Themes;
import io.welno.console.ui.common.UiPreferences;
import io.welno.console.view.TimeStyle;
import io.welno.console.app.ConsoleServices;
import io.welno.console.text.SafeText;
import io.welno.console.view.Bucket;
import io.welno.console.view.CsvExport;
import io.welno.console.view.Formats;
import io.welno.console.view.ProviderNames;
import io.welno.console.view.SessionRow;
import io.welno.console.view.FollowedSessions;
import io.welno.console.view.Wording;
import io.welno.console.live.ChangeKind;
import io.welno.console.ui.detail.FollowButton;
import io.welno.console.ui.detail.HistoryTab;
import io.welno.console.flow.Operator;
import io.welno.console.live.FeedMode;
import io.welno.console.session.AuthProvider;
import io.welno.console.session.SessionCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;

/**
 * The main window's content: toolbar (search, filters, pause, settings), two tabs (buckets + session
 * table + detail pane; the dashboard) and the status bar. A per-frame pump moves feed output into the
 * table model. Keyboard shortcuts for navigation and the view live here (see {@link KeyboardShortcuts}).
 */
public final class MainView extends BorderPane implements ActionHost {

    private static final Logger LOG = LoggerFactory.getLogger(MainView.class);
    static final KeyCombination EXPORT_KEYS = KeyboardShortcuts.shortcut(KeyCode.E);
    static final KeyCombination SHEET_KEYS = KeyboardShortcuts.key(KeyCode.F1);

    /** Feed figures for the status bar, read on the FX thread a few times a second. */
    public interface FeedStats {
        double eventsPerSecond();

        long latencyMillis();
    }

    private final SessionTableModel model;
    private final FeedBridge bridge;
    private final I18n i18n;
    private final SessionTable table;
    private final RowMenu rowMenu;
    private final DetailPane detail;
    private final StatusBar statusBar = new StatusBar();
    private final BucketList buckets;
    private final DashboardView dashboard;
    private final TabPane tabs = new TabPane();
    private final BorderPane sessions;
    private final Tab sessionsTab = new Tab();
    private final Tab dashboardTab = new Tab();
    private final TextField search = new TextField();
    private final Notices notices;
    private final ToggleButton pause = new ToggleButton();
    private final SettingsMenu settings;
    private final KeyboardShortcuts shortcuts = new KeyboardShortcuts();
    private final UiPreferences preferences = UiPreferences.user();
    private final Executor background;
    private final ZoneId zone;
    private final ListChangeListener<String> themeFollower = c -> showTheme();
    private Consumer<Themes> themeSwitch = theme -> theme.applyTo(getScene());
    private Runnable resync = () -> { };
    /** Follows or unfollows the session shown; set once the services are connected. */
    private Runnable toggleFollow = () -> { };
    private ShortcutSheet sheet;
    private String statusTip;
    private final Label modeLabel = new Label();
    private final Label rateLabel = new Label();
    private final Label countLabel = new Label();
    private final Label latencyLabel = new Label();
    private final Label clockLabel = new Label();
    private final Clock clock;
    private final Label environment = new Label();
    private final Label roleBadge = new Label();
    private final HBox badges = new HBox(6);
    private final AnimationTimer pump;
    private FeedStats stats = new FeedStats() {
        @Override
        public double eventsPerSecond() {
            return 0;
        }

        @Override
        public long latencyMillis() {
            return -1;
        }
    };
    private final PulseProbe pulseProbe = new PulseProbe();
    private final Runnable frameLaidOut = pulseProbe::frameLaidOut;
    private String selectedId;
    /** Every selected session (several for a bulk action), kept by id across feed batches like {@link #selectedId}. */
    private final java.util.LinkedHashSet<String> selectedIds = new java.util.LinkedHashSet<>();
    private boolean applyingBatch;
    private long lastStatusUpdate;
    private long lastTick;
    private FeedMode shownMode;
    private Consumer<SessionRow> selectionListener = row -> { };

    public MainView(SessionTableModel model, FeedBridge bridge, I18n i18n, Clock clock, ZoneId zone,
                    Executor background, SessionCodec codec, Consumer<String> onReveal) {
        this.model = model;
        this.bridge = bridge;
        this.i18n = i18n;
        this.background = background;
        this.zone = zone;
        this.clock = clock;
        setId("mainView");
        getStyleClass().add("main-view");
        table = new SessionTable(model, i18n, clock, zone);
        ColumnChooser.install(table, i18n, preferences.hiddenColumns(), preferences::setHiddenColumns);
        rowMenu = new RowMenu(table, i18n, codec, background, clock, zone);
        detail = new DetailPane(i18n, clock, zone, background, codec, onReveal);
        buckets = new BucketList(model, i18n);
        dashboard = new DashboardView(model, i18n, clock, zone, bridge::snapshotDone);
        settings = new SettingsMenu(i18n, this::chooseLanguage, this::chooseTheme, this::chooseTimeStyle,
                this::exportCsv, this::showShortcutSheet, EXPORT_KEYS, SHEET_KEYS);

        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(detail, false);
        sessions = new BorderPane(split);
        sessions.setLeft(new javafx.scene.layout.VBox(buckets, countsNote()));
        javafx.scene.layout.VBox.setVgrow(buckets, Priority.ALWAYS);
        sessionsTab.setId("tab-sessions");
        sessionsTab.textProperty().bind(i18n.text("tab.sessions"));
        sessionsTab.setContent(sessions);
        dashboardTab.setId("tab-dashboard");
        dashboardTab.textProperty().bind(i18n.text("tab.dashboard"));
        tabs.getTabs().addAll(sessionsTab, dashboardTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("mainTabs");
        tabs.getStyleClass().add("main-tabs");
        dashboard.setActive(false);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now == dashboardTab && dashboardTab.getContent() == null) {
                // Into the scene when first shown: the charts' first CSS and layout were a fifth of the window's
                // first frame while nobody could see them (docs/BENCHMARKS.md, P5).
                dashboardTab.setContent(dashboard);
            }
            dashboard.setActive(now == dashboardTab);
        });
        if ("dashboard".equalsIgnoreCase(System.getenv("WELNO_TAB"))) {
            tabs.getSelectionModel().select(dashboardTab); // a wall display starts on the dashboard
        }
        notices = new Notices(i18n);
        javafx.scene.layout.StackPane.setAlignment(notices, javafx.geometry.Pos.BOTTOM_RIGHT);
        setCenter(new javafx.scene.layout.StackPane(tabs, notices)); // notices float inside the window, never past it
        setTop(toolbar());
        setBottom(statusBar(clock));
        defineShortcuts();
        sceneProperty().addListener((o, old, now) -> moveToScene(old, now));
        addEventHandler(KeyEvent.KEY_PRESSED, this::letterKeys);
        i18n.localeProperty().addListener((o, a, b) -> {
            updateStatusBar(); // at once, not on the next quarter second
            table.refresh();
        });
        i18n.timeStyleProperty().addListener((o, a, b) -> table.refresh());

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
            if (row != null) {
                selectedId = row.id();
            } else {
                selectedId = null;
            }
            detail.show(row);
            selectionListener.accept(row);
        });
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
        pump.start();
        dashboard.start();
    }

    /**
     * The toolbar is a box, not a {@code ToolBar}: a tool bar moves what does not fit behind a "»" whose popup is drawn
     * outside the window. Here the search field gives way first and the trailing items (settings, Connections…) keep
     * their full width at any window width from {@link ConsoleWindow#MIN_WIDTH} up.
     */
    private HBox toolbar() {
        environment.setId("environmentBadge");
        environment.getStyleClass().add("env-badge");
        roleBadge.setId("roleBadge");
        roleBadge.getStyleClass().add("role-badge");
        badges.getChildren().addAll(environment, roleBadge);
        roleBadge.visibleProperty().bind(roleBadge.textProperty().isNotEmpty());
        roleBadge.managedProperty().bind(roleBadge.visibleProperty());
        environment.visibleProperty().bind(environment.textProperty().isNotEmpty());
        environment.managedProperty().bind(environment.visibleProperty());

        search.setId("searchField");
        search.promptTextProperty().bind(i18n.text("search.prompt"));
        // short, and as wide as the toolbar has room for: it is what gives way first, before any badge or button
        search.setPrefColumnCount(10);
        search.setMinWidth(110);
        search.setMaxWidth(320);
        HBox.setHgrow(search, Priority.ALWAYS);
        model.searchProperty().bind(search.textProperty());

        ComboBox<AuthProvider> provider = new ComboBox<>(FXCollections.observableArrayList(AuthProvider.values()));
        provider.getItems().add(0, null);
        provider.setId("providerFilter");
        provider.setButtonCell(providerCell());
        provider.setCellFactory(list -> providerCell());
        // cells format the provider names once; a language switch needs new ones
        i18n.localeProperty().addListener((o, a, b) -> {
            provider.setButtonCell(providerCell());
            provider.setCellFactory(list -> providerCell());
        });
        provider.valueProperty().bindBidirectional(model.providerProperty());

        ComboBox<String> partner = new ComboBox<>();
        partner.setId("partnerFilter");
        partner.setItems(FXCollections.observableArrayList());
        model.partners().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String chosen = partner.getValue();
            partner.getItems().setAll(model.partners());
            partner.getItems().add(0, "");
            partner.setValue(chosen);
        });
        partner.promptTextProperty().bind(i18n.text("filter.partner.all"));
        // partner ids come from the sessions: shown escaped and short, filtered by the value itself
        partner.setButtonCell(partnerCell());
        partner.setCellFactory(list -> partnerCell());
        i18n.localeProperty().addListener((o, a, b) -> {
            partner.setButtonCell(partnerCell());
            partner.setCellFactory(list -> partnerCell());
        });
        partner.valueProperty().bindBidirectional(model.partnerProperty());

        pause.setId("pauseButton");
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(pause.selectedProperty())
                .then(i18n.text("live.resume")).otherwise(i18n.text("live.pause")));
        model.pausedProperty().bindBidirectional(pause.selectedProperty());
        model.pausedProperty().addListener((o, was, paused) -> {
            detail.setPaused(paused);
            updateStatusBar(); // PAUSED at once, and LIVE again at once
        });

        Button pending = new Button();
        pending.setId("pendingPill");
        pending.getStyleClass().add("pill");
        pending.textProperty().bind(i18n.format("live.pending", model.pendingUpdatesProperty()));
        pending.visibleProperty().bind(model.pendingUpdatesProperty().greaterThan(0));
        pending.managedProperty().bind(pending.visibleProperty());
        pending.setOnAction(e -> pause.setSelected(false));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        // a long profile badge gives way (cut, whole in its tooltip) before Connections… would
        for (Label badge : List.of(environment, roleBadge)) {
            badge.setMinWidth(60);
            javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
            whole.textProperty().bind(badge.textProperty());
            badge.setTooltip(whole);
        }
        pause.setMinWidth(Region.USE_PREF_SIZE);
        pending.setMinWidth(Region.USE_PREF_SIZE);
        settings.setMinWidth(Region.USE_PREF_SIZE);
        provider.setMinWidth(90);
        partner.setMinWidth(90);
        HBox bar = new HBox(6, badges, search, provider, partner, pause, pending, spacer, settings);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("tool-bar");
        bar.setId("mainToolbar");
        return bar;
    }

    /** The empty choice is "All partners", in words, like the provider filter's. */
    private ListCell<String> partnerCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null || item.isEmpty() ? i18n.get("filter.partner.all")
                        : SafeText.bounded(item, SafeText.FIELD));
            }
        };
    }

    private ListCell<AuthProvider> providerCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(AuthProvider item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? i18n.get("filter.provider.all") : ProviderNames.name(i18n, item));
            }
        };
    }

    /** Says under the buckets that their counts follow the provider and partner filter, and not the search. */
    private Label countsNote() {
        Label note = new Label();
        note.setId("countsNote");
        note.getStyleClass().add("counts-note");
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        note.textProperty().bind(Bindings.createStringBinding(() -> {
            AuthProvider p = model.providerProperty().get();
            String part = model.partnerProperty().get();
            String scope = java.util.stream.Stream.of(p == null ? null : ProviderNames.name(i18n, p),
                            part == null || part.isEmpty() ? null : SafeText.bounded(part, SafeText.FIELD))
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(" · "));
            return scope.isEmpty() ? "" : i18n.format("bucket.counts.filtered", scope);
        }, model.providerProperty(), model.partnerProperty(), i18n.localeProperty()));
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private StatusBar statusBar(Clock clock) {
        statusBar.setId("statusBar");
        statusBar.setText("");
        modeLabel.setId("feedMode");
        modeLabel.getStyleClass().add("mode-label");
        rateLabel.setId("eventRate");
        countLabel.setId("sessionCount");
        latencyLabel.setId("redisLatency");
        statusBar.getLeftItems().add(modeLabel);
        statusBar.getRightItems().addAll(countLabel, new Label("·"), rateLabel, new Label("·"), latencyLabel);
        clockLabel.setId("statusClock");
        clockLabel.getStyleClass().add("status-clock");
        // the clock without its zone, the zone label right after it says it once for every time in the window
        statusBar.getRightItems().addAll(new Label("·"), clockLabel, new ZoneLabel(i18n, zone, clock));
        return statusBar;
    }

    private void pulse(long nowNanos) {
        pulseProbe.frameStarted();
        pulseWork(nowNanos);
    }

    private void pulseWork(long nowNanos) {
        boolean applied;
        applyingBatch = true;
        try {
            // rows inserted above what the operator looks at must not move it (SessionTable.keepingViewport)
            applied = table.keepingViewport(() -> bridge.drain(model));
        } finally {
            applyingBatch = false;
        }
        if (applied && selectedId != null) {
            detail.follow(model.row(selectedId)); // the pane shows the live document, or that it is gone
        }
        // The once-a-second work (the stuck scan over every row, the visible cells' ages) waits for a frame
        // without a batch, so the two never add up in one frame (at 100,000 sessions that frame went over
        // 16 ms); a feed busy in every frame delays it by half a second at most.
        long sinceTick = nowNanos - lastTick;
        if (sinceTick > 1_000_000_000L && (!applied || sinceTick > 1_500_000_000L)) {
            lastTick = nowNanos;
            model.tick();
            table.tick(); // countdowns and ages move every second
            detail.tick(); // and in the detail pane, on the same pulse
        }
        if (nowNanos - lastStatusUpdate > 250_000_000L) {
            lastStatusUpdate = nowNanos;
            updateStatusBar();
        }
    }

    /**
     * Puts the selection back on the selected session after the table's rows changed (a feed batch, a
     * re-sort, a new filter): the table's items report moves as in-place changes, so its selection model
     * keeps the old position, not the session.
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
    public List<String> selectedIds() {
        return List.copyOf(selectedIds);
    }

    /** Shows {@code id} in the table and selects it; when the current bucket or filter hides it, they are cleared. */
    public void selectSession(String id) {
        showSessions();
        SessionRow row = model.row(id);
        if (row == null) {
            return;
        }
        if (!table.getItems().contains(row)) {
            search.clear();
            model.providerProperty().set(null);
            model.partnerProperty().set(null);
            model.bucketProperty().set(row.isEnded() ? Bucket.ENDED : Bucket.ALL);
        }
        int at = table.getItems().indexOf(row);
        if (at >= 0) {
            table.getSelectionModel().clearAndSelect(at);
            table.getFocusModel().focus(at);
            table.scrollTo(Math.max(0, at - 3));
        }
    }

    private void updateStatusBar() {
        FeedMode mode = bridge.mode();
        if (mode != shownMode) {
            modeLabel.getStyleClass().removeIf(c -> c.startsWith("mode-") && !c.equals("mode-label"));
            modeLabel.getStyleClass().add("mode-" + mode.name().toLowerCase());
            shownMode = mode;
        }
        modeLabel.setText(i18n.get("mode." + mode.name()));
        // the feed's phrase in the window's language; Wording escapes and bounds the Redis errors it quotes
        String feedText = Wording.window(i18n).render(bridge.modeDetail());
        String detailText = feedText;
        if (!bridge.snapshotDone() && bridge.snapshotLoaded() > 0) {
            detailText = i18n.format("snapshot.progress", bridge.snapshotLoaded());
        }
        statusBar.setText(detailText);
        // the feed's own sentence, with the technical cause, while the bar shows the snapshot's progress
        String tip = detailText.equals(feedText) ? null : feedText;
        if (!java.util.Objects.equals(tip, statusTip)) {
            statusTip = tip;
            statusBar.setTooltip(tip == null || tip.isEmpty() ? null : new javafx.scene.control.Tooltip(tip));
        }
        countLabel.setText(i18n.format("status.sessions", model.liveCountProperty().get()));
        rateLabel.setText(i18n.format("status.rate", String.format("%.1f", stats.eventsPerSecond())));
        long latency = stats.latencyMillis();
        latencyLabel.setText(latency < 0 ? i18n.get("status.latency.unknown") : i18n.format("status.latency", latency));
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        clockLabel.setText(Formats.time(i18n, now, now));
        showPaused();
    }

    /** While live is paused the mode says PAUSED with the changes waiting, whatever the feed's own state. */
    private void showPaused() {
        if (!model.pausedProperty().get()) {
            return;
        }
        modeLabel.getStyleClass().removeIf(c -> c.startsWith("mode-") && !c.equals("mode-label"));
        modeLabel.getStyleClass().add("mode-paused");
        shownMode = null; // the feed's style comes back on the first update after resuming
        modeLabel.setText(i18n.format("status.paused", model.pendingUpdatesProperty().get()));
    }

    public void setStats(FeedStats stats) {
        this.stats = stats;
    }

    public void setEnvironment(String text, String styleClass) {
        environment.textProperty().unbind();
        environment.setText(text);
        environment.getStyleClass().removeIf(c -> c.startsWith("env-") && !c.equals("env-badge"));
        if (styleClass != null) {
            environment.getStyleClass().add(styleClass);
        }
    }

    public void setRoleBadge(String text, boolean readOnly) {
        roleBadge.textProperty().unbind();
        roleBadge.setText(text);
        roleBadge.getStyleClass().remove("read-only");
        if (readOnly) {
            roleBadge.getStyleClass().add("read-only");
        }
    }

    /** Adds controls at the right end of the toolbar (e.g. the connection switcher); they never shrink or hide. */
    public void addToolbarItems(javafx.scene.Node... items) {
        for (javafx.scene.Node item : items) {
            if (item instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        ((HBox) getTop()).getChildren().addAll(items);
    }

    @Override
    public void onSelection(Consumer<SessionRow> listener) {
        this.selectionListener = listener;
    }

    /** How long this view's per-frame work takes on the FX thread. */
    public PulseProbe pulseProbe() {
        return pulseProbe;
    }

    public SessionTable table() {
        return table;
    }

    /** The sessions' right-click menu, for features that add their own items. */
    public RowMenu rowMenu() {
        return rowMenu;
    }

    @Override
    public javafx.stage.Window window() {
        return getScene().getWindow();
    }

    @Override
    public DetailPane detail() {
        return detail;
    }

    @Override
    public java.util.Optional<io.welno.console.text.Phrase> whyStuck(SessionRow row) {
        return model.whyStuck(row);
    }

    public SessionTableModel model() {
        return model;
    }

    public void stop() {
        pump.stop();
        dashboard.stop();
    }

    // ------------------------------------------------------------------ settings, shortcuts, export

    /**
     * Connects the view to its window and services (called once by {@code ConsoleWindow.attach}): the theme
     * is switched through the window, F5 resyncs the feed, and the badges follow the language.
     */
    public void connect(Consumer<Themes> windowThemeSwitch, ConsoleServices services) {
        this.themeSwitch = windowThemeSwitch;
        this.resync = () -> services.feed().resync();
        if (services.isDemo()) {
            environment.textProperty().bind(i18n.text("app.demo"));
        }
        connectFollowAndHistory(services);
        showOperator(services.operator());
    }

    /** The role badge for {@code operator}, following the language (again after the demo's role switch). */
    void showOperator(Operator operator) {
        roleBadge.getStyleClass().remove("read-only");
        if (!operator.role().mayWrite()) {
            roleBadge.getStyleClass().add("read-only");
            roleBadge.textProperty().bind(i18n.text("role.viewer.badge"));
        } else {
            roleBadge.textProperty().bind(Bindings.createStringBinding(() -> i18n.format("role.badge",
                    operator.name(), i18n.get("role." + operator.role().wire())), i18n.localeProperty()));
        }
    }

    /** The History tab and the follow star in the detail pane, the Following bucket, and a note per followed change. */
    private void connectFollowAndHistory(ConsoleServices services) {
        HistoryTab history = new HistoryTab(i18n, services.history(), zone, services.timestamps().clock());
        FollowButton star = new FollowButton(i18n, services.followed());
        detail.mount(history);
        detail.mountInHeader(star);
        detail.onShown(row -> {
            history.show(row == null ? null : row.id());
            star.show(row == null ? null : row.id());
        });
        SessionRow shown = detail.current();
        history.show(shown == null ? null : shown.id());
        star.show(shown == null ? null : shown.id());
        FollowedSessions followed = services.followed();
        followed.followAll(preferences.followed(services.title()));
        model.setFollowed(followed.ids());
        followed.addSetListener(() -> {
            preferences.setFollowed(services.title(), followed.ids());
            Platform.runLater(() -> model.setFollowed(followed.ids()));
        });
        followed.addListener(changed -> Platform.runLater(() ->
                notices.show(followedNote(changed), false)));
        // The row's menu: follow or unfollow the session under the pointer (the right-click selects its row first).
        MenuItem follow = new MenuItem();
        follow.setId("menuFollow");
        rowMenu.menu().getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), follow);
        rowMenu.menu().addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            SessionRow row = detail.current();
            follow.setText(i18n.get(row != null && followed.isFollowed(row.id()) ? "follow.unstar" : "follow.star"));
            follow.setDisable(row == null);
        });
        follow.setOnAction(e -> toggleFollow.run());
        toggleFollow = () -> {
            SessionRow row = detail.current();
            if (row != null && !followed.toggle(row.id()) && !followed.isFollowed(row.id())
                    && followed.ids().size() >= FollowedSessions.MAX_FOLLOWED) {
                notify(i18n.format("follow.full", FollowedSessions.MAX_FOLLOWED), true);
            }
        };
    }

    private String followedNote(FollowedSessions.Changed changed) {
        Wording words = Wording.window(i18n);
        String id = SafeText.bounded(changed.sessionId(), SafeText.FIELD);
        if (changed.to() == null) {
            return i18n.format("notify.followed.ended", id, i18n.get(changed.ended() == ChangeKind.EXPIRED
                    ? "history.version.expired" : "history.version.removed"));
        }
        return i18n.format("notify.followed", id, words.status(changed.from()), words.status(changed.to()));
    }

    /** Adds items to the status bar's left, after the feed's mode (e.g. the demo's role switch). */
    void addStatusItems(javafx.scene.Node... items) {
        statusBar.getLeftItems().addAll(items);
    }

    /** A banner above the sessions (the demo's first-run hint); null takes it away. */
    void showBanner(javafx.scene.Node banner) {
        sessions.setTop(banner);
    }

    private void defineShortcuts() {
        var nav = KeyboardShortcuts.Section.NAVIGATION;
        var view = KeyboardShortcuts.Section.VIEW;
        shortcuts.add(nav, KeyboardShortcuts.shortcut(KeyCode.F), "shortcuts.search", this::focusSearch);
        List<Bucket> all = Bucket.standard();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < digits.length && i < all.size(); i++) {
            Bucket bucket = all.get(i);
            shortcuts.add(nav, KeyboardShortcuts.shortcut(digits[i]), "shortcuts.bucket",
                    () -> chooseBucket(bucket), BucketList.label(i18n, bucket));
        }
        shortcuts.add(nav, KeyboardShortcuts.key(KeyCode.DOWN, KeyCombination.ALT_DOWN), "shortcuts.bucket.next",
                () -> stepBucket(1));
        shortcuts.add(nav, KeyboardShortcuts.key(KeyCode.UP, KeyCombination.ALT_DOWN), "shortcuts.bucket.previous",
                () -> stepBucket(-1));
        shortcuts.add(nav, KeyboardShortcuts.shortcut(KeyCode.DOWN), "shortcuts.session.next", () -> stepSession(1));
        shortcuts.add(nav, KeyboardShortcuts.shortcut(KeyCode.UP), "shortcuts.session.previous",
                () -> stepSession(-1));
        shortcuts.add(view, KeyboardShortcuts.shortcut(KeyCode.D), "shortcuts.dashboard", this::toggleDashboard);
        shortcuts.add(view, KeyboardShortcuts.shortcut(KeyCode.P), "shortcuts.pause",
                () -> pause.setSelected(!pause.isSelected()));
        shortcuts.add(view, KeyboardShortcuts.key(KeyCode.F5), "shortcuts.resync", this::resync);
        shortcuts.add(nav, KeyboardShortcuts.shortcut(KeyCode.S), "shortcuts.follow", () -> toggleFollow.run());
        shortcuts.add(view, EXPORT_KEYS, "shortcuts.export", this::exportCsv);
        shortcuts.add(view, SHEET_KEYS, "shortcuts.sheet", this::showShortcutSheet);
    }

    private void moveToScene(Scene old, Scene now) {
        if (old != null) {
            shortcuts.uninstallFrom(old);
            old.getStylesheets().removeListener(themeFollower);
            old.removePostLayoutPulseListener(frameLaidOut);
        }
        if (now != null) {
            now.addPostLayoutPulseListener(frameLaidOut);
            shortcuts.installOn(now);
            now.getStylesheets().addListener(themeFollower);
            showTheme();
        }
    }

    private void showTheme() {
        settings.showTheme(Themes.of(getScene()));
    }

    /** J and K step through the sessions when no text field has the keyboard. */
    private void letterKeys(KeyEvent event) {
        if (event.getTarget() instanceof TextInputControl || event.isShortcutDown() || event.isAltDown()
                || event.isShiftDown() || event.isMetaDown()) {
            return;
        }
        if (event.getCode() == KeyCode.J) {
            stepSession(1);
            event.consume();
        } else if (event.getCode() == KeyCode.K) {
            stepSession(-1);
            event.consume();
        }
    }

    private void showSessions() {
        tabs.getSelectionModel().select(sessionsTab);
    }

    void focusSearch() {
        showSessions();
        search.requestFocus();
        search.selectAll();
    }

    public void chooseBucket(Bucket bucket) {
        showSessions();
        model.bucketProperty().set(bucket);
    }

    private void stepBucket(int delta) {
        List<Bucket> all = Bucket.standard();
        int at = Math.max(0, all.indexOf(model.bucketProperty().get()));
        chooseBucket(all.get(Math.floorMod(at + delta, all.size())));
    }

    /** Selects the next (+1) or previous (-1) session in the table's order, and keeps the table focused. */
    void stepSession(int delta) {
        showSessions();
        int size = table.getItems().size();
        if (size == 0) {
            return;
        }
        int at = table.getSelectionModel().getSelectedIndex();
        int next = at < 0 ? (delta > 0 ? 0 : size - 1) : Math.max(0, Math.min(size - 1, at + delta));
        table.getSelectionModel().clearAndSelect(next);
        table.getFocusModel().focus(next);
        table.scrollTo(Math.max(0, next - 3));
        table.requestFocus();
    }

    private void toggleDashboard() {
        tabs.getSelectionModel().select(tabs.getSelectionModel().getSelectedItem() == dashboardTab
                ? sessionsTab : dashboardTab);
    }

    private void resync() {
        LOG.info("Resync requested from the keyboard");
        resync.run();
    }

    private void chooseLanguage(Locale locale) {
        i18n.setLocale(locale);
        preferences.setLanguage(locale);
    }

    private void chooseTimeStyle(TimeStyle style) {
        i18n.setTimeStyle(style);
        preferences.setTimeStyle(style);
    }

    private void chooseTheme(Themes theme) {
        themeSwitch.accept(theme);
        preferences.setTheme(theme);
        showTheme();
    }

    void showShortcutSheet() {
        if (sheet != null && sheet.isShowing()) {
            sheet.close();
        }
        sheet = new ShortcutSheet(getScene() == null ? null : getScene().getWindow(), i18n, shortcuts.all());
        sheet.show();
    }

    public ShortcutSheet shortcutSheet() {
        return sheet;
    }

    /** Asks where to save, then writes the rows the table shows now (masked unless revealed) in the background. */
    void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("export.filter"), "*.csv"));
        chooser.setInitialFileName("welno-sessions-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").format(LocalDateTime.now(zone)) + ".csv");
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        exportTo(file.toPath()).whenComplete((count, error) -> Platform.runLater(() -> {
            if (error == null) {
                notify(i18n.format("export.done", count, file.getName()), false);
            } else {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                notices.show(i18n.get("notify.export.failed"), i18n.format("export.failed", cause.getMessage()), true);
            }
        }));
    }

    /**
     * Writes the table's current rows (filtered and sorted as shown) to {@code file}, off the FX thread.
     * Only a session a developer revealed (audited) is written unmasked. Call on the FX thread.
     */
    public CompletableFuture<Integer> exportTo(Path file) {
        List<SessionRow> rows = new ArrayList<>(model.rows());
        String revealed = detail.revealedId();
        CsvExport export = CsvExport.of(i18n, zone);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        background.execute(() -> {
            try {
                int written = export.write(rows, revealed == null ? Set.of() : Set.of(revealed), file);
                // The file name and counts only: never a row's content.
                LOG.info("Exported {} sessions to {}{}", written, file.getFileName(),
                        revealed == null ? "" : " (one session revealed)");
                done.complete(written);
            } catch (IOException | RuntimeException e) {
                LOG.warn("CSV export to {} failed: {}", file.getFileName(), e.toString());
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private void notify(String text, boolean warning) {
        notices.show(text, warning);
    }

    /** The window's notifications (a layer over the content). */
    @Override
    public Notices notices() {
        return notices;
    }

    public DashboardView dashboard() {
        return dashboard;
    }

    public SettingsMenu settings() {
        return settings;
    }

    public TabPane tabs() {
        return tabs;
    }

    public List<KeyboardShortcuts.Shortcut> shortcuts() {
        return shortcuts.all();
    }


}
