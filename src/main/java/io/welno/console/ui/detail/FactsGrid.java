package io.welno.console.ui.detail;

import io.welno.console.session.SessionDocument;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.DetailModel;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The detail pane's facts (created, updated, expires, TTL, credentials, collection): rows of name and value. A VBox
 * of HBoxes, because a GridPane does not give wrapped values their height. The lines are made once per selection;
 * a live copy and every tick update their values in place, so a line can be marked as changed and stays the node it
 * was.
 */
final class FactsGrid {

    private final VBox facts = new VBox(3);
    /** Value labels of the facts, by bundle key, for the tick and the change marks. */
    private final Map<String, Label> values = new HashMap<>();
    private final I18n i18n;

    FactsGrid(I18n i18n) {
        this.i18n = i18n;
        facts.setMinWidth(0);
        facts.setPrefWidth(0); // the pane's width decides; the facts never widen it
        facts.setMinHeight(Region.USE_PREF_SIZE); // the tabs below give way, not a wrapped value
    }

    VBox node() {
        return facts;
    }

    void show(DetailModel model, SessionDocument doc) {
        boolean made = !values.isEmpty();
        put(made, "fact.created", model.created(i18n));
        put(made, "fact.updated", model.updated(i18n));
        put(made, "fact.expires", model.expires(i18n));
        put(made, "fact.ttl", model.ttl(i18n));
        put(made, "fact.credentials", new DetailModel.Fact(i18n.format("fact.credentials.value",
                yesNo(doc.tempAuthData().isPresent()),
                doc.authData().map(a -> i18n.get("fact.credentials.casing." + a.casing().name()))
                        .orElse(i18n.get("value.no"))), false));
        put(made, "fact.collection", new DetailModel.Fact(yesNo(doc.collectionStarted()), false));
    }

    private void put(boolean made, String key, DetailModel.Fact value) {
        if (made) {
            update(key, value);
        } else {
            fact(key, value);
        }
    }

    void clear() {
        facts.getChildren().clear();
        values.clear();
    }

    void update(String key, DetailModel.Fact value) {
        Label text = values.get(key);
        if (text != null) {
            showFact(text, value);
        }
    }

    /** The fact's whole line (name and value), or null when it is not shown. */
    Node line(String key) {
        Label value = values.get(key);
        return value == null ? null : value.getParent();
    }

    private String yesNo(boolean value) {
        return i18n.get(value ? "value.yes" : "value.no");
    }

    private void fact(String key, DetailModel.Fact value) {
        Label name = new Label(i18n.get(key));
        name.getStyleClass().add("fact-name");
        Label text = new Label();
        text.setId(key);
        text.getStyleClass().add("fact-value");
        values.put(key, text);
        showFact(text, value);
        text.setWrapText(true); // a narrow pane wraps a long value instead of cutting it off
        text.setMinWidth(0);
        name.setMinWidth(120);
        name.setPrefWidth(120);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(10, name, text);
        line.setMinWidth(0);
        line.getStyleClass().add("fact-line");
        facts.getChildren().add(line);
    }

    /** A field the document lacks is shown as missing ("—", with a tooltip saying so), never as an empty value. */
    private void showFact(Label text, DetailModel.Fact value) {
        if (value.missing()) {
            text.setText(i18n.get("value.absent"));
            if (!text.getStyleClass().contains("fact-missing")) {
                text.getStyleClass().add("fact-missing");
                text.setTooltip(new Tooltip(i18n.get("value.absent.tip")));
            }
        } else {
            text.setText(value.text());
            text.getStyleClass().remove("fact-missing");
            text.setTooltip(null);
        }
    }
}
