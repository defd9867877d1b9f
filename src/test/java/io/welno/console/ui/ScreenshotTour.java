package io.welno.console.ui;

import io.welno.console.app.ConsoleServices;
import io.welno.console.flow.ActionKind;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.ui.actions.ActionDialog;
import io.welno.console.ui.common.DaemonThreads;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Themes;
import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.view.SessionRow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Not a test: run under Xvfb with the real glass to capture the screenshots in {@code docs/screenshots}, one set per
 * language and theme ({@code NAME-ko-dark.png}, ...), each set on a fresh window and demo. A scene is one line in
 * {@link #SCENES}: a name and what to do to the window before the picture; it returns the scene to capture (the
 * window's, or that of a dialog it opened). After each picture every window the scene opened is closed and the
 * sessions tab selected again, so scenes do not depend on each other. The tour ends the JVM itself, with exit code 1
 * when a scene failed and 2 when it got stuck (see CONTRIBUTING.md, "Screenshots").
 * <p>System properties: {@code tour.lang} ({@code ko,en}), {@code tour.theme} ({@code light,dark}), {@code tour.only}
 * (scene names, default all), {@code tour.timeout} (seconds for the whole tour, default 600).
 */
public final class ScreenshotTour extends Application {

    /** What a scene does before its picture; returns the scene to capture. Runs on the FX thread. */
    @FunctionalInterface
    interface Setup extends Function<ScreenshotTour, Scene> {
    }

    /** A named picture: {@code settle} seconds after {@code setup} ran, the returned scene is captured. */
    record Shot(String name, double settle, Setup setup) {
        static Shot of(String name, Setup setup) {
            return new Shot(name, 2, setup);
        }
    }

    /** The tour. Add a scene with one line. */
    static final List<Shot> SCENES = List.of(
            Shot.of("main", tour -> tour.windowScene()),
            Shot.of("detail-completed", tour -> tour.select(row -> row.status().equals(SessionStatus.COMPLETED))),
            Shot.of("action-dialog", tour -> tour.actionDialog(ActionKind.MANUAL_COMPLETE,
                    row -> row.status().equals(SessionStatus.AUTH_REQUEST_SENT),
                    "사용자가 휴대폰에서 승인 완료 (support call)")),
            Shot.of("detail-history", ScreenshotTour::history),
            new Shot("dashboard", 4, tour -> tour.tab("tab-dashboard")),
            new Shot("bulk-dialog", 3, OperationsTour::bulkPreview),
            new Shot("bulk-running", 6, OperationsTour::bulkRunning),
            Shot.of("alerts", OperationsTour::alerts),
            Shot.of("audit", tour -> tour.tab("tab-audit")),
            Shot.of("leave-question", ScreenshotTour::leaveQuestion));

    private static Path out;

    /** The question as closing asks it with two changes held and a collection running (it is not asked again here). */
    private static Scene leaveQuestion(ScreenshotTour tour) {
        io.welno.console.flow.OpenWork work = new io.welno.console.flow.OpenWork(
                new io.welno.console.flow.OpenWork.Held(2, java.time.Instant.now().plusSeconds(300)), 1);
        return tour.show(new io.welno.console.ui.shell.LeaveQuestion(tour.windowScene().getWindow(),
                tour.window().i18n(), io.welno.console.session.Timestamps.DEFAULT_ZONE, false,
                new io.welno.console.ui.shell.LeaveQuestion.Work(() -> work, work::bulk), Runnable::run, work)
                .alert());
    }
    private static volatile int exitCode;
    private static volatile String current = "start";

    private final ExecutorService background = Executors.newFixedThreadPool(2, DaemonThreads.named("tour-background"));
    private ConsoleWindow window;
    private ConsoleServices services;
    private Stage stage;

    /** A plain main class: launching an Application subclass directly trips JavaFX's module check on the classpath. */
    public static final class Launcher {
        public static void main(String[] args) {
            out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
            long timeout = Long.getLong("tour.timeout", 600);
            Thread watchdog = new Thread(() -> {
                try {
                    TimeUnit.SECONDS.sleep(timeout);
                    System.err.println("Tour stuck for " + timeout + " s at " + current);
                    Runtime.getRuntime().halt(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "tour-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            Application.launch(ScreenshotTour.class, args);
            // Redis clients and the demo may leave non-daemon threads behind: the tour's end is the JVM's.
            System.exit(exitCode);
        }
    }

    @Override
    public void start(Stage primary) throws IOException {
        Files.createDirectories(out);
        // Closing a set's window must not end the toolkit before the next set (and the tour's own exit) ran.
        Platform.setImplicitExit(false);
        List<String[]> sets = new ArrayList<>();
        for (String lang : list("tour.lang", "ko,en")) {
            for (String theme : list("tour.theme", "light,dark")) {
                sets.add(new String[] {lang, theme});
            }
        }
        runSets(sets, 0);
    }

    private void runSets(List<String[]> sets, int index) {
        if (index < sets.size()) {
            set(sets.get(index)[0], sets.get(index)[1], () -> runSets(sets, index + 1));
        } else {
            current = "exit";
            Platform.exit();
        }
    }

    private static List<String> list(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** One language and theme: a fresh window on a fresh demo, every scene, then the window and demo closed. */
    private void set(String lang, String themeName, Runnable then) {
        current = lang + "-" + themeName + ": starting the demo";
        Themes theme = "dark".equals(themeName) ? Themes.DARK : Themes.LIGHT;
        stage = new Stage();
        window = new ConsoleWindow(stage, new I18n(Locale.forLanguageTag(lang)), Clock.systemUTC(),
                Timestamps.DEFAULT_ZONE, background, StuckPolicy.defaults(), theme);
        window.addConnectionsButton(() -> { }); // as the app has it
        window.show();
        background.execute(() -> {
            ConsoleServices started = ConsoleServices.startDemo(Timestamps.system());
            Platform.runLater(() -> {
                services = started;
                window.attach(started);
                current = lang + "-" + themeName + ": waiting for rows";
                when(() -> window.renderedRows() > 0, () -> after(5, () -> {
                    List<Shot> chosen = chosenScenes();
                    shoot(chosen.iterator(), "-" + lang + "-" + themeName, () -> {
                        current = lang + "-" + themeName + ": closing";
                        window.close(then);
                    });
                }));
            });
        });
    }

    private static List<Shot> chosenScenes() {
        String only = System.getProperty("tour.only");
        if (only == null || only.isBlank()) {
            return SCENES;
        }
        List<String> names = list("tour.only", "");
        return SCENES.stream().filter(s -> names.contains(s.name())).toList();
    }

    private void shoot(Iterator<Shot> shots, String suffix, Runnable then) {
        if (!shots.hasNext()) {
            then.run();
            return;
        }
        Shot shot = shots.next();
        current = shot.name() + suffix;
        Scene scene;
        try {
            scene = shot.setup().apply(this);
        } catch (RuntimeException e) {
            fail(shot.name() + suffix, e);
            reset();
            shoot(shots, suffix, then);
            return;
        }
        after(shot.settle(), () -> {
            try {
                save(scene, shot.name() + suffix);
            } catch (RuntimeException e) {
                fail(shot.name() + suffix, e);
            }
            reset();
            after(0.5, () -> shoot(shots, suffix, then));
        });
    }

    private static void fail(String name, RuntimeException e) {
        System.err.println("Scene " + name + " failed: " + e);
        e.printStackTrace();
        exitCode = 1;
    }

    /** Closes what the last scene opened and shows the sessions tab again. */
    private void reset() {
        for (Window open : List.copyOf(Window.getWindows())) {
            if (open != stage) {
                open.hide();
            }
        }
        tab("tab-sessions");
    }

    // ----- what scenes use -----

    Scene windowScene() {
        return window.scene();
    }

    ConsoleWindow window() {
        return window;
    }

    ConsoleServices services() {
        return services;
    }

    ExecutorService background() {
        return background;
    }

    /** Selects (and scrolls to) the first row that matches; the window's scene. */
    Scene select(Predicate<SessionRow> which) {
        var table = window.view().table();
        SessionRow row = table.getItems().stream().filter(which).findFirst()
                .orElseThrow(() -> new IllegalStateException("no such row in the demo"));
        table.getSelectionModel().select(row);
        table.scrollTo(row);
        return window.scene();
    }

    /** The History tab of the session the demo's traffic changed most, followed (its star lit). */
    Scene history() {
        SessionRow row = window.view().table().getItems().stream()
                .max(java.util.Comparator.comparingInt(r -> services.history().versions(r.id()).size()))
                .orElseThrow(() -> new IllegalStateException("no rows in the demo"));
        select(r -> r.id().equals(row.id()));
        services.followed().follow(row.id());
        TabPane tabs = (TabPane) window.scene().lookup("#detailTabs");
        tabs.getTabs().stream().filter(t -> io.welno.console.ui.detail.HistoryTab.ID.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        return window.scene();
    }

    /** Selects the tab with this id in the main tab pane; the window's scene. */
    Scene tab(String id) {
        TabPane tabs = (TabPane) window.scene().lookup("#mainTabs");
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        return window.scene();
    }

    /** Shows a dialog (closed again after the picture); its scene. */
    Scene show(Dialog<?> dialog) {
        dialog.show();
        return dialog.getDialogPane().getScene();
    }

    /** The action dialog for the first row that matches, with a reason typed in. */
    Scene actionDialog(ActionKind kind, Predicate<SessionRow> which, String reason) {
        if (!services.operator().role().allows(kind)) {
            window.switchRole(io.welno.console.flow.Role.DEVELOPER); // the demo starts as an operator
        }
        select(which);
        SessionRow row = window.view().table().getSelectionModel().getSelectedItem();
        ActionDialog dialog = new ActionDialog(window.scene().getWindow(), services.flow(), services.operator(),
                kind, row.id(), window.i18n(), background, services.codec());
        Scene scene = show(dialog);
        ((TextArea) dialog.getDialogPane().lookup("#actionReason")).setText(reason);
        return scene;
    }

    // ----- timing and pictures -----

    private static void after(double seconds, Runnable work) {
        PauseTransition pause = new PauseTransition(Duration.seconds(seconds));
        pause.setOnFinished(e -> work.run());
        pause.play();
    }

    /** Runs {@code work} once {@code condition} holds, checking every 200 ms (the watchdog ends a wait that hangs). */
    static void when(BooleanSupplier condition, Runnable work) {
        if (condition.getAsBoolean()) {
            work.run();
        } else {
            after(0.2, () -> when(condition, work));
        }
    }

    private static void save(Scene scene, String name) {
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Path file = out.resolve(name + ".png");
            ImageIO.write(buffered, "png", file.toFile());
            System.out.println("wrote " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        background.shutdownNow();
    }
}
