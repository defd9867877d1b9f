package io.welno.console.ui;

import io.welno.console.flow.ActionKind;
import io.welno.console.ui.bulk.BulkDialog;
import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.view.AlertRules;
import io.welno.console.view.Bucket;
import io.welno.console.view.SessionRow;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;

/**
 * The screenshot tour's scenes of the operating-at-scale features: the bulk dialog's preview over the Stuck bucket
 * and the same dialog running, the alert list, and the audit tab with the run's entries. Not a test.
 */
final class OperationsTour {

    private OperationsTour() {
    }

    static void run(ConsoleWindow window, String suffix, BiConsumer<Scene, String> save, Runnable then) {
        var view = window.view();
        view.chooseBucket(Bucket.STUCK);
        List<String> ids = view.table().getItems().stream().filter(r -> !r.isEnded()).map(SessionRow::id).toList();
        List<String> some = ids.isEmpty()
                ? view.table().getItems().stream().limit(20).map(SessionRow::id).toList() : ids;
        // Low thresholds, so the demo's state raises a few alerts to show.
        window.operations().alerts().setRules(new AlertRules(1, Duration.ofMinutes(1), 0.05, Duration.ofMinutes(30),
                true, true, false));
        window.operations().watcher().checkNow();
        // Re-send auth over the Stuck bucket: those stuck waiting for the phone are re-sent, the others refused.
        BulkDialog dialog = window.operations().bulk().open(ActionKind.SIMPLE_AUTH, some);
        ((TextArea) dialog.getDialogPane().lookup("#bulkReason")).setText(suffix.startsWith("-ko")
                ? "Tilko 장애 후 인증 요청 일괄 재전송 (14:02–14:20)" : "Re-send after the Tilko outage (14:02-14:20)");
        after(3, () -> {
            save.accept(dialog.getDialogPane().getScene(), "bulk-dialog" + suffix);
            dialog.getDialogPane().lookup("#bulkRun").fireEvent(new javafx.event.ActionEvent());
            after(3, () -> {
                save.accept(dialog.getDialogPane().getScene(), "bulk-running" + suffix);
                dialog.close();
                select(window, "tab-alerts");
                window.operations().watcher().checkNow();
                after(2, () -> {
                    save.accept(window.scene(), "alerts" + suffix);
                    select(window, "tab-audit");
                    after(2, () -> {
                        save.accept(window.scene(), "audit" + suffix);
                        then.run();
                    });
                });
            });
        });
    }

    private static void select(ConsoleWindow window, String id) {
        for (Tab tab : window.view().tabs().getTabs()) {
            if (id.equals(tab.getId())) {
                window.view().tabs().getSelectionModel().select(tab);
            }
        }
    }

    private static void after(double seconds, Runnable work) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.seconds(seconds));
        pause.setOnFinished(e -> work.run());
        pause.play();
    }
}
