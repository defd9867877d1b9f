package io.welno.console.ui.common;

import javafx.scene.control.CheckBox;

/** A check box that Alt and its letter ({@link Mnemonics}) tick, as a click or Space does ({@link AltKeyPresses}). */
public class AltKeyCheckBox extends CheckBox {

    private final AltKeyPresses presses = new AltKeyPresses(this, this::fire);

    @Override
    public void fire() {
        presses.pressing(super::fire);
    }
}
