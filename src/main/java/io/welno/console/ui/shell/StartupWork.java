package io.welno.console.ui.shell;

import io.welno.console.ui.common.HangulFont;
import io.welno.console.ui.common.UiPreferences;
import io.welno.console.app.ConnectionProfile;
import io.welno.console.app.ConnectionProfiles;
import io.welno.console.app.JavaLogging;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.text.SafeText;
import io.welno.console.view.Wording;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window reads and sets up before it can show anything, done on a thread of its own that begins before the
 * JavaFX toolkit: the logging set-up (java.util.logging routed into SLF4J, then the first logger configures Logback),
 * the language and theme preferences
 * (java.util.prefs parses an XML file), the Hangul font ({@link HangulFont}), Jackson (the window's detail pane builds a {@link SessionCodec}: a few
 * hundred classes to load and initialise) and the saved connection profiles. On the main, launcher or FX thread
 * they delayed the first frame; here they overlap the toolkit's start (docs/BENCHMARKS.md, P5). So that this
 * happens here, the start-up classes take their loggers when they log, not when they load.
 */
final class StartupWork {

    private final CompletableFuture<List<ConnectionProfile>> profiles = new CompletableFuture<>();

    private StartupWork() {
    }

    static StartupWork begin(ConnectionProfiles store) {
        StartupWork work = new StartupWork();
        Thread thread = new Thread(() -> {
            try {
                prepare(work, store);
            } catch (RuntimeException | Error e) {
                if (shuttingDown(e)) {
                    // The window could not start (no display) and the JVM is exiting with its one sentence: the
                    // preferences' first use (java.util.prefs adds a shutdown hook) must not add a stack trace to it.
                    return;
                }
                LoggerFactory.getLogger(StartupWork.class).warn("Start-up work failed: {}",
                        SafeText.bounded(String.valueOf(Wording.cli().said(e)), SafeText.TEXT));
                work.profiles.complete(savedOrEmpty(store, LoggerFactory.getLogger(StartupWork.class)));
            }
        }, "startup-work");
        thread.setDaemon(true);
        thread.start();
        return work;
    }

    private static void prepare(StartupWork work, ConnectionProfiles store) {
        JavaLogging.install();
        Logger log = LoggerFactory.getLogger(StartupWork.class);
        // The FX thread asks for these while it builds the window; read here first, they come from memory then.
        UiPreferences preferences = UiPreferences.user();
        preferences.language();
        preferences.theme();
        // The window's root style names the Hangul family: choose it (loading the bundled font when the system
        // has none, a tenth of a second) while the toolkit starts, not on the FX thread.
        HangulFont.prepare();
        new SessionCodec(Timestamps.DEFAULT_ZONE); // loads and initialises Jackson for the one the window makes
        work.profiles.complete(savedOrEmpty(store, log));
    }

    /** Whether a failure is the JVM refusing a shutdown hook because it is already exiting. */
    private static boolean shuttingDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && "Shutdown in progress".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code then} on the FX thread with the saved profiles (none when there is no file or it is unreadable). */
    void whenProfilesRead(Consumer<List<ConnectionProfile>> then) {
        profiles.thenAccept(saved -> Platform.runLater(() -> then.accept(saved)));
    }

    private static List<ConnectionProfile> savedOrEmpty(ConnectionProfiles store, Logger log) {
        try {
            return store.load();
        } catch (RuntimeException e) {
            log.warn("Ignoring unreadable connection profiles: {}", Wording.cli().said(e));
            return List.of();
        }
    }
}
