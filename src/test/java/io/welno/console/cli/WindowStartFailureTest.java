package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.hostile.Hostile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A window that cannot open says why in one sentence on the terminal it was started from — no display, no GTK 3 —
 * instead of JavaFX's stack trace, and exits 1.
 */
class WindowStartFailureTest {

    /** JavaFX's own messages, as its GTK toolkit throws them (the launcher may wrap them). */
    @Test
    void javaFxsMessagesAreReadAsTheirCause() {
        assertEquals(WindowStartFailure.NO_DISPLAY,
                WindowStartFailure.of(new UnsupportedOperationException("Unable to open DISPLAY")));
        assertEquals(WindowStartFailure.NO_DISPLAY, WindowStartFailure.of(new RuntimeException(
                "Exception in Application start method", new UnsupportedOperationException("Unable to open DISPLAY"))));
        assertEquals(WindowStartFailure.NO_GTK,
                WindowStartFailure.of(new UnsupportedOperationException("Unable to load glass GTK library.")));
        assertTrue(WindowStartFailure.sentence(new UnsupportedOperationException("Unable to load glass GTK library."))
                .contains("sudo apt-get install libgtk-3-0"));
    }

    @Test
    void anyOtherCauseIsQuotedEscaped() {
        String said = WindowStartFailure.sentence(new RuntimeException("start",
                new IllegalStateException("prism " + Hostile.CLEAR_SCREEN + Hostile.FORGED_ROW)));
        Hostile.assertNothingRaw(said, "the sentence");
        assertTrue(said.startsWith("The window could not start: IllegalStateException: prism \\u001b[2J"), said);
    }

    /** The real start on a Linux machine without a display: whether GTK 3 is there or not, a sentence and exit 1. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aMachineWithoutADisplayGetsASentenceNotAStackTrace() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process window = builder.start();
        window.getOutputStream().close();
        String stderr = new String(window.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(window.waitFor(2, TimeUnit.MINUTES), "the start gives up");
        String stdout = new String(window.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, window.exitValue(), stderr + stdout);
        assertTrue(stderr.contains("The window cannot open: "), stderr);
        assertFalse(stderr.contains("\tat ") || stdout.contains("\tat "), "no stack trace: " + stderr + stdout);
        assertFalse(stderr.contains("Unsupported JavaFX configuration"), stderr);
    }
}
