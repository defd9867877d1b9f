package io.welno.console.cli;

import io.welno.console.app.ConsoleLogConfigurator;
import io.welno.console.app.JavaLogging;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point. Without a subcommand it opens the console window (on the embedded demo when no connection
 * profile exists); with one it runs that command. It is deliberately not a JavaFX Application subclass so
 * the shaded jar starts on a plain classpath.
 */
@Command(name = Main.NAME, mixinStandardHelpOptions = true, version = Main.VERSION, description = Main.DESCRIPTION,
        subcommands = {ListCommand.class, ShowCommand.class, io.welno.console.cli.TilkoSimCommand.class, WatchCommand.class,
                SimpleAuthCommand.class, CompleteCommand.class, CollectCommand.class, ResetCommand.class, AuditCommand.class, BenchCommand.class})
public final class Main implements Callable<Integer> {

    static final String SMOKE_TEST = "--smoke-test";
    static final String NAME = "welno-console";
    static final String VERSION = "WELNO Session Console 0.1.0";
    static final String DESCRIPTION = "Watch and repair the WELNO backend's Tilko simple-auth sessions in Redis.";
    static final String VERBOSE = "Also log what the console does (INFO lines on standard error); without it only "
            + "warnings and errors are logged (WELNO_LOG_LEVEL, when set, decides instead)";

    @Option(names = SMOKE_TEST, description = "Open the window on the demo, wait for the first sessions, exit 0")
    boolean smokeTest;

    /** On every command: its log beside its output (ConsoleLogConfigurator.forCommand). */
    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = VERBOSE)
    boolean verbose;

    @Override
    public Integer call() {
        return GuiLauncher.launch(smokeTest);
    }

    public static void main(String[] args) {
        UncaughtExceptions.install();
        // The window blocks in launch() until it closes, so exiting afterwards is right for both modes.
        if (opensTheWindow(args)) {
            // Picocli's model of every subcommand took 0.28 s of a 2.7 s start (budget P5, docs/architecture.md); the window needs none.
            System.exit(GuiLauncher.launch(args.length == 1));
        }
        // the window does this on its start-up thread, where it overlaps the toolkit's start (docs/BENCHMARKS.md, P5)
        JavaLogging.install();
        CommandLine cli = commandLine(args);
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        cli.setExecutionStrategy(parsed -> {
            ConsoleLogConfigurator.forCommand(verbose(parsed));
            return run.execute(parsed);
        });
        System.exit(cli.execute(args));
    }

    /** Whether {@code -v} was given, before or after the command's name. */
    static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult at = parsed; at != null; at = at.subcommand()) {
            if (at.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The command line for these arguments: when they start with a subcommand's name, a root that has only that
     * subcommand (picocli builds the model of every subcommand it is given, 0.12 s for all of them of the 0.5 s a
     * short command takes; docs/BENCHMARKS.md, P1-CLI), else the whole {@link #commandLine()}.
     */
    static CommandLine commandLine(String[] args) {
        Class<?> only = args.length == 0 ? null : subcommand(args[0]);
        if (only == null) {
            return commandLine();
        }
        CommandLine cli = new CommandLine(new OneCommand());
        cli.addSubcommand(new CommandLine(only));
        return configure(cli);
    }

    /** The subcommand class of that name (read from the annotations alone), or null. */
    static Class<?> subcommand(String name) {
        for (Class<?> type : Main.class.getAnnotation(Command.class).subcommands()) {
            Command command = type.getAnnotation(Command.class);
            if (command != null && (command.name().equals(name) || java.util.Arrays.asList(command.aliases()).contains(name))) {
                return type;
            }
        }
        return null;
    }

    /** The root of a run of one subcommand: Main's name, version and description without its subcommands. */
    @Command(name = NAME, mixinStandardHelpOptions = true, version = VERSION, description = DESCRIPTION)
    static final class OneCommand implements Callable<Integer> {
        @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
                description = VERBOSE)
        boolean verbose;

        @Override
        public Integer call() {
            return ExitCode.DONE.code();
        }
    }

    /**
     * The command line as it runs: bad input and failures handled once for every command
     * ({@link CommandFailures}), and the exit-status table ({@link ExitCode}) at the end of every {@code --help}.
     */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /** The whole command line reading {@code clock} for "now" ({@link ConnectionOptions#clock}): for tests. */
    public static CommandLine commandLine(Clock clock) {
        return configure(new CommandLine(new Main(), new ClockFactory(clock)));
    }

    /** Makes every command's connection options with the given clock, everything else as picocli does. */
    private record ClockFactory(Clock clock) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RedisOptions.class) {
                return type.cast(new RedisOptions(clock));
            }
            return type == StreamOptions.class ? type.cast(new StreamOptions(clock))
                    : CommandLine.defaultFactory().create(type);
        }
    }

    private static CommandLine configure(CommandLine cli) {
        CommandFailures failures = new CommandFailures();
        cli.setParameterExceptionHandler(failures);
        cli.setExecutionExceptionHandler(failures);
        addVersionAndExitCodes(cli);
        return cli;
    }

    /**
     * The exit-status table on every command, and the version on every subcommand: each offers {@code -V} (the
     * standard help options), which printed an empty line where no version was given.
     */
    private static void addVersionAndExitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n")
                .exitCodeList(ExitCode.helpTable());
        if (command.getCommandSpec().version().length == 0) {
            command.getCommandSpec().version(VERSION);
        }
        command.getSubcommands().values().forEach(Main::addVersionAndExitCodes);
    }

    /** Whether the arguments ask for the window and nothing else (no subcommand, no --help or --version). */
    static boolean opensTheWindow(String[] args) {
        return args.length == 0 || (args.length == 1 && args[0].equals(SMOKE_TEST));
    }
}
