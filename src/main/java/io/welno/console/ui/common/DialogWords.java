package io.welno.console.ui.common;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Labeled;

/**
 * A dialog's buttons in the window's words, following a language switch while the dialog is open as its title and
 * labels do (bound with {@link I18n#text}): JavaFX makes a dialog's button from its {@link ButtonType}, whose text
 * is fixed when it is made, so the button made is bound instead.
 */
public final class DialogWords {

    private DialogWords() {
    }

    /** Adds a button saying the text of {@code key}, now and after every switch; its type is the dialog's answer. */
    public static ButtonType button(Dialog<?> dialog, I18n i18n, String key, ButtonBar.ButtonData data) {
        ButtonType type = new ButtonType(i18n.get(key), data);
        dialog.getDialogPane().getButtonTypes().add(type);
        ((Labeled) dialog.getDialogPane().lookupButton(type)).textProperty().bind(i18n.text(key));
        return type;
    }
}
