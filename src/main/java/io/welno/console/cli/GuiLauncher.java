package io.welno.console.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/** Starts the JavaFX window; isolated so subcommands never load JavaFX classes. */
final class GuiLauncher {

    private GuiLauncher() {
    }

    /**
     * @return the window's exit status; {@link ExitCode#FAILED} with one sentence on stderr when it could not open
     *         (no display, no GTK 3), where JavaFX would have left a stack trace
     */
    static int launch(boolean smokeTest) {
        try {
            return io.welno.console.ui.shell.ConsoleApp.launchApp(smokeTest);
        } catch (RuntimeException e) {
            // the trace is for a developer who turns on debug logging, not for the terminal the window was started from
            LoggerFactory.getLogger(GuiLauncher.class).debug("The window could not start", e);
            new PrintStream(System.err, true, StandardCharsets.UTF_8).println(WindowStartFailure.sentence(e));
            return ExitCode.FAILED.code();
        }
    }
}
