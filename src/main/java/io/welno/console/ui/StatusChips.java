package io.welno.console.ui;

import io.welno.console.session.SessionStatus;
import javafx.scene.control.Label;

/** Status labels and their colour classes (defined in the theme stylesheets). */
final class StatusChips {

    private StatusChips() {
    }

    static String styleClass(SessionStatus status) {
        if (status.isMissing()) {
            return "chip-missing";
        }
        if (!status.isKnown()) {
            return "chip-unknown";
        }
        return "chip-" + status.wire().replace('_', '-');
    }

    static String text(I18n i18n, SessionStatus status) {
        if (status.isMissing()) {
            return i18n.get("status.missing");
        }
        if (!status.isKnown()) {
            return status.wire();
        }
        return i18n.get("status." + status.wire());
    }

    static Label chip(I18n i18n, SessionStatus status) {
        Label label = new Label(text(i18n, status));
        label.getStyleClass().addAll("chip", styleClass(status));
        return label;
    }

    static void apply(Label label, I18n i18n, SessionStatus status) {
        label.setText(text(i18n, status));
        label.getStyleClass().removeIf(c -> c.startsWith("chip-"));
        if (!label.getStyleClass().contains("chip")) {
            label.getStyleClass().add("chip");
        }
        label.getStyleClass().add(styleClass(status));
    }
}
