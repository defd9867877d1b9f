package io.welno.console.ui.bulk;

import io.welno.console.flow.BulkRun;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.Wording;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A finished batch by outcome: one toggle per outcome that happened ("Applied 480"), and the chosen outcome's
 * sessions listed with what each was told (its refusal, its conflict, the revert), in the window's language now and
 * after a switch.
 */
public final class BulkSummaryView extends VBox {

    private final I18n i18n;
    private final Label headline = new Label();
    private final FlowPane tallies = new FlowPane(6, 6);
    private final ListView<BulkRun.Item> sessions = new ListView<>();
    private final ToggleGroup choice = new ToggleGroup();
    private BulkRun.Summary summary;

    BulkSummaryView(I18n i18n) {
        super(6);
        this.i18n = i18n;
        setId("bulkSummary");
        headline.setId("bulkSummaryText");
        headline.setWrapText(true);
        headline.getStyleClass().add("detail-subtitle");
        sessions.setId("bulkSummarySessions");
        sessions.setPrefHeight(140);
        sessions.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(BulkRun.Item item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(i18n.words(() -> line(item)));
                }
            }
        });
        getChildren().addAll(headline, tallies, sessions);
        choice.selectedToggleProperty().addListener((o, a, now) -> list(now == null ? null
                : (BulkRun.Tally) now.getUserData()));
    }

    void show(BulkRun.Summary done) {
        this.summary = done;
        headline.textProperty().bind(i18n.words(() -> Wording.window(i18n).render(done.phrase())));
        tallies.getChildren().clear();
        for (BulkRun.Tally tally : BulkRun.Tally.values()) {
            int count = done.count(tally);
            if (count == 0) {
                continue;
            }
            ToggleButton button = new ToggleButton();
            button.textProperty().bind(i18n.words(() -> i18n.format("bulk.tally",
                    i18n.get("bulk.tally." + tally.name()), count)));
            button.setId("bulkTally-" + tally.name());
            button.setUserData(tally);
            button.setToggleGroup(choice);
            tallies.getChildren().add(button);
        }
        if (!tallies.getChildren().isEmpty()) {
            ((ToggleButton) tallies.getChildren().get(0)).setSelected(true);
        }
    }

    private void list(BulkRun.Tally tally) {
        if (summary == null || tally == null) {
            sessions.getItems().clear();
            return;
        }
        sessions.getItems().setAll(summary.byTally().getOrDefault(tally, List.of()));
    }

    /** A session and what it was told, in the window's language now (each cell words its own again on a switch). */
    private String line(BulkRun.Item item) {
        return SafeText.bounded(SafeText.bounded(item.sessionId(), SafeText.FIELD) + " — "
                + Wording.window(i18n).render(item.told()), SafeText.TEXT);
    }

    /** The sessions listed under the chosen outcome, as shown. */
    public List<String> listed() {
        return sessions.getItems().stream().map(this::line).toList();
    }

    /** Chooses an outcome to list (as clicking its toggle does). */
    public void choose(BulkRun.Tally tally) {
        for (var node : tallies.getChildren()) {
            if (node instanceof ToggleButton button && button.getUserData() == tally) {
                button.setSelected(true);
            }
        }
    }
}
