package io.welno.console.ui.bulk;

import io.welno.console.flow.BulkRun;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.Wording;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * A finished batch by outcome: one toggle per outcome that happened ("Applied 480"), and the chosen outcome's
 * sessions listed with what each was told (its refusal, its conflict, the revert).
 */
public final class BulkSummaryView extends VBox {

    private final I18n i18n;
    private final Label headline = new Label();
    private final FlowPane tallies = new FlowPane(6, 6);
    private final ListView<String> sessions = new ListView<>();
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
        getChildren().addAll(headline, tallies, sessions);
        choice.selectedToggleProperty().addListener((o, a, now) -> list(now == null ? null
                : (BulkRun.Tally) now.getUserData()));
    }

    void show(BulkRun.Summary done) {
        this.summary = done;
        Wording words = Wording.window(i18n);
        headline.setText(words.render(done.phrase()));
        tallies.getChildren().clear();
        for (BulkRun.Tally tally : BulkRun.Tally.values()) {
            int count = done.count(tally);
            if (count == 0) {
                continue;
            }
            ToggleButton button = new ToggleButton(i18n.format("bulk.tally", i18n.get("bulk.tally." + tally.name()),
                    count));
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
        Wording words = Wording.window(i18n);
        List<String> lines = summary.byTally().getOrDefault(tally, List.of()).stream()
                .map(item -> SafeText.bounded(item.sessionId(), SafeText.FIELD) + " — " + words.render(item.told()))
                .map(line -> SafeText.bounded(line, SafeText.TEXT))
                .toList();
        sessions.getItems().setAll(lines);
    }

    /** The sessions listed under the chosen outcome, as shown. */
    public List<String> listed() {
        return List.copyOf(sessions.getItems());
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
