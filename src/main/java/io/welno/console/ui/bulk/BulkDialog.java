package io.welno.console.ui.bulk;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.BulkRun;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Operator;
import io.welno.console.text.Phrase;
import io.welno.console.ui.common.DialogWords;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.ReasonField;
import io.welno.console.ui.common.TextMenus;
import io.welno.console.view.BulkPreview;
import io.welno.console.view.LiveBulkPreview;
import io.welno.console.view.Wording;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * One action over many sessions with one reason: first the preview (per session, the status it would get or the
 * rule that refuses it, computed by the flow without writing), then the run ({@link BulkRun}: each session through
 * the same compare-and-set, guards, role check and hold as a single action), with a progress bar and a cancel
 * button, and last the summary by outcome, each outcome's sessions listed. Closing the dialog does not stop a run
 * (only its cancel button does): the run goes on, the bulk menu shows the dialog again, and a run that ends while its
 * dialog is closed tells its summary ({@link #onEndedUnseen}). The preview and the run work on the executors given;
 * the bar is updated a few times a second, not per session.
 *
 * <p>Until Run, the preview follows its sessions ({@link #follow}, {@link PreviewTable}): the ones a frame changed, and
 * the ones the clock alone may have changed (past their {@code expires_at}, newly stuck), are previewed again off the
 * FX thread and only their lines and the counts are redrawn. Run acts on the preview as it is
 * at the press: the sessions it shows refused are left alone, and the ones it shows would change are each checked
 * again by the flow at their turn, its compare-and-set deciding the write.
 */
public final class BulkDialog extends Dialog<Void> {

    private final FlowService flow;
    private final Operator operator;
    private final ActionKind kind;
    private final List<String> ids;
    private final I18n i18n;
    private final ExecutorService workers;
    private final TextArea reason = new TextArea();
    private final Label reasonProblem = new Label();
    private final PreviewTable preview;
    private final Label previewSummary = new Label();
    private final Label previewFollowed = new Label();
    private final Label previewLabel = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button cancelRun = new Button();
    private final BulkSummaryView summaryView;
    /** How many sessions Run would act on, as the preview says now (0 until it is made). */
    private final IntegerProperty willChange = new SimpleIntegerProperty();
    private final ObjectProperty<BulkRun> run = new SimpleObjectProperty<>();
    private final Timeline ticker = new Timeline();
    private final Button runButton;
    private Consumer<BulkDialog> endedUnseen = dialog -> { };
    /** The preview Run acts on (as it was at the press once Run was pressed); null until the first one is made. */
    private LiveBulkPreview live;
    private Runnable unfollow = () -> { };

    public BulkDialog(Window owner, FlowService flow, Operator operator, ActionKind kind, List<String> ids, I18n i18n,
                      Executor background, ExecutorService workers) {
        this.flow = flow;
        this.operator = operator;
        this.kind = kind;
        this.ids = List.copyOf(ids);
        this.i18n = i18n;
        this.workers = workers;
        this.preview = new PreviewTable(i18n, background, sessions -> BulkPreview.of(BulkRun.preview(flow, operator,
                ActionRequest.of(kind, "-", "-"), sessions)).lines(), flow::now, this::showPreview);
        this.summaryView = new BulkSummaryView(i18n);
        if (owner != null) {
            initOwner(owner);
            if (owner.getScene() != null) {
                getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        // Its words follow a language switch while it is open (a run can take minutes), as the window's do.
        titleProperty().bind(i18n.text("action." + kind.wire()));
        headerTextProperty().bind(i18n.words(() -> i18n.format("bulk.header", i18n.get("action." + kind.wire()),
                this.ids.size())));
        setResizable(true);
        initModality(javafx.stage.Modality.NONE); // a run can take minutes; the table stays usable meanwhile
        getDialogPane().setId("bulkDialog");
        getDialogPane().setStyle(HangulFont.rootStyle());
        TextMenus.install(getDialogPane(), i18n);

        reason.setId("bulkReason");
        reason.promptTextProperty().bind(i18n.text("action.reason.prompt"));
        reason.setPrefRowCount(2);
        reason.setWrapText(true);
        reasonProblem.setId("bulkReasonProblem");
        reasonProblem.getStyleClass().add("warning-strong");
        reasonProblem.setWrapText(true);
        reasonProblem.managedProperty().bind(reasonProblem.visibleProperty());
        reasonProblem.setVisible(false);
        reason.textProperty().addListener((o, a, text) -> {
            var problem = text == null || text.isBlank() ? java.util.Optional.<Phrase>empty()
                    : ActionRequest.reasonProblem(text);
            reasonProblem.textProperty().bind(i18n.words(() -> problem.map(Wording.window(i18n)::render).orElse("")));
            reasonProblem.setVisible(problem.isPresent());
        });

        previewSummary.setId("bulkPreviewSummary");
        previewSummary.textProperty().bind(i18n.text("detail.raw.loading"));
        for (Label sentence : List.of(previewSummary, previewFollowed)) {
            sentence.setWrapText(true);
            sentence.setMinHeight(Region.USE_PREF_SIZE); // onto a second line rather than cut
        }
        previewFollowed.setId("bulkPreviewFollowed");
        previewFollowed.getStyleClass().add("warning");
        previewFollowed.managedProperty().bind(previewFollowed.visibleProperty());
        previewFollowed.setVisible(false);
        progress.setId("bulkProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progressText.setId("bulkProgressText");
        cancelRun.setId("bulkCancelRun");
        cancelRun.textProperty().bind(i18n.text("bulk.cancelRun"));
        cancelRun.setOnAction(e -> cancel());
        cancelRun.disableProperty().bind(run.isNull());
        HBox running = new HBox(8, progress, progressText, cancelRun);
        running.setId("bulkRunning");
        running.visibleProperty().bind(run.isNotNull());
        running.managedProperty().bind(running.visibleProperty());
        summaryView.setVisible(false);
        summaryView.managedProperty().bind(summaryView.visibleProperty());

        Label reasonLabel = new Label();
        reasonLabel.textProperty().bind(i18n.words(() -> i18n.format("action.reason",
                ActionRequest.MAX_REASON_LENGTH)));
        reasonLabel.getStyleClass().add("fact-name");
        ReasonField.install(reason, reasonLabel, false);
        previewLabel.setId("bulkPreviewLabel");
        previewLabel.textProperty().bind(i18n.text("bulk.preview"));
        previewLabel.getStyleClass().add("fact-name");
        VBox content = new VBox(8, reasonLabel, reason, reasonProblem, previewLabel, previewSummary, previewFollowed,
                preview.node(), running, summaryView);
        VBox.setVgrow(preview.node(), Priority.ALWAYS);
        content.setPrefSize(780, 560);
        getDialogPane().setContent(content);

        // "Run" until the preview is made, then how many sessions it would act on (showPreview)
        ButtonType start = DialogWords.button(this, i18n, "action.run", ButtonBar.ButtonData.OK_DONE);
        ButtonType close = DialogWords.button(this, i18n, "dialog.close", ButtonBar.ButtonData.CANCEL_CLOSE);
        runButton = (Button) getDialogPane().lookupButton(start);
        runButton.setId("bulkRun");
        // its words grow with the count once the preview is made: the button takes their width, not the first word's
        ButtonBar.setButtonUniformSize(runButton, false);
        runButton.setMinWidth(Region.USE_PREF_SIZE);
        runButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> willChange.get() == 0 || run.get() != null
                        || ActionRequest.reasonProblem(reason.getText()).isPresent(),
                willChange, run, reason.textProperty()));
        // Run starts the batch and keeps the dialog open for its progress and summary.
        runButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            start();
        });
        getDialogPane().lookupButton(close).setId("bulkClose");
        setResultConverter(button -> null);
        setOnHidden(e -> {
            if (run.get() == null) {
                // nothing started, so the dialog is done with; a run in progress goes on, its progress kept for its
                // summary
                ticker.stop();
                stopFollowing();
            }
        });
        setOnShown(e -> reason.requestFocus());
        ticker.getKeyFrames().add(new KeyFrame(Duration.millis(150), e -> showProgress()));
        ticker.setCycleCount(Timeline.INDEFINITE);

        preview.load(this.ids);
    }

    /**
     * Follows the sessions while the preview is what Run would act on: {@code changes} hands its argument, once per
     * frame on the FX thread, the ids of the sessions that changed, and returns what stops that. It is stopped when
     * Run is pressed or the dialog closes before it.
     */
    public void follow(Function<Consumer<Collection<String>>, Runnable> changes) {
        unfollow.run();
        unfollow = changes.apply(preview::sessionsChanged);
    }

    private void stopFollowing() {
        unfollow.run();
        unfollow = () -> { };
        preview.stop();
    }

    /** The counts, the note that sessions changed, and Run's count, as the preview is now. */
    private void showPreview(LiveBulkPreview shown) {
        if (shown == null) {
            previewSummary.textProperty().bind(i18n.text("action.preview.failed"));
            return;
        }
        live = shown;
        int size = live.size();
        int allowed = live.allowed();
        int refused = live.refused();
        previewSummary.textProperty().bind(i18n.words(() -> Wording.window(i18n).render(Phrase.of(
                "bulk.preview.counts", size, allowed, refused))));
        int changed = live.changedSinceOpen();
        previewFollowed.textProperty().bind(i18n.words(() -> changed == 0 ? "" : i18n.format("bulk.preview.followed",
                changed)));
        previewFollowed.setVisible(changed > 0);
        willChange.set(allowed);
        runButton.textProperty().bind(i18n.words(() -> i18n.format("bulk.run", allowed)));
    }

    /**
     * Starts the batch over the preview as it is now: the sessions it shows refused are left alone (told as refused,
     * with the preview's reason), and the flow checks each of the others again as it comes to it.
     */
    void start() {
        if (run.get() != null || live == null || live.allowed() == 0
                || ActionRequest.reasonProblem(reason.getText()).isPresent()) {
            return;
        }
        stopFollowing();
        live = preview.freeze();
        reason.setEditable(false);
        ActionRequest template = ActionRequest.of(kind, "-", reason.getText().strip());
        run.set(BulkRun.startPreviewed(flow, operator, template, ids, live.refusals(), workers, null));
        // From now on the table is a forecast some sessions may not keep: it says so, and the summary tells.
        previewLabel.textProperty().bind(i18n.text("bulk.preview.made"));
        previewFollowed.setVisible(false); // "shows them as they are now" holds no longer
        ticker.play(); // before the first look: a run that is already over stops it there
        showProgress();
    }

    /** Stops a run in progress: sessions not started are left alone, collections it started give their claims back. */
    void cancel() {
        BulkRun current = run.get();
        if (current != null && current.finished() < current.total()) {
            current.cancel();
        }
    }

    private void showProgress() {
        BulkRun current = run.get();
        if (current == null) {
            return;
        }
        int done = current.finished();
        int attempted = current.attempted();
        progress.setProgress(current.total() == 0 ? 1 : (double) attempted / current.total());
        boolean cancelling = current.isCancelled();
        int total = current.total();
        progressText.textProperty().bind(i18n.words(() -> cancelling
                ? i18n.format("bulk.progress.cancelling", attempted, total)
                : i18n.format("bulk.progress", attempted, total, attempted - done)));
        if (done >= current.total()) {
            ticker.stop();
            cancelRun.disableProperty().unbind();
            cancelRun.setDisable(true);
            summaryView.show(current.summary());
            summaryView.setVisible(true);
            if (!isShowing()) {
                endedUnseen.accept(this);
            }
        }
    }

    /** Told (on the FX thread) when this dialog's run ends while the dialog is closed: nobody saw its summary. */
    public void onEndedUnseen(Consumer<BulkDialog> listener) {
        this.endedUnseen = listener;
    }

    /** Whether a run was started here and some of its sessions have not finished (their hold included). */
    public boolean running() {
        BulkRun current = run.get();
        return current != null && current.finished() < current.total();
    }

    /**
     * The window is going (closing, or connecting elsewhere): the run is cancelled as by its button, and the dialog
     * closes and stops updating. Its workers stop with the window.
     */
    public void stop() {
        cancel();
        ticker.stop();
        stopFollowing();
        close();
    }

    /** Shows the dialog again (closed, it still holds its run's progress or summary), or brings it to the front. */
    public void reopen() {
        if (isShowing()) {
            ((javafx.stage.Stage) getDialogPane().getScene().getWindow()).toFront();
        } else {
            show();
        }
    }

    /** The action this dialog runs. */
    public ActionKind kind() {
        return kind;
    }

    /** The run started by this dialog, or null before Run. */
    public BulkRun run() {
        return run.get();
    }

    /** Set once, when Run starts the run. */
    public ReadOnlyObjectProperty<BulkRun> runProperty() {
        return run;
    }

    public BulkSummaryView summaryView() {
        return summaryView;
    }
}
