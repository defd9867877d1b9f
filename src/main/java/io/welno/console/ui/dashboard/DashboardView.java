package io.welno.console.ui.dashboard;

import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.view.DashboardModel;
import io.welno.console.view.Formats;
import io.welno.console.view.SessionRow;
import io.welno.console.view.SessionStarts;
import io.welno.console.view.DashboardModel.Funnel;
import io.welno.console.view.DashboardModel.Group;
import io.welno.console.view.DashboardModel.MinuteSample;
import io.welno.console.view.DashboardModel.Snapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard tab: figures at a glance, live sessions per status group over the last hour, and the
 * funnel of the sessions started in that hour. Every two seconds it takes a copy of every session as the feed last
 * told (the table model's rows, with the changes a paused table holds back laid over them: a list copy on the FX
 * thread) and the started counts of the hour ({@link SessionStarts}, kept beside the model: a sum of its minutes),
 * computes in {@link DashboardModel} on the window's background executor and applies the result in place: a point
 * added or changed per series, four bar values, a few label texts. It never redraws per feed event. What the figures
 * may lack (sessions that ended before the console connected, or while it was not connected) is said over them.
 *
 * <p>Longer than most: the tiles, the status chart and the funnel are built here and updated in place from one
 * snapshot, sharing its time axis and status groups; the computing is {@link DashboardModel}'s (no JavaFX), so what
 * is left is layout and those in-place updates.
 */
public final class DashboardView extends ScrollPane {

    static final javafx.util.Duration PERIOD = javafx.util.Duration.seconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(DashboardView.class);
    private static final String[] FUNNEL_KEYS = {"step.start", "step.requested", "step.approved", "step.completed"};

    private final SessionTableModel model;
    /** Whether the feed's first snapshot is in: before that, "0 live sessions" would be a false sample. */
    private final BooleanSupplier loaded;
    private final I18n i18n;
    private final Clock clock;
    private final ZoneId zone;
    private final DashboardModel figures = new DashboardModel();
    private final AtomicBoolean computing = new AtomicBoolean();
    private final Timeline timer;
    /** Where the figures are computed: the window's background executor (tests pass a same-thread one). */
    private final Executor worker;
    private boolean running;

    private final Map<Group, XYChart.Series<Number, Number>> series = new EnumMap<>(Group.class);
    private final NumberAxis timeAxis = new NumberAxis();
    private final NumberAxis countAxis = new NumberAxis();
    private final StackedAreaChart<Number, Number> statusChart = new StackedAreaChart<>(timeAxis, countAxis);
    private final Label firstMinute = new Label();
    private final CategoryAxis stepAxis = new CategoryAxis();
    private final NumberAxis funnelAxis = new NumberAxis();
    private final BarChart<String, Number> funnelChart = new BarChart<>(stepAxis, funnelAxis);
    private final XYChart.Series<String, Number> funnelSeries = new XYChart.Series<>();
    private final GridPane funnelTable = new GridPane();
    private final Label[][] funnelCells = new Label[4][3];
    private final Label overall = new Label();
    private final Label updated = new Label();
    private final Label coverage = new Label();
    private final Map<String, Label> values = new java.util.HashMap<>();
    private final Map<String, Label> details = new java.util.HashMap<>();
    private final Map<String, Label> notes = new java.util.HashMap<>();

    private Snapshot shown;
    private boolean active = true;
    private Consumer<Snapshot> listener = s -> { };

    public DashboardView(SessionTableModel model, I18n i18n, Clock clock, ZoneId zone, BooleanSupplier loaded,
                         Executor worker) {
        this.model = model;
        this.worker = worker;
        this.loaded = loaded;
        this.i18n = i18n;
        this.clock = clock;
        this.zone = zone;
        setId("dashboard");
        getStyleClass().add("dashboard");
        setFitToWidth(true);

        Label title = new Label();
        title.textProperty().bind(i18n.text("dashboard.heading"));
        title.getStyleClass().add("dashboard-heading");
        updated.setId("dashboardUpdated");
        updated.getStyleClass().add("dashboard-updated");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox heading = new HBox(10, title, spacer, updated);
        heading.setAlignment(Pos.BASELINE_LEFT);

        FlowPane tiles = new FlowPane(10, 10,
                tile("live", "dashboard.kpi.live"),
                tile("started", "dashboard.kpi.started"),
                tile("approval-median", "dashboard.kpi.approvalMedian"),
                tile("approval-p90", "dashboard.kpi.approvalP90"),
                tile("error-rate", "dashboard.kpi.errorRate"),
                tile("stuck-rate", "dashboard.kpi.stuckRate"));
        tiles.setId("dashboardTiles");
        // only the live tile has a note: the keys past expiry, and why they are not live
        Tooltip pastExpiry = new Tooltip();
        pastExpiry.textProperty().bind(i18n.text("dashboard.kpi.live.pastExpiry.tip"));
        pastExpiry.setWrapText(true);
        pastExpiry.setMaxWidth(360);
        notes.get("live").setTooltip(pastExpiry);

        // The figures cover every session; with a provider or partner chosen on the Sessions tab, say so.
        Label scope = new Label();
        scope.setId("dashboardScope");
        scope.setWrapText(true);
        scope.getStyleClass().add("counts-note");
        scope.textProperty().bind(i18n.text("dashboard.scope"));
        scope.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(model::facetActive,
                model.providerProperty(), model.partnerProperty()));
        scope.managedProperty().bind(scope.visibleProperty());

