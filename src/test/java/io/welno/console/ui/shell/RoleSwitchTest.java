package io.welno.console.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.flow.Role;
import io.welno.console.testing.FxState;
import io.welno.console.ui.common.I18n;
import java.util.Locale;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The demo's role box to a screen reader: named by the label beside it and reading its name and role in the window's
 * language, not an unnamed box saying the role's constant.
 */
@ExtendWith(ApplicationExtension.class)
class RoleSwitchTest {

    @Test
    void theRoleBoxIsNamedByItsLabelInTheWindowsLanguage() throws Exception {
        I18n i18n = new I18n(I18n.KOREAN);
        RoleSwitch box = FxState.read(() -> new RoleSwitch(i18n, Role.OPERATOR, role -> { }));
        @SuppressWarnings("unchecked")
        ComboBox<Role> roles = (ComboBox<Role>) box.lookup("#roleSwitch");
        Label label = (Label) box.getChildren().get(0);
        FxState.check(() -> {
            assertEquals(roles, label.getLabelFor(), "the label names the box");
            assertEquals(label, roles.queryAccessibleAttribute(AccessibleAttribute.LABELED_BY));
            assertEquals("역할: 운영자", roles.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        });
        FxState.check(() -> {
            box.show(Role.DEVELOPER);
            i18n.setLocale(Locale.ENGLISH);
        });
        FxState.check(() -> assertEquals("Role: developer", roles.queryAccessibleAttribute(AccessibleAttribute.TEXT)));
    }
}
