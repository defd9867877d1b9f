package io.welno.console.ui.shell;

import io.welno.console.app.ConsoleServices;
import io.welno.console.flow.Operator;
import io.welno.console.live.FeedPulse;
import io.welno.console.session.SessionCodec;
import io.welno.console.text.Phrase;
import io.welno.console.ui.actions.ActionHost;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Notices;
import io.welno.console.ui.common.Themes;
import io.welno.console.ui.common.UiPreferences;
import io.welno.console.ui.dashboard.DashboardView;
import io.welno.console.ui.detail.DetailPane;
import io.welno.console.ui.table.BucketList;
import io.welno.console.ui.table.ColumnChooser;
import io.welno.console.ui.table.FeedBridge;
import io.welno.console.ui.table.RowMenu;
import io.welno.console.ui.table.SessionTable;
import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.view.Bucket;
import io.welno.console.view.FeedReach;
import io.welno.console.view.SessionRow;
import io.welno.console.view.TimeStyle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's content, put together: the toolbar ({@link SessionsToolbar}), two tabs (buckets + session
 * table + detail pane; the dashboard), the status bar ({@link StatusBarView}) and the notices. A per-frame pump
 * moves feed output into the table model; {@link SelectionKeeper} keeps the selection on sessions across it.
 * Follow and history come from {@link FollowWiring}, the CSV export from {@link CsvExporter}. Keyboard shortcuts
 * for navigation and the view are defined here (see {@link KeyboardShortcuts}).
 *
 * <p>Still a little above 400 lines as the composition: about a third of it is the short methods the window,
 * the features and the tests call (most hand over to a part), and the shortcuts that reach across the parts.
 */
public final class MainView extends BorderPane implements ActionHost {

    private static final Logger LOG = LoggerFactory.getLogger(MainView.class);
    static final KeyCombination EXPORT_KEYS = KeyboardShortcuts.shortcut(KeyCode.E);
    static final KeyCombination SHEET_KEYS = KeyboardShortcuts.key(KeyCode.F1);
    static final KeyCombination COLUMNS_KEYS = KeyboardShortcuts.shortcut(KeyCode.L, KeyCombination.SHIFT_DOWN);

    private final SessionTableModel model;
    private final FeedBridge bridge;
    private FeedPulse feedPulse = FeedPulse.NONE;
    private final I18n i18n;
    private final SessionTable table;
    private final RowMenu rowMenu;
    private final ColumnChooser columns;
    private final DetailPane detail;
    private final StatusBarView statusBar;
    private final SessionsToolbar toolbar;
    private final SelectionKeeper selection;
    private final FollowWiring follow;
    private final CsvExporter export;
    private final BucketList buckets;
    /** Whether the feed has been live or polling once: only then can the rows it shows be left behind. */
    private boolean everFollowed;
    /** Made a frame after the first (see {@link #dashboard()}); null until then. */
    private DashboardView dashboard;
    private final java.util.function.Supplier<DashboardView> newDashboard;
    private int pulses;
    private boolean stopped;
    private final TabPane tabs = new TabPane();
    private final BorderPane sessions;
    /** Where the demo's first-run hint stands above the sessions; empty (no height) without one. */
    private final VBox bannerSlot = new VBox();
    private final Tab sessionsTab = new Tab();
    private final Tab dashboardTab = new Tab();
    private final Notices notices;
    private final SettingsMenu settings;
    private final KeyboardShortcuts shortcuts = new KeyboardShortcuts();
    private final UiPreferences preferences = UiPreferences.user();
    private final ListChangeListener<String> themeFollower = c -> showTheme();
    private Consumer<Themes> themeSwitch = theme -> theme.applyTo(getScene());
    private Runnable resync = () -> { };
    private ShortcutSheet sheet;
    private final AnimationTimer pump;
    private final PulseProbe pulseProbe = new PulseProbe();
    private final Runnable frameLaidOut = pulseProbe::frameLaidOut;
    private long lastStatusUpdate;
    /** What the features mounted later want done on the once-a-second pulse (the audit's time filter). */
    private final List<Runnable> secondly = new ArrayList<>();
    private long lastTick;

