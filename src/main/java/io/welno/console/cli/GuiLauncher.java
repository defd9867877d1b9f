package io.welno.console.cli;

/** Starts the JavaFX window; isolated so subcommands never load JavaFX classes. */
final class GuiLauncher {

    private GuiLauncher() {
    }

    static int launch(boolean smokeTest) {
        return io.welno.console.ui.shell.ConsoleApp.launchApp(smokeTest);
    }
}
