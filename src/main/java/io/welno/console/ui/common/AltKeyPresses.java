package io.welno.console.ui.common;

import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBase;

/**
 * Makes a control's Alt key ({@link Mnemonics}) press it as a click or Space does. JavaFX answers a mnemonic by sending
 * the control an action event only, which presses a button but leaves a toggle button or a check box as it was (its
 * action handlers run, its state does not change): such an event is taken here for a press. The control's own
 * {@code fire()} runs through {@link #pressing}, so the event a press sends is not taken for another.
 */
final class AltKeyPresses {

    private boolean firing;

    /** @param press the control's {@code fire()} */
    AltKeyPresses(ButtonBase control, Runnable press) {
        control.addEventFilter(ActionEvent.ACTION, event -> {
            if (!firing) {
                event.consume();
                press.run();
            }
        });
    }

    /** Runs the control's own press ({@code super.fire()}), whose action event is then its own, not an Alt key's. */
    void pressing(Runnable superFire) {
        firing = true;
        try {
            superFire.run();
        } finally {
            firing = false;
        }
    }
}
