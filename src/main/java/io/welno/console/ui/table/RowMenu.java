package io.welno.console.ui.table;

import io.welno.console.session.DocumentMasker;
import io.welno.console.session.SessionCodec;
import io.welno.console.text.Masking;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.FullTextDialog;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.RowMenuKeys;
import io.welno.console.ui.common.StatusChips;
import io.welno.console.view.Formats;
import io.welno.console.view.ProviderNames;
import io.welno.console.view.SessionIds;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Wording;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * What a right-click on a session offers (copy its id, copy a summary, open its raw JSON) — also opened by the context
 * menu key and Shift+F10 ({@link RowMenuKeys}) — and Ctrl+C on the table
 * copying the selected session's id. Nothing it copies or opens carries a personal number unmasked: the summary and
 * the JSON go through the same masking as the table and the detail pane. Other features add their own items to
 * {@link #menu()}.
 */
public final class RowMenu {

    public static final KeyCombination COPY_KEYS = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final SessionTable table;
    private final I18n i18n;
    private final SessionCodec codec;
    private final Executor background;
    private final Clock clock;
    private final ZoneId zone;
    private final ContextMenu menu = new ContextMenu();

    public RowMenu(SessionTable table, I18n i18n, SessionCodec codec, Executor background, Clock clock, ZoneId zone) {
        this.table = table;
        this.i18n = i18n;
        this.codec = codec;
        this.background = background;
        this.clock = clock;
        this.zone = zone;
        menu.setId("rowMenu");
        menu.getItems().addAll(
                item("rowMenu-copyId", "table.menu.copyId", COPY_KEYS, this::copyId),
                item("rowMenu-copySummary", "table.menu.copySummary", null, this::copySummary),
                item("rowMenu-openRaw", "table.menu.openRaw", null, this::openRaw));
        // a right-click on an empty part of the table has no session to act on
        menu.setOnShowing(e -> menu.getItems().forEach(i -> i.setDisable(selected() == null)));
        table.setContextMenu(menu);
        RowMenuKeys.install(table);
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (COPY_KEYS.match(event) && selected() != null) {
                copyId();
                event.consume();
            }
        });
    }

    /** The menu itself, for features that add their own items to it. */
    public ContextMenu menu() {
        return menu;
    }

    private MenuItem item(String id, String key, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(i18n.text(key));
        item.setAccelerator(keys); // shown beside the item; the table's own key handler does the work
        item.setOnAction(e -> action.run());
        return item;
    }

    private SessionRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    /**
     * The id as it is, or escaped when it holds a control or invisible character: pasted into a terminal, a raw
     * ESC[201~ and a line break would end the shell's bracketed paste and run what follows.
     */
    void copyId() {
        SessionRow row = selected();
        if (row != null) {
            put(SafeText.firstUnsafe(row.id()) < 0 ? row.id() : SafeText.escape(row.id()));
        }
    }

    void copySummary() {
        SessionRow row = selected();
        if (row != null) {
            put(summary(row));
        }
    }

    /** One line a support person can paste into a ticket: no name, phone or birthdate in the clear. */
    String summary(SessionRow row) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        String status;
        String message;
        if (row.readable()) {
            status = StatusChips.text(i18n, row.status());
            message = Masking.personalNumbers(DocumentMasker.maskText(row.lastMessage(), row.document().userInfo()));
        } else {
            status = i18n.get("status.unreadable");
            message = Masking.raw(Wording.window(i18n).render(row.unreadableReason()));
        }
        return SafeText.escape(i18n.format("table.summary", SessionIds.shown(i18n, row.id()), status,
                row.readable() ? ProviderNames.name(i18n, row.provider()) : "-", row.maskedName(),
                row.partner().isEmpty() ? "-" : row.partner(), Formats.time(i18n, row.updatedAt(), now),
                SafeText.bounded(message, SafeText.TEXT)));
    }

    /** The masked document, pretty-printed off the FX thread, in a window of its own. */
    private void openRaw() {
        SessionRow row = selected();
        if (row == null) {
            return;
        }
        var owner = table.getScene() == null ? null : table.getScene().getWindow();
        java.util.function.Supplier<String> title = () -> i18n.format("table.raw.title",
                SessionIds.shown(i18n, row.id()));
        background.execute(() -> {
            String text = row.readable()
                    ? SafeText.json(Masking.personalNumbers(codec.write(DocumentMasker.mask(row.document()))))
                    : SafeText.escapeKeepingLines(Masking.raw(row.unreadable().preview()));
            Platform.runLater(() -> FullTextDialog.show(owner, i18n, title, text));
        });
    }

    private static void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