        // What the started figures and the chart may lack: said only when they may lack something
        coverage.setId("dashboardCoverage");
        coverage.setWrapText(true);
        coverage.getStyleClass().add("counts-note");
        coverage.managedProperty().bind(coverage.visibleProperty());
        coverage.setVisible(false);

        VBox content = new VBox(12, heading, scope, coverage, tiles, statusChartWithItsFirstMinute(), funnel());
        content.setPadding(new Insets(12));
        content.getStyleClass().add("dashboard-content");
        setContent(content);

        // Axis tick labels are drawn with their own font, not the root's: give them one with Hangul
        HangulFont.family().ifPresent(family -> {
            for (javafx.scene.chart.Axis<?> axis : List.of(timeAxis, countAxis, stepAxis, funnelAxis)) {
                axis.setTickLabelFont(javafx.scene.text.Font.font(family, 11));
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> relabel());
        i18n.timeStyleProperty().addListener((o, a, b) -> relabel());
        timer = new Timeline(new KeyFrame(PERIOD, e -> refresh()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    private VBox tile(String id, String titleKey) {
        Label name = new Label();
        name.textProperty().bind(i18n.text(titleKey));
        name.getStyleClass().add("tile-title");
        Label value = new Label(i18n.get("dashboard.none"));
        value.setId("kpi-" + id);
        value.getStyleClass().add("tile-value");
        Label detail = new Label();
        detail.setId("kpi-" + id + "-detail");
        detail.getStyleClass().add("tile-detail");
        // a tile is narrow and its subtitle often longer: the whole of it when pointed at
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(detail.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(360);
        detail.setTooltip(whole);
        // beside the value, for the live tile's keys past expiry: a line of its own would make every tile taller
        Label note = new Label();
        note.setId("kpi-" + id + "-note");
        note.getStyleClass().add("tile-note");
        values.put(id, value);
        details.put(id, detail);
        notes.put(id, note);
        HBox figure = new HBox(8, value, note);
        figure.setAlignment(Pos.BASELINE_LEFT);
        VBox tile = new VBox(2, name, figure, detail);
        tile.getStyleClass().add("tile");
        tile.setPrefWidth(190);
        tile.setMinWidth(170);
        return tile;
    }

    /**
     * The chart with a word over it while it has one minute: an area needs two points, so the first minute after the
     * console connects would otherwise be an empty chart, which reads as no live sessions.
     */
    private StackPane statusChartWithItsFirstMinute() {
        firstMinute.setId("statusChartFirstMinute");
        firstMinute.getStyleClass().add("chart-first-minute");
        firstMinute.textProperty().bind(i18n.text("dashboard.status.firstMinute"));
        firstMinute.setWrapText(true);
        firstMinute.setMaxWidth(420);
        firstMinute.setMouseTransparent(true);
        firstMinute.managedProperty().bind(firstMinute.visibleProperty());
        return new StackPane(statusChart(), firstMinute);
    }

    private StackedAreaChart<Number, Number> statusChart() {
        statusChart.setId("statusChart");
        statusChart.getStyleClass().add("dashboard-status");
        statusChart.titleProperty().bind(i18n.text("dashboard.status.title"));
        statusChart.setAnimated(false);
        statusChart.setCreateSymbols(false);
        statusChart.setPrefHeight(265);
        statusChart.setMinHeight(220);
        timeAxis.setAutoRanging(false);
        timeAxis.setTickUnit(10);
        timeAxis.setMinorTickCount(10);
        timeAxis.setForceZeroInRange(false);
        timeAxis.labelProperty().bind(i18n.text("dashboard.axis.time"));
        timeAxis.setTickLabelFormatter(timeLabels());
        countAxis.labelProperty().bind(i18n.text("dashboard.axis.sessions"));
        countAxis.setMinorTickVisible(false);
        // counts grouped as the tiles beside write them ("12,000", not "12000")
        countAxis.setTickLabelFormatter(new NumberAxis.DefaultFormatter(countAxis) {
            @Override
            public String toString(Number value) {
                return value.doubleValue() == Math.rint(value.doubleValue())
                        ? Formats.count(i18n, value.longValue()) : "";
            }
        });
        long now = DashboardModel.minuteOf(now());
        setTimeRange(now - (figures.window().toMinutes() - 1), now);
        for (Group group : Group.values()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.nameProperty().bind(i18n.text("dashboard.group." + group.key()));
            series.put(group, s);
            statusChart.getData().add(s);
        }
        return statusChart;
    }

    /** Minute numbers as times of day in the current language ("2:10 PM", "오후 2:10"). */
    private StringConverter<Number> timeLabels() {
        return new StringConverter<>() {
            @Override
            public String toString(Number minute) {
                return Formats.clock(i18n, DashboardModel.minuteTime(minute.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        };
    }

    private HBox funnel() {
        funnelChart.setId("funnelChart");
        funnelChart.getStyleClass().add("dashboard-funnel");
        funnelChart.titleProperty().bind(i18n.text("dashboard.funnel.title"));
        funnelChart.setAnimated(false);
        funnelChart.setLegendVisible(false);
        funnelChart.setCategoryGap(24);
        funnelChart.setPrefHeight(235);
        funnelChart.setMinHeight(200);
        funnelChart.setPrefWidth(520);
        funnelAxis.setMinorTickVisible(false);
        funnelAxis.setTickLabelFormatter(new NumberAxis.DefaultFormatter(funnelAxis) {
            @Override
            public String toString(Number value) {
                return value.doubleValue() == Math.rint(value.doubleValue())
                        ? Formats.count(i18n, value.longValue()) : "";
            }
        });
        for (String key : FUNNEL_KEYS) {
            funnelSeries.getData().add(bar(i18n.get(key), 0));
        }
        funnelChart.getData().add(funnelSeries);

        funnelTable.setId("funnelTable");
        funnelTable.getStyleClass().add("funnel-table");
        funnelTable.setHgap(14);
        funnelTable.setVgap(6);
        String[] headers = {"dashboard.funnel.step", "dashboard.funnel.count", "dashboard.funnel.rate"};
        for (int c = 0; c < headers.length; c++) {
            Label header = new Label();
            header.textProperty().bind(i18n.text(headers[c]));
            header.getStyleClass().add("fact-name");
            funnelTable.add(header, c, 0);
        }
        for (int r = 0; r < FUNNEL_KEYS.length; r++) {
            Label step = new Label();
            step.textProperty().bind(i18n.text(FUNNEL_KEYS[r]));
            Label count = new Label("0");
            count.setId("funnel-count-" + r);
            count.getStyleClass().add("funnel-number");
            Label rate = new Label(r == 0 ? "" : i18n.get("dashboard.none"));
            rate.setId("funnel-rate-" + r);
            rate.getStyleClass().add("funnel-number");
            funnelCells[r] = new Label[] {step, count, rate};
            funnelTable.addRow(r + 1, step, count, rate);
        }
        ColumnConstraints right = new ColumnConstraints();
        right.setHalignment(javafx.geometry.HPos.RIGHT);
        funnelTable.getColumnConstraints().addAll(new ColumnConstraints(), right, right);
        overall.setId("funnelOverall");
        overall.getStyleClass().add("funnel-overall");
        Label note = new Label();
        note.textProperty().bind(i18n.text("dashboard.funnel.note"));
        note.getStyleClass().add("tile-detail");
        note.setWrapText(true);
        note.setMaxWidth(360);
        VBox side = new VBox(10, funnelTable, overall, note);
        side.setPadding(new Insets(28, 0, 0, 0));
        side.setMinWidth(300);
        HBox.setHgrow(funnelChart, Priority.ALWAYS);
        return new HBox(16, funnelChart, side);
    }

    private List<String> categories() {
        List<String> names = new ArrayList<>();
        for (String key : FUNNEL_KEYS) {
            names.add(i18n.get(key));
        }
        return names;
    }

    /** Starts the two-second refresh (and refreshes at once). */
    public void start() {
        running = true;
        timer.play();
        refresh();
    }

    public void stop() {
        timer.stop();
        running = false;
    }

    /**
     * One refresh: a copy of the rows here, the figures on the worker, the result back here. One computation at a
     * time (the figures keep a history), so a shared pool never runs two and never queues a backlog of them.
     */
    public void refresh() {
        if (!running || !loaded.getAsBoolean() || !computing.compareAndSet(false, true)) {
            return; // stopped, or the previous computation is still running: skip a beat rather than queue
        }
        List<SessionRow> rows = model.currentRows();
        LocalDateTime now = now();
        var policy = model.stuckPolicy();
        SessionStarts.Window started = model.starts().within(figures.window(), now);
        // disconnected, the rows are the last ones read: a minute's point made of them was never measured
        boolean measured = model.followingProperty().get();
        try {
            worker.execute(() -> {
                try {
                    Snapshot snapshot = figures.update(rows, started, now, policy, measured);
                    Platform.runLater(() -> {
                        if (running) {
                            show(snapshot);
                        }
                    });
                } catch (RuntimeException e) {
                    LOG.warn("Dashboard figures failed: {}", e.toString());
                } finally {
                    computing.set(false);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            computing.set(false);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(zone));
    }

    /**
     * Whether the tab is on screen. While it is not, figures are still computed (the time series must not
     * have holes) but the charts are left alone; they catch up when the tab is shown.
     */
    public void setActive(boolean active) {
        this.active = active;
        if (active && shown != null) {
            show(shown);
        }
    }

    void show(Snapshot snapshot) {
        shown = snapshot;
        if (!active) {
            listener.accept(snapshot);
            return;
        }
        setTimeRange(snapshot.firstMinute(), snapshot.lastMinute());
        for (Group group : Group.values()) {
            sync(series.get(group), snapshot.history(), group);
        }
        firstMinute.setVisible(snapshot.history().size() < 2);
        Funnel f = snapshot.funnel();
        int[] counts = {f.started(), f.requested(), f.approved(), f.completed()};
        for (int i = 0; i < counts.length; i++) {
            XYChart.Data<String, Number> bar = funnelSeries.getData().get(i);
            if (bar.getYValue().intValue() != counts[i]) {
                bar.setYValue(counts[i]);
            }
        }
        showTexts(snapshot);
        listener.accept(snapshot);
    }

    /** The texts that depend on the language as well as on the figures. */
    private void showTexts(Snapshot s) {
        value("live", Formats.count(i18n, s.liveTotal()), i18n.format("dashboard.kpi.live.detail", s.live(Group.WAITING),
                s.live(Group.COLLECTING)));
        int pastExpiry = s.live(Group.PAST_EXPIRY);
        notes.get("live").setText(pastExpiry == 0 ? "" : i18n.format("dashboard.kpi.live.pastExpiry", pastExpiry));
        value("started", Formats.count(i18n, s.funnel().started()),
                i18n.format("dashboard.kpi.started.detail", s.funnel().completed()));
        String approvals = i18n.format("dashboard.kpi.approval.detail", s.approvals());
        value("approval-median", duration(s.approvalMedian()), approvals);
        value("approval-p90", duration(s.approvalP90()), approvals);
        value("error-rate", Formats.percent(i18n, s.errorRate()),
                i18n.format("dashboard.kpi.errorRate.detail", s.failed(), s.funnel().started()));
        value("stuck-rate", Formats.percent(i18n, s.stuckRate()),
                i18n.format("dashboard.kpi.stuckRate.detail", s.stuck(), s.liveTotal()));
        Funnel f = s.funnel();
        int[] counts = {f.started(), f.requested(), f.approved(), f.completed()};
        double[] rates = {Double.NaN, f.requestRate(), f.approvalRate(), f.completionRate()};
        for (int i = 0; i < counts.length; i++) {
            funnelCells[i][1].setText(Formats.count(i18n, counts[i]));
            if (i > 0) {
                funnelCells[i][2].setText(Formats.percent(i18n, rates[i]));
            }
        }
        overall.setText(i18n.format("dashboard.funnel.overall", Formats.percent(i18n, f.overallRate())));
        String lacks = coverageText(s.coverage());
        coverage.setText(lacks);
        coverage.setVisible(!lacks.isEmpty());
        // While the connection is down the figures are the last ones read: a time that keeps moving must not pass them
        // off as current. A pause holds back the table only, and would be taken for holding these back too.
        String at = Formats.clockSeconds(i18n, s.at());
        updated.setText(model.pausedProperty().get() ? i18n.format("dashboard.updated.paused", at)
                : !model.followingProperty().get() ? i18n.format("dashboard.updated.behind", at)
                : i18n.format("dashboard.updated", at));
        boolean bad = s.stuck() > 0;
        values.get("stuck-rate").getStyleClass().remove("tile-alert");
        if (bad) {
            values.get("stuck-rate").getStyleClass().add("tile-alert");
        }
    }

    /** What the started figures and the chart may lack, in a sentence or two; empty when nothing. */
    private String coverageText(SessionStarts.Coverage lacks) {
        List<String> sentences = new ArrayList<>();
        if (lacks.connectedAt() != null) {
            sentences.add(i18n.format("dashboard.coverage.connected", Formats.clock(i18n, lacks.connectedAt())));
        }
        if (!lacks.gaps().isEmpty()) {
            List<SessionStarts.Gap> gaps = lacks.gaps();
            sentences.add(i18n.format("dashboard.coverage.gaps", Formats.clock(i18n, gaps.get(0).from()),
                    Formats.clock(i18n, gaps.get(gaps.size() - 1).to()), gaps.size()));
        }
        return String.join(" ", sentences);
    }

    private String duration(Duration d) {
        return d == null ? i18n.get("dashboard.none") : Formats.duration(i18n, d);
    }

    private void value(String id, String value, String detail) {
        values.get(id).setText(value);
        details.get(id).setText(detail);
    }

    /** Brings one series in line with the history: changes the last point, appends new ones, drops old ones. */
    private static void sync(XYChart.Series<Number, Number> s, List<MinuteSample> history, Group group) {
        var data = s.getData();
        if (history.isEmpty()) {
            data.clear();
            return;
        }
        long first = history.get(0).minute();
        int drop = 0;
        while (drop < data.size() && data.get(drop).getXValue().longValue() < first) {
            drop++;
        }
        if (drop > 0) {
            data.remove(0, drop);
        }
        int i = 0;
        for (MinuteSample sample : history) {
            int count = sample.count(group);
            if (i < data.size()) {
                XYChart.Data<Number, Number> point = data.get(i);
                if (point.getXValue().longValue() != sample.minute()) {
                    data.set(i, new XYChart.Data<>(sample.minute(), count));
                } else if (point.getYValue().intValue() != count) {
                    point.setYValue(count);
                }
            } else {
                data.add(new XYChart.Data<>(sample.minute(), count));
            }
            i++;
        }
        if (data.size() > history.size()) {
            data.remove(history.size(), data.size());
        }
    }

    private void setTimeRange(long first, long last) {
        if (timeAxis.getLowerBound() != first || timeAxis.getUpperBound() != last) {
            timeAxis.setLowerBound(first);
            timeAxis.setUpperBound(last);
        }
    }

    /**
     * One bar of the funnel, read aloud in the window's language: JavaFX words a bar's accessible text from its own
     * resources ("X Axis is … Y Axis is …", "Bar"), which have no Korean, so its binding is replaced once the chart
     * has made the bar's node, and the text follows the count.
     */
    private XYChart.Data<String, Number> bar(String step, Number count) {
        XYChart.Data<String, Number> bar = new XYChart.Data<>(step, count);
        bar.nodeProperty().addListener((o, before, node) -> describe(bar));
        bar.YValueProperty().addListener((o, before, now) -> describe(bar));
        return bar;
    }

    private void describe(XYChart.Data<String, Number> bar) {
        javafx.scene.Node node = bar.getNode();
        if (node == null) {
            return;
        }
        node.accessibleTextProperty().unbind();
        node.setAccessibleText(i18n.format("dashboard.funnel.bar", bar.getXValue(),
                Formats.count(i18n, bar.getYValue().longValue())));
        node.setAccessibleRoleDescription(i18n.get("dashboard.funnel.barRole"));
    }

    /** The funnel's bars as a screen reader reads them (for tests). */
    List<String> barDescriptions() {
        return funnelSeries.getData().stream().map(XYChart.Data::getNode)
                .map(node -> node == null ? null : node.getAccessibleRoleDescription() + ": " + node.getAccessibleText())
                .toList();
    }

    /** A language switch: new category names for the funnel, and the figure texts again. */
    private void relabel() {
        List<String> names = categories();
        List<XYChart.Data<String, Number>> bars = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            bars.add(bar(names.get(i), funnelSeries.getData().get(i).getYValue()));
        }
        funnelSeries.getData().setAll(bars);
        if (shown != null) {
            showTexts(shown);
        }
        timeAxis.setTickLabelFormatter(timeLabels()); // times of day are written per language too
    }

    /** The figures on screen, for tests. */
    public Snapshot shown() {
        return shown;
    }

    void onShown(Consumer<Snapshot> listener) {
        this.listener = listener;
    }

    public StackedAreaChart<Number, Number> statusChartNode() {
        return statusChart;
    }

    public BarChart<String, Number> funnelChartNode() {
        return funnelChart;
    }

    static StringBinding groupName(I18n i18n, Group group) {
        return i18n.text("dashboard.group." + group.key());
    }
}
