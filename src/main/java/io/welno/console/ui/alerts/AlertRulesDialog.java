package io.welno.console.ui.alerts;

import io.welno.console.ui.common.AltKeyCheckBox;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.TextMenus;
import io.welno.console.ui.common.WholeNumberSpinners;
import io.welno.console.view.AlertRules;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Settings → Alert rules: the thresholds (zero turns a count rule off), the event rules, and whether alerts also go
 * to the operating system's notification area while the window is not focused. Returns the new rules, or nothing.
 */
public final class AlertRulesDialog extends Dialog<AlertRules> {

    /** How wide a rule's check box is; its words wrap beyond it. */
    private static final double RULE_WIDTH = 560;

    private final Spinner<Integer> stuck = spinner("alertStuck", 0, 100_000);
    private final Spinner<Integer> wait = spinner("alertWait", 0, 24 * 60);
    private final Spinner<Integer> errorPercent = spinner("alertErrorPercent", 0, 100);
    private final Spinner<Integer> errorWindow = spinner("alertErrorWindow", 0, 60);
    private final CheckBox reverts = new AltKeyCheckBox();
    private final CheckBox feed = new AltKeyCheckBox();
    private final CheckBox os = new AltKeyCheckBox();
    /** What is wrong with a typed threshold: the dialog stays open until it is put right. */
    private final Label problem = new Label();
    private final I18n i18n;

    /**
     * {@code notifier}: where alerts go outside the window, asked on {@code background} whether it has a notification
     * area and Hangul (the tray asks AWT and fontconfig, which the FX thread must not wait for).
     */
    public AlertRulesDialog(Window owner, I18n i18n, AlertRules rules, OsNotifier notifier, Executor background) {
        this.i18n = i18n;
        if (owner != null) {
            initOwner(owner);
            if (owner.getScene() != null) {
                getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        setTitle(i18n.get("alerts.rules.title"));
        setHeaderText(i18n.get("alerts.rules.header"));
        getDialogPane().setId("alertRulesDialog");
        getDialogPane().setStyle(HangulFont.rootStyle());
        TextMenus.install(getDialogPane(), i18n); // the same words as every other text field of the window
        stuck.getValueFactory().setValue(rules.stuckAbove());
        wait.getValueFactory().setValue((int) rules.waitingLongerThan().toMinutes());
        errorPercent.getValueFactory().setValue((int) Math.round(rules.errorRateAbove() * 100));
        errorWindow.getValueFactory().setValue((int) rules.errorWindow().toMinutes());
        reverts.setId("alertReverts");
        reverts.setText(i18n.get("alerts.rules.reverts"));
        reverts.setSelected(rules.reverts());
        feed.setId("alertFeed");
        feed.setText(i18n.get("alerts.rules.feed"));
        feed.setSelected(rules.feedFallback());
        os.setId("alertOs");
        // the plain words until the tray has answered; then what it will do here, if that is less
        os.setText(i18n.get("alerts.rules.os"));
        CompletableFuture.supplyAsync(() -> osSetting(notifier), background)
                .thenAcceptAsync(this::showOsSetting, Platform::runLater);
        os.setSelected(rules.osNotifications());

        for (CheckBox box : List.of(reverts, feed, os)) {
            // A long rule wraps at the form's width instead of widening the dialog past a small screen.
            box.setWrapText(true);
            box.setPrefWidth(RULE_WIDTH);
            box.setMinHeight(Region.USE_PREF_SIZE);
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(i18n.get("alerts.rules.stuck")), stuck);
        grid.addRow(1, new Label(i18n.get("alerts.rules.wait")), wait);
        grid.addRow(2, new Label(i18n.get("alerts.rules.errorPercent")), errorPercent);
        grid.addRow(3, new Label(i18n.get("alerts.rules.errorWindow")), errorWindow);
        grid.add(reverts, 0, 4, 2, 1);
        grid.add(feed, 0, 5, 2, 1);
        grid.add(os, 0, 6, 2, 1);
        Label off = new Label(i18n.get("alerts.rules.zeroOff"));
        off.setWrapText(true);
        off.getStyleClass().add("detail-subtitle");
        grid.add(off, 0, 7, 2, 1);
        problem.setId("alertRulesProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(RULE_WIDTH);
        problem.getStyleClass().add("warning-strong");
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        grid.add(problem, 0, 8, 2, 1);
        getDialogPane().setContent(grid);
        ButtonType save = new ButtonType(i18n.get("alerts.rules.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, new ButtonType(i18n.get("dialog.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        getDialogPane().lookupButton(save).setId("alertRulesSave");
        // a threshold that is not a number in its range is said, as the window's forms say a bad field, not saved
        getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                typed();
                problem.setVisible(false);
            } catch (IllegalArgumentException bad) {
                e.consume();
                problem.setText(bad.getMessage());
                problem.setVisible(true);
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        setResultConverter(button -> button == save ? rules() : null);
    }

    /**
     * The OS setting's words, which say what it will do here: nothing where there is no notification area, and only
     * for alerts without Korean where the tray cannot draw Hangul (AWT's Linux tray without a Korean font), which in a
     * Korean window is every alert. The setting stays to be chosen: it is the profile's, kept for another desktop.
     */
    private static String osSetting(OsNotifier notifier) {
        if (!notifier.supported()) {
            return "alerts.rules.os.unsupported";
        }
        return notifier.drawsKorean() ? "alerts.rules.os" : "alerts.rules.os.noKorean";
    }

    private void showOsSetting(String key) {
        os.setText(i18n.get(key));
        Window shown = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (shown != null && shown.isShowing()) {
            shown.sizeToScene(); // a longer sentence takes its lines, not "…"
        }
    }

    /** Makes each field's typed number its value, or says which field wants what. */
    private void typed() {
        WholeNumberSpinners.typed(stuck, i18n, "alerts.rules.stuck");
        WholeNumberSpinners.typed(wait, i18n, "alerts.rules.wait");
        WholeNumberSpinners.typed(errorPercent, i18n, "alerts.rules.errorPercent");
        WholeNumberSpinners.typed(errorWindow, i18n, "alerts.rules.errorWindow");
    }

    /** The rules as the fields say now. */
    AlertRules rules() {
        return new AlertRules(stuck.getValue(), Duration.ofMinutes(wait.getValue()), errorPercent.getValue() / 100.0,
                Duration.ofMinutes(errorWindow.getValue()), reverts.isSelected(), feed.isSelected(), os.isSelected());
    }

    private static Spinner<Integer> spinner(String id, int min, int max) {
        Spinner<Integer> spinner = WholeNumberSpinners.editable(min, max, min);
        spinner.setId(id);
        spinner.setPrefWidth(110);
        return spinner;
    }
}
