package io.welno.console.ui.shell;

import io.welno.console.ui.actions.ActionsController;
import io.welno.console.ui.common.ProfileWords;
import io.welno.console.ui.table.FeedBridge;
import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.TextMenus;
import io.welno.console.ui.table.SessionTableModel;
import io.welno.console.ui.common.Themes;
import io.welno.console.app.ConsoleServices;
import io.welno.console.flow.PersonalDataReveal;
import io.welno.console.flow.Role;
import io.welno.console.ui.common.UiPreferences;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.store.StoreFailure;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.view.Wording;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import io.welno.console.ui.alerts.OsNotifier;
import io.welno.console.ui.alerts.TrayNotifier;
import io.welno.console.view.AlertRules;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One console window bound to one set of services; closing it stops them. */
public final class ConsoleWindow {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleWindow.class);
    /** The narrowest the window gets; the toolbar and the default columns are checked at this width and at 1280. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 600;

    /**
     * The clock the console gives its window: the machine's, read in the guards' microseconds, so the window never
     * calls a session expired or stuck before they do. One place, so the window's tests tick on the same clock.
     */
    public static Clock systemClock() {
        return Timestamps.inMicroseconds(Clock.systemUTC());
    }

    private final Stage stage;
    private final I18n i18n;
    private final ExecutorService background;
    private final SessionTableModel model;
    private final FeedBridge bridge;
    private final MainView view;
    private final Scene scene;
    private Themes theme;
    private ConsoleServices services;
    private ActionsController actions;
    /** The demo's role box; null on a real connection. */
    private RoleSwitch roleSwitch;
    private OperationsMount operations;
    private final Clock clock;
    private final ZoneId zone;
    private AlertRules alertRules = AlertRules.defaults();
    private Consumer<AlertRules> saveAlertRules = rules -> { };
    private OsNotifier notifier;
    /** Whether the user is looking at this window (the stage's focus unless a test says otherwise). */
    private java.util.function.BooleanSupplier windowFocused;
    private boolean closing;

    private javafx.beans.value.ChangeListener<java.util.Locale> environmentWords;

    public ConsoleWindow(Stage stage, I18n i18n, Clock clock, ZoneId zone, ExecutorService background,
                         StuckPolicy stuckPolicy, Themes theme) {
        this.stage = stage;
        this.i18n = i18n;
        this.background = background;
        this.theme = theme;
        this.clock = clock;
        this.zone = zone;
        this.bridge = new FeedBridge(clock);
        this.model = new SessionTableModel(stuckPolicy, clock, zone);
        this.view = new MainView(model, bridge, i18n, clock, zone, background, new SessionCodec(zone),
                this::auditReveal);
        this.scene = new Scene(view, 1280, 800);
        view.setStyle(HangulFont.rootStyle());
        TextMenus.install(view, i18n); // the search and filter fields' menus follow a language switch
        theme.applyTo(scene);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.titleProperty().bind(i18n.text("app.title"));
        var icon = ConsoleWindow.class.getResourceAsStream("/io/welno/console/ui/app-icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setOnCloseRequest(event -> {
            event.consume();
            if (mayLeave(false)) {
                close(Platform::exit);
            }
        });
    }

    /** Connections… at the toolbar's right end, where it never shrinks or hides. */
    public void addConnectionsButton(Runnable onAction) {
        javafx.scene.control.Button connections = new javafx.scene.control.Button();
        connections.setId("connectionsButton");
        connections.textProperty().bind(i18n.text("connect.button"));
        connections.setOnAction(e -> onAction.run());
        view.addToolbarItems(connections);
    }

    public void show() {
        stage.show();
    }

    /**
     * Runs {@code action} on the FX thread after the pulse that lays out the window's first frame, for work that
     * would otherwise compete with that frame for the CPU.
     */
    public void afterFirstFrame(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (done.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    scene.removePostLayoutPulseListener(listener[0]);
                    action.run();
                });
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** No connection chosen yet: says so instead of showing a connection in progress. */
    public void notConnected(Phrase text) {
        bridge.onModeChanged(io.welno.console.live.FeedMode.OFFLINE, text);
    }

    public void starting(Phrase text) {
        view.setEnvironment("", null);
        view.setRoleBadge("", false);
        bridge.onModeChanged(io.welno.console.live.FeedMode.CONNECTING, text);
    }

    /** The toolbar's connection label: the demo, or the profile's title and environment in the window's language. */
    private void showEnvironment(ConsoleServices started) {
        if (started.isDemo()) {
            view.setEnvironment(i18n.get("app.demo"), "env-demo");
        } else {
            // both come from the profiles file, which a user may have edited by hand: shown like outside text
            String title = SafeText.bounded(started.title(), SafeText.FIELD);
            String env = started.environment() == null ? "" : started.environment();
            view.setEnvironment(env.isEmpty() ? title
                            : title + " · " + SafeText.bounded(ProfileWords.environment(i18n, env), SafeText.FIELD),
                    ProfileWords.styleClass(env));
        }
    }

    /** Connects the window to running services; the feed starts delivering at once. */
    public void attach(ConsoleServices started) {
        this.services = started;
        showEnvironment(started);
        // in the language chosen later too: the environment is a word of the window's (removed at detach, as the
        // language outlives this window)
        environmentWords = (o, was, now) -> showEnvironment(started);
        i18n.localeProperty().addListener(environmentWords);
        view.setFeedPulse(started.feed());
        var operator = started.operator();
        view.detail().revealAllowedProperty().set(PersonalDataReveal.allowed(operator.role()));
        actions = new ActionsController(started.flow(), operator, view, i18n, background, started.codec(),
                started.isDemo());
        actions.installShortcuts(scene);
        view.connect(this::setTheme, started); // settings menu theme, F5 resync, badges follow the language
        if (started.isDemo()) {
            demoAids(operator.role());
        }
        // The profile's fallback folder: places ride on the rows, the detail pane diffs the file's last-read copy.
        started.fileFeed().ifPresent(files -> view.detail().useFileCopies(files::fileCopy));
        started.startFeed(bridge);
        if (notifier == null) {
            notifier = new TrayNotifier(i18n.text("app.title"));
        }
        operations = new OperationsMount(view, bridge, started, stage, i18n, clock, zone, background, alertRules,
                saveAlertRules, notifier, windowFocused != null ? windowFocused : stage::isFocused);
    }

    /**
     * The alert rules of the profile this window connects to, and where changed rules are saved (with the profile);
     * called before {@link #attach}. Without it the defaults apply and changes last as long as the window.
     */
    public void useAlertRules(AlertRules rules, Consumer<AlertRules> save) {
        this.alertRules = rules;
        this.saveAlertRules = save;
    }

    /** Where alerts go when the window is not focused (the system tray unless a test says otherwise). */
    public void useNotifier(OsNotifier osNotifier) {
        this.notifier = osNotifier;
    }

    /**
     * Where alerts go, and how to tell whether the user is looking at this window: a headless test has no other
     * application to switch to, so it says when the window counts as in the background. Called before {@link #attach}.
     */
    public void useNotifier(OsNotifier osNotifier, java.util.function.BooleanSupplier focused) {
        this.notifier = osNotifier;
        this.windowFocused = focused;
    }

    /** The bulk menu, alert list and audit tab, once attached. */
    public OperationsMount operations() {
        return operations;
    }

    /** The demo's role box in the status bar and, until it is dismissed once, the first-run hint. */
    private void demoAids(Role role) {
        roleSwitch = new RoleSwitch(i18n, role, this::switchRole);
        view.addStatusItems(roleSwitch);
        UiPreferences preferences = UiPreferences.user();
        if (!preferences.demoHintDismissed()) {
            view.showBanner(new DemoHint(i18n, () -> {
                preferences.setDemoHintDismissed();
                view.showBanner(null);
            }));
        }
    }

    /** The demo only: acts as {@code role} from now on (buttons, badge, reveal), as if connected with that role. */
    public void switchRole(Role role) {
        services.switchRole(role);
        var operator = services.operator();
        LOG.info("Demo role switched to {}", role.wire());
        actions.useOperator(operator);
        if (operations != null) {
            operations.useOperator(operator);
        }
        view.showOperator(operator);
        if (roleSwitch != null) {
            roleSwitch.show(role);
        }
        view.detail().revealAllowedProperty().set(PersonalDataReveal.allowed(role));
        // shown again from scratch: personal data a developer revealed does not stay on screen for the new role
        var shown = view.detail().current();
        view.detail().show(null);
        view.detail().show(shown);
    }

    public ActionsController actions() {
        return actions;
    }

    public void failed(Throwable error) {
        bridge.onModeChanged(io.welno.console.live.FeedMode.OFFLINE,
                Phrase.of("app.failed", StoreFailure.describe(error)));
    }

    /**
     * A reveal of personal data is an audited event, like an action (never logged with the data itself): the entry
     * is written on the background executor, and the answer says whether the pane may show the data.
     */
    private CompletableFuture<Optional<Phrase>> auditReveal(String sessionId) {
        ConsoleServices current = services;
        if (current == null) {
            return CompletableFuture.completedFuture(Optional.of(Phrase.of("reveal.notConnected")));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return PersonalDataReveal.reveal(current.flow().auditLog(), current.operator(), sessionId,
                        java.time.Instant.now(), Phrase.of("audit.reveal.screen")).map(PersonalDataReveal.Denied::why);
            } catch (RuntimeException e) {
                LOG.warn("Could not audit the reveal of {}: {}", SafeText.bounded(sessionId, SafeText.FIELD),
                        SafeText.bounded(Wording.cli().clause(StoreFailure.describe(e)), SafeText.TEXT));
                return Optional.of(Phrase.of("reveal.auditFailed", StoreFailure.of(e).phrase()));
            }
        }, background);
    }

    /** Rows currently in the table, for the smoke test. */
    public int renderedRows() {
        return view.table().getItems().size();
    }

    public MainView view() {
        return view;
    }

    public Scene scene() {
        return scene;
    }

    public I18n i18n() {
        return i18n;
    }

    public void setTheme(Themes newTheme) {
        theme = newTheme;
        theme.applyTo(scene);
    }

    public Themes theme() {
        return theme;
    }

    /**
     * Whether the window may close ({@code switching}: connect elsewhere) now: when changes are still held,
     * collections run or bulk runs have sessions not started, the user is asked first.
     */
    public boolean mayLeave(boolean switching) {
        if (closing || services == null) {
            return true;
        }
        LeaveQuestion.Work work = new LeaveQuestion.Work(services.flow()::openWork,
                () -> operations == null ? List.of() : operations.bulkNotStarted());
        return LeaveQuestion.mayLeave(stage, i18n, zone, switching, work, background);
    }

    /** Stops the view at once and the services off the FX thread, then runs {@code then} on the FX thread. */
    public void close(Runnable then) {
        if (closing) {
            return;
        }
        stage.hide();
        detach(then);
    }

    /** Stops this window's view and services (the stage stays), e.g. before connecting elsewhere. */
    public void detach(Runnable then) {
        closing = true;
        if (environmentWords != null) {
            i18n.localeProperty().removeListener(environmentWords);
        }
        view.stop();
        if (operations != null) {
            operations.stop();
        }
        if (notifier instanceof TrayNotifier tray) {
            tray.close();
        }
        ConsoleServices toClose = services;
        background.execute(() -> {
            try {
                if (toClose != null) {
                    toClose.close();
                }
            } catch (RuntimeException e) {
                LOG.warn("Stopping services failed: {}", e.getMessage());
            } finally {
                Platform.runLater(then);
            }
        });
    }
}
