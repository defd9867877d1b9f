package io.welno.console.ui;

import io.welno.console.live.FeedMode;
import io.welno.console.session.AuthProvider;
import io.welno.console.session.SessionCodec;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;

/**
 * The main window's content: toolbar (search, filters, pause), buckets, the session table, the detail
 * pane and the status bar. A per-frame pump moves feed output into the table model.
 */
public final class MainView extends BorderPane {

    /** Feed figures for the status bar, read on the FX thread a few times a second. */
    public interface FeedStats {
        double eventsPerSecond();

        long latencyMillis();
    }

    private final SessionTableModel model;
    private final FeedBridge bridge;
    private final I18n i18n;
    private final SessionTable table;
    private final DetailPane detail;
    private final StatusBar statusBar = new StatusBar();
    private final Label modeLabel = new Label();
    private final Label rateLabel = new Label();
    private final Label countLabel = new Label();
    private final Label latencyLabel = new Label();
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
    private String selectedId;
    private long pulses;
    private boolean applyingBatch;
    private long restoreUntilPulse = -1;
    private long lastStatusUpdate;
    private long lastTick;
    private FeedMode shownMode;
    private Consumer<SessionRow> selectionListener = row -> { };

    public MainView(SessionTableModel model, FeedBridge bridge, I18n i18n, Clock clock, ZoneId zone,
                    Executor background, SessionCodec codec, Consumer<String> onReveal) {
        this.model = model;
        this.bridge = bridge;
        this.i18n = i18n;
        setId("mainView");
        getStyleClass().add("main-view");
        table = new SessionTable(model, i18n, clock, zone);
        detail = new DetailPane(i18n, clock, zone, background, codec, onReveal);

        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(detail, false);
        setCenter(split);
        setLeft(new BucketList(model, i18n));
        setTop(toolbar());
        setBottom(statusBar());

        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row == null && (applyingBatch || pulses <= restoreUntilPulse)) {
                return; // a row replaced by an update; restoreSelection() puts it back
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
    }

    private ToolBar toolbar() {
        environment.setId("environmentBadge");
        environment.getStyleClass().add("env-badge");
        roleBadge.setId("roleBadge");
        roleBadge.getStyleClass().add("role-badge");
        badges.getChildren().addAll(environment, roleBadge);
        roleBadge.visibleProperty().bind(roleBadge.textProperty().isNotEmpty());
        roleBadge.managedProperty().bind(roleBadge.visibleProperty());
        environment.visibleProperty().bind(environment.textProperty().isNotEmpty());
        environment.managedProperty().bind(environment.visibleProperty());

        TextField search = new TextField();
        search.setId("searchField");
        search.promptTextProperty().bind(i18n.text("search.prompt"));
        search.setPrefColumnCount(22);
        model.searchProperty().bind(search.textProperty());

        ComboBox<AuthProvider> provider = new ComboBox<>(FXCollections.observableArrayList(AuthProvider.values()));
        provider.getItems().add(0, null);
        provider.setId("providerFilter");
        provider.setButtonCell(providerCell());
        provider.setCellFactory(list -> providerCell());
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
        partner.valueProperty().bindBidirectional(model.partnerProperty());

        ToggleButton pause = new ToggleButton();
        pause.setId("pauseButton");
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(pause.selectedProperty())
                .then(i18n.text("live.resume")).otherwise(i18n.text("live.pause")));
        model.pausedProperty().bindBidirectional(pause.selectedProperty());

        Button pending = new Button();
        pending.setId("pendingPill");
        pending.getStyleClass().add("pill");
        pending.textProperty().bind(i18n.format("live.pending", model.pendingUpdatesProperty()));
        pending.visibleProperty().bind(model.pendingUpdatesProperty().greaterThan(0));
        pending.managedProperty().bind(pending.visibleProperty());
        pending.setOnAction(e -> pause.setSelected(false));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(badges, search, provider, partner, pause, pending, spacer);
        bar.setId("mainToolbar");
        return bar;
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

    private StatusBar statusBar() {
        statusBar.setId("statusBar");
        statusBar.setText("");
        modeLabel.setId("feedMode");
        modeLabel.getStyleClass().add("mode-label");
        rateLabel.setId("eventRate");
        countLabel.setId("sessionCount");
        latencyLabel.setId("redisLatency");
        statusBar.getLeftItems().add(modeLabel);
        statusBar.getRightItems().addAll(countLabel, new Label("·"), rateLabel, new Label("·"), latencyLabel);
        return statusBar;
    }

    private void pulse(long nowNanos) {
        pulses++;
        applyingBatch = true;
        int applied;
        try {
            applied = bridge.drain(model);
        } finally {
            applyingBatch = false;
        }
        if (applied > 0 && selectedId != null) {
            // The table may drop the selection of a replaced row during this pulse or the next layout.
            restoreUntilPulse = pulses + 2;
        }
        if (pulses <= restoreUntilPulse) {
            restoreSelection();
        }
        if (nowNanos - lastTick > 1_000_000_000L) {
            lastTick = nowNanos;
            model.tick();
            table.refresh(); // countdowns and ages move every second
        }
        if (nowNanos - lastStatusUpdate > 250_000_000L) {
            lastStatusUpdate = nowNanos;
            updateStatusBar();
        }
    }

    private void restoreSelection() {
        if (selectedId == null) {
            return;
        }
        SessionRow row = model.row(selectedId);
        SessionRow shown = table.getSelectionModel().getSelectedItem();
        if (row != null && row != shown && model.rows().contains(row)) {
            table.getSelectionModel().select(row);
        }
        if (row != null && row != detail.current()) {
            detail.show(row);
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
        String detailText = bridge.modeDetail();
        if (!bridge.snapshotDone() && bridge.snapshotLoaded() > 0) {
            detailText = i18n.format("snapshot.progress", bridge.snapshotLoaded());
        }
        statusBar.setText(detailText);
        countLabel.setText(i18n.format("status.sessions", model.liveCountProperty().get()));
        rateLabel.setText(i18n.format("status.rate", String.format("%.1f", stats.eventsPerSecond())));
        long latency = stats.latencyMillis();
        latencyLabel.setText(latency < 0 ? i18n.get("status.latency.unknown") : i18n.format("status.latency", latency));
    }

    public void setStats(FeedStats stats) {
        this.stats = stats;
    }

    public void setEnvironment(String text, String styleClass) {
        environment.setText(text);
        environment.getStyleClass().removeIf(c -> c.startsWith("env-") && !c.equals("env-badge"));
        if (styleClass != null) {
            environment.getStyleClass().add(styleClass);
        }
    }

    public void setRoleBadge(String text, boolean readOnly) {
        roleBadge.setText(text);
        roleBadge.getStyleClass().remove("read-only");
        if (readOnly) {
            roleBadge.getStyleClass().add("read-only");
        }
    }

    /** Adds controls at the right end of the toolbar (e.g. the connection switcher). */
    public void addToolbarItems(javafx.scene.Node... items) {
        ((ToolBar) getTop()).getItems().addAll(items);
    }

    public void onSelection(Consumer<SessionRow> listener) {
        this.selectionListener = listener;
    }

    public SessionTable table() {
        return table;
    }

    public DetailPane detail() {
        return detail;
    }

    public SessionTableModel model() {
        return model;
    }

    public void stop() {
        pump.stop();
    }

    static Insets pad() {
        return new Insets(6);
    }

}
