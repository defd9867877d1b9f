package io.welno.console.ui.detail;

import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.HistoryLines;
import io.welno.console.view.HistoryVersion;
import io.welno.console.view.SessionHistory;
import io.welno.console.view.Wording;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The detail pane's History tab: the versions of the shown session the console observed, newest first, each with its
 * time, its author and its changed fields (the same lines as {@code watch --diff}), the session's first sighting at
 * the bottom; above them one line says what the list is, and what the history keeps unfolds beside it on demand.
 * Follows the history as versions arrive.
 */
public final class HistoryTab extends Tab {

    public static final String ID = "detail.tab.history";

    private final I18n i18n;
    private final SessionHistory history;
    private final ZoneId zone;
    private final Clock clock;
    private final ListView<HistoryVersion> versions = new ListView<>();
    private final Label origin = new Label();
    private final Label empty = new Label();
    private final BooleanProperty detailsShown = new SimpleBooleanProperty(false);
    private final Consumer<String> arrived = this::arrived;
    private String shownId;
    private boolean refreshQueued;

    public HistoryTab(I18n i18n, SessionHistory history, ZoneId zone, Clock clock) {
        this.i18n = i18n;
        this.history = history;
        this.zone = zone;
        this.clock = clock;
        setId(ID);
        textProperty().bind(i18n.text(ID));
        Label summary = new Label();
        summary.setId("historySummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(i18n.text("history.summary"));
        // What the history keeps is read once, not at every selection: folded away, the versions get its lines.
        Label bound = new Label();
        bound.setId("historyBound");
        bound.setWrapText(true);
        bound.getStyleClass().add("history-bound");
        bound.setMinHeight(Region.USE_PREF_SIZE); // wrapped in full, never cut to "…"
        bound.textProperty().bind(Bindings.createStringBinding(
                () -> HistoryLines.bound(history.bounds(), Wording.window(i18n)), i18n.localeProperty()));
        bound.visibleProperty().bind(detailsShown);
        bound.managedProperty().bind(detailsShown);
        Hyperlink details = new Hyperlink();
        details.setId("historyDetails");
        details.textProperty().bind(Bindings.when(detailsShown)
                .then(i18n.text("history.details.hide")).otherwise(i18n.text("history.details.show")));
        details.setOnAction(e -> {
            detailsShown.set(!detailsShown.get());
            details.setVisited(false);
        });
        details.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox heading = new HBox(6, summary, details);
        heading.setAlignment(Pos.BASELINE_LEFT);
        versions.setId("historyVersions");
        versions.setCellFactory(list -> new VersionCell());
        empty.getStyleClass().add("placeholder");
        empty.textProperty().bind(i18n.text("history.none"));
        empty.setWrapText(true);
        versions.setPlaceholder(empty);
        origin.setId("historyOrigin");
        origin.getStyleClass().add("history-origin");
        VBox.setVgrow(versions, Priority.ALWAYS);
        VBox box = new VBox(6, heading, bound, versions, origin);
        setContent(box);
        history.addListener(arrived);
        i18n.localeProperty().addListener((o, a, b) -> refresh());
        i18n.timeStyleProperty().addListener((o, a, b) -> refresh());
    }

    /** Shows the history of this session (null: none). FX thread. */
    public void show(String sessionId) {
        shownId = sessionId;
        refresh();
    }

    /** Stops following the history (the window closes). */
    public void dispose() {
        history.removeListener(arrived);
    }

    /** On the history's thread: one refresh per frame at most, only for the session shown. */
    private void arrived(String sessionId) {
        if (!sessionId.equals(shownId)) {
            return;
        }
        Platform.runLater(() -> {
            if (!refreshQueued) {
                refreshQueued = true;
                Platform.runLater(() -> {
                    refreshQueued = false;
                    refresh();
                });
            }
        });
    }

    private void refresh() {
        String id = shownId;
        List<HistoryVersion> list = id == null ? List.of() : history.versions(id);
        versions.getItems().setAll(list);
        Optional<SessionHistory.Origin> first = id == null ? Optional.empty() : history.origin(id);
        origin.setText(first.map(o -> HistoryLines.origin(o, Wording.window(i18n), zone, now())).orElse(""));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(zone));
    }

    private final class VersionCell extends ListCell<HistoryVersion> {
        private final Label heading = new Label();
        private final Label fields = new Label();
        private final VBox box = new VBox(2, heading, fields);

        VersionCell() {
            heading.getStyleClass().add("history-heading");
            heading.setStyle("-fx-font-weight: bold;");
            heading.setWrapText(true);
            fields.getStyleClass().add("history-fields");
            fields.setStyle(HangulFont.monoStyle());
            fields.setWrapText(true);
            box.setMinWidth(0);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(HistoryVersion version, boolean isEmpty) {
            super.updateItem(version, isEmpty);
            if (isEmpty || version == null) {
                setGraphic(null);
                return;
            }
            Wording words = Wording.window(i18n);
            heading.setText(HistoryLines.heading(version, words, zone, now()));
            List<String> lines = HistoryLines.fields(version, words);
            fields.setText(String.join("\n", lines));
            fields.setVisible(!lines.isEmpty());
            fields.setManaged(!lines.isEmpty());
            setGraphic(box);
        }
    }
}
