package io.welno.console.ui.common;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The reason field of an action's dialog (one and bulk) for the keyboard and a screen reader. A text area takes Tab
 * as a character: a keyboard user who pressed Tab to reach Run typed a tab into the reason instead, which the reason
 * check then refuses (a control character), so the dialog could not be confirmed without a mouse. Tab and Shift+Tab
 * leave the field here, as in every other field of the window; the label above it names it to a screen reader.
 */
public final class ReasonField {

    private ReasonField() {
    }

    public static void install(TextArea reason, Label label) {
        label.setLabelFor(reason);
        reason.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != KeyCode.TAB || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
                return;
            }
            event.consume();
            // Ctrl+Tab is the text area's own "move focus on" (Shift for back): the same key, with Ctrl added
            reason.fireEvent(new KeyEvent(event.getSource(), reason, KeyEvent.KEY_PRESSED, event.getCharacter(),
                    event.getText(), KeyCode.TAB, event.isShiftDown(), true, false, false));
        });
    }
}
