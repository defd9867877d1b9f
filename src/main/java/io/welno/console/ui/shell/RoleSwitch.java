package io.welno.console.ui.shell;

import io.welno.console.flow.Role;
import io.welno.console.ui.common.FieldNames;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.Wording;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The demo's role box: a newcomer tries what a viewer, an operator and a developer may do. Never on a real connection. */
final class RoleSwitch extends HBox {

    private final ComboBox<Role> roles = new ComboBox<>(FXCollections.observableArrayList(Role.values()));
    /** Set while the box only shows a role switched elsewhere, so it does not switch again. */
    private boolean showing;

    RoleSwitch(I18n i18n, Role current, Consumer<Role> onSwitch) {
        super(6);
        setId("roleSwitchBox");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new javafx.geometry.Insets(0, 8, 0, 8));
        Label label = new Label();
        label.textProperty().bind(i18n.text("role.switch"));
        roles.setId("roleSwitch");
        roles.setCellFactory(list -> cell(i18n));
        roles.setButtonCell(cell(i18n));
        // the cells say the role in the window's language; a new language needs new ones
        i18n.localeProperty().addListener((o, a, b) -> {
            roles.setCellFactory(list -> cell(i18n));
            roles.setButtonCell(cell(i18n));
        });
        roles.setValue(current);
        // A screen reader heard an unnamed box reading the role's constant ("OPERATOR") in either language: the
        // label names the box, and the box says its name and its role in the window's words
        label.setLabelFor(roles);
        FieldNames.name(roles, i18n, "role.switch", role -> role == null ? "" : Wording.window(i18n).role(role));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.text("role.switch.tip"));
        roles.setTooltip(tip);
        label.setTooltip(tip);
        roles.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != was && !showing) {
                onSwitch.accept(now);
            }
        });
        getChildren().addAll(label, roles);
    }

    /** Shows {@code role}, switched by other means (the window's own API), without switching again. */
    void show(Role role) {
        showing = true;
        try {
            roles.setValue(role);
        } finally {
            showing = false;
        }
    }

    private static ListCell<Role> cell(I18n i18n) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Role role, boolean empty) {
                super.updateItem(role, empty);
                setText(empty || role == null ? null : Wording.window(i18n).role(role));
            }
        };
    }
}
