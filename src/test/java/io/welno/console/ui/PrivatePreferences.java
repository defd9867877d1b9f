package io.welno.console.ui;

import io.welno.console.ui.common.UiPreferences;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The window's preferences in a node of the test class's own, removed afterwards: the settings a test chooses
 * are neither the user's nor another test's.
 */
final class PrivatePreferences implements BeforeAllCallback, AfterAllCallback {

    private final String node;

    PrivatePreferences(String name) {
        this.node = "io/welno/console-" + name + "-" + ProcessHandle.current().pid();
    }

    Preferences node() {
        return Preferences.userRoot().node(node);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty(UiPreferences.NODE_PROPERTY, node);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        node().removeNode();
        System.clearProperty(UiPreferences.NODE_PROPERTY);
    }
}
