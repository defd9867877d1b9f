package io.welno.console.ui.common;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextInputControl;

/**
 * Names a search or filter field for a screen reader, in the window's language, where the window shows no label:
 * its prompt text named it only while it was empty (a typed "kim" was all a reader heard), and a choice box read
 * only its choice ("All partners"), or nothing for a null choice.
 */
public final class FieldNames {

    private FieldNames() {
    }

    /**
     * A text field's name goes in its accessible help: its accessible text would stand in for what is typed (JavaFX
     * reads the accessible text, when there is one, instead of the field's content).
     */
    public static void name(TextInputControl field, I18n i18n, String key) {
        field.accessibleHelpProperty().bind(i18n.text(key));
    }

    /** A choice box's name and its choice, as one accessible text: "Partner filter: All partners". */
    public static <T> void name(ComboBox<T> box, I18n i18n, String key, Function<T, String> words) {
        box.accessibleTextProperty().bind(Bindings.createStringBinding(() -> i18n.format("field.named",
                i18n.get(key), words.apply(box.getValue())), i18n.localeProperty(), box.valueProperty()));
        box.accessibleHelpProperty().bind(i18n.text(key));
    }

    /**
     * A menu button names itself by its text: JavaFX's menu button skin, unlike a button's, gives a screen reader no
     * name at all (the toolbar's Settings and Bulk actions read as unnamed menu buttons).
     */
    public static void name(MenuButton button) {
        // its words without the Alt key's mark ("설정(_S)" is read as 설정)
        button.accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Mnemonics.plain(button.getText()), button.textProperty()));
    }
}
