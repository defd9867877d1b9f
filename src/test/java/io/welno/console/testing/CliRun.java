package io.welno.console.testing;

import io.welno.console.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import picocli.CommandLine;

/** One run of the command line in this process, as {@code main} runs it: its exit status and what it printed. */
public record CliRun(int exit, String out, String err) {

    public static CliRun of(String... args) {
        return run(Main.commandLine(), args);
    }

    /** A run whose commands read {@code clock} for "now". */
    public static CliRun at(Clock clock, String... args) {
        return run(Main.commandLine(clock), args);
    }

    /** The command started on a thread of its own, as {@code watch} runs until Ctrl-C: see {@link RunningCli}. */
    public static RunningCli start(String... args) {
        return new RunningCli(Main.commandLine(), args);
    }

    /** As {@link #start}, its commands reading {@code clock} for "now". */
    public static RunningCli startAt(Clock clock, String... args) {
        return new RunningCli(Main.commandLine(clock), args);
    }

    private static CliRun run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    public String all() {
        return out + err;
    }
}
