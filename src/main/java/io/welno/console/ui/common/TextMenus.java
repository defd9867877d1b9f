package io.welno.console.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;

/**
 * The right-click menu of a text field or area (Undo … Select All) in the window's words. JavaFX's own menu takes its
 * words from the JVM's default locale when the field's skin is made and keeps them, so a field made before a language
 * switch (the search, the audit filters, the raw JSON) went on offering the old language's items. This menu is bound
 * to the language, and offers what JavaFX's does: everything in an editable field, Copy and Select All in a read-only
 * one, nothing that copies a password.
 */
public final class TextMenus {

    private TextMenus() {
    }

    /**
     * Gives every text field under {@code root} that has no menu of its own this one, the first time it is asked for
     * (fields in cells and skins come and go; the menu is made only for a field someone right-clicks).
     */
    public static void install(Node root, I18n i18n) {
        root.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> {
            for (Node at = event.getTarget() instanceof Node node ? node : null; at != null; at = at.getParent()) {
                if (at instanceof TextInputControl field) {
                    if (field.getContextMenu() == null) {
                        field.setContextMenu(menu(field, i18n));
                    }
                    return;
                }
                if (at == root) {
                    return;
                }
            }
        });
    }

    /** The menu for {@code field}: its items are enabled as the field and the clipboard stand when it opens. */
    static ContextMenu menu(TextInputControl field, I18n i18n) {
        MenuItem undo = item(i18n, "text.menu.undo", field::undo);
        MenuItem redo = item(i18n, "text.menu.redo", field::redo);
        MenuItem cut = item(i18n, "text.menu.cut", field::cut);
        MenuItem copy = item(i18n, "text.menu.copy", field::copy);
        MenuItem paste = item(i18n, "text.menu.paste", field::paste);
        MenuItem delete = item(i18n, "text.menu.delete", () -> field.deleteText(field.getSelection()));
        MenuItem selectAll = item(i18n, "text.menu.selectAll", field::selectAll);
        SeparatorMenuItem separator = new SeparatorMenuItem();
        ContextMenu menu = new ContextMenu(undo, redo, cut, copy, paste, delete, separator, selectAll);
        menu.setOnShowing(e -> {
            boolean editable = field.isEditable();
            boolean selected = field.getSelection().getLength() > 0;
            boolean secret = field instanceof PasswordField;
            for (MenuItem editing : new MenuItem[] {undo, redo, cut, paste, delete}) {
                editing.setVisible(editable);
            }
            copy.setVisible(!secret);
            cut.setVisible(editable && !secret);
            undo.setDisable(!field.isUndoable());
            redo.setDisable(!field.isRedoable());
            cut.setDisable(!selected);
            copy.setDisable(!selected);
            paste.setDisable(!Clipboard.getSystemClipboard().hasString());
            delete.setDisable(!selected);
            String text = field.getText();
            selectAll.setDisable(text == null || text.isEmpty() || field.getSelection().getLength() == text.length());
        });
        return menu;
    }

    private static MenuItem item(I18n i18n, String key, Runnable action) {
        MenuItem item = new MenuItem();
        item.setId("textMenu-" + key.substring(key.lastIndexOf('.') + 1));
        item.textProperty().bind(i18n.text(key));
        item.setOnAction(e -> action.run());
        return item;
    }
}
