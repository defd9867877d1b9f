package io.welno.console.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.testing.FxState;
import io.welno.console.view.BundleTexts;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The whole-text window stays open beside the console: a language switch rewords its title, button and text. */
@ExtendWith(ApplicationExtension.class)
class FullTextDialogTest {

    private final I18n i18n = new I18n(I18n.ENGLISH);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
    }

    @Test
    void anOpenWholeTextFollowsALanguageSwitch(FxRobot robot) throws Exception {
        robot.interact(() -> FullTextDialog.show(stage, i18n, () -> i18n.get("reveal.notConnected")));
        Stage dialog = FxState.read(this::dialog);
        DialogPane pane = FxState.read(() -> (DialogPane) dialog.getScene().getRoot());
        assertEquals("The whole text (control characters shown escaped)", FxState.read(dialog::getTitle));

        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        BundleTexts korean = new BundleTexts(I18n.KOREAN);
        assertEquals(korean.get("text.full.title"), FxState.read(dialog::getTitle));
        assertEquals(korean.get("reveal.notConnected"),
                FxState.read(() -> ((TextArea) pane.lookup("#fullText")).getText()));
        ButtonType close = FxState.read(() -> pane.getButtonTypes().get(0));
        assertEquals(korean.get("dialog.close"), FxState.read(() -> ((Button) pane.lookupButton(close)).getText()));
    }

    /** The dialog's own window (whose title is the dialog's). */
    private Stage dialog() {
        return (Stage) Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().getRoot() instanceof DialogPane pane && "fullTextDialog".equals(pane.getId()))
                .findFirst().orElseThrow();
    }
}
