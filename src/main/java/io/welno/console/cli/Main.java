package io.welno.console.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point. Without a subcommand it opens the console window (on the embedded demo when no connection
 * profile exists); with one it runs that command. It is deliberately not a JavaFX Application subclass so
 * the shaded jar starts on a plain classpath.
 */
@Command(name = "welno-console", mixinStandardHelpOptions = true, version = "WELNO Session Console 0.1.0",
        description = "Watch and repair the WELNO backend's Tilko simple-auth sessions in Redis.",
        subcommands = {ListCommand.class, ShowCommand.class, io.welno.console.cli.TilkoSimCommand.class, WatchCommand.class,
                SimpleAuthCommand.class, CompleteCommand.class, CollectCommand.class, ResetCommand.class, AuditCommand.class, BenchCommand.class})
public final class Main implements Callable<Integer> {

    static final String SMOKE_TEST = "--smoke-test";

    @Option(names = SMOKE_TEST, description = "Open the window on the demo, wait for the first sessions, exit 0")
    boolean smokeTest;

    @Override
    public Integer call() {
        return GuiLauncher.launch(smokeTest);
    }

    public static void main(String[] args) {
        // The window blocks in launch() until it closes, so exiting afterwards is right for both modes.
        if (opensTheWindow(args)) {
            // Picocli's model of every subcommand took 0.28 s of a 2.7 s start (product.md P5); the window needs none.
            System.exit(GuiLauncher.launch(args.length == 1));
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line as it runs: bad input and failures handled once for every command
     * ({@link CommandFailures}), and the exit-status table ({@link ExitCode}) at the end of every {@code --help}.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        CommandFailures failures = new CommandFailures();
        cli.setParameterExceptionHandler(failures);
        cli.setExecutionExceptionHandler(failures);
        addExitCodes(cli);
        return cli;
    }

    private static void addExitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n")
                .exitCodeList(ExitCode.helpTable());
        command.getSubcommands().values().forEach(Main::addExitCodes);
    }

    /** Whether the arguments ask for the window and nothing else (no subcommand, no --help or --version). */
    static boolean opensTheWindow(String[] args) {
        return args.length == 0 || (args.length == 1 && args[0].equals(SMOKE_TEST));
    }
}
