package io.welno.console.ui.common;

import javafx.event.ActionEvent;
import javafx.scene.control.ToggleButton;

/**
 * A toggle button that Alt and its letter ({@link Mnemonics}) toggle, as a click or Space does. JavaFX answers a
 * mnemonic by sending the control an action event only, which presses a button but leaves a toggle button as it was
 * (its action handlers run, its state does not change): such an event is taken here for a press.
 */
public class AltKeyToggleButton extends ToggleButton {

    private boolean firing;

    public AltKeyToggleButton() {
        addEventFilter(ActionEvent.ACTION, event -> {
            if (!firing) {
                event.consume();
                fire();
            }
        });
    }

    @Override
    public void fire() {
        firing = true;
        try {
            super.fire();
        } finally {
            firing = false;
        }
    }
}