    public MainView(SessionTableModel model, FeedBridge bridge, I18n i18n, Clock clock, ZoneId zone,
                    Executor background, SessionCodec codec,
                    Function<String, CompletionStage<Optional<Phrase>>> onReveal) {
        this.model = model;
        this.bridge = bridge;
        this.i18n = i18n;
        setId("mainView");
        getStyleClass().add("main-view");
        table = new SessionTable(model, i18n, clock, zone);
        columns = ColumnChooser.install(table, i18n, preferences.hiddenColumns(), preferences::setHiddenColumns);
        // the + over the header row is one Tab past the table; the key works from anywhere, and the table says so
        table.accessibleHelpProperty().bind(i18n.words(() -> i18n.format("columns.help",
                COLUMNS_KEYS.getDisplayText())));
        rowMenu = new RowMenu(table, i18n, codec, background, clock, zone);
        detail = new DetailPane(i18n, clock, zone, background, codec, onReveal);
        buckets = new BucketList(model, i18n);
        newDashboard = () -> new DashboardView(model, i18n, clock, zone, bridge::snapshotDone, background);
        settings = new SettingsMenu(i18n, this::chooseLanguage, this::chooseTheme, this::chooseTimeStyle,
                this::exportCsv, this::showShortcutSheet, EXPORT_KEYS, SHEET_KEYS);

        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(detail, false);
        sessions = new BorderPane();
        // Tab follows the children's order, not where they stand: the banner's place above everything comes first,
        // then the buckets at the left, then the table
        sessions.setTop(bannerSlot);
        sessions.setLeft(new VBox(buckets, SessionsToolbar.countsNote(model, i18n)));
        sessions.setCenter(split);
        VBox.setVgrow(buckets, Priority.ALWAYS);
        sessionsTab.setId("tab-sessions");
        sessionsTab.textProperty().bind(i18n.text("tab.sessions"));
        sessionsTab.setContent(sessions);
        dashboardTab.setId("tab-dashboard");
        dashboardTab.textProperty().bind(i18n.text("tab.dashboard"));
        tabs.getTabs().addAll(sessionsTab, dashboardTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("mainTabs");
        tabs.getStyleClass().add("main-tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now == dashboardTab && dashboardTab.getContent() == null) {
                // Into the scene when first shown: the charts' first CSS and layout were a fifth of the window's
                // first frame while nobody could see them (docs/BENCHMARKS.md, P5).
                dashboardTab.setContent(dashboard());
            }
            if (dashboard != null) {
                dashboard.setActive(now == dashboardTab);
            }
        });
        if ("dashboard".equalsIgnoreCase(System.getenv("WELNO_TAB"))) {
            tabs.getSelectionModel().select(dashboardTab); // a wall display starts on the dashboard
        }
        notices = new Notices(i18n);
        StackPane.setAlignment(notices, Pos.BOTTOM_RIGHT);
        setCenter(new StackPane(tabs, notices)); // notices float inside the window, never past it
        toolbar = new SessionsToolbar(model, i18n, settings);
        statusBar = new StatusBarView(bridge, model, i18n, clock, zone);
        model.pausedProperty().addListener((o, was, paused) -> {
            detail.setPaused(paused);
            statusBar.update(); // PAUSED at once, and LIVE again at once
        });
        setTop(toolbar.node());
        setBottom(statusBar.node());
        selection = new SelectionKeeper(table, model, detail, toolbar::clearSearch);
        follow = new FollowWiring(i18n, zone, detail, model, rowMenu, notices, preferences);
        export = new CsvExporter(model, detail, i18n, clock, zone, background, notices);
        defineShortcuts();
        sceneProperty().addListener((o, old, now) -> moveToScene(old, now));
        addEventHandler(KeyEvent.KEY_PRESSED, this::letterKeys);
        i18n.localeProperty().addListener((o, a, b) -> {
            statusBar.update(); // at once, not on the next quarter second
            table.refresh();
        });
        i18n.timeStyleProperty().addListener((o, a, b) -> table.refresh());
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
        pump.start();
    }

    /** Runs {@code work} on the FX thread's once-a-second pulse, beside the table's own ticking. */
    public void everySecond(Runnable work) {
        secondly.add(work);
    }

    private void pulse(long nowNanos) {
        pulseProbe.frameStarted();
        if (dashboard == null && ++pulses > 2) {
            dashboard(); // its figures are kept from now on, whether the tab is shown or not
        }
        // rows inserted above what the operator looks at must not move it (SessionTable.keepingViewport)
        boolean applied = selection.applyBatch(() -> table.keepingViewport(() -> bridge.drain(model)));
        // The once-a-second work (the stuck count, the visible cells' ages) waits for a frame without a batch, so
        // the two do not add up in one frame (when the stuck count was a pass over every row, such frames went over
        // 16 ms at 100,000 sessions); a feed busy in every frame delays it by half a second at most.
        long sinceTick = nowNanos - lastTick;
        if (sinceTick > 1_000_000_000L && (!applied || sinceTick > 1_500_000_000L)) {
            lastTick = nowNanos;
            model.tick();
            table.tick(); // countdowns and ages move every second
            detail.tick(); // and in the detail pane, on the same pulse
            follow.passTime(); // a followed session's expires_at passing is a notice of its own
            secondly.forEach(Runnable::run);
        }
        if (nowNanos - lastStatusUpdate > 250_000_000L) {
            lastStatusUpdate = nowNanos;
            FeedReach reach = FeedReach.of(bridge.mode(), feedPulse.unansweredMillis(), feedPulse.latencyMillis());
            boolean following = reach != FeedReach.LOST;
            everFollowed |= following;
            // Before the first snapshot ends the counts are being read, not left behind. A server not answering has
            // them as last read too (writes made meanwhile reach the window only once it answers), though nothing
            // is missed for good unless the link is given up.
            model.followingProperty().set(reach == FeedReach.LIVE || reach == FeedReach.POLLED || !everFollowed);
            model.feedFollowing(following); // what the started counts may have missed, and when
            detail.setReach(reach);
            statusBar.update(reach);
        }
        pulseProbe.workDone();
    }

    /** The selected sessions' ids, in the order they were selected. */
    public List<String> selectedIds() {
        return selection.selectedIds();
    }

    /** The selected sessions the table shows now (not those a search, filter or change hides), in its order. */
    public List<SessionRow> selectedShown() {
        return selection.selectedShown();
    }

    /** Shows {@code id} in the table and selects it; when the current bucket or filter hides it, they are cleared. */
    public void selectSession(String id) {
        showSessions();
        selection.selectSession(id);
    }

    /** The feed's running figures the status bar shows and the window judges how closely it follows Redis from. */
    public void setFeedPulse(FeedPulse feedPulse) {
        this.feedPulse = feedPulse;
        statusBar.setFeedPulse(feedPulse);
    }

    public void setEnvironment(String text, String styleClass) {
        toolbar.setEnvironment(text, styleClass);
    }

    public void setRoleBadge(String text, boolean readOnly) {
        toolbar.setRoleBadge(text, readOnly);
    }

    /** Adds controls at the right end of the toolbar (e.g. the connection switcher); they never shrink or hide. */
    public void addToolbarItems(Node... items) {
        toolbar.addItems(items);
    }

    @Override
    public void onSelection(Consumer<SessionRow> listener) {
        selection.onSelection(listener);
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
    public Window window() {
        return getScene().getWindow();
    }

    @Override
    public DetailPane detail() {
        return detail;
    }

    @Override
    public Optional<Phrase> whyStuck(SessionRow row) {
        return model.whyStuck(row);
    }

    public SessionTableModel model() {
        return model;
    }

    public void stop() {
        pump.stop();
        stopped = true;
        if (dashboard != null) {
            dashboard.stop();
        }
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
            toolbar.showDemo();
        }
        follow.connect(services);
        showOperator(services.operator());
    }

    /** The role badge for {@code operator}, following the language (again after the demo's role switch). */
    void showOperator(Operator operator) {
        toolbar.showOperator(operator);
    }

    /** Adds items to the status bar's left, after the feed's mode (e.g. the demo's role switch). */
    void addStatusItems(Node... items) {
        statusBar.addItems(items);
    }

    /** A banner above the sessions (the demo's first-run hint); null takes it away. */
    void showBanner(Node banner) {
        // Into a place set before the others, so it comes first for Tab as on screen: moving the node itself to the
        // front of the pane's children would take it out of the pane's top (a BorderPane lets go of a position whose
        // node leaves its children, even to come back), and the banner could no longer be dismissed.
        if (banner == null) {
            bannerSlot.getChildren().clear();
        } else {
            bannerSlot.getChildren().setAll(banner);
        }
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
                toolbar::togglePause);
        shortcuts.add(view, KeyboardShortcuts.key(KeyCode.F5), "shortcuts.resync", this::resync);
        shortcuts.add(nav, KeyboardShortcuts.shortcut(KeyCode.S), "shortcuts.follow", follow::toggle);
        shortcuts.add(view, COLUMNS_KEYS, "shortcuts.columns", this::chooseColumns);
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

    private void chooseColumns() {
        showSessions();
        columns.show();
    }

    void focusSearch() {
        showSessions();
        toolbar.focusSearch();
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
        selection.step(delta);
    }

    private void toggleDashboard() {
        tabs.getSelectionModel().select(tabs.getSelectionModel().getSelectedItem() == dashboardTab
                ? sessionsTab : dashboardTab);
    }

    private void resync() {
        LOG.info("Resync requested from the keyboard");
        resync.run();
    }

    /**
     * A new language, unless a modal dialog is open: its words are made once when it opens, so it would stay in the
     * language it opened in under a window in the other. Every modal dialog of the window blocks the window (the
     * application-modal default), so the menu is out of reach then; refused here all the same, whatever reaches it,
     * the menu's mark left on the language in use.
     */
    private void chooseLanguage(Locale locale) {
        if (modalDialogOpen()) {
            LOG.info("Language switch to {} refused: a modal dialog is open", locale);
            settings.showLanguage(i18n.locale());
            return;
        }
        i18n.setLocale(locale);
        preferences.setLanguage(locale);
    }

    private static boolean modalDialogOpen() {
        for (Window open : Window.getWindows()) {
            if (open.isShowing() && open instanceof javafx.stage.Stage stage
                    && stage.getModality() != javafx.stage.Modality.NONE) {
                return true;
            }
        }
        return false;
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
        export.exportAsked(() -> getScene() == null ? null : getScene().getWindow());
    }

    /**
     * Writes the table's current rows (filtered and sorted as shown) to {@code file}, off the FX thread.
     * Only a session a developer revealed (audited) is written unmasked. Call on the FX thread.
     */
    public CompletableFuture<Integer> exportTo(Path file) {
        return export.exportTo(file);
    }

    /** The window's notifications (a layer over the content). */
    @Override
    public Notices notices() {
        return notices;
    }

    /**
     * The dashboard, made on first use or a frame after the window's first: its charts and tiles took a tenth of
     * the work before the first frame, which nobody needs before the window is on screen (docs/BENCHMARKS.md, P5).
     */
    public DashboardView dashboard() {
        if (dashboard == null) {
            dashboard = newDashboard.get();
            dashboard.setActive(tabs.getSelectionModel().getSelectedItem() == dashboardTab);
            if (!stopped) {
                dashboard.start();
            }
        }
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
