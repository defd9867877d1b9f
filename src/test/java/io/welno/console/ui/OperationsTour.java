package io.welno.console.ui;

import io.welno.console.flow.ActionKind;
import io.welno.console.session.SessionStatus;
import io.welno.console.ui.bulk.BulkDialog;
import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.view.AlertRules;
import io.welno.console.view.Bucket;
import io.welno.console.view.SessionRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;

/**
 * The screenshot tour's scenes of the operating-at-scale features: the bulk dialog's preview over failed and stuck
 * sessions and the same dialog running, and the alert list (the audit tab is a plain tab scene, showing the run's
 * entries). Not a test.
 */
final class OperationsTour {

    private OperationsTour() {
    }

    /**
     * Re-send auth over a few failed sessions and the Stuck bucket: the failed ones and those stuck waiting for the
     * phone are re-sent, the others refused.
     */
    static Scene bulkPreview(ScreenshotTour tour) {
        return bulkDialog(tour).getDialogPane().getScene();
    }

    /** The same dialog a few seconds into its run. */
    static Scene bulkRunning(ScreenshotTour tour) {
        BulkDialog dialog = bulkDialog(tour);
        // the preview is computed in the background; Run is pressed once it is there
        ScreenshotTour.when(() -> !dialog.getDialogPane().lookup("#bulkRun").isDisabled(),
                () -> dialog.getDialogPane().lookup("#bulkRun").fireEvent(new ActionEvent()));
        return dialog.getDialogPane().getScene();
    }

    /** Low thresholds, so the demo's state raises a few alerts to show. */
    static Scene alerts(ScreenshotTour tour) {
        ConsoleWindow window = tour.window();
        window.operations().alerts().setRules(new AlertRules(1, Duration.ofMinutes(1), 0.05, Duration.ofMinutes(30),
                true, true, false));
        window.operations().watcher().checkNow();
        return tour.tab("tab-alerts");
    }

    private static BulkDialog bulkDialog(ScreenshotTour tour) {
        var view = tour.window().view();
        // A few failed sessions, which a re-send repairs, beside the Stuck bucket: the demo's stuck ones are mostly
        // stuck collecting, which it refuses, and a picture of a run where every session is refused shows no run
        view.chooseBucket(new Bucket(Bucket.Kind.STATUS, SessionStatus.ERROR));
        List<String> some = new ArrayList<>(view.table().getItems().stream().filter(r -> !r.isEnded()).limit(6)
                .map(SessionRow::id).toList());
        view.chooseBucket(Bucket.STUCK);
        view.table().getItems().stream().filter(r -> !r.isEnded()).map(SessionRow::id).forEach(some::add);
        BulkDialog dialog = tour.window().operations().bulk().open(ActionKind.SIMPLE_AUTH, some);
        boolean korean = "ko".equals(tour.window().i18n().locale().getLanguage());
        ((TextArea) dialog.getDialogPane().lookup("#bulkReason")).setText(korean
                ? "틸코 장애 후 인증 요청 일괄 재전송 (14:02–14:20)" : "Re-send after the Tilko outage (14:02-14:20)");
        return dialog;
    }
}
