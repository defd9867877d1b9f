package io.welno.console.ui.common;

import io.welno.console.text.SafeText;
import java.util.function.Supplier;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The whole of a text the window shows cut (a long message): every character, control characters shown
 * escaped as everywhere else, in a read-only area that can be scrolled and copied from. It does not keep the window
 * from Settings, so its words follow a language switch while it is open: its title and button, and a text that is
 * one of the window's sentences (a notice's account, an alert).
 */
public final class FullTextDialog extends Dialog<Void> {

    private FullTextDialog(Window owner, I18n i18n, Supplier<String> title, Supplier<String> shown) {
        if (owner != null) {
            initOwner(owner);
            getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        initModality(Modality.NONE);
        titleProperty().bind(i18n.words(title));
        getDialogPane().setId("fullTextDialog");
        getDialogPane().setStyle(HangulFont.rootStyle());
        TextMenus.install(getDialogPane(), i18n);
        TextArea area = new TextArea();
        area.textProperty().bind(i18n.words(shown));
        area.setId("fullText");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefColumnCount(80);
        area.setPrefRowCount(20);
        getDialogPane().setContent(area);
        DialogWords.button(this, i18n, "dialog.close", ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /** Opens the dialog without waiting for it (the window stays usable); {@code text} is worded again on a switch. */
    public static void show(Window owner, I18n i18n, Supplier<String> text) {
        new FullTextDialog(owner, i18n, () -> i18n.get("text.full.title"), () -> SafeText.escape(text.get())).show();
    }

    /** A multi-line text (a document's JSON) under its own title, line breaks kept, in the monospaced font. */
    public static void show(Window owner, I18n i18n, Supplier<String> title, String text) {
        String shown = SafeText.escapeKeepingLines(text);
        FullTextDialog dialog = new FullTextDialog(owner, i18n, title, () -> shown);
        dialog.getDialogPane().lookup("#fullText").setStyle(HangulFont.monoStyle());
        dialog.show();
    }
}
