package io.welno.console.ui.detail;

import io.welno.console.session.BackendRules;
import io.welno.console.session.DocumentWarning;
import io.welno.console.session.SessionDocument;
import io.welno.console.text.Phrase;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.SessionRow;
import io.welno.console.view.Wording;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The detail pane's warnings about the document: what the codec noticed, and what the backend's read rules
 * (expiry, ownership) would refuse. Remembers whether they were built past the session's expires_at, so the
 * pane's tick rebuilds them when the expiry passes while it is open, and then every second (the warning says how long
 * ago it passed). Warnings the same as those shown are left as they are: a live copy rebuilds them only when what
 * they say changed.
 */
final class DocumentWarnings {

    private final VBox warnings = new VBox(4);
    private final I18n i18n;
    /** What the labels say, in order. */
    private List<Warning> said = List.of();
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
        said = List.of();
    }

    /**
     * Whether the warnings must be built again at {@code now}: the backend's expiry passed (or was put off) since they
     * were built, or it had passed, and the warning says how long ago — as the facts below it do, second by second.
     */
    boolean stale(SessionRow row, LocalDateTime now) {
        return expiryWarned || pastExpiry(row, now);
    }

    /**
     * @param shown the session the document belongs to
     * @param now   the backend's time for its read rules (expiry, ownership); null for a session that ended
     */
    void show(SessionRow shown, SessionDocument doc, LocalDateTime now) {
        expiryWarned = now != null && shown != null && pastExpiry(shown, now);
        List<Warning> next = new ArrayList<>();
        for (DocumentWarning warning : doc.warnings()) {
            next.add(new Warning(i18n.get("warning." + warning.name()), warning.breaksBackend()));
        }
        if (now != null) {
            Wording words = Wording.window(i18n);
            // the expiry whatever else the document breaks: the backend deletes it all the same
            BackendRules.expired(doc, now).ifPresent(why ->
                    next.add(new Warning(words.render(Phrase.of("detail.backend.expired", why)), true)));
            BackendRules.ownershipProblem(doc).ifPresent(why ->
                    next.add(new Warning(words.render(Phrase.of("detail.backend.ownership", why)), false)));
        }
        if (next.equals(said)) {
            return;
        }
        said = List.copyOf(next);
        warnings.getChildren().setAll(next.stream().map(DocumentWarnings::label).toList());
    }

    private static boolean pastExpiry(SessionRow row, LocalDateTime now) {
        return row.pastBackendExpiry(now);
    }

    private static Label label(Warning warning) {
        Label label = new Label(warning.text());
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE); // all of it on as many lines as it needs, not cut short with "…"
        label.getStyleClass().add(warning.strong() ? "warning-strong" : "warning");
        return label;
    }

    private record Warning(String text, boolean strong) {
    }
}
