package io.welno.console.ui;

import javafx.scene.Scene;

/** Light and dark stylesheets, switchable at runtime by swapping the colour sheet. */
public enum Themes {
    LIGHT("console-light.css"), DARK("console-dark.css");

    private final String sheet;

    Themes(String sheet) {
        this.sheet = sheet;
    }

    static Themes fromSystem() {
        return "dark".equalsIgnoreCase(System.getenv("WELNO_THEME")) ? DARK : LIGHT;
    }

    public void applyTo(Scene scene) {
        scene.getStylesheets().setAll(url(sheet), url("console.css"));
    }

    private static String url(String name) {
        return Themes.class.getResource(name).toExternalForm();
    }
}
