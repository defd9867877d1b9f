package io.welno.console.ui.bulk;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Operator;
import io.welno.console.ui.common.I18n;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/**
 * The toolbar's way into bulk actions: re-send auth, collect or reset stuck for the selected sessions, or for every
 * session the table shows now ("Act on all 42 in Stuck…": the bucket with its search and filters). The sessions are
 * read when the menu opens, and an item acts on exactly those it counted: a bucket that grows while the menu is open
 * must not turn "all 18" into a run over 21. Only the actions the operator's role may run are offered; a viewer gets no menu.
 */
public final class BulkMenu extends MenuButton {

    /** The actions that make sense over many sessions; a forced auth-complete is one customer's call at a time. */
    public static final List<ActionKind> KINDS = List.of(ActionKind.SIMPLE_AUTH, ActionKind.COLLECT,
            ActionKind.RESET_STUCK);

    /** Where the sessions come from. */
    public interface Sessions {
        /** The selected sessions' ids, in the table's order. */
        List<String> selected();

        /** Every session the table shows now (its bucket, search and filters), in the table's order. */
        List<String> shown();

        /** The name of what the table shows ("Stuck"), for the menu's words. */
        String shownName();

        Window window();
    }

    private final FlowService flow;
    private final Operator operator;
    private final I18n i18n;
    private final Executor background;
    private final ExecutorService workers;
    private final Sessions sessions;
    private BulkDialog last;

    public BulkMenu(FlowService flow, Operator operator, I18n i18n, Executor background, ExecutorService workers,
                    Sessions sessions) {
        this.flow = flow;
        this.operator = operator;
        this.i18n = i18n;
        this.background = background;
        this.workers = workers;
        this.sessions = sessions;
        setId("bulkMenu");
        textProperty().bind(i18n.text("bulk.menu"));
        setOnShowing(e -> rebuild());
        rebuild();
    }

    public static boolean offered(Operator operator) {
        return KINDS.stream().anyMatch(kind -> operator.role().allows(kind));
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
    }

    /** Opens the dialog for {@code kind} over {@code ids} (not modal: the table stays usable during a long run). */
    public BulkDialog open(ActionKind kind, List<String> ids) {
        if (ids.isEmpty()) {
            return null;
        }
        last = new BulkDialog(sessions.window(), flow, operator, kind, ids, i18n, background, workers);
        last.show();
        return last;
    }

    /** The dialog opened last, for tests and the screenshot tour. */
    public BulkDialog lastDialog() {
        return last;
    }
}
