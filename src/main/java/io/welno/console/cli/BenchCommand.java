package io.welno.console.cli;

import io.welno.console.bench.BenchRunner;
import io.welno.console.bench.StartupTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the performance budgets P1–P5 (docs/architecture.md) in one run and write docs/BENCHMARKS.md. "
                + "Starts its own Redis unless --redis is given.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--sessions", paramLabel = "N", defaultValue = "100000", description = "Backend-shaped sessions (default: ${DEFAULT-VALUE})")
    int sessions;

    @Option(names = "--noise", paramLabel = "M", defaultValue = "1000000", description = "Unrelated keys beside them (default: ${DEFAULT-VALUE})")
    int noise;

    @Option(names = "--redis", paramLabel = "URL", description = "Benchmark this Redis instead of starting one; its database must be empty (FLUSHDB at the end)")
    String redis;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "Measured P1 rounds after the warm-up (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--rates", paramLabel = "RATES", defaultValue = "1000,10000", description = "P2 write rates per second (default: ${DEFAULT-VALUE})")
    String rates;

    @Option(names = "--rate-seconds", paramLabel = "SECONDS", defaultValue = "15", description = "How long each P2 rate is held (default: ${DEFAULT-VALUE})")
    int rateSeconds;

    @Option(names = "--writers", paramLabel = "N", defaultValue = "32", description = "P3 writer threads (default: ${DEFAULT-VALUE})")
    int writers;

    @Option(names = "--updates", paramLabel = "N", defaultValue = "1000", description = "P3 updates per writer (default: ${DEFAULT-VALUE})")
    int updates;

    @Option(names = "--hot-keys", paramLabel = "N", defaultValue = "8", description = "P3 hot sessions the writers share (default: ${DEFAULT-VALUE})")
    int hotKeys;

    @Option(names = "--churn-minutes", paramLabel = "MINUTES", defaultValue = "10", description = "P4 churn duration in minutes, e.g. 0.5 (default: ${DEFAULT-VALUE})")
    double churnMinutes;

    @Option(names = "--churn-rate", paramLabel = "RATE", defaultValue = "500", description = "P4 backend writes per second during the churn (default: ${DEFAULT-VALUE})")
    int churnRate;

    @Option(names = "--jar", paramLabel = "FILE", description = "The runnable jar for P5 (default: the jar this command runs from)")
    Path jar;

    @Option(names = "--launcher", paramLabel = "FILE",
            description = "P5 with this native launcher instead of java -jar: an app image's bin/welno-console "
                    + "(mvn -Pinstaller -DskipTests -Dinstaller.types=app-image package makes target/installer/welno-console)")
    Path launcher;

    @Option(names = "--skip-startup", description = "Leave out P5")
    boolean skipStartup;

    @Option(names = "--skip-fx", description = "Leave out P2 FX (the window's FX thread per frame; needs a display)")
    boolean skipFx;

    @Option(names = "--note", paramLabel = "TEXT", description = "A line for the report's notes, e.g. what was measured (repeatable)")
    java.util.List<String> notes = new java.util.ArrayList<>();

    @Option(names = "--only", paramLabel = "PARTS", split = ",",
            description = "Run only these parts: p1, cli, fx, p2, p3, p4, p5 (comma-separated; default: all)")
    java.util.Set<String> only = new java.util.LinkedHashSet<>();

    @Option(names = "--this-jvm",
            description = "Measure in this JVM as it was started, instead of in one with the console's memory options")
    boolean thisJvm;

    @Option(names = "--jvm-option", paramLabel = "OPTION",
            description = "One more option for the bench's JVM, after the console's (repeatable), e.g. --jvm-option=-XX:MaxGCPauseMillis=50 to try a collector setting")
    java.util.List<String> jvmOptions = new java.util.ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "docs/BENCHMARKS.md", description = "Markdown report, '-' for none (default: ${DEFAULT-VALUE})")
    String report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (sessions < 1 || noise < 0 || rounds < 1 || rateSeconds < 1 || writers < 1 || updates < 1 || hotKeys < 1
                || churnMinutes <= 0 || churnRate < 1) {
            spec.commandLine().getErr().println("Every count must be positive (noise may be 0).");
            return 2;
        }
        if (!io.welno.console.bench.BenchSettings.PARTS.containsAll(only)) {
            spec.commandLine().getErr().println("--only takes " + String.join(",", io.welno.console.bench.BenchSettings.PARTS));
            return 2;
        }
        if (!thisJvm && !BenchJvm.isRelaunched()) {
            return BenchJvm.relaunch(jvmOptions, spec.commandLine().getParseResult().originalArgs(),
                    spec.commandLine().getErr());
        }
        StartupTarget p5 = skipStartup ? null : startupTarget();
        StringBuilder command = new StringBuilder("welno-console");
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            command.append(' ').append(arg.contains("://") ? "URL" : arg);
        }
        return BenchRunner.run(new io.welno.console.bench.BenchSettings(sessions, noise, redis, rounds,
                parseRates(), rateSeconds, writers, updates, hotKeys, churnMinutes, churnRate, p5, !skipFx,
                "-".equals(report) ? null : Path.of(report), command.toString(), notes, only), System.out);
    }

    private StartupTarget startupTarget() {
        if (launcher != null) {
            return StartupTarget.launcher(launcher);
        }
        Path runnable = jar != null ? jar : ownJar();
        return runnable == null ? null : StartupTarget.jar(runnable);
    }

    private int[] parseRates() {
        return java.util.Arrays.stream(rates.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
    }

    private static Path ownJar() {
        try {
            Path location = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar") ? location : null;
        } catch (Exception e) {
            return null;
        }
    }
}
