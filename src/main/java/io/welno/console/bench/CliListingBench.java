package io.welno.console.bench;

import io.welno.console.text.SafeText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * P1-CLI: {@code list --json} of every session as a whole process (JVM start included) against the floor started the
 * same way, {@link PlainListing} (SCAN, then MGET in chunks of 500, nothing parsed). The listing is started the way
 * users start it: with the app image's launcher when the bench was given one ({@code --launcher}, which chooses the
 * command's JVM options and class-data sharing archive), else with {@code java -jar}; with a launcher, {@code java
 * -jar} is measured beside it as a reference. One warm-up round, then rounds that alternate them; the medians and
 * their ratios to the floor are reported. The listings' output goes to a file, whose lines are counted afterwards.
 */
final class CliListingBench {

    private static final long TIMEOUT_SECONDS = 600;

    private final Path jar;
    private final Path launcher;
    private final String redisUrl;
    private final int sessions;
    private final int rounds;
    private final BenchReport report;

    /** @param launcher the app image's launcher, or null to measure {@code java -jar} alone */
    CliListingBench(Path jar, Path launcher, String redisUrl, int sessions, int rounds, BenchReport report) {
        this.jar = jar;
        this.launcher = launcher;
        this.redisUrl = redisUrl;
        this.sessions = sessions;
        this.rounds = rounds;
        this.report = report;
    }

    void run() throws IOException, InterruptedException {
        if (jar == null) {
            report.note("P1-CLI was not measured: the bench does not run from the jar (give --jar).");
            report.figure("P1-CLI", "list_json", "not measured", "ms", -1);
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> plain = List.of(java, "-cp", jar.toString(), PlainListing.class.getName(), redisUrl);
        List<String> byJar = List.of(java, "-jar", jar.toString(), "list", "--json", "--redis", redisUrl);
        List<String> byLauncher = launcher == null ? null
                : List.of(launcher.toString(), "list", "--json", "--redis", redisUrl);
        List<Long> plainMs = new ArrayList<>();
        List<Long> jarMs = new ArrayList<>();
        List<Long> launcherMs = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            long[] p = time(plain, false);
            long[] j = time(byJar, true);
            long[] l = byLauncher == null ? null : time(byLauncher, true);
            check(p, j, l);
            report.info("P1-CLI " + (round == 0 ? "warm-up" : "round " + round) + ": plain Jedis process " + p[0]
                    + " ms, java -jar list --json " + j[0] + " ms"
                    + (l == null ? "" : ", launcher list --json " + l[0] + " ms"));
            if (round > 0) {
                plainMs.add(p[0]);
                jarMs.add(j[0]);
                if (l != null) {
                    launcherMs.add(l[0]);
                }
            }
        }
        long floor = BenchRunner.median(plainMs);
        if (launcher != null) {
            long listed = BenchRunner.median(launcherMs);
            double ratio = listed / (double) floor;
            report.figure("P1-CLI", "list_json", (ratio <= 1.5 ? "met" : "NOT met")
                            + " (≤ 1.5× the plain process; the app image's launcher, as installed)",
                    "ms", listed, "floor_ms", floor, "ratio", ratio, "sessions", sessions, "rounds", rounds,
                    "via", "launcher", "cds", StartupTarget.launcher(launcher).classDataArchive());
        }
        long listed = BenchRunner.median(jarMs);
        double ratio = listed / (double) floor;
        report.figure("P1-CLI", launcher == null ? "list_json" : "jar", launcher == null
                        ? (ratio <= 1.5 ? "met" : "NOT met") + " (≤ 1.5× the plain process; java -jar, default JVM options)"
                        : "reference (java -jar, default JVM options)",
                "ms", listed, "floor_ms", floor, "ratio", ratio, "sessions", sessions, "rounds", rounds, "via", "jar");
    }

    private void check(long[] plain, long[] jar, long[] launched) {
        if (plain[1] != sessions || jar[1] != sessions || (launched != null && launched[1] != sessions)) {
            report.note("A P1-CLI round listed " + jar[1] + " sessions with java -jar list --json"
                    + (launched == null ? "" : ", " + launched[1] + " with the launcher") + " and " + plain[1]
                    + " with the floor, expected " + sessions + ".");
        }
    }

    /** A command as the report may show it: its last argument, the Redis URL, may hold a password. */
    static String shown(List<String> command) {
        return String.join(" ", command.subList(0, command.size() - 1)) + " URL";
    }

    /** @return {ms from start to exit, sessions listed} */
    private long[] time(List<String> command, boolean linesOut) throws IOException, InterruptedException {
        Path out = Files.createTempFile("welno-bench-cli", ".out");
        Path err = Files.createTempFile("welno-bench-cli", ".err");
        try {
            long t0 = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(shown(command) + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (process.exitValue() != 0) {
                report.note("P1-CLI: `" + shown(command) + "` exited " + process.exitValue() + ": " + SafeText.bounded(
                        String.join(" | ", Files.readString(err, StandardCharsets.UTF_8).lines().limit(3).toList()),
                        SafeText.TEXT));
            }
            return new long[] {ms, linesOut ? lines(out) : Long.parseLong(Files.readString(out).trim())};
        } catch (NumberFormatException e) {
            return new long[] {-1, -1};
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static long lines(Path file) throws IOException {
        long count = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
