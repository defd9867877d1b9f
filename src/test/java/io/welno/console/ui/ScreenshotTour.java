package io.welno.console.ui;

import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Themes;
import io.welno.console.ui.actions.ActionDialog;
import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.app.ConsoleServices;
import io.welno.console.view.SessionRow;
import io.welno.console.flow.ActionKind;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Not a test: run under Xvfb with the real glass to capture the screenshots the console issues ask for
 * (the demo with over 1,000 live sessions, a completed session's detail, an action dialog) into a folder.
 * {@code java -cp <test classpath> 'io.welno.console.ui.ScreenshotTour$Launcher' docs/screenshots}
 */
public final class ScreenshotTour extends Application {

    private static Path out;
    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private ConsoleWindow window;
    private ConsoleServices services;

    /** A plain main class: launching an Application subclass directly trips JavaFX's module check on the classpath. */
    public static final class Launcher {
        public static void main(String[] args) {
            out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
            Application.launch(ScreenshotTour.class, args);
        }
    }

    @Override
    public void start(Stage stage) throws Exception {
        Files.createDirectories(out);
        Locale locale = Locale.forLanguageTag(System.getProperty("tour.lang", "en"));
        Themes theme = "dark".equals(System.getProperty("tour.theme")) ? Themes.DARK : Themes.LIGHT;
        window = new ConsoleWindow(stage, new I18n(locale), Clock.systemUTC(), Timestamps.DEFAULT_ZONE, background,
                StuckPolicy.defaults(), theme);
        window.show();
        background.execute(() -> {
            services = ConsoleServices.startDemo(Timestamps.system());
            Platform.runLater(() -> {
                window.attach(services);
                after(8, this::mainAndDetail);
            });
        });
    }

    private void mainAndDetail() {
        String suffix = "-" + System.getProperty("tour.lang", "en") + "-" + System.getProperty("tour.theme", "light");
        save(window.scene(), "main" + suffix);
        var table = window.view().table();
        table.getItems().stream().filter(r -> r.status().equals(SessionStatus.COMPLETED)).findFirst()
                .ifPresent(row -> {
                    table.getSelectionModel().select(row);
                    table.scrollTo(row);
                });
        after(2, () -> {
            save(window.scene(), "detail-completed" + suffix);
            after(1, () -> history(suffix));
        });
    }

    /** The History tab of the session the demo's traffic changed most, starred. */
    private void history(String suffix) {
        var table = window.view().table();
        table.getItems().stream().max(java.util.Comparator.comparingInt(r -> services.history().versions(r.id()).size()))
                .ifPresent(row -> {
                    table.getSelectionModel().select(row);
                    table.scrollTo(row);
                    services.followed().follow(row.id());
                });
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) window.scene().lookup("#detailTabs");
        tabs.getTabs().stream().filter(t -> io.welno.console.ui.detail.HistoryTab.ID.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        after(2, () -> {
            save(window.scene(), "detail-history" + suffix);
            tabs.getSelectionModel().select(0);
            services.followed().followAll(java.util.List.of());
            table.getItems().stream().filter(r -> r.status().equals(SessionStatus.AUTH_REQUEST_SENT)).findFirst()
                    .ifPresent(row -> table.getSelectionModel().select(row));
            after(1, () -> openDialog(suffix));
        });
    }

    private void openDialog(String suffix) {
        SessionRow row = window.view().detail().current();
        ActionDialog dialog = new ActionDialog(window.scene().getWindow(), services.flow(), services.operator(),
                ActionKind.MANUAL_COMPLETE, row.id(), window.i18n(), background, services.codec());
        dialog.show();
        ((TextArea) dialog.getDialogPane().lookup("#actionReason")).setText("사용자가 휴대폰에서 승인 완료 (support call)");
        after(3, () -> {
            save(dialog.getDialogPane().getScene(), "action-dialog" + suffix);
            dialog.close();
            Window owner = window.scene().getWindow();
            window.close(() -> {
                background.shutdownNow();
                Platform.exit();
            });
            owner.hide();
        });
    }

    private static void after(double seconds, Runnable work) {
        PauseTransition pause = new PauseTransition(Duration.seconds(seconds));
        pause.setOnFinished(e -> work.run());
        pause.play();
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
            File file = out.resolve(name + ".png").toFile();
            ImageIO.write(buffered, "png", file);
            System.out.println("wrote " + file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
