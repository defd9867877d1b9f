package io.welno.console.ui.bulk;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.BulkRun;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.OpenWork;
import io.welno.console.flow.Operator;
import io.welno.console.ui.common.FieldNames;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Notices;
import io.welno.console.view.Wording;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The toolbar's way into bulk actions: re-send auth, collect or reset stuck for the selected sessions the table shows,
 * or for every session the table shows now ("Act on all 42 in Stuck…": the bucket with its search and filters). The
 * sessions are read when the menu opens, and an item acts on exactly those it counted: a bucket that grows while the
 * menu is open must not turn "all 18" into a run over 21, and a selected session that a search or its own change hides
 * is neither counted nor acted on. The dialog keeps to those sessions, its preview following each of them until Run.
 * Only the actions the operator's role may run are offered; a viewer gets no menu. A run whose dialog was closed goes
 * on: the menu shows its dialog again (its progress, or its summary once it ended), its item's words following the run
 * while the menu is open, and a notice tells the summary of a run that ended with its dialog closed.
 */
public final class BulkMenu extends MenuButton {

    /** The actions that make sense over many sessions; a forced auth-complete is one customer's call at a time. */
    public static final List<ActionKind> KINDS = List.of(ActionKind.SIMPLE_AUTH, ActionKind.COLLECT,
            ActionKind.RESET_STUCK);

    /** How many started runs the menu can show again. */
    static final int KEPT_RUNS = 5;

    /** Where the sessions come from. */
    public interface Sessions {
        /** The selected sessions the table shows now, in its order (not those a search, filter or change hides). */
        List<String> selected();

        /** Every session the table shows now (its bucket, search and filters), in the table's order. */
        List<String> shown();

        /**
         * Tells {@code listener}, on the FX thread once per frame, the ids of the sessions that changed in that frame
         * (written, ended or deleted); returns what stops it.
         */
        Runnable onChanges(Consumer<Collection<String>> listener);

        /** The name of what the table shows ("Stuck"), for the menu's words. */
        String shownName();

        Window window();
    }

    private final FlowService flow;
    /** Who runs the next bulk action: the demo's role box changes it (a run already going keeps its own). */
    private Operator operator;
    private final I18n i18n;
    private final Executor background;
    private final ExecutorService workers;
    private final Sessions sessions;
    private final Notices notices;
    /** The dialogs whose run started, newest first; the menu offers the closed ones again. */
    private final Deque<BulkDialog> runs = new ArrayDeque<>();
    private BulkDialog last;
    /** The items of the runs listed, with their dialogs: their words follow the runs while the menu is open. */
    private final Map<MenuItem, BulkDialog> runItems = new LinkedHashMap<>();
    /** While the menu is open: a run listed as running goes on finishing sessions, and ends, with no event to tell. */
    private final Timeline runsTicker = new Timeline(new KeyFrame(Duration.millis(500), e -> showRuns()));

    public BulkMenu(FlowService flow, Operator operator, I18n i18n, Executor background, ExecutorService workers,
                    Sessions sessions, Notices notices) {
        this.flow = flow;
        this.operator = operator;
        this.i18n = i18n;
        this.background = background;
        this.workers = workers;
        this.sessions = sessions;
        this.notices = notices;
        setId("bulkMenu");
        textProperty().bind(i18n.text("bulk.menu"));
        FieldNames.name(this);
        setOnShowing(e -> {
            rebuild();
            runsTicker.play();
        });
        setOnHidden(e -> runsTicker.stop());
        runsTicker.setCycleCount(Timeline.INDEFINITE);
        rebuild();
    }

    public static boolean offered(Operator operator) {
        return KINDS.stream().anyMatch(kind -> operator.role().allows(kind));
    }

    /** Runs from now on as {@code operator}; shown only while its role may run one of the bulk actions. */
    public void useOperator(Operator operator) {
        this.operator = operator;
        boolean offered = operator.role().mayWrite() && offered(operator);
        setVisible(offered);
        setManaged(offered);
    }

