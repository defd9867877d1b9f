package io.welno.console.ui;

import io.welno.console.view.SessionRow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.session.Timestamps;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * The pulse probe while 1,000 backend writes a second flow in over 2,000 sessions (or
 * {@code -Dframes.sessions=N}, e.g. through {@code -DargLine=-Dframes.sessions=100000}): the console's work
 * per frame must stay inside a 16 ms frame. Every write moves its row to the top of the default order, so the
 * whole visible page changes in each frame that applies a batch.
 */
@ExtendWith(ApplicationExtension.class)
class FrameBudgetTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private static final int SESSIONS = Integer.getInteger("frames.sessions", 2_000);
    private static final int WARM_UP_WRITES = 3_000;
    private static final int MEASURED_WRITES = 5_000;
    private ConsoleWindow window;
    private TestConsole console;

    @Start
    void start(Stage stage) {
        REDIS.flush();
        String doc = Fixtures.text("06_fetching_prescription_data.json");
        try (AbstractPipeline pipeline = REDIS.client().pipelined()) {
            for (int i = 0; i < SESSIONS; i++) {
                pipeline.set("tilko_session:welno_load" + i, doc.replace("welno_01dc6054", "welno_load" + i),
                        SetParams.setParams().ex(1800));
            }
            pipeline.sync();
        }
        console = TestConsole.open(stage, TestConsole.profile("load", REDIS.url(), "viewer", "development", true));
        window = console.window();
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    private static void awaitEverySession(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> robot.lookup("#sessionTable").queryAs(TableView.class).getItems().size() == SESSIONS);
    }

    /**
     * What one keystroke in the search field or one click on a column header costs the FX thread with every
     * session loaded: a new search is a pass over all rows, typing on tests only the rows shown, widening back must
     * not re-sort them, a new sort order sorts them once. Medians after two warm-up rounds; at 100,000 sessions see docs/BENCHMARKS.md.
     */
    @Test
    void searchingAndSortingEverySessionStayQuick(FxRobot robot) throws Exception {
        awaitEverySession(robot);
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        @SuppressWarnings("unchecked")
        TableView<SessionRow> table = robot.lookup("#sessionTable").queryAs(TableView.class);
        TableColumn<SessionRow, ?> sorted = table.getSortOrder().get(0);
        int rounds = Integer.getInteger("frames.searchRounds", 7);
        double[][] cpu = new double[4][rounds];
        for (int round = 0; round < rounds; round++) {
            int r = round;
            String query = "welno_load" + (round * 37 % SESSIONS);
            robot.interact(() -> {
                cpu[0][r] = fxCpuMillis(() -> search.setText(query));
                cpu[3][r] = fxCpuMillis(() -> search.setText(query + "0")); // typed on: tests the rows shown
                cpu[1][r] = fxCpuMillis(() -> search.setText(""));
                cpu[2][r] = fxCpuMillis(() -> sorted.setSortType(sorted.getSortType() == TableColumn.SortType.ASCENDING
                        ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING));
            });
        }
        double narrow = medianAfterWarmUp(cpu[0]);
        double widen = medianAfterWarmUp(cpu[1]);
        double resort = medianAfterWarmUp(cpu[2]);
        double typedOn = medianAfterWarmUp(cpu[3]);
        String report = String.format("FX-thread CPU at %d sessions, median of %d: search narrows %.2f ms, "
                + "typed on %.2f ms, search cleared %.2f ms, sort order reversed %.2f ms", SESSIONS, rounds - 2, narrow,
                typedOn, widen, resort);
        System.out.println(report);
        // Asserted at the default size, where work per keystroke that grows faster than the rows shows. At
        // 100,000 sessions one pass over every row already takes more than a frame; the numbers are tracked in
        // docs/BENCHMARKS.md, and SessionTableModelTest checks that clearing a search sorts nothing.
        if (SESSIONS <= 10_000) {
            assertTrue(narrow < 16 && typedOn < 16 && widen < 16 && resort < 16, report);
        }
    }

    private static double fxCpuMillis(Runnable action) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        action.run();
        return (threads.getCurrentThreadCpuTime() - start) / 1e6;
    }

    private static double medianAfterWarmUp(double[] millis) {
        double[] measured = Arrays.copyOfRange(millis, 2, millis.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    @Test
    void thousandWritesASecondStayInsideTheFrameBudget(FxRobot robot) throws Exception {
        awaitEverySession(robot);
        robot.interact(() -> window.view().pulseProbe().reset());
        String doc = Fixtures.text("06_fetching_prescription_data.json");
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (RedisClient client = RedisClient.create("127.0.0.1", REDIS.port())) {
                long start = System.nanoTime();
                for (int i = 0; i < WARM_UP_WRITES + MEASURED_WRITES; i++) {
                    if (i == WARM_UP_WRITES) {
                        // Measure the steady state: the first seconds of any JVM also compile the code they run.
                        Platform.runLater(() -> window.view().pulseProbe().reset());
                    }
                    // 1,000 writes per second, paced.
                    long due = start + i * 1_000_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    int key = (i * 7919) % SESSIONS;
                    // As the backend writes: a fresh updated_at, so under the default order (newest update
                    // first) every write moves its row to the top and the whole visible page shifts.
                    String updatedAt = Timestamps.format(LocalDateTime.now(Timestamps.DEFAULT_ZONE));
                    client.set("tilko_session:welno_load" + key,
                            doc.replace("welno_01dc6054", "welno_load" + key)
                                    .replace("\"updated_at\": \"2026-11-20T14:04:42.123456\"",
                                            "\"updated_at\": \"" + updatedAt + "\"")
                                    .replace("\"PointBalance\": \"8900.00\"", "\"PointBalance\": \"" + i + "\""),
                            SetParams.setParams().keepTtl());
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        writer.start();
        writer.join(60_000);
        assertTrue(writerFailure.get() == null, String.valueOf(writerFailure.get()));
        WaitForAsyncUtils.waitForFxEvents();
        PulseProbe probe = window.view().pulseProbe();
        String[] report = new String[1];
        robot.interact(() -> report[0] = String.format("FX frames at 1,000 writes/s: %d; elapsed p50=%.2f p90=%.2f p99=%.2f "
                        + "max=%.2f ms (%d over 16 ms); FX-thread CPU p50=%.2f p90=%.2f p99=%.2f max=%.2f ms (%d over 16 ms)",
                probe.count(), probe.elapsed().percentileMillis(50), probe.elapsed().percentileMillis(90),
                probe.elapsed().percentileMillis(99), probe.elapsed().maxMillis(), probe.elapsed().framesOver(16),
                probe.cpu().percentileMillis(50), probe.cpu().percentileMillis(90), probe.cpu().percentileMillis(99),
                probe.cpu().maxMillis(), probe.cpu().framesOver(16)));
        System.out.println(report[0]);
        assertTrue(probe.count() >= 20, "frames: " + probe.count());
        // The FX thread's own work (its CPU time from the animation phase through CSS and layout) must fit in a
        // 16 ms frame: asserted at the 99th percentile, the maximum is printed and tracked in docs/BENCHMARKS.md
        // (0 frames over 16 ms in the documented runs). The elapsed time also counts the moments the thread
        // waits for a core that the software renderer, Redis or the writer holds on this two-core machine, so
        // only its median is asserted.
        double[] figures = new double[2];
        robot.interact(() -> {
            figures[0] = probe.cpu().percentileMillis(99);
            figures[1] = probe.elapsed().percentileMillis(50);
        });
        assertTrue(figures[0] < 16.0, "FX-thread CPU per frame, p99 " + figures[0] + " ms: " + report[0]);
        assertTrue(figures[1] < 16.0, "elapsed per frame, median " + figures[1] + " ms: " + report[0]);
    }
}
