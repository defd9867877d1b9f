package io.welno.console.ui.shell;

import io.welno.console.ui.common.DaemonThreads;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Themes;
import io.welno.console.app.ConnectionProfile;
import io.welno.console.app.ConsoleServices;
import io.welno.console.app.JavaLogging;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.text.SafeText;
import io.welno.console.view.SessionRow;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * The window half of the bench's "P2 FX" line: the console window on a display, connected to the bench's Redis,
 * measuring the FX thread with its {@link PulseProbe} while the bench (its own JVM, which starts this one) writes.
 * The Redis URL comes in {@value #URL_VARIABLE} (it may hold a password, so not on the command line); the arguments
 * are the number of sessions to wait for and whether the console may turn on keyspace notifications (as the bench's
 * own feeds may on the Redis it started). One line per command on stdin, one answer on stdout:
 * <ul>
 *   <li>(at start) → {@code LOADED rows=N} once the table holds every session, or {@code FAILED reason}</li>
 *   <li>{@code RESET} (after the warm-up) → {@code RESET}</li>
 *   <li>{@code FRAMES} → {@code FRAMES frames=… cpu_p99_ms=… …}: the frames since the reset</li>
 *   <li>{@code SEARCH} → {@code SEARCH narrow_ms=… …}: FX-thread CPU of a search, typing on, clearing it and
 *       reversing the sort order with every session loaded (medians of 5 after 2 warm-up rounds)</li>
 *   <li>{@code EXIT}</li>
 * </ul>
 */
public final class FrameBenchWindow {

    public static final String URL_VARIABLE = "WELNO_BENCH_REDIS_URL";
    private static final long LOAD_MINUTES = 10;

    private final ExecutorService background = Executors.newFixedThreadPool(2, DaemonThreads.named("bench-background"));
    private ConsoleWindow window;

    private FrameBenchWindow() {
    }

    public static void main(String[] args) throws Exception {
        // JavaFX and OkHttp log through java.util.logging, which would write their records raw into the bench's log
        JavaLogging.install();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int sessions = Integer.parseInt(args[0]);
        boolean mayConfigure = Boolean.parseBoolean(args[1]);
        FrameBenchWindow bench = new FrameBenchWindow();
        ConsoleServices services = null;
        try {
            services = connect(System.getenv(URL_VARIABLE), mayConfigure);
            ConsoleServices started = services;
            CompletableFuture<Void> shown = new CompletableFuture<>();
            Platform.startup(() -> {
                bench.open(started);
                shown.complete(null);
            });
            shown.get(1, TimeUnit.MINUTES);
            int rows = bench.awaitRows(sessions);
            out.println(rows == sessions ? "LOADED rows=" + rows
                    : "FAILED the table held " + rows + " of " + sessions + " sessions after " + LOAD_MINUTES + " min");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String command;
            while ((command = in.readLine()) != null && !command.equals("EXIT")) {
                switch (command) {
                    case "RESET" -> {
                        bench.onFx(() -> {
                            bench.window.view().pulseProbe().reset();
                            return null;
                        });
                        out.println("RESET");
                    }
                    case "FRAMES" -> out.println(bench.onFx(bench::frames));
                    case "SEARCH" -> out.println(bench.onFx(bench::search));
                    default -> out.println("FAILED unknown command " + SafeText.bounded(command, SafeText.FIELD));
                }
            }
        } catch (Exception e) {
            out.println(failed(e));
        } finally {
            if (services != null) {
                services.close();
            }
            Platform.exit();
        }
        System.exit(0);
    }

    /**
     * The answer to a failure, on one line: its message may quote Redis or the URL, and the bench that reads it puts
     * it in its report and on its terminal.
     */
    static String failed(Exception e) {
        return "FAILED " + SafeText.bounded(String.valueOf(e), SafeText.TEXT);
    }

    /** An operator's console (a viewer's never turns notifications on); the password goes beside the profile. */
    private static ConsoleServices connect(String url, boolean mayConfigure) {
        RedisConnectionSettings settings = RedisConnectionSettings.parse(url);
        URI uri = URI.create(url.trim());
        String user = settings.user() == null ? "" : settings.user() + "@";
        String withoutPassword = uri.getScheme() + "://" + user + uri.getRawAuthority().replaceFirst(".*@", "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return ConsoleServices.connect(new ConnectionProfile("bench", withoutPassword, "operator",
                Timestamps.DEFAULT_ZONE.getId(), "bench", mayConfigure, null), settings.password());
    }

    private void open(ConsoleServices services) {
        window = new ConsoleWindow(new Stage(), new I18n(Locale.ENGLISH), Clock.systemUTC(), Timestamps.DEFAULT_ZONE,
                background, StuckPolicy.defaults(), Themes.LIGHT);
        window.show();
        window.attach(services);
    }

    private int awaitRows(int sessions) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(LOAD_MINUTES);
        int rows = onFx(() -> window.renderedRows());
        while (rows < sessions && System.nanoTime() < deadline) {
            Thread.sleep(100);
            rows = onFx(() -> window.renderedRows());
        }
        return rows;
    }

    private String frames() {
        PulseProbe probe = window.view().pulseProbe();
        PulseProbe.Series cpu = probe.cpu();
        PulseProbe.Series elapsed = probe.elapsed();
        PulseProbe.Series work = probe.work();
        return String.format(Locale.ROOT, "FRAMES frames=%d cpu_p50_ms=%.2f cpu_p99_ms=%.2f cpu_max_ms=%.2f "
                        + "cpu_over_16ms=%d work_p99_ms=%.2f work_max_ms=%.2f cpu_max_work_ms=%.2f "
                        + "elapsed_p50_ms=%.2f elapsed_p99_ms=%.2f elapsed_max_ms=%.2f rows=%d",
                probe.count(), cpu.percentileMillis(50), cpu.percentileMillis(99), cpu.maxMillis(), cpu.framesOver(16),
                work.percentileMillis(99), work.maxMillis(), probe.workOfCostliestMillis(),
                elapsed.percentileMillis(50), elapsed.percentileMillis(99), elapsed.maxMillis(), window.renderedRows());
    }

    /**
     * What one keystroke in the search field or one click on a column header costs the FX thread with every session
     * loaded: a new search is a pass over every row, typing on tests only the rows shown, clearing must not re-sort,
     * a new sort order sorts once.
     */
    private String search() {
        TextField field = (TextField) window.scene().lookup("#searchField");
        TableView<SessionRow> table = window.view().table();
        TableColumn<SessionRow, ?> sorted = table.getSortOrder().get(0);
        List<SessionRow> rows = List.copyOf(table.getItems());
        int rounds = 7;
        double[][] cpu = new double[4][rounds];
        for (int round = 0; round < rounds; round++) {
            String query = rows.get(round * 7919 % rows.size()).id();
            cpu[0][round] = cpuMillis(() -> field.setText(query));
            cpu[1][round] = cpuMillis(() -> field.setText(query + "0"));
            cpu[2][round] = cpuMillis(() -> field.setText(""));
            cpu[3][round] = cpuMillis(() -> sorted.setSortType(sorted.getSortType() == TableColumn.SortType.ASCENDING
                    ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING));
        }
        return String.format(Locale.ROOT, "SEARCH narrow_ms=%.2f typed_on_ms=%.2f cleared_ms=%.2f reversed_ms=%.2f "
                + "rows=%d", median(cpu[0]), median(cpu[1]), median(cpu[2]), median(cpu[3]), rows.size());
    }

    private static double cpuMillis(Runnable action) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        action.run();
        return (threads.getCurrentThreadCpuTime() - start) / 1e6;
    }

    /** The median after two warm-up rounds. */
    private static double median(double[] millis) {
        double[] measured = Arrays.copyOfRange(millis, 2, millis.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    private <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(1, TimeUnit.MINUTES);
    }
}
