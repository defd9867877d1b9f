package io.welno.console.ui.shell;

import io.welno.console.flow.OpenWork;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.Formats;
import java.time.LocalDateTime;
import java.time.ZoneId;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks before closing the window, or connecting it elsewhere, would cut short what the console still does after an
 * action: changes watched for a revert by the backend (each hold would end unconfirmed), running collections (each
 * would stop and give its claim back) and bulk runs not through their sessions (the rest would be left as they are).
 * Nothing to cut short: no question.
 */
public final class LeaveQuestion {

    public static final String DIALOG_ID = "leaveQuestion";

    private LeaveQuestion() {
    }

    /** True to go on (nothing open, or the user said so); false to stay. Waits on the FX thread for the answer. */
    static boolean mayLeave(Window owner, I18n i18n, OpenWork work, ZoneId zone, boolean switching) {
        if (work.isEmpty()) {
            return true;
        }
        Alert alert = dialog(owner, i18n, work, zone, switching);
        return alert.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    /** The question for {@code work} (not empty); its OK_DONE button goes on. */
    public static Alert dialog(Window owner, I18n i18n, OpenWork work, ZoneId zone, boolean switching) {
        StringBuilder text = new StringBuilder();
        if (work.held().count() > 0) {
            text.append(i18n.format("leave.held", work.held().count(),
                    Formats.clockSeconds(i18n, LocalDateTime.ofInstant(work.held().until(), zone))));
        }
        if (work.collections() > 0) {
            text.append(text.isEmpty() ? "" : "\n").append(i18n.format("leave.collections", work.collections()));
        }
        for (OpenWork.Unstarted run : work.bulk()) {
            text.append(text.isEmpty() ? "" : "\n").append(i18n.format("leave.bulk", run.sessions(),
                    SafeText.bounded(run.batchId(), SafeText.FIELD)));
        }
        text.append("\n\n").append(i18n.get("leave.effect"));
        ButtonType leave = new ButtonType(i18n.get(switching ? "leave.switchAnyway" : "leave.closeAnyway"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(i18n.get("leave.stay"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, text.toString(), leave, stay);
        alert.initOwner(owner);
        alert.setTitle(i18n.get("app.title"));
        alert.setHeaderText(i18n.get("leave.title"));
        alert.getDialogPane().setId(DIALOG_ID);
        alert.getDialogPane().setStyle(HangulFont.rootStyle()); // its own window: Korean would be boxes without it
        // Staying is the default: Enter must not end what the operator may not have meant to end.
        ((Button) alert.getDialogPane().lookupButton(leave)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(stay)).setDefaultButton(true);
        return alert;
    }
}
