package io.welno.console.cli;

import io.welno.console.text.SafeText;
import java.util.Locale;

/**
 * Why the window could not open, in one sentence for the terminal it was started from: JavaFX reports a machine
 * without a display or without GTK 3 (Linux) as an exception from deep inside its toolkit, which a newcomer would
 * otherwise meet as a stack trace. The cause is read from JavaFX's own messages ("Unable to open DISPLAY", "Unable to
 * load glass GTK library"); anything else is quoted, bounded and escaped.
 */
enum WindowStartFailure {

    NO_DISPLAY("The window cannot open: there is no display (DISPLAY is not set, or its X server cannot be reached). "
            + "Start it on a desktop, or under xvfb-run on a machine without one; the commands work without a "
            + "display (welno-console --help)."),
    NO_GTK("The window cannot open: JavaFX needs GTK 3, which is not installed (Debian/Ubuntu: sudo apt-get install "
            + "libgtk-3-0; Fedora: sudo dnf install gtk3). The commands work without it (welno-console --help)."),
    OTHER("The window could not start: %s");

    private final String sentence;

    WindowStartFailure(String sentence) {
        this.sentence = sentence;
    }

    static WindowStartFailure of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("unable to open display")) {
                return NO_DISPLAY;
            }
            if (message.contains("gtk library") || message.contains("gtk 3")) {
                return NO_GTK;
            }
        }
        return OTHER;
    }

    /** The sentence for {@code error}, which must be the error this failure was read from. */
    static String sentence(Throwable error) {
        WindowStartFailure failure = of(error);
        return failure == OTHER ? String.format(Locale.ROOT, OTHER.sentence, innermost(error)) : failure.sentence;
    }

    private static String innermost(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return SafeText.bounded(root.getClass().getSimpleName() + (message == null ? "" : ": " + message),
                SafeText.TEXT);
    }
}
