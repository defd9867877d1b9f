package io.welno.console.layerfixture.session;

import javafx.scene.control.Label;

/** Breaks the layers on purpose: JavaFX outside ui (ArchitectureTest's negative case). */
public final class UsesJavaFx {

    private UsesJavaFx() {
    }

    public static Label label() {
        return new Label("not here");
    }
}
