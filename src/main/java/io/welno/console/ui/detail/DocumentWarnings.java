package io.welno.console.ui.detail;

import io.welno.console.session.BackendRules;
import io.welno.console.session.DocumentWarning;
import io.welno.console.session.SessionDocument;
import io.welno.console.text.Phrase;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Wording;
import java.time.LocalDateTime;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The detail pane's warnings about the document: what the codec noticed, and what the backend's read rules
 * (expiry, ownership) would refuse. Remembers whether they were built past the session's expires_at, so the
 * pane's tick rebuilds them when the expiry passes while it is open.
 */
final class DocumentWarnings {

    private final VBox warnings = new VBox(4);
    private final I18n i18n;
    /** Whether the warnings were last built for a session past its expires_at. */
    private boolean expiryWarned;

    DocumentWarnings(I18n i18n) {
        this.i18n = i18n;
    }

    VBox node() {
        return warnings;
    }

    void clear() {
        warnings.getChildren().clear();
    }

    /** Whether the backend's expiry passed (or was put off) since the warnings were built. */
    boolean expiryMoved(SessionRow row, LocalDateTime now) {
        return pastExpiry(row, now) != expiryWarned;
    }

    /**
     * @param shown the session the document belongs to
     * @param now   the backend's time for its read rules (expiry, ownership); null for a session that ended
     */
    void show(SessionRow shown, SessionDocument doc, LocalDateTime now) {
        clear();
        expiryWarned = now != null && shown != null && pastExpiry(shown, now);
        for (DocumentWarning warning : doc.warnings()) {
            warning(i18n.get("warning." + warning.name()), warning.breaksBackend());
        }
        if (now == null) {
            return;
        }
        Wording words = Wording.window(i18n);
        BackendRules.readProblem(doc, now).filter(why -> why.key().equals("backend.expired")).ifPresent(why ->
                warning(words.render(Phrase.of("detail.backend.expired", why)), true));
        BackendRules.ownershipProblem(doc).ifPresent(why ->
                warning(words.render(Phrase.of("detail.backend.ownership", why)), false));
    }

    private static boolean pastExpiry(SessionRow row, LocalDateTime now) {
        return row.expiresAt() != null && row.expiresAt().isBefore(now);
    }

    private void warning(String text, boolean strong) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE); // all of it on as many lines as it needs, not cut short with "…"
        label.getStyleClass().add(strong ? "warning-strong" : "warning");
        warnings.getChildren().add(label);
    }
}
