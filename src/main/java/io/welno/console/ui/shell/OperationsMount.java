package io.welno.console.ui.shell;

import io.welno.console.app.ConsoleServices;
import io.welno.console.flow.BulkRun;
import io.welno.console.flow.OpenWork;
import io.welno.console.flow.Operator;
import io.welno.console.ui.alerts.AlertCenter;
import io.welno.console.ui.alerts.AlertListView;
import io.welno.console.ui.alerts.AlertRulesDialog;
import io.welno.console.ui.alerts.AlertWatcher;
import io.welno.console.ui.alerts.OsNotifier;
import io.welno.console.ui.audit.AuditTab;
import io.welno.console.ui.bulk.BulkMenu;
import io.welno.console.ui.common.DaemonThreads;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.table.BucketList;
import io.welno.console.ui.table.FeedBridge;
import io.welno.console.view.AlertRules;
import io.welno.console.view.SessionRow;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Mounts the operating-at-scale features in the window: the bulk menu in the toolbar, the alert list and the audit
 * stream as tabs, and the alert rules in the settings menu. The features themselves live in {@code ui.bulk},
 * {@code ui.alerts} and {@code ui.audit}; this class only wires them to the view and the services, and stops what
 * it started when the window detaches.
 */
public final class OperationsMount {

    private final MainView view;
    /** Where the alert rules ask the tray what it can do (AWT), away from the FX thread. */
    private final ExecutorService background;
    private final ExecutorService bulkWorkers = Executors.newFixedThreadPool(BulkRun.WORKERS,
            DaemonThreads.named("bulk"));
    private final AlertCenter alerts;
    private final AlertWatcher watcher;
    private final AuditTab audit;
    private final BulkMenu bulk;
    private final Tab alertsTab = new Tab();
    private final Tab auditTab = new Tab();

    OperationsMount(MainView view, FeedBridge bridge, ConsoleServices services, Stage stage, I18n i18n, Clock clock,
                    ZoneId zone, ExecutorService background, AlertRules rules, Consumer<AlertRules> saveRules,
                    OsNotifier notifier, java.util.function.BooleanSupplier windowFocused) {
        this.view = view;
        this.background = background;
        var flow = services.flow();
        var operator = services.operator();
        // The demo's role box can make a viewer an operator and back: there the menu is made for every role, and
        // shown only while the role may run a bulk action (useOperator)
        if (operator.role().mayWrite() && BulkMenu.offered(operator) || services.isDemo()) {
            bulk = new BulkMenu(flow, operator, i18n, background, bulkWorkers, new BulkMenu.Sessions() {
                // Both lists are what the operator sees: a selected session that a search or its own change hides
                // (it stays selected for when it shows again) is no more acted on than one that ended.
                @Override
                public List<String> selected() {
                    return view.selectedShown().stream().filter(r -> !r.isEnded()).map(SessionRow::id).toList();
                }

                @Override
                public List<String> shown() {
                    return view.table().getItems().stream().filter(r -> !r.isEnded()).map(SessionRow::id).toList();
                }

                @Override
                public Runnable onChanges(Consumer<Collection<String>> listener) {
                    return bridge.onFrameChanges(listener);
                }

                @Override
                public String shownName() {
                    return BucketList.label(i18n, view.model().bucketProperty().get()).get();
                }

                @Override
                public Window window() {
                    return view.window();
                }
            }, view.notices());
            bulk.useOperator(operator);
            view.addToolbarItems(bulk);
        } else {
            bulk = null;
        }

        alerts = new AlertCenter(rules, i18n, notifier, background, windowFocused);
        alerts.onRulesChanged(saveRules);
        // A followed session's change is a notice in the window, which goes away; it is also an entry in the alert
        // list, and, as every alert, goes to the operating system while the window is not focused: the person on the
        // phone with the customer may be in another application.
        services.followed().addListener(changed -> Platform.runLater(() -> alerts.followed(changed)));
        watcher = new AlertWatcher(alerts, () -> view.model().currentRows(), () -> view.model().starts(),
                bridge::mode, () -> view.model().stuckPolicy(), clock, zone, background);
        AlertListView list = new AlertListView(alerts, i18n, zone, clock, view::selectSession, view::chooseBucket,
                () -> editRules(stage, i18n, notifier));
        alertsTab.setId("tab-alerts");
        alertsTab.textProperty().bind(i18n.format("tab.alerts", alerts.unacknowledgedProperty()));
        alertsTab.setContent(list);
        MenuItem ruleItem = new MenuItem();
        ruleItem.setId("menu-alert-rules");
        ruleItem.textProperty().bind(i18n.text("settings.alertRules"));
        ruleItem.setOnAction(e -> editRules(stage, i18n, notifier));
        view.settings().getItems().add(ruleItem);

        audit = new AuditTab(i18n, zone, clock, background, view::selectSession);
        auditTab.setId("tab-audit");
        auditTab.textProperty().bind(i18n.text("tab.audit"));
        auditTab.setContent(audit);
        view.tabs().getTabs().addAll(alertsTab, auditTab);

        view.everySecond(audit::passTime);
        services.onAudit(audit::arrived);
        audit.load(services.auditStream());
        services.onAuditReading(audit::reading);
        watcher.start(flow);
    }

    private void editRules(Stage stage, I18n i18n, OsNotifier notifier) {
        new AlertRulesDialog(stage, i18n, alerts.rules(), notifier, background).showAndWait()
                .ifPresent(alerts::setRules);
    }

    /** The demo's role box: bulk runs from now on run as {@code operator}, and the menu shows for its role only. */
    void useOperator(Operator operator) {
        if (bulk != null) {
            bulk.useOperator(operator);
        }
    }

    /** The bulk runs of this window with sessions not started yet (none without the bulk menu). */
    public List<OpenWork.Unstarted> bulkNotStarted() {
        return bulk == null ? List.of() : bulk.notStarted();
    }

    public AlertCenter alerts() {
        return alerts;
    }

    public AlertWatcher watcher() {
        return watcher;
    }

    public AuditTab audit() {
        return audit;
    }

    public BulkMenu bulk() {
        return bulk;
    }

    void stop() {
        watcher.stop();
        audit.stop();
        if (bulk != null) {
            bulk.stop();
        }
        bulkWorkers.shutdownNow();
        view.tabs().getTabs().removeAll(alertsTab, auditTab);
    }
}
