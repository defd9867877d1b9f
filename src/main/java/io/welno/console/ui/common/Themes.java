package io.welno.console.ui.common;

import javafx.scene.Scene;

/** Light and dark stylesheets, switchable at runtime by swapping the colour sheet. */
public enum Themes {
    LIGHT("console-light.css"), DARK("console-dark.css");

    private final String sheet;

    Themes(String sheet) {
        this.sheet = sheet;
    }

    /** {@code WELNO_THEME=dark|light}, else the theme chosen in the settings menu, else light. */
    public static Themes fromSystem() {
        String forced = System.getenv("WELNO_THEME");
        if ("dark".equalsIgnoreCase(forced)) {
            return DARK;
        }
        if ("light".equalsIgnoreCase(forced)) {
            return LIGHT;
        }
        return UiPreferences.user().theme().orElse(LIGHT);
    }

    public void applyTo(Scene scene) {
        scene.getStylesheets().setAll(url(sheet), url("console.css"));
    }

    /** The theme whose colour sheet {@code scene} uses (light when it has none of ours). */
    public static Themes of(Scene scene) {
        String dark = url(DARK.sheet);
        return scene != null && scene.getStylesheets().contains(dark) ? DARK : LIGHT;
    }

    public String sheet() {
        return sheet;
    }

    private static String url(String name) {
        return Themes.class.getResource(name).toExternalForm();
    }
}
