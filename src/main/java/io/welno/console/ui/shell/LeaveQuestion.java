package io.welno.console.ui.shell;

import io.welno.console.flow.OpenWork;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.Formats;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Asks before closing the window, or connecting it elsewhere, would cut short what the console still does after an
 * action: changes watched for a revert by the backend (each hold would end unconfirmed), running collections (each
 * would stop and give its claim back) and bulk runs not through their sessions (the rest would be left as they are).
 * Nothing to cut short: no question.
 *
 * <p>The counts are read again every second while the question is open: holds end, collections finish and a bulk
 * run's workers go on meanwhile, and a question that still said "1 change is watched" after its hold ended would
 * weigh a choice that no longer exists. When everything has ended, it says that going on cuts nothing short.
 */
public final class LeaveQuestion {

    public static final String DIALOG_ID = "leaveQuestion";

    /**
     * What would be cut short, read again while the question is open: {@code flow} off the FX thread (it walks every
     * held change, thousands after a bulk run), {@code bulk} (the window's bulk runs) on it.
     */
    public record Work(Supplier<OpenWork> flow, Supplier<List<OpenWork.Unstarted>> bulk) {

        OpenWork now() {
            return flow.get().withBulk(bulk.get());
        }
    }

    private final I18n i18n;
    private final ZoneId zone;
    private final boolean switching;
    private final Work work;
    private final Executor background;
    private final Alert alert;
    private final ButtonType leave;
    private final ButtonType stay;
    private final Timeline everySecond = new Timeline(new KeyFrame(Duration.seconds(1), e -> readAgain()));
    /** A reading of the flow's part is under way: one at a time. */
    private boolean reading;

    /** The question for {@code first} (what {@code work} is now, not empty); its OK_DONE button goes on. */
    public LeaveQuestion(Window owner, I18n i18n, ZoneId zone, boolean switching, Work work, Executor background,
                         OpenWork first) {
        this.i18n = i18n;
        this.zone = zone;
        this.switching = switching;
        this.work = work;
        this.background = background;
        leave = new ButtonType(i18n.get(switching ? "leave.switchAnyway" : "leave.closeAnyway"),
                ButtonBar.ButtonData.OK_DONE);
        stay = new ButtonType(i18n.get("leave.stay"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert = new Alert(Alert.AlertType.WARNING, "", leave, stay);
        alert.initOwner(owner);
        alert.setTitle(i18n.get("app.title"));
        alert.getDialogPane().setId(DIALOG_ID);
        alert.getDialogPane().setStyle(HangulFont.rootStyle()); // its own window: Korean would be boxes without it
        // Staying is the default: Enter must not end what the operator may not have meant to end.
        button(leave).setDefaultButton(false);
        button(stay).setDefaultButton(true);
        everySecond.setCycleCount(Timeline.INDEFINITE);
        show(first);
    }

    /** True to go on (nothing open, or the user said so); false to stay. Waits on the FX thread for the answer. */
    static boolean mayLeave(Window owner, I18n i18n, ZoneId zone, boolean switching, Work work, Executor background) {
        OpenWork now = work.now();
        if (now.isEmpty()) {
            return true;
        }
        return new LeaveQuestion(owner, i18n, zone, switching, work, background, now).ask();
    }

    private boolean ask() {
        everySecond.play();
        try {
            return alert.showAndWait().filter(b -> b == leave).isPresent();
        } finally {
            everySecond.stop();
        }
    }

    public Alert alert() {
        return alert;
    }

    /** Reads what is open again, the flow's part off the FX thread, and says it (the question does it every second). */
    public void readAgain() {
        if (reading) {
            return;
        }
        reading = true;
        try {
            background.execute(() -> {
                OpenWork read;
                try {
                    read = work.flow().get();
                } catch (RuntimeException e) {
                    read = null; // said as it was; the next second reads again
                }
                OpenWork flowPart = read;
                Platform.runLater(() -> {
                    reading = false;
                    if (flowPart != null) {
                        show(flowPart.withBulk(work.bulk().get()));
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            reading = false; // the window is going
        }
    }

    private void say(OpenWork open) {
        if (open.isEmpty()) {
            alert.setHeaderText(i18n.get("leave.title.over"));
            alert.setContentText(i18n.get("leave.over"));
            // not Close beside Cancel: both would be Alt+C
            button(leave).setText(i18n.get(switching ? "leave.switch" : "leave.close"));
            button(stay).setText(i18n.get("dialog.cancel"));
            return;
        }
        StringBuilder text = new StringBuilder();
        if (open.held().count() > 0) {
            text.append(i18n.format("leave.held", open.held().count(),
                    Formats.clockSeconds(i18n, LocalDateTime.ofInstant(open.held().until(), zone))));
        }
        if (open.collections() > 0) {
            text.append(text.isEmpty() ? "" : "\n").append(i18n.format("leave.collections", open.collections()));
        }
        for (OpenWork.Unstarted run : open.bulk()) {
            text.append(text.isEmpty() ? "" : "\n").append(i18n.format("leave.bulk", run.sessions(),
                    SafeText.bounded(run.batchId(), SafeText.FIELD)));
        }
        text.append("\n\n").append(i18n.get("leave.effect"));
        alert.setHeaderText(i18n.get("leave.title"));
        alert.setContentText(text.toString());
        button(leave).setText(leave.getText());
        button(stay).setText(stay.getText());
    }

    /** The question says what is open now, its window at the size that takes it. */
    private void show(OpenWork open) {
        say(open);
        Window shown = alert.getDialogPane().getScene() == null ? null : alert.getDialogPane().getScene().getWindow();
        if (shown != null && shown.isShowing()) {
            shown.sizeToScene();
        }
    }

    private Button button(ButtonType type) {
        return (Button) alert.getDialogPane().lookupButton(type);
    }
}
