package io.welno.console.ui.bulk;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.BulkRun;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Operator;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.DialogWords;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.TextMenus;
import io.welno.console.view.BulkPreview;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Wording;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
    private final TableView<BulkPreview.Line> preview = new TableView<>();
    private final Label previewSummary = new Label();
    private final Label previewLabel = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Button cancelRun = new Button();
    private final BulkSummaryView summaryView;
    private final BooleanProperty previewed = new SimpleBooleanProperty();
    private final ObjectProperty<BulkRun> run = new SimpleObjectProperty<>();
    private final Timeline ticker = new Timeline();
    private Consumer<BulkDialog> endedUnseen = dialog -> { };

    public BulkDialog(Window owner, FlowService flow, Operator operator, ActionKind kind, List<String> ids, I18n i18n,
                      Executor background, ExecutorService workers) {
        this.flow = flow;
        this.operator = operator;
        this.kind = kind;
        this.ids = List.copyOf(ids);
        this.i18n = i18n;
        this.workers = workers;
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

        previewTable();
        previewSummary.setId("bulkPreviewSummary");
        previewSummary.textProperty().bind(i18n.text("detail.raw.loading"));
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
        previewLabel.setId("bulkPreviewLabel");
        previewLabel.textProperty().bind(i18n.text("bulk.preview"));
        previewLabel.getStyleClass().add("fact-name");
        VBox content = new VBox(8, reasonLabel, reason, reasonProblem, previewLabel, previewSummary, preview, running,
                summaryView);
        VBox.setVgrow(preview, Priority.ALWAYS);
        content.setPrefSize(780, 560);
        getDialogPane().setContent(content);

        ButtonType start = DialogWords.button(this, i18n, "bulk.run", ButtonBar.ButtonData.OK_DONE);
        ButtonType close = DialogWords.button(this, i18n, "dialog.close", ButtonBar.ButtonData.CANCEL_CLOSE);
        Node startButton = getDialogPane().lookupButton(start);
        startButton.setId("bulkRun");
        startButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !previewed.get() || run.get() != null || ActionRequest.reasonProblem(reason.getText()).isPresent(),
                previewed, run, reason.textProperty()));
        // Run starts the batch and keeps the dialog open for its progress and summary.
        startButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            start();
        });
        getDialogPane().lookupButton(close).setId("bulkClose");
        setResultConverter(button -> null);
        setOnHidden(e -> {
            if (run.get() == null) {
                ticker.stop(); // nothing started; a run in progress goes on, its progress kept for its summary
            }
        });
        setOnShown(e -> reason.requestFocus());
        ticker.getKeyFrames().add(new KeyFrame(Duration.millis(150), e -> showProgress()));
        ticker.setCycleCount(Timeline.INDEFINITE);

        background.execute(() -> {
            BulkPreview computed;
            try {
                computed = BulkPreview.of(BulkRun.preview(flow, operator, ActionRequest.of(kind, "-", "-"), this.ids));
            } catch (RuntimeException e) {
                computed = null;
            }
            BulkPreview shown = computed;
            Platform.runLater(() -> showPreview(shown));
        });
    }

    private void previewTable() {
        preview.setId("bulkPreview");
        preview.setPrefHeight(260);
        Label loading = new Label();
        loading.textProperty().bind(i18n.text("detail.raw.loading"));
        preview.setPlaceholder(loading);
        // the short id, as the table shows it, leaves the room to the refusal's words; the whole id on hover
        TableColumn<BulkPreview.Line, String> session = new TableColumn<>();
        session.textProperty().bind(i18n.text("column.id"));
        session.setCellValueFactory(d -> new ReadOnlyStringWrapper(SafeText.bounded(d.getValue().sessionId(),
                SafeText.FIELD)));
        session.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : SessionRow.shortId(id));
                setTooltip(empty || id == null ? null : new javafx.scene.control.Tooltip(id));
            }
        });
        session.setPrefWidth(130);
        // a cell's words are a binding, which the cell watches: drawn again in a new language, no refresh asked
        TableColumn<BulkPreview.Line, String> verdict = new TableColumn<>();
        verdict.textProperty().bind(i18n.text("bulk.preview.verdict"));
        verdict.setCellValueFactory(d -> i18n.text(d.getValue().allowed()
                ? "bulk.preview.allowed" : "bulk.preview.refused"));
        verdict.setPrefWidth(90);
        TableColumn<BulkPreview.Line, String> what = new TableColumn<>();
        what.textProperty().bind(i18n.text("bulk.preview.what"));
        what.setCellValueFactory(d -> i18n.words(() -> Wording.window(i18n).render(d.getValue().what())));
        what.setPrefWidth(515);
        what.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                // a refusal is a sentence or two; the whole of it on hover
                setTooltip(empty || text == null ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        preview.getColumns().add(session);
        preview.getColumns().add(verdict);
        preview.getColumns().add(what);
        preview.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(BulkPreview.Line line, boolean empty) {
                super.updateItem(line, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("warning"),
                        !empty && line != null && !line.allowed());
            }
        });
    }

    private void showPreview(BulkPreview shown) {
        if (shown == null) {
            previewSummary.textProperty().bind(i18n.text("action.preview.failed"));
            return;
        }
        preview.getItems().setAll(shown.lines());
        previewSummary.textProperty().bind(i18n.words(() -> Wording.window(i18n).render(Phrase.of(
                "bulk.preview.counts", shown.lines().size(), shown.allowed(), shown.refused()))));
        previewed.set(shown.allowed() > 0);
    }

    /** Starts the batch over every session of the dialog: the flow checks each again as it comes to it. */
    void start() {
        if (run.get() != null || !previewed.get() || ActionRequest.reasonProblem(reason.getText()).isPresent()) {
            return;
        }
        reason.setEditable(false);
        ActionRequest template = ActionRequest.of(kind, "-", reason.getText().strip());
        run.set(BulkRun.start(flow, operator, template, ids, workers, null));
        // From now on the table is a forecast some sessions may not keep: it says so, and the summary tells.
        previewLabel.textProperty().bind(i18n.text("bulk.preview.made"));
        showProgress();
        ticker.play();
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
