package io.welno.console.ui.detail;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionMessage;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Texts;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * What the detail pane reads from the document's tree: the messages, the data summaries and the raw JSON. A row
 * keeps its document's facts only; the tree is parsed, the health data walked and the JSON pretty-printed here, on
 * the background executor, once per copy the pane shows, and the FX thread only compares the results with what each
 * part shows. The backend writes a session several times a second during a flow, so a copy overtaken by a newer one
 * before its turn is not worked out at all, and an older, slower result never replaces a newer one.
 */
final class DocumentContent {

    /** The parts of one copy, ready to show. */
    record Parts(List<SessionMessage> messages, List<String> data, String raw) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final I18n i18n;
    private final Executor background;
    private final SessionCodec codec;

    DocumentContent(I18n i18n, Executor background, SessionCodec codec) {
        this.i18n = i18n;
        this.background = background;
        this.codec = codec;
    }

    /**
     * Works out the parts of a readable copy and hands them to {@code show} on the FX thread, unless overtaken. Called
     * on the FX thread, where the language is read: the background works in the language of the moment it was asked.
     */
    void load(SessionRow row, boolean revealed, Consumer<Parts> show) {
        long mine = sequence.incrementAndGet();
        Texts texts = i18n.snapshot();
        background.execute(() -> {
            if (sequence.get() != mine) {
                return;
            }
            SessionDocument doc = row.document();
            Parts parts = new Parts(doc.messages(), DataSummaries.lines(texts, doc),
                    RawJsonView.text(texts, codec, row, revealed));
            Platform.runLater(() -> {
                if (sequence.get() == mine) {
                    show.accept(parts);
                }
            });
        });
    }

    /** Nothing on its way is shown any more (no session, or an unreadable one). */
    void cancel() {
        sequence.incrementAndGet();
    }
}
