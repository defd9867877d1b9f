package io.welno.console.ui.common;

import javafx.scene.control.ToggleButton;

/** A toggle button that Alt and its letter ({@link Mnemonics}) toggle, as a click or Space does ({@link AltKeyPresses}). */
public class AltKeyToggleButton extends ToggleButton {

    private final AltKeyPresses presses = new AltKeyPresses(this, this::fire);

    @Override
    public void fire() {
        presses.pressing(super::fire);
    }
}
