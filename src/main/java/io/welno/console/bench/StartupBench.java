package io.welno.console.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * P5: spawns the real jar with {@code --smoke-test} (a window on the embedded demo that exits 0 once rows render)
 * and times, from the process start, the first JavaFX pulse that painted (JavaFX's own pulse logger) and the
 * "Smoke test passed" line. Needs a display (see {@link Display}).
 */
final class StartupBench {

    static final int RUNS = 3;
    /** P5: the first frame within 2.0 s of the launcher's start (docs/BENCHMARKS.md). */
    static final long BUDGET_MS = 2000;
    private static final long TIMEOUT_SECONDS = 120;

    private final StartupTarget target;
    private final BenchReport report;

    StartupBench(StartupTarget target, BenchReport report) {
        this.target = target;
        this.report = report;
    }

    void run() throws IOException, InterruptedException {
        try (Display display = Display.open()) {
            if (display == null) {
                report.note("P5 was not measured: no DISPLAY and no Xvfb on PATH (run the bench under xvfb-run).");
                report.figure("P5", "startup", "skipped: no display", "first_frame_ms", -1, "rows_ms", -1);
                return;
            }
            String archive = target.classDataArchive();
            if (archive.equals("no")) {
                report.note("P5 was measured with a launcher whose runtime has no class-data archive: its build had no "
                        + "display and no xvfb-run, or was made with -Dinstaller.cds=false (packaging/README.md, "
                        + "\"Start-up\"), so every start loads, parses and verifies the runtime's classes itself.");
            }
            // A launcher makes the user's class-data sharing archive at its first start (packaging/README.md); that
            // start is not counted, as it is not how the window starts from then on. Its first frame is reported.
            long first = -1;
            if (target.nativeLauncher()) {
                first = once(display.name())[0];
                report.info("P5 first start (not counted; makes the launcher's archive if it was not there): first frame "
                        + first + " ms");
            }
            List<Long> frames = new ArrayList<>();
            List<Long> rows = new ArrayList<>();
            for (int run = 1; run <= RUNS; run++) {
                long[] r = once(display.name());
                report.info("P5 run " + run + ": first frame " + r[0] + " ms, rows rendered " + r[1] + " ms");
                if (r[0] >= 0) {
                    frames.add(r[0]);
                }
                if (r[1] >= 0) {
                    rows.add(r[1]);
                }
            }
            long frame = frames.isEmpty() ? -1 : BenchRunner.median(frames);
            long row = rows.isEmpty() ? -1 : BenchRunner.median(rows);
            report.figure("P5", "startup", frame < 0 ? "not measured"
                            : (frame < BUDGET_MS ? "met" : "NOT met") + " (window < 2.0 s; measured with "
                            + (target.nativeLauncher() ? "the app-image launcher)" : "java -jar, not the app-image launcher)"),
                    "first_frame_ms", frame, "rows_ms", row,
                    "runs", RUNS, "first_frames", BenchRunner.each(frames), "uncounted_first_start_ms", first,
                    "display", display.kind(), "cds", archive);
        }
    }

    /** @return {ms to the first painting pulse, ms to "Smoke test passed"}; -1 where not seen */
    private long[] once(String display) throws IOException, InterruptedException {
        ProcessBuilder builder = target.process(List.of("-Djavafx.pulseLogger=true", "-Djavafx.pulseLogger.threshold=0"),
                List.of("--smoke-test")).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        long t0 = System.nanoTime();
        Process process = builder.start();
        long frame = -1;
        long rows = -1;
        List<String> tail = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            String line;
            while ((line = in.readLine()) != null) {
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                // The pulse logger prints a pulse when it ends; its "Painting" line means a frame reached the window.
                if (frame < 0 && line.contains("): Painting")) {
                    frame = ms;
                }
                if (rows < 0 && line.contains("Smoke test passed")) {
                    rows = ms;
                }
                if (!line.contains("PULSE:") && !line.startsWith("T") && !line.startsWith("\t") && !line.isBlank()) {
                    tail.add(line);
                    if (tail.size() > 20) {
                        tail.remove(0);
                    }
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
        } finally {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (rows < 0) {
            report.note("A P5 run did not print \"Smoke test passed\" (exit " + process.exitValue() + "); last output: "
                    + String.join(" | ", tail));
        }
        return new long[] {frame, rows};
    }
}
