package io.welno.console.ui.common;

import io.welno.console.text.SafeText;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The whole of a text the window shows cut (a long message): every character, control characters shown
 * escaped as everywhere else, in a read-only area that can be scrolled and copied from.
 */
public final class FullTextDialog extends Dialog<Void> {

    private FullTextDialog(Window owner, I18n i18n, String title, String shown) {
        if (owner != null) {
            initOwner(owner);
            getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        initModality(Modality.NONE);
        setTitle(title);
        getDialogPane().setId("fullTextDialog");
        getDialogPane().setStyle(HangulFont.rootStyle());
        TextArea area = new TextArea(shown);
        area.setId("fullText");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefColumnCount(80);
        area.setPrefRowCount(20);
        getDialogPane().setContent(area);
        getDialogPane().getButtonTypes().add(new ButtonType(i18n.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
    }

    /** Opens the dialog without waiting for it (the window stays usable). */
    public static void show(Window owner, I18n i18n, String text) {
        new FullTextDialog(owner, i18n, i18n.get("text.full.title"), SafeText.escape(text)).show();
    }

    /** A multi-line text (a document's JSON) under its own title, line breaks kept, in the monospaced font. */
    public static void show(Window owner, I18n i18n, String title, String text) {
        FullTextDialog dialog = new FullTextDialog(owner, i18n, title, SafeText.escapeKeepingLines(text));
        dialog.getDialogPane().lookup("#fullText").setStyle(HangulFont.monoStyle());
        dialog.show();
    }
}
