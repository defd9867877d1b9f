package io.welno.console.ui.bulk;

import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.BulkPreview;
import io.welno.console.view.LiveBulkPreview;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Wording;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The bulk dialog's preview: a line per session (the status it would get, or the rule that refuses it), kept true
 * until Run. The sessions a frame changed ({@link #sessionsChanged}) are previewed again off the FX thread, one pass at
 * a time (those that change meanwhile wait for the next pass), and only their lines are replaced; the counts are the
 * {@link LiveBulkPreview}'s, moved by each replaced line. The clock changes lines as well, with no write the feed
 * would tell (a session passes its {@code expires_at}, or becomes stuck): once a second the lines judged to hold only
 * until a moment now past are previewed again the same way. {@link #freeze} ends the following: what Run acts on.
 */
final class PreviewTable {

    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("warning");

    private final TableView<BulkPreview.Line> table = new TableView<>();
    private final I18n i18n;
    private final Executor background;
    /** The lines of these sessions as they are now, read from Redis by the flow (off the FX thread). */
    private final Function<List<String>, List<BulkPreview.Line>> previewer;
    /** Told after every change of the lines, with the preview; with null when the first preview failed. */
    private final Consumer<LiveBulkPreview> shown;
    /** The preview as it is now; null until the first one is made. */
    private LiveBulkPreview live;
    /** Sessions that changed while the first preview was being made: previewed again once it is shown. */
    private final Set<String> changedMeanwhile = new HashSet<>();
    /** Whether a pass previewing changed sessions again is under way. */
    private boolean rechecking;
    private boolean frozen;
    /** Now, by the clock the previewer judges with (backend wall-clock time). */
    private final Supplier<LocalDateTime> now;
    /** Once a second while the preview follows: the lines the clock may have changed are previewed again. */
    private final Timeline clockTick = new Timeline(new KeyFrame(Duration.seconds(1), e -> clockMoved()));

    /**
     * @param now now by the clock {@code previewer} judges with, to know when a line's
     *            {@link BulkPreview.Line#judgedUntil} has passed
     */
    PreviewTable(I18n i18n, Executor background, Function<List<String>, List<BulkPreview.Line>> previewer,
                 Supplier<LocalDateTime> now, Consumer<LiveBulkPreview> shown) {
        this.i18n = i18n;
        this.background = background;
        this.previewer = previewer;
        this.now = now;
        this.shown = shown;
        clockTick.setCycleCount(Timeline.INDEFINITE);
        columns();
    }

    TableView<BulkPreview.Line> node() {
        return table;
    }

    /** Makes the first preview of {@code ids} off the FX thread (indexing them there too), and shows it. */
    void load(List<String> ids) {
        background.execute(() -> {
            LiveBulkPreview first;
            try {
                first = new LiveBulkPreview(new BulkPreview(previewer.apply(ids)));
            } catch (RuntimeException e) {
                first = null;
            }
            LiveBulkPreview made = first;
            Platform.runLater(() -> showFirst(made));
        });
    }

    private void showFirst(LiveBulkPreview first) {
        if (first == null) {
            shown.accept(null);
            return;
        }
        live = first;
        table.getItems().setAll(first.lines());
        live.changed(changedMeanwhile);
        changedMeanwhile.clear();
        shown.accept(live);
        recheck();
        if (!frozen) {
            clockTick.play();
        }
    }

    private void clockMoved() {
        if (!frozen && live != null && live.outdatedAt(now.get())) {
            recheck();
        }
    }

    /** The dialog closed before Run: nothing follows the sessions any more. */
    void stop() {
        frozen = true;
        clockTick.stop();
    }

    /** Sessions changed in a frame (FX thread): this preview's among them are previewed again. */
    void sessionsChanged(Collection<String> changed) {
        if (frozen) {
            return;
        }
        if (live == null) {
            changedMeanwhile.addAll(changed);
        } else if (live.changed(changed)) {
            recheck();
        }
    }

    private void recheck() {
        if (rechecking || frozen || live == null) {
            return;
        }
        List<String> again = live.takeChanged();
        if (again.isEmpty()) {
            return;
        }
        rechecking = true;
        try {
            background.execute(() -> {
                List<BulkPreview.Line> lines = linesOf(again);
                Platform.runLater(() -> {
                    rechecking = false;
                    replace(lines);
                    recheck();
                });
            });
        } catch (RejectedExecutionException e) {
            rechecking = false; // the window is going
        }
    }

    private List<BulkPreview.Line> linesOf(List<String> sessions) {
        try {
            return previewer.apply(sessions);
        } catch (RuntimeException e) {
            // said on each line; such a line is refused, so Run leaves its session alone
            return sessions.stream().map(id -> new BulkPreview.Line(id, false, null, null,
                    Phrase.of("action.preview.failed"))).toList();
        }
    }

    private void replace(List<BulkPreview.Line> lines) {
        if (frozen) {
            return; // the table is now the preview Run acted on, and says so
        }
        for (int at : live.replace(lines)) {
            table.getItems().set(at, live.line(at));
        }
        shown.accept(live);
    }

    /** The preview as it is now, from now on as it stays (Run was pressed); null when none was made. */
    LiveBulkPreview freeze() {
        stop();
        changedMeanwhile.clear();
        return live;
    }

    private void columns() {
        table.setId("bulkPreview");
        table.setPrefHeight(260);
        Label loading = new Label();
        loading.textProperty().bind(i18n.text("detail.raw.loading"));
        table.setPlaceholder(loading);
        // the short id, as the table shows it, leaves the room to the refusal's words; the whole id on hover
        TableColumn<BulkPreview.Line, String> session = new TableColumn<>();
        session.textProperty().bind(i18n.text("column.id"));
        session.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().sessionId()));
        session.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                // cut from the id, then escaped: cut after escaping, an escape near the cut lost its last digits
                setText(empty || id == null ? null : SafeText.bounded(SessionRow.shortId(id), SafeText.FIELD));
                setTooltip(empty || id == null ? null : new Tooltip(SafeText.bounded(id, SafeText.FIELD)));
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
        what.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                // a refusal is a sentence or two; the whole of it on hover
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        table.getColumns().add(session);
        table.getColumns().add(verdict);
        table.getColumns().add(what);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BulkPreview.Line line, boolean empty) {
                super.updateItem(line, empty);
                pseudoClassStateChanged(REFUSED, !empty && line != null && !line.allowed());
            }
        });
    }
}
