package io.welno.console.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.welno.console.session.JsonProblems;
import io.welno.console.text.FileWords;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The saved profiles, as JSON in the user's configuration directory (no passwords, see {@link ConnectionProfile}). */
public final class ConnectionProfiles {

    /**
     * Built on first use, not with the class: the window names its profile store before its first frame, and
     * Jackson's classes are a tenth of a second it does not need then (docs/BENCHMARKS.md, P5).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final Path file;

    public ConnectionProfiles(Path file) {
        this.file = file;
    }

    public static ConnectionProfiles inUserConfig() {
        return new ConnectionProfiles(configDirectory().resolve("profiles.json"));
    }

    /** %APPDATA%\WELNO Console, ~/Library/Application Support/WELNO Console, or $XDG_CONFIG_HOME/welno-console. */
    public static Path configDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "WELNO Console");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "WELNO Console");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("welno-console");
    }

    public Path file() {
        return file;
    }

    public List<ConnectionProfile> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), new TypeReference<List<ConnectionProfile>>() { });
        } catch (JsonProcessingException e) {
            // a hand-edited file's mistake, by line and column in the window's language
            throw new PhrasedException(Phrase.of("profiles.readFailed", file.toString(), JsonProblems.of(e)), e);
        } catch (IOException e) {
            throw new PhrasedException(Phrase.of("profiles.readFailed", file.toString(), FileWords.of(e, file)), e);
        }
    }

    /**
     * Replaces the saved profile named {@code name} with {@code change} of it (read, changed and written at once, so
     * a profile edited in another window since is not undone); nothing happens when no profile has that name.
     */
    public synchronized void update(String name, java.util.function.UnaryOperator<ConnectionProfile> change) {
        List<ConnectionProfile> all = new ArrayList<>(load());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(name)) {
                all.set(i, change.apply(all.get(i)));
                save(all);
                return;
            }
        }
    }

    public void save(List<ConnectionProfile> profiles) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "profiles", ".tmp");
            Json.MAPPER.writeValue(temp.toFile(), new ArrayList<>(profiles));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PhrasedException(Phrase.of("profiles.saveFailed", file.toString(), FileWords.of(e, file)), e);
        }
    }
}
