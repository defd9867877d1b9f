package io.welno.console.cli;

import io.welno.console.bench.ConsoleJvmOptions;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the bench in a JVM started with the console's memory options (packaging/jpackage/app.txt; the app image's
 * launcher gives them to the window and to {@code bench}). P1, P2 and P4 measure the window's loader and feed, and
 * young-generation pauses move them more than anything else: with a plain {@code java -jar} (a quarter of the machine's
 * memory as heap, G1's 200 ms pause goal) a 6 GB heap let the collector copy seconds' worth of surviving rows in one
 * pause, which the window, with 1 GB, never sees (docs/BENCHMARKS.md).
 */
final class BenchJvm {

    private BenchJvm() {
    }

    /** Set in the JVM the bench starts, so it does not start another. */
    private static final String RELAUNCHED = "-Dwelno.bench.relaunched=true";

    /** Whether this is the JVM {@link #relaunch} started. */
    static boolean isRelaunched() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains(RELAUNCHED);
    }

    /**
     * Runs the same command line (which names {@code bench}) in a new JVM with the console's options, then the extra
     * ones; its exit status. Also from the app image's launcher, which gives {@code bench} the console's options but
     * a class-data archive and log settings of its own: the JVM measured is then the same whichever way it started.
     */
    static int relaunch(List<String> extraOptions, List<String> args, PrintWriter err) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ConsoleJvmOptions.OPTIONS);
        command.addAll(extraOptions);
        command.add(RELAUNCHED);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process bench;
        try {
            bench = new ProcessBuilder(command).inheritIO().start();
        } catch (java.io.IOException e) {
            err.println("Could not start the bench's JVM (" + io.welno.console.text.SafeText.bounded(
                    String.valueOf(e.getMessage()), io.welno.console.text.SafeText.TEXT) + "); run it with --this-jvm");
            return 1;
        }
        Thread stop = new Thread(bench::destroy, "bench-jvm-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return bench.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            bench.destroy();
            return 130;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it stops the bench.
            }
        }
    }
}
