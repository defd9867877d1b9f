package io.welno.console.app;

import io.welno.console.hostile.Hostile;

/**
 * A JVM as the window starts it, up to its first java.util.logging record: the window's launching thread asks for the
 * bridge on first use, then a record comes before anything else touched java.util.logging (JavaFX's launcher warns at
 * once). Started by {@link JavaLoggingTest}.
 */
public final class JavaLoggingProbe {

    private JavaLoggingProbe() {
    }

    public static void main(String[] args) {
        JavaLogging.installOnFirstUse();
        // what JavaFX says at every start of the one-file jar, then another of its warnings
        java.util.logging.Logger.getLogger("javafx").warning(
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'");
        java.util.logging.Logger.getLogger("javafx").warning("ERR " + Hostile.CLEAR_SCREEN + Hostile.FORGED_ROW);
    }
}
