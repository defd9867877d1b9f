package io.welno.console.ui.shell;

import io.welno.console.ui.actions.ActionsController;
import io.welno.console.ui.common.DialogWords;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.flow.ActionKind;
import java.util.List;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Every keyboard shortcut of the window in one sheet (F1): navigation, the session actions and the view
 * commands, read from the same lists that install them. Its words follow a language switch while it is open.
 */
public final class ShortcutSheet extends Dialog<Void> {

    private final I18n i18n;
    private final GridPane grid = new GridPane();
    private int row;

    ShortcutSheet(Window owner, I18n i18n, List<KeyboardShortcuts.Shortcut> shortcuts) {
        this.i18n = i18n;
        initOwner(owner);
        initModality(Modality.NONE);
        // not modal: it may stay open while the language is switched, and is worded again then
        titleProperty().bind(i18n.text("shortcuts.title"));
        headerTextProperty().bind(i18n.text("shortcuts.header"));
        getDialogPane().setId("shortcutSheet");
        getDialogPane().setStyle(HangulFont.rootStyle()); // a window of its own: the main window's font does not reach it
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        grid.setHgap(18);
        grid.setVgap(5);
        grid.getStyleClass().add("shortcut-grid");

        section("shortcuts.section.navigation");
        for (KeyboardShortcuts.Shortcut s : shortcuts) {
            if (s.section() == KeyboardShortcuts.Section.NAVIGATION) {
                entry(s.display(), describe(s));
            }
        }
        entry("J / K", i18n.text("shortcuts.nextPrevious.letters"));
        section("shortcuts.section.actions");
        for (ActionKind kind : ActionKind.values()) {
            var keys = ActionsController.SHORTCUTS.get(kind);
            if (keys != null) {
                entry(keys.getDisplayText(), i18n.text("action." + kind.wire()));
            }
        }
        section("shortcuts.section.view");
        for (KeyboardShortcuts.Shortcut s : shortcuts) {
            if (s.section() == KeyboardShortcuts.Section.VIEW) {
                entry(s.display(), describe(s));
            }
        }
        // the lists' own keys: the tables handle them where they have the keyboard, so no list installs them
        section("shortcuts.section.lists");
        entry("Shift+F10", i18n.text("shortcuts.lists.menu"));
        entry("Enter", i18n.text("shortcuts.lists.enter"));
        entry("Tab", i18n.text("shortcuts.lists.tab"));
        Label note = new Label();
        note.textProperty().bind(i18n.text("shortcuts.note"));
        note.setWrapText(true);
        note.setMaxWidth(520);
        note.getStyleClass().add("detail-subtitle");
        grid.add(note, 0, ++row, 2, 1);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(520);
        scroll.setPrefViewportWidth(560);
        getDialogPane().setContent(scroll);
        ButtonType close = DialogWords.button(this, i18n, "shortcuts.close", ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().lookupButton(close).setId("shortcutSheetClose");
    }

    /** The description in the current language, and again after a switch (a bucket's name is a binding too). */
    private StringBinding describe(KeyboardShortcuts.Shortcut s) {
        return i18n.words(() -> {
            Object[] args = s.args().clone();
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof javafx.beans.value.ObservableValue<?> value) {
                    args[i] = value.getValue();
                }
            }
            return i18n.format(s.descriptionKey(), args);
        });
    }

    private void section(String key) {
        Label title = new Label();
        title.textProperty().bind(i18n.text(key));
        title.getStyleClass().add("shortcut-section");
        if (row > 0) {
            row++;
        }
        grid.add(title, 0, row++, 2, 1);
    }

    private void entry(String keys, ObservableValue<String> description) {
        Label key = new Label(keys);
        key.getStyleClass().add("kbd");
        key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label text = new Label();
        text.textProperty().bind(description);
        text.setWrapText(true);
        grid.addRow(row++, key, text);
    }
}
