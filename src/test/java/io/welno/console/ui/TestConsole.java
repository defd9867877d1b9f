package io.welno.console.ui;

import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Themes;
import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.app.ConsoleServices;
import io.welno.console.app.ConnectionProfile;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * The console window as the UI tests open it: English, light theme, shown on the test's stage and attached to
 * services connected with one profile. {@link #close} stops everything it started.
 */
final class TestConsole {

    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private final ConsoleWindow window;
    private final ConsoleServices services;

    private TestConsole(Stage stage, Clock clock, ConnectionProfile profile,
                        java.util.function.Consumer<ConsoleWindow> beforeAttach) {
        this(stage, clock, profile, null, beforeAttach);
    }

    private TestConsole(Stage stage, Clock clock, ConnectionProfile profile, String password,
                        java.util.function.Consumer<ConsoleWindow> beforeAttach) {
        this(stage, clock, profile, password, io.welno.console.flow.FlowOptions.defaults(), beforeAttach);
    }

    private TestConsole(Stage stage, Clock clock, ConnectionProfile profile, String password,
                        io.welno.console.flow.FlowOptions flowOptions,
                        java.util.function.Consumer<ConsoleWindow> beforeAttach) {
        this(stage, clock, profile, password, System.getenv(io.welno.console.tilko.TilkoConfig.API_KEY_ENV),
                flowOptions, beforeAttach);
    }

    private TestConsole(Stage stage, Clock clock, ConnectionProfile profile, String password, String tilkoKey,
                        io.welno.console.flow.FlowOptions flowOptions,
                        java.util.function.Consumer<ConsoleWindow> beforeAttach) {
        window = new ConsoleWindow(stage, new I18n(Locale.ENGLISH), clock, Timestamps.DEFAULT_ZONE, background,
                StuckPolicy.defaults(), Themes.LIGHT);
        window.show();
        // TestFX hands every test class the same stage: at the size the scene asks for, not the last test's
        stage.sizeToScene();
        beforeAttach.accept(window);
        // the flow judges by the window's clock: a test that moves it moves both
        services = ConsoleServices.connect(profile, password, tilkoKey, flowOptions, clock);
        window.attach(services);
    }

    /** Opens the window on the FX thread (a TestFX {@code @Start} method). */
    static TestConsole open(Stage stage, Clock clock, ConnectionProfile profile) {
        return new TestConsole(stage, clock, profile, w -> { });
    }

    /** Opens the window and lets the test set it up (alert rules, notifier) before it attaches to the services. */
    static TestConsole open(Stage stage, ConnectionProfile profile, java.util.function.Consumer<ConsoleWindow> setUp) {
        return new TestConsole(stage, Clock.systemUTC(), profile, setUp);
    }

    /** A profile of an ACL user: profiles never hold a password, the connection dialog hands it in. */
    static TestConsole open(Stage stage, ConnectionProfile profile, String password) {
        return new TestConsole(stage, Clock.systemUTC(), profile, password, w -> { });
    }

    static TestConsole open(Stage stage, ConnectionProfile profile) {
        return open(stage, Clock.systemUTC(), profile);
    }

    /** A developer's window on {@code redis}, emptied and seeded with the backend's fixtures as if just written. */
    static TestConsole onLiveFixtures(Stage stage, io.welno.console.testing.RedisServerExtension redis) {
        redis.flush();
        redis.seedLiveFixtures();
        return open(stage, profile("test", redis.url(), "developer", "development", true));
    }

    /** As {@link #onLiveFixtures(Stage, io.welno.console.testing.RedisServerExtension)}, its actions run with {@code flowOptions}. */
    static TestConsole onLiveFixtures(Stage stage, io.welno.console.testing.RedisServerExtension redis,
                                      io.welno.console.flow.FlowOptions flowOptions) {
        redis.flush();
        redis.seedLiveFixtures();
        return new TestConsole(stage, Clock.systemUTC(), profile("test", redis.url(), "developer", "development", true),
                null, flowOptions, w -> { });
    }

    /** As {@link #onLiveFixtures(Stage, io.welno.console.testing.RedisServerExtension)}, window and flow on {@code clock}. */
    static TestConsole onLiveFixtures(Stage stage, io.welno.console.testing.RedisServerExtension redis, Clock clock) {
        redis.flush();
        redis.seedLiveFixtures();
        return open(stage, clock, profile("test", redis.url(), "developer", "development", true));
    }

    /**
     * A window of an ACL user whose profile names a Tilko (the simulator) and whose key is typed in, its actions run
     * with {@code flowOptions}: the actions that call Tilko run.
     */
    static TestConsole withTilko(Stage stage, ConnectionProfile profile, String password, String tilkoKey,
                                 io.welno.console.flow.FlowOptions flowOptions) {
        return new TestConsole(stage, Clock.systemUTC(), profile, password, tilkoKey, flowOptions, w -> { });
    }

    /** A profile as the tests use them: the backend's zone, no Tilko URL of its own. */
    static ConnectionProfile profile(String name, String url, String role, String environment,
                                     boolean mayEnableNotifications) {
        return new ConnectionProfile(name, url, role, "Asia/Seoul", environment, mayEnableNotifications, null);
    }

    ConsoleWindow window() {
        return window;
    }

    ConsoleServices services() {
        return services;
    }

    void close(FxRobot robot) {
        robot.interact(() -> window.view().stop());
        services.close();
        background.shutdownNow();
    }
}
