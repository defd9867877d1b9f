package io.welno.console.ui;

import io.welno.console.ConsoleServices;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console window. It opens at once, starts its services (the embedded demo when no profile is
 * chosen) on a background thread, and stops everything it started when it closes.
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    private static volatile boolean smokeTest;
    private static final AtomicInteger EXIT_CODE = new AtomicInteger();

    private final ExecutorService background = Executors.newFixedThreadPool(2, daemon("console-background"));
    private ConsoleWindow window;

    public static int launchApp(boolean smoke) {
        smokeTest = smoke;
        Application.launch(ConsoleApp.class);
        return EXIT_CODE.get();
    }

    @Override
    public void start(Stage stage) {
        I18n i18n = I18n.fromSystem();
        Timestamps timestamps = Timestamps.system();
        window = new ConsoleWindow(stage, i18n, Clock.systemUTC(), timestamps.zone(), background,
                StuckPolicy.defaults(), Themes.fromSystem());
        window.show();
        window.starting(i18n.get("app.starting"));
        background.execute(() -> {
            try {
                ConsoleServices services = ConsoleServices.startDemo(timestamps);
                Platform.runLater(() -> window.attach(services));
            } catch (RuntimeException e) {
                LOG.error("Could not start the demo", e);
                Platform.runLater(() -> window.failed(e));
                if (smokeTest) {
                    EXIT_CODE.set(2);
                    Platform.runLater(Platform::exit);
                }
            }
        });
        if (smokeTest) {
            watchForSmokeTest();
        }
    }

    /** Exits 0 once the table shows sessions, 1 if that does not happen within a minute. */
    private void watchForSmokeTest() {
        long deadline = System.currentTimeMillis() + 60_000;
        Timeline check = new Timeline();
        check.getKeyFrames().add(new KeyFrame(Duration.millis(200), e -> {
            if (window.renderedRows() > 0) {
                System.out.println("Smoke test passed: window rendered " + window.renderedRows() + " sessions");
                EXIT_CODE.set(0);
                check.stop();
                window.close(Platform::exit);
            } else if (System.currentTimeMillis() > deadline) {
                System.err.println("Smoke test failed: no sessions rendered within 60 s");
                EXIT_CODE.set(1);
                check.stop();
                window.close(Platform::exit);
            }
        }));
        check.setCycleCount(Timeline.INDEFINITE);
        check.play();
    }

    @Override
    public void stop() {
        background.shutdownNow();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
