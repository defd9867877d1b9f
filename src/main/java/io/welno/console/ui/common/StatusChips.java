package io.welno.console.ui.common;

import io.welno.console.session.SessionStatus;
import io.welno.console.store.FileCopy;
import io.welno.console.text.SafeText;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * Status labels and their colours. The colour is a pseudo-class ({@code .chip:tone-ok} …, defined in the
 * theme stylesheets), not a style class: table cells re-fill their chip every frame while rows move, and a
 * style-class change makes JavaFX re-match the chip's whole stylesheet, where a pseudo-class only switches
 * between styles it already matched.
 */
public final class StatusChips {

    /** The colour families of the statuses. */
    enum Tone {
        NEUTRAL, PROGRESS, WAIT, OK, BAD, ODD;

        private final PseudoClass pseudoClass = PseudoClass.getPseudoClass("tone-" + name().toLowerCase(Locale.ROOT));
    }

    private StatusChips() {
    }

    static Tone tone(SessionStatus status) {
        if (status.isMissing()) {
            return Tone.BAD;
        }
        if (!status.isKnown()) {
            return Tone.ODD;
        }
        return switch (status.wire()) {
            case "auth_requesting", "fetching_health_data", "fetching_prescription_data" -> Tone.PROGRESS;
            case "auth_request_sent", "auth_pending" -> Tone.WAIT;
            case "auth_completed", "authenticated", "completed" -> Tone.OK;
            case "error", "info_required" -> Tone.BAD;
            default -> Tone.NEUTRAL; // initiated, timeout, expired
        };
    }

    public static String text(I18n i18n, SessionStatus status) {
        if (status.isMissing()) {
            return i18n.get("status.missing");
        }
        if (!status.isKnown()) {
            return SafeText.bounded(status.wire(), SafeText.FIELD); // a status the backend never writes: outside text
        }
        return i18n.get("status." + status.wire());
    }

    static Label chip(I18n i18n, SessionStatus status) {
        Label label = new Label();
        apply(label, i18n, status);
        return label;
    }

    public static void apply(Label label, I18n i18n, SessionStatus status) {
        restyle(label, text(i18n, status), tone(status));
    }

    public static void applyUnreadable(Label label, I18n i18n) {
        restyle(label, i18n.get("status.unreadable"), Tone.BAD);
    }

    /**
     * The mark beside a status for a session of the fallback folder: only in the file (the backend reads it only while
     * Redis fails), or diverged from Redis. The tooltip says what it means and, for diverged, which fields differ.
     */
    public static void applyPlace(Label label, I18n i18n, FileCopy place) {
        boolean diverged = place.where() == FileCopy.Where.DIVERGED;
        restyle(label, i18n.get(diverged ? "place.diverged" : "place.fileOnly"), diverged ? Tone.ODD : Tone.WAIT);
        String tip = diverged ? i18n.format("place.diverged.tooltip", place.differing().isEmpty()
                ? i18n.get("place.unreadableCopy") : SafeText.bounded(String.join(", ", place.differing()), SafeText.TEXT))
                : i18n.get("place.fileOnly.tooltip");
        if (label.getTooltip() == null) {
            label.setTooltip(new Tooltip(tip));
        } else {
            label.getTooltip().setText(tip);
        }
    }

    private static void restyle(Label label, String text, Tone tone) {
        label.setText(text);
        if (!label.getStyleClass().contains("chip")) {
            label.getStyleClass().add("chip");
        }
        for (Tone t : Tone.values()) {
            label.pseudoClassStateChanged(t.pseudoClass, t == tone);
        }
    }
}
