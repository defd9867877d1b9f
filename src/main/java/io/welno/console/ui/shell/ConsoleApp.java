package io.welno.console.ui.shell;

import io.welno.console.ui.connection.ConnectionDialog;
import io.welno.console.ui.common.DaemonThreads;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Themes;
import io.welno.console.app.ConnectionCheck;
import io.welno.console.app.ConnectionMemory;
import io.welno.console.app.ConnectionProfiles;
import io.welno.console.app.ConsoleServices;
import io.welno.console.app.JavaLogging;
import io.welno.console.flow.FlowOptions;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.text.Phrase;
import io.welno.console.store.StoreFailure;
import io.welno.console.text.SafeText;
import io.welno.console.view.Wording;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.LoggerFactory;

/**
 * The console window. It opens at once, starts its services (the embedded demo when no profile is
 * saved) on a background thread once the first frame is out, and stops everything it started when it closes.
 */
public final class ConsoleApp extends Application {

    private static final AtomicInteger EXIT_CODE = new AtomicInteger();
    private static final ConnectionDialog.Choice DEMO = new ConnectionDialog.Choice(null, null);
    private static volatile boolean smokeTest;
    private static volatile StartupWork startupWork;

    private final ExecutorService background = Executors.newFixedThreadPool(2, DaemonThreads.named("console-background"));
    private final ConnectionProfiles profiles = ConnectionProfiles.inUserConfig();
    /** The current profile, and the passwords and Tilko keys that worked, for as long as the console runs. */
    private final ConnectionMemory memory = ConnectionMemory.ofSystem();
    private ConsoleWindow window;
    private Stage stage;
    private I18n i18n;

    public static int launchApp(boolean smoke) {
        smokeTest = smoke;
        JavaLogging.installOnFirstUse();
        startupWork = StartupWork.begin(ConnectionProfiles.inUserConfig());
        Application.launch(ConsoleApp.class);
        return EXIT_CODE.get();
    }

    /**
     * Shows the window first and decides what it connects to once its first frame is out: the profiles file and the
     * services' start (the demo's Redis, simulator and traffic) would otherwise share the two cores with the first
     * CSS and layout pass (docs/BENCHMARKS.md, P5).
     */
    @Override
    public void start(Stage primary) {
        // The window ends the application itself, once its services are closed (ConsoleWindow.close). JavaFX's own
        // exit when the last window hides came first: stop() interrupted the thread still closing them, and launch()
        // returned to System.exit, so collections, holds and the demo's Redis were cut short of their closing.
        Platform.setImplicitExit(false);
        this.stage = primary;
        this.i18n = I18n.fromSystem();
        i18n.governJavaFxTexts();
        ConsoleWindow first = showWindow(Timestamps.DEFAULT_ZONE);
        first.afterFirstFrame(() -> {
            if (smokeTest) {
                connect(first, DEMO);
                watchForSmokeTest();
                return;
            }
            work().whenProfilesRead(saved -> {
                // No saved profile: the embedded demo, so a newcomer sees sessions at once.
                if (saved.isEmpty()) {
                    connect(first, DEMO);
                } else {
                    first.notConnected(Phrase.of("app.notConnected"));
                    chooseConnection();
                }
            });
        });
    }

    private StartupWork work() {
        StartupWork work = startupWork;
        return work != null ? work : StartupWork.begin(profiles);
    }

    /** Opens a fresh window on the stage and connects it to the choice. */
    private void open(ConnectionDialog.Choice choice) {
        ZoneId zone;
        try {
            zone = choice.demo() ? Timestamps.DEFAULT_ZONE : choice.profile().zoneId();
        } catch (IllegalArgumentException notAZone) {
            zone = Timestamps.DEFAULT_ZONE; // connecting refuses the profile and says why
        }
        connect(showWindow(zone), choice);
    }

    private ConsoleWindow showWindow(ZoneId zone) {
        Themes theme = window == null ? Themes.fromSystem() : window.theme();
        window = new ConsoleWindow(stage, i18n, ConsoleWindow.systemClock(), zone, background, StuckPolicy.defaults(),
                theme);
        window.addConnectionsButton(this::chooseConnection);
        window.show();
        return window;
    }

    private void connect(ConsoleWindow target, ConnectionDialog.Choice choice) {
        target.starting(choice.demo() ? Phrase.of("app.starting")
                : Phrase.of("app.connecting", choice.profile().name()));
        background.execute(() -> {
            try {
                ConsoleServices services = choice.demo() ? ConsoleServices.startDemo(Timestamps.system())
                        : ConsoleServices.connect(choice.profile(), choice.password(),
                                memory.tilkoKey(choice.tilkoKey()).orElse(null), FlowOptions.defaults());
                memory.connected(choice.demo() ? null : choice.profile().name(), choice.password(), choice.tilkoKey());
                Platform.runLater(() -> {
                    if (!choice.demo()) {
                        String name = choice.profile().name();
                        target.useAlertRules(choice.profile().alertRules(), rules -> background.execute(() ->
                                saveAlertRules(name, rules)));
                    }
                    target.attach(services);
                });
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(ConsoleApp.class).error("Could not connect: {}",
                        SafeText.bounded(Wording.cli().render(StoreFailure.describe(e)), SafeText.TEXT));
                Platform.runLater(() -> {
                    target.failed(e);
                    if (smokeTest) {
                        EXIT_CODE.set(2);
                        Platform.exit();
                    } else {
                        showConnectError(e);
                    }
                });
            }
        });
    }

    /** Changed alert rules go into the saved profile (off the FX thread); a failure is logged, the rules stay. */
    private void saveAlertRules(String profileName, io.welno.console.view.AlertRules rules) {
        try {
            profiles.update(profileName, p -> p.withAlerts(rules));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(ConsoleApp.class).warn("Could not save the alert rules: {}",
                    Wording.cli().said(e));
        }
    }

    private void chooseConnection() {
        ConnectionDialog dialog = new ConnectionDialog(stage, i18n, profiles, background, memory, ConnectionCheck::run);
        dialog.showAndWait().filter(choice -> window.mayLeave(true)).ifPresent(choice -> window.detach(() -> open(choice)));
    }

    private void showConnectError(RuntimeException error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, Wording.window(i18n).render(Phrase.of("app.failed",
                StoreFailure.describe(error))),
                new ButtonType(i18n.get("connect.retry"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(i18n.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.initOwner(stage);
        // JavaFX's own "Error" title and header would be its words, not ours: the content says what failed
        alert.setTitle(i18n.get("app.title"));
        alert.setHeaderText(null);
        alert.getDialogPane().setId("connectErrorDialog");
        alert.getDialogPane().setStyle(HangulFont.rootStyle()); // its own window: Korean would be boxes without it
        alert.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .ifPresent(b -> chooseConnection());
    }

    /** Exits 0 once the table shows sessions, 1 if that does not happen within a minute. */
    private void watchForSmokeTest() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Timeline check = new Timeline();
        check.getKeyFrames().add(new KeyFrame(Duration.millis(200), e -> {
            if (window.renderedRows() > 0) {
                System.out.println("Smoke test passed: window rendered " + window.renderedRows() + " sessions");
                EXIT_CODE.set(0);
                check.stop();
                window.close(Platform::exit);
            } else if (System.nanoTime() - deadline > 0) {
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
}
