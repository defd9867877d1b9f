package io.welno.console.ui;

import io.welno.console.app.ConnectionProfile;
import io.welno.console.app.ConnectionProfiles;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window reads from disk at start-up, read on a thread of its own that begins before the JavaFX toolkit:
 * the logging set-up (the first logger configures Logback), the language and theme preferences (java.util.prefs
 * parses an XML file) and the saved connection profiles (Jackson). On the main, launcher or FX thread they delayed
 * the first frame; here they overlap the toolkit's start (docs/BENCHMARKS.md, P5). So that this happens here, the
 * start-up classes take their loggers when they log, not when they load.
 */
final class StartupReads {

    private final CompletableFuture<List<ConnectionProfile>> profiles = new CompletableFuture<>();

    private StartupReads() {
    }

    static StartupReads begin(ConnectionProfiles store) {
        StartupReads reads = new StartupReads();
        Thread thread = new Thread(() -> {
            Logger log = LoggerFactory.getLogger(StartupReads.class);
            // The FX thread asks for these while it builds the window; read here first, they come from memory then.
            UiPreferences preferences = UiPreferences.user();
            preferences.language();
            preferences.theme();
            reads.profiles.complete(savedOrEmpty(store, log));
        }, "startup-reads");
        thread.setDaemon(true);
        thread.start();
        return reads;
    }

    /** Runs {@code then} on the FX thread with the saved profiles (none when there is no file or it is unreadable). */
    void whenProfilesRead(Consumer<List<ConnectionProfile>> then) {
        profiles.thenAccept(saved -> Platform.runLater(() -> then.accept(saved)));
    }

    private static List<ConnectionProfile> savedOrEmpty(ConnectionProfiles store, Logger log) {
        try {
            return store.load();
        } catch (RuntimeException e) {
            log.warn("Ignoring unreadable connection profiles: {}", e.getMessage());
            return List.of();
        }
    }
}
