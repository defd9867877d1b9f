package io.welno.console.ui.actions;

import io.welno.console.ui.common.AltKeyCheckBox;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.ReasonField;
import io.welno.console.ui.common.TextMenus;
import io.welno.console.view.ChangePreview;
import io.welno.console.view.Formats;
import io.welno.console.view.SessionIds;
import io.welno.console.view.Wording;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionPreview;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Operator;
import io.welno.console.session.SessionCodec;
import io.welno.console.text.SafeText;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for a reason and shows what the action would change (computed by the flow service without
 * writing, off the FX thread) before anything happens. Returns the request to perform, or nothing.
 *
 * <p>The preview is of the session as it is now: when the live copy changes while the dialog is open
 * ({@link #sessionChanged}) it is computed again and the dialog says so, and so it is once the clock alone may have
 * changed it ({@link #clockMoved}); a preview that could not read the session offers to read it again (Redis
 * answering again is not an event the dialog would hear of).
 */
public final class ActionDialog extends Dialog<ActionRequest> {

    private final FlowService flow;
    private final Operator operator;
    private final ActionKind kind;
    private final String sessionId;
    private final Executor background;
    private final SessionCodec codec;
    private final I18n i18n;
    private final TextArea reason = new TextArea();
    private final CheckBox override = new AltKeyCheckBox();
    private final CheckBox checkApproval = new AltKeyCheckBox();
    private final CheckBox reapply = new AltKeyCheckBox();
    private final TextArea preview = new TextArea();
    private final Label refusal = new Label();
    private final Label followUp = new Label();
    private final Hyperlink readAgain = new Hyperlink();
    private final Label changedNote = new Label();
    private final Label reasonProblem = new Label();
    private final BooleanProperty allowed = new SimpleBooleanProperty(false);
    private final AtomicLong sequence = new AtomicLong();
    /** The preview shown, to know when the clock may have made it untrue; null before the first and once asked. */
    private ActionPreview judged;

    public ActionDialog(Window owner, FlowService flow, Operator operator, ActionKind kind, String sessionId, I18n i18n,
                 Executor background, SessionCodec codec) {
        this.flow = flow;
        this.operator = operator;
        this.kind = kind;
        this.sessionId = sessionId;
        this.background = background;
        this.codec = codec;
        this.i18n = i18n;
        initOwner(owner);
        setTitle(i18n.get("action." + kind.wire()));
        setHeaderText(i18n.format("action.header", i18n.get("action." + kind.wire()),
                SessionIds.shown(i18n, sessionId)));
        getDialogPane().setId("actionDialog");
        getDialogPane().setStyle(HangulFont.rootStyle());
        TextMenus.install(getDialogPane(), i18n); // the same words as every other text field of the window
        getDialogPane().getStylesheets().addAll(owner == null ? java.util.List.of()
                : owner.getScene().getStylesheets());

        reason.setId("actionReason");
        reason.setPromptText(i18n.get("action.reason.prompt"));
        reason.setPrefRowCount(2);
        reason.setWrapText(true);
        override.setId("actionOverride");
        override.setText(i18n.get("action.override"));
        override.setVisible(operator.role().mayOverrideGuards());
        override.setManaged(override.isVisible());
        checkApproval.setId("actionCheckApproval");
        checkApproval.setText(i18n.get("action.checkApproval"));
        checkApproval.setVisible(kind == ActionKind.MANUAL_COMPLETE && flow.tilkoAvailable());
        checkApproval.setManaged(checkApproval.isVisible());
        reapply.setId("actionReapply");
        reapply.setText(i18n.get("action.reapply"));
        reapply.setWrapText(true);
        reapply.setTooltip(new javafx.scene.control.Tooltip(i18n.format("action.reapply.tooltip",
                Formats.duration(i18n, flow.options().holdWindow()), flow.options().maxReapplies())));
        preview.setId("actionPreview");
        preview.setEditable(false);
        preview.setPrefRowCount(12);
        preview.setPrefColumnCount(80);
        preview.getStyleClass().add("preview");
        preview.setStyle(HangulFont.monoStyle());
        refusal.setId("actionRefusal");
        refusal.setWrapText(true);
        refusal.getStyleClass().add("warning-strong");
        refusal.managedProperty().bind(refusal.visibleProperty());
        followUp.setWrapText(true);
        followUp.getStyleClass().add("detail-subtitle");
        readAgain.setId("actionReadAgain");
        readAgain.setText(i18n.get("action.preview.readAgain"));
        readAgain.managedProperty().bind(readAgain.visibleProperty());
        readAgain.setVisible(false);
        readAgain.setOnAction(e -> refreshPreview());
        changedNote.setId("actionSessionChanged");
        changedNote.setText(i18n.get("action.preview.changed"));
        changedNote.setWrapText(true);
        changedNote.getStyleClass().add("warning");
        changedNote.managedProperty().bind(changedNote.visibleProperty());
        changedNote.setVisible(false);

        reasonProblem.setId("actionReasonProblem");
        reasonProblem.setWrapText(true);
        reasonProblem.getStyleClass().add("warning-strong");
        reasonProblem.managedProperty().bind(reasonProblem.visibleProperty());
        reasonProblem.setVisible(false);
        Label reasonLabel = new Label(i18n.format("action.reason", ActionRequest.MAX_REASON_LENGTH));
        reasonLabel.getStyleClass().add("fact-name");
        ReasonField.install(reason, reasonLabel, true);
        // A sentence that appears after the dialog has its size takes its lines from the preview, never cut to one
        for (Label sentence : List.of(reasonProblem, refusal, changedNote, followUp)) {
            sentence.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox content = new VBox(8, reasonLabel, reason, reasonProblem, override, checkApproval, reapply, refusal,
                readAgain, label("action.preview"), changedNote, preview, followUp);
        content.setPrefWidth(720);
        getDialogPane().setContent(content);
        ButtonType run = new ButtonType(i18n.get("action.run"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(run, new ButtonType(i18n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Button runButton = (Button) getDialogPane().lookupButton(run);
        runButton.setId("actionRun");
        // Ticked, the override changes what Run does (past the guard, recorded as an override): the button says so,
        // not only its enabled state
        runButton.textProperty().bind(Bindings.when(override.selectedProperty())
                .then(i18n.text("action.run.override")).otherwise(i18n.text("action.run")));
        // The same check the command line makes (ActionRequest.reasonProblem): said under the field as it is typed.
        runButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> ActionRequest.reasonProblem(reason.getText()).isPresent() || !allowed.get(),
                reason.textProperty(), allowed));
        reason.textProperty().addListener((o, a, b) -> showReasonProblem());
        override.selectedProperty().addListener((o, a, b) -> refreshPreview());
        checkApproval.selectedProperty().addListener((o, a, b) -> refreshPreview());
        setResultConverter(button -> button == run ? request() : null);
        setOnShown(e -> reason.requestFocus());
        refreshPreview();
    }

    /** The session's live copy changed while the dialog is open: the preview is computed again, and says why. */
    public void sessionChanged() {
        changedNote.setVisible(true);
        refreshPreview();
    }

    /**
     * The clock moved on (told every second): a preview the clock alone may have made untrue — the session passed its
     * {@code expires_at}, became stuck, its auth request went stale — is computed again, with no write to hear of.
     * Its new refusal, or its new diff, says what changed; the session itself did not, so the note stays as it was.
     */
    public void clockMoved() {
        if (judged != null && judged.outdatedAt(flow.now())) {
            judged = null; // asked once; the new preview says until when it holds
            refreshPreview();
        }
    }

    /** Nothing is said while the field is empty; the Run button stays off until the reason is usable. */
    private void showReasonProblem() {
        String text = reason.getText();
        var problem = text == null || text.isBlank() ? java.util.Optional.<io.welno.console.text.Phrase>empty()
                : ActionRequest.reasonProblem(text);
        reasonProblem.setText(problem.map(p -> Wording.window(i18n).render(p)).orElse(""));
        reasonProblem.setVisible(problem.isPresent());
    }

    private Label label(String key) {
        Label label = new Label(i18n.get(key));
        label.getStyleClass().add("fact-name");
        return label;
    }

    private ActionRequest request() {
        ActionRequest request = new ActionRequest(kind, sessionId,
                reason.getText() == null || reason.getText().isBlank() ? "-" : reason.getText().strip(),
                override.isSelected(), checkApproval.isSelected(), null, reapply.isSelected());
        return request;
    }

    /** The preview reads Redis, so it runs in the background; a newer request wins over an older one. */
    private void refreshPreview() {
        long mine = sequence.incrementAndGet();
        ActionRequest request = request();
        preview.setText(i18n.get("detail.raw.loading"));
        background.execute(() -> {
            ActionPreview result;
            String diff;
            try {
                result = flow.preview(operator, request);
                diff = result.before() != null && result.after() != null
                        ? ChangePreview.diff(result.before(), result.after(), codec) : "";
            } catch (RuntimeException e) {
                result = null;
                diff = "";
            }
            ActionPreview shown = result;
            String text = diff;
            Platform.runLater(() -> {
                if (sequence.get() != mine) {
                    return;
                }
                if (shown == null) {
                    refusal.setText(i18n.get("action.preview.failed"));
                    refusal.setVisible(true);
                    readAgain.setVisible(true);
                    allowed.set(false);
                    preview.setText("");
                    return;
                }
                readAgain.setVisible(shown.before() == null); // the session could not be read
                judged = shown;
                allowed.set(shown.allowed());
                refusal.setVisible(!shown.allowed());
                Wording words = Wording.window(i18n);
                refusal.setText(shown.refusalReason().map(words::render).orElse(""));
                // the diff quotes stored values: line breaks kept for the layout, everything else escaped
                preview.setText(shown.allowed() ? SafeText.escapeKeepingLines(text) : "");
                followUp.setText(shown.followUp() == null ? "" : words.render(shown.followUp()));
            });
        });
    }
}
