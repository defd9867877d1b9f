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
import io.welno.console.view.Texts;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.TextArea;

/**
 * The detail pane's raw view: the document pretty-printed off the FX thread ({@link #text}, masked unless revealed),
 * or a summary of its fields above {@link #RAW_RENDER_LIMIT}.
 *
 * <p>A live copy changes the text under an operator who may be reading or selecting in it: an equal text is not set
 * again, and a changed one keeps the scroll position and the selection (found again in the new text). Only a fresh
 * selection starts at the top.
 */
final class RawJsonView {

    /** Above this size the raw view shows a summary instead of the whole text (rendering 10 MB freezes). */
    static final int RAW_RENDER_LIMIT = 512 * 1024;

    private final TextArea raw = new TextArea();
    private final I18n i18n;
    /** The text shown is a stand-in (formatting, or an unreadable preview): the next document's text starts afresh. */
    private boolean standIn = true;

    RawJsonView(I18n i18n) {
        this.i18n = i18n;
        raw.setId("detailRaw");
        raw.setEditable(false);
        raw.getStyleClass().add("raw-json");
        raw.setStyle(HangulFont.monoStyle());
    }

    TextArea node() {
        return raw;
    }

    /** A fresh selection: says the text is being formatted until {@link #show} has it. */
    void loading() {
        standIn = true;
        raw.setText(i18n.get("detail.raw.loading"));
    }

    /** An unreadable session: its preview (not a tree DocumentMasker can walk), masked as text unless revealed. */
    void showUnreadable(String preview, boolean revealed) {
        standIn = true;
        raw.setText(SafeText.escapeKeepingLines(revealed ? preview : Masking.raw(preview)));
    }

    /** The text of a copy ({@link #text}); the same text again leaves the view alone. */
    void show(String text) {
        if (standIn) {
            standIn = false;
            raw.setText(text);
            return;
        }
        String before = raw.getText();
        if (text.equals(before)) {
            return;
        }
        double top = raw.getScrollTop();
        double left = raw.getScrollLeft();
        int anchor = raw.getAnchor();
        int caret = raw.getCaretPosition();
        raw.setText(text);
        int from = Math.min(anchor, caret);
        int to = Math.max(anchor, caret);
        int at = from == to ? -1 : nearest(text, before.substring(from, to), from);
        if (at >= 0) {
            if (anchor <= caret) {
                raw.selectRange(at, at + to - from);
            } else {
                raw.selectRange(at + to - from, at);
            }
        }
        // after the selection, which would otherwise scroll the view to itself
        raw.setScrollTop(top);
        raw.setScrollLeft(left);
    }

    /**
     * Where {@code selected} is in {@code text} closest to {@code from}, or -1: a copy mostly moves the text around
     * a selection by a few characters (a timestamp that lost its fraction) or not at all.
     */
    private static int nearest(String text, String selected, int from) {
        int after = text.indexOf(selected, from);
        int before = text.lastIndexOf(selected, from);
        if (after < 0 || before < 0) {
            return Math.max(after, before);
        }
        return after - from <= from - before ? after : before;
    }

    /** The raw text of a readable copy: slow for a large document, so never on the FX thread. */
    static String text(Texts i18n, SessionCodec codec, SessionRow row, boolean revealed) {
        SessionDocument doc = row.document();
        // JSON escapes C0 controls in strings; DEL, C1 and bidi characters are escaped here, as everywhere
        if (row.rawBytes() > RAW_RENDER_LIMIT) {
            String summary = summarize(i18n, codec, doc, row.rawBytes(), revealed);
            // masked as the whole text below is: the person's own data by the masker, anyone's numbers by their look
            return SafeText.escapeKeepingLines(revealed ? summary : Masking.personalNumbers(summary));
        }
        // Revealed: the bytes Redis holds, as they are; masked: the masked tree in the backend's layout.
        return SafeText.json(revealed ? new String(row.bytes(), StandardCharsets.UTF_8)
                : Masking.personalNumbers(codec.write(DocumentMasker.mask(doc))));
    }

    private static String summarize(Texts i18n, SessionCodec codec, SessionDocument doc, int bytes, boolean revealed) {
        StringBuilder out = new StringBuilder(i18n.format("detail.raw.large", bytes / 1024)).append("\n\n");
        (revealed ? doc.tree() : DocumentMasker.mask(doc)).fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String shown = value.isContainerNode() ? i18n.format(value.isArray() ? "detail.raw.array"
                    : "detail.raw.object", codec.writeCompact(value).length() / 1024) : codec.writeCompact(value);
            shown = SafeText.clipped(shown, 200);
            // a field's name is outside text too: the whole summary keeps its line breaks, so a name's are escaped here
            out.append(SafeText.bounded(field.getKey(), SafeText.FIELD)).append(": ").append(shown).append('\n');
        });
        return out.toString();
    }
}
