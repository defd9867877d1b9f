package io.welno.console.ui.shell;

import io.welno.console.ui.common.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The demo's first-run hint above the sessions: what the buckets on the left mean and how to try another role.
 * Shown until dismissed once; the window remembers that (see {@code UiPreferences}).
 */
final class DemoHint extends HBox {

    DemoHint(I18n i18n, Runnable onDismiss) {
        super(12);
        setId("demoHint");
        getStyleClass().add("demo-hint");
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.textProperty().bind(i18n.text("demo.hint.title"));
        title.getStyleClass().add("demo-hint-title");
        Label text = new Label();
        text.setId("demoHintText");
        text.textProperty().bind(i18n.text("demo.hint.text"));
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        VBox words = new VBox(2, title, text);
        words.setMinWidth(0);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button dismiss = new Button();
        dismiss.setId("demoHintDismiss");
        dismiss.textProperty().bind(i18n.text("demo.hint.dismiss"));
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> onDismiss.run());
        getChildren().addAll(words, dismiss);
    }
}
