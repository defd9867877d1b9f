package io.welno.console.ui.common;

import java.util.Optional;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The reason field of an action's dialog (one and bulk) for the keyboard and a screen reader. A text area takes Tab
 * as a character: a keyboard user who pressed Tab to reach Run typed a tab into the reason instead, which the reason
 * check then refuses (a control character), so the dialog could not be confirmed without a mouse. Tab and Shift+Tab
 * leave the field here, as in every other field of the window; the label above it names it to a screen reader.
 * Enter typed a line break the reason may not hold either (the dialog stayed open, the reason one line longer): in one
 * session's dialog it presses the default button, Run, as Enter does everywhere else in a dialog (nothing while Run is
 * grey); in a bulk run's it types nothing and runs nothing, since there Run acts on every session of the preview and
 * Enter is what ends a sentence typed in a hurry: that run is started with the button, deliberately.
 */
public final class ReasonField {

    private ReasonField() {
    }

    /** @param enterRuns whether Enter presses the dialog's Run (one session) or does nothing (a bulk run) */
    public static void install(TextArea reason, Label label, boolean enterRuns) {
        label.setLabelFor(reason);
        reason.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && !event.isControlDown() && !event.isAltDown()
                    && !event.isMetaDown()) {
                event.consume();
                if (enterRuns) {
                    defaultButton(reason).ifPresent(Button::fire);
                }
                return;
            }
            if (event.getCode() != KeyCode.TAB || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
                return;
            }
            event.consume();
            // Ctrl+Tab is the text area's own "move focus on" (Shift for back): the same key, with Ctrl added
            reason.fireEvent(new KeyEvent(event.getSource(), reason, KeyEvent.KEY_PRESSED, event.getCharacter(),
                    event.getText(), KeyCode.TAB, event.isShiftDown(), true, false, false));
        });
    }

    /** The enabled default button of the field's dialog, if any. */
    private static Optional<Button> defaultButton(TextArea reason) {
        Parent root = reason.getScene() == null ? null : reason.getScene().getRoot();
        return root == null ? Optional.empty() : root.lookupAll(".button").stream()
                .filter(node -> node instanceof Button button && button.isDefaultButton() && !button.isDisabled())
                .map(Button.class::cast).findFirst();
    }
}
