package io.welno.console.testing;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * A stage of a test's own, shown at the size the test needs. TestFX's primary stage goes on to the next test class at
 * the size it is left with, so a test that sizes a window for itself does so on one of these (and closes it after).
 * FX thread (a {@code @Start} method).
 */
public final class OwnStage {

    private OwnStage() {
    }

    public static Stage show(Parent root, double width, double height) {
        Stage stage = new Stage();
        stage.setScene(new Scene(root, width, height));
        stage.show();
        return stage;
    }
}
