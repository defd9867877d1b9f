package io.welno.console.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * A command of the command line running on a thread of its own until interrupted, as {@code watch} runs until Ctrl-C
 * ends it ({@link CliRun#start}). What it printed so far can be read while its feed thread still writes; its exit
 * status once {@link #stop} has ended it.
 */
public final class RunningCli {

    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final AtomicInteger exit = new AtomicInteger(-1);
    private final Thread thread;

    RunningCli(CommandLine cli, String... args) {
        cli.setOut(new PrintWriter(into(out), true));
        cli.setErr(new PrintWriter(into(err), true));
        thread = new Thread(() -> exit.set(cli.execute(args)), "cli-under-test");
        thread.start();
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }

    public String all() {
        return out() + err();
    }

    /** Waits until what it printed on standard output so far satisfies {@code printed}. */
    public void await(String description, Predicate<String> printed) {
        await(description, Await.EVENTUALLY, printed);
    }

    public void await(String description, Duration timeout, Predicate<String> printed) {
        Await.until(description, timeout, () -> printed.test(out()));
    }

    /** Waits for a whole line (its end printed too) of its standard output that satisfies {@code line}; returns it. */
    public String awaitLine(String description, Predicate<String> line) {
        await(description, printed -> firstLine(printed, line).isPresent());
        return firstLine(out(), line).orElseThrow();
    }

    private static Optional<String> firstLine(String printed, Predicate<String> line) {
        return printed.substring(0, printed.lastIndexOf('\n') + 1).lines().filter(line).findFirst();
    }

    /** Interrupts it, as Ctrl-C does, and gives it a while to end. For a {@code finally}: it never fails the test. */
    public void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
    }

    /** Its exit status, once {@link #stop} has ended it: a command still running fails the test. */
    public int exit() {
        assertFalse(thread.isAlive(), "the command ends when interrupted");
        return exit.get();
    }

    /** A writer into {@code buffer}, which the command's thread appends to while the test reads it. */
    private static Writer into(StringBuffer buffer) {
        return new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                buffer.append(chars, offset, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
