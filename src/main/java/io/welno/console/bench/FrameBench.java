package io.welno.console.bench;

import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisConnections;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;

/**
 * P2 FX: the FX thread's work per frame in the console window holding the N sessions while the backend writes
 * 1,000 times a second. Every write carries a fresh {@code updated_at}, so its row moves to the top of the default
 * order and the visible page changes in each frame that applies a batch. The window runs in a JVM of its own on a
 * display ({@code ui.shell.FrameBenchWindow}, named by {@link #WINDOW_CLASS}, driven over its stdin and stdout), and its {@code PulseProbe} measures each
 * frame from the animation phase (feed batches applied) to the end of CSS and layout: the FX thread's CPU time
 * (the budget: p99 under 16 ms) and the elapsed time (which also counts waits for a core). Afterwards, with every
 * session still loaded, the FX-thread cost of a search, typing on, clearing it and reversing the sort order.
 */
final class FrameBench {

    /**
     * The window it starts, by name: bench sits below ui, so it starts the class without linking to it
     * ({@code FrameBenchTest} checks that the name and the variable still match the window's).
     */
    static final String WINDOW_CLASS = "io.welno.console.ui.shell.FrameBenchWindow";
    /** Where the window reads the Redis URL (it may hold a password, so not on the command line). */
    static final String URL_VARIABLE = "WELNO_BENCH_REDIS_URL";

    static final int RATE = 1_000;
    static final int WARM_UP_SECONDS = 5;
    static final double BUDGET_MS = 16.0;
    private static final Pattern UPDATED_AT = Pattern.compile("\"updated_at\": \"[^\"]*\"");

    private final String redisUrl;
    private final RedisConnectionSettings redis;
    private final boolean mayConfigure;
    private final BenchCorpus corpus;
    private final BenchSettings settings;
    private final BenchReport report;
    private final PacedWrites writes;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    /** The bench's paced writer: {@code total} writes at {@code rate} per second, as {@code source} makes them. */
    interface PacedWrites {
        long write(Jedis writer, int rate, long total, BenchRunner.WriteSource source);
    }

    FrameBench(String redisUrl, RedisConnectionSettings redis, boolean mayConfigure, BenchCorpus corpus,
               BenchSettings settings, BenchReport report, PacedWrites writes) {
        this.redisUrl = redisUrl;
        this.redis = redis;
        this.mayConfigure = mayConfigure;
        this.corpus = corpus;
        this.settings = settings;
        this.report = report;
        this.writes = writes;
    }

    void run() throws IOException, InterruptedException {
        try (Display display = Display.open()) {
            if (display == null) {
                report.note("P2 FX was not measured: no DISPLAY and no Xvfb on PATH (run the bench under xvfb-run).");
                report.figure("P2", "FX", "skipped: no display", "skipped", "no_display");
                return;
            }
            Path log = Files.createTempFile("welno-bench-fx", ".log");
            Process window = start(display, log);
            try {
                measure(window, display);
            } catch (IllegalStateException e) {
                report.note("P2 FX was not measured: " + e.getMessage() + "; the window's log: " + tail(log));
                report.figure("P2", "FX", "not measured", "skipped", "failed");
            } finally {
                window.getOutputStream().close();
                if (!window.waitFor(30, TimeUnit.SECONDS)) {
                    window.destroyForcibly();
                }
                Files.deleteIfExists(log);
            }
        }
    }

    private Process start(Display display, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ConsoleJvmOptions.OPTIONS); // the window as the app image starts it
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WINDOW_CLASS,
                String.valueOf(settings.sessions()), String.valueOf(mayConfigure)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().put("DISPLAY", display.name());
        builder.environment().put(URL_VARIABLE, redisUrl);
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    answers.add(line);
                }
            } catch (IOException e) {
                answers.add("FAILED reading the window: " + e.getMessage());
            }
            answers.add("FAILED the window exited");
        }, "bench-fx-reader");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private void measure(Process window, Display display) throws InterruptedException {
        report.info("P2 FX: the window loads " + settings.sessions() + " sessions");
        String loaded = answer("LOADED", 11 * 60);
        PrintStream commands = new PrintStream(window.getOutputStream(), true, StandardCharsets.UTF_8);
        long warmUp = (long) RATE * WARM_UP_SECONDS;
        long written;
        try (Jedis writer = RedisConnections.openDedicated(redis, "welno-bench-fx-writer")) {
            report.info("P2 FX: " + RATE + " writes/s, " + WARM_UP_SECONDS + " s warm-up, " + settings.rateSeconds()
                    + " s measured");
            write(writer, 0, warmUp);
            // The frames of the first seconds also compile the code they run: measured is the steady state after.
            commands.println("RESET");
            answer("RESET", 60);
            written = write(writer, warmUp, (long) RATE * settings.rateSeconds());
        }
        commands.println("FRAMES");
        Map<String, String> frames = values(answer("FRAMES", 60));
        commands.println("SEARCH");
        Map<String, String> search = values(answer("SEARCH", 5 * 60));
        commands.println("EXIT");
        double p99 = Double.parseDouble(frames.get("cpu_p99_ms"));
        List<Object> figures = new ArrayList<>();
        frames.forEach((k, v) -> {
            figures.add(k);
            figures.add(v);
        });
        figures.addAll(List.of("rate", RATE, "writes", written,
                "sessions", values(loaded).get("rows"), "display", display.kind()));
        report.figure("P2", "FX", (p99 < BUDGET_MS ? "met" : "NOT met")
                + " (FX-thread work per frame p99 < 16 ms at 1,000 writes/s)", figures.toArray());
        List<Object> searchFigures = new ArrayList<>();
        search.forEach((k, v) -> {
            searchFigures.add(k);
            searchFigures.add(v);
        });
        report.figure("P2", "FX-search", "reference (FX-thread CPU per action, median of 5)", searchFigures.toArray());
    }

    /** {@code count} writes at {@link #RATE} per second, each of an existing session with a fresh updated_at. */
    private long write(Jedis writer, long first, long count) {
        return writes.write(writer, RATE, count, n -> {
            // every session once per N writes
            int index = (int) Math.floorMod((first + n) * 7919, (long) settings.sessions());
            String updatedAt = Timestamps.format(LocalDateTime.now(Timestamps.DEFAULT_ZONE));
            return BenchRunner.write(redis.key(BenchCorpus.id(index)), UPDATED_AT.matcher(corpus.document(index))
                    .replaceFirst(Matcher.quoteReplacement("\"updated_at\": \"" + updatedAt + "\"")));
        });
    }

    /** The window's next line, which must start with {@code expected}. */
    private String answer(String expected, long timeoutSeconds) throws InterruptedException {
        String line = answers.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (line == null) {
            throw new IllegalStateException("the window did not answer " + expected + " within " + timeoutSeconds + " s");
        }
        if (!line.startsWith(expected)) {
            throw new IllegalStateException("the window answered \"" + line + "\" instead of " + expected);
        }
        return line;
    }

    /** "WORD k=v k=v" → {k: v, …}. */
    static Map<String, String> values(String line) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : line.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                values.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return values;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