    private void rebuild() {
        getItems().clear();
        List<String> selected = List.copyOf(sessions.selected());
        List<String> shown = List.copyOf(sessions.shown());
        for (ActionKind kind : KINDS) {
            if (!operator.role().allows(kind)) {
                continue;
            }
            MenuItem item = new MenuItem(i18n.format("bulk.menu.selected", i18n.get("action." + kind.wire()),
                    selected.size()));
            item.setId("bulk-selected-" + kind.wire());
            item.setDisable(selected.isEmpty());
            item.setOnAction(e -> open(kind, selected));
            getItems().add(item);
        }
        getItems().add(new SeparatorMenuItem());
        for (ActionKind kind : KINDS) {
            if (!operator.role().allows(kind)) {
                continue;
            }
            MenuItem item = new MenuItem(i18n.format("bulk.menu.shown", i18n.get("action." + kind.wire()),
                    shown.size(), sessions.shownName()));
            item.setId("bulk-shown-" + kind.wire());
            item.setDisable(shown.isEmpty());
            item.setOnAction(e -> open(kind, shown));
            getItems().add(item);
        }
        keepLastRuns(); // runs kept while they were going may have ended since
        List<BulkDialog> closed = runs.stream().filter(d -> !d.isShowing()).toList();
        if (!closed.isEmpty()) {
            getItems().add(new SeparatorMenuItem());
        }
        runItems.clear();
        for (BulkDialog dialog : closed) {
            MenuItem item = new MenuItem(runWords(dialog));
            item.setId("bulk-run-" + dialog.run().batchId());
            item.setOnAction(e -> dialog.reopen());
            getItems().add(item);
            runItems.put(item, dialog);
        }
    }

    private String runWords(BulkDialog dialog) {
        BulkRun run = dialog.run();
        String action = i18n.get("action." + dialog.kind().wire());
        return dialog.running()
                ? i18n.format("bulk.menu.running", run.batchId(), action, run.total(), run.finished())
                : i18n.format("bulk.menu.ended", run.batchId(), action, run.total());
    }

    private void showRuns() {
        runItems.forEach((item, dialog) -> item.setText(runWords(dialog)));
    }

    /** Opens the dialog for {@code kind} over {@code ids} (not modal: the table stays usable during a long run). */
    public BulkDialog open(ActionKind kind, List<String> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        BulkDialog dialog = new BulkDialog(sessions.window(), flow, operator, kind, ids, i18n, background, workers);
        dialog.onEndedUnseen(this::tellEnded);
        dialog.follow(sessions::onChanges);
        dialog.runProperty().addListener((o, none, started) -> remember(dialog));
        last = dialog;
        dialog.show();
        return dialog;
    }

    /**
     * The menu keeps the last {@link #KEPT_RUNS} started runs' dialogs, to show them again once closed, and every run
     * still going however many there are: the window going must cancel them and its question count them.
     */
    private void remember(BulkDialog dialog) {
        runs.addFirst(dialog);
        keepLastRuns();
    }

    private void keepLastRuns() {
        for (var older = runs.descendingIterator(); runs.size() > KEPT_RUNS && older.hasNext(); ) {
            if (!older.next().running()) {
                older.remove();
            }
        }
    }

    /**
     * Each run kept here with how many of its sessions a worker has not come to yet, oldest first
     * ({@link OpenWork#withBulk} leaves out the runs with none).
     */
    public List<OpenWork.Unstarted> notStarted() {
        List<OpenWork.Unstarted> out = new ArrayList<>();
        runs.descendingIterator().forEachRemaining(dialog -> {
            BulkRun run = dialog.run();
            out.add(new OpenWork.Unstarted(run.batchId(), run.notStarted()));
        });
        return out;
    }

    /**
     * A run ended while its dialog was closed: its summary as a notice that stays until closed (the holds end minutes
     * after the run, when the operator may be looking elsewhere), a warning when a change did not stay.
     */
    private void tellEnded(BulkDialog dialog) {
        BulkRun.Summary summary = dialog.run().summary();
        boolean allStayed = summary.count(BulkRun.Tally.APPLIED) + summary.count(BulkRun.Tally.REFUSED)
                + summary.count(BulkRun.Tally.CANCELLED) == summary.total() && summary.entriesMissing() == 0;
        notices.showUntilClosed(() -> i18n.format("bulk.endedUnseen", i18n.get("action." + dialog.kind().wire()),
                summary.batchId(), Wording.window(i18n).render(summary.phrase())),
                () -> i18n.get("bulk.endedUnseen.detail"), !allStayed);
    }

    /** The window is going: every run still going is cancelled and every dialog of this menu closed. */
    public void stop() {
        runsTicker.stop();
        for (BulkDialog dialog : runs) {
            dialog.stop();
        }
        if (last != null) {
            last.stop();
        }
    }

    /** The dialog opened last, for tests and the screenshot tour. */
    public BulkDialog lastDialog() {
        return last;
    }
}
