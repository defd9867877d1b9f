package io.welno.console.ui.detail;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.DocumentMasker;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.text.Masking;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.SessionRow;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.control.TextArea;

/**
 * The detail pane's raw view: the document pretty-printed off the FX thread (masked unless revealed), or a summary
 * of its fields above {@link #RAW_RENDER_LIMIT}; a newer session wins over an older, slower one.
 */
final class RawJsonView {

    /** Above this size the raw view shows a summary instead of the whole text (rendering 10 MB freezes). */
    static final int RAW_RENDER_LIMIT = 512 * 1024;

    private final TextArea raw = new TextArea();
    private final AtomicLong sequence = new AtomicLong();
    private final I18n i18n;
    private final Executor background;
    private final SessionCodec codec;

    RawJsonView(I18n i18n, Executor background, SessionCodec codec) {
        this.i18n = i18n;
        this.background = background;
        this.codec = codec;
        raw.setId("detailRaw");
        raw.setEditable(false);
        raw.getStyleClass().add("raw-json");
        raw.setStyle(HangulFont.monoStyle());
    }

    TextArea node() {
        return raw;
    }

    /** An unreadable session: its preview (not a tree DocumentMasker can walk), masked as text unless revealed. */
    void showUnreadable(String preview, boolean revealed) {
        raw.setText(SafeText.escapeKeepingLines(revealed ? preview : Masking.raw(preview)));
    }

    /** Pretty-prints off the FX thread. */
    void show(SessionRow row, boolean revealed) {
        long mine = sequence.incrementAndGet();
        raw.setText(i18n.get("detail.raw.loading"));
        SessionDocument doc = row.document();
        background.execute(() -> {
            String text;
            // JSON escapes C0 controls in strings; DEL, C1 and bidi characters are escaped here, as everywhere
            if (row.rawBytes() > RAW_RENDER_LIMIT) {
                text = SafeText.escapeKeepingLines(summarize(doc, row.rawBytes(), revealed));
            } else {
                // Revealed: the bytes Redis holds, as they are; masked: the masked tree in the backend's layout.
                text = SafeText.json(revealed ? new String(row.bytes(), StandardCharsets.UTF_8)
                        : Masking.phones(codec.write(DocumentMasker.mask(doc))));
            }
            Platform.runLater(() -> {
                if (sequence.get() == mine) {
                    raw.setText(text);
                }
            });
        });
    }

    private String summarize(SessionDocument doc, int bytes, boolean revealed) {
        StringBuilder out = new StringBuilder(i18n.format("detail.raw.large", bytes / 1024)).append("\n\n");
        (revealed ? doc.tree() : DocumentMasker.mask(doc)).fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String shown = value.isContainerNode() ? "(" + value.getNodeType().name().toLowerCase() + ", "
                    + codec.writeCompact(value).length() / 1024 + " KB)" : value.toString();
            if (shown.length() > 200) {
                shown = shown.substring(0, 200) + "…";
            }
            out.append(field.getKey()).append(": ").append(shown).append('\n');
        });
        return out.toString();
    }
}
