package io.welno.console.app;

import io.welno.console.tilko.TilkoConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What the window remembers about its connections while it runs, and only in memory: the profile it is connected
 * to (so the connection dialog opens on it), and the Redis passwords and Tilko keys typed for each profile (so a
 * switch back does not ask again). Nothing here is ever written to a file; the profiles on disk hold no secret
 * (see {@link ConnectionProfile}).
 */
public final class ConnectionMemory {

    /** Where the Tilko key of a connection comes from. */
    public enum KeySource {
        /** Typed in the connection dialog, kept in memory until the console closes. */
        TYPED,
        /** The {@code TILKO_API_KEY} environment variable. */
        ENVIRONMENT,
        /** Neither: Tilko's actions stay off. */
        NONE
    }

    private final UnaryOperator<String> environment;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, String> tilkoKeys = new ConcurrentHashMap<>();
    private volatile String current;
    private volatile boolean demo;

    /** @param environment reads an environment variable ({@code System::getenv}), or null when it is not set */
    public ConnectionMemory(UnaryOperator<String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public static ConnectionMemory ofSystem() {
        return new ConnectionMemory(System::getenv);
    }

    /** The profile the window is connected to, or empty for the demo or before the first connection. */
    public Optional<String> current() {
        return Optional.ofNullable(current);
    }

    /** Whether the window is connected to the embedded demo. */
    public boolean demo() {
        return demo;
    }

    /**
     * Remembers a connection that worked: it becomes the current one, and what was typed for it is kept (an empty
     * password or key forgets the one kept before).
     *
     * @param profile null for the demo
     */
    public void connected(String profile, String password, String typedTilkoKey) {
        current = profile;
        demo = profile == null;
        if (profile == null) {
            return;
        }
        keep(passwords, profile, password);
        keep(tilkoKeys, profile, typedTilkoKey);
    }

    private static void keep(Map<String, String> secrets, String profile, String secret) {
        if (secret == null || secret.isEmpty()) {
            secrets.remove(profile);
        } else {
            secrets.put(profile, secret);
        }
    }

    /** The password that worked for this profile since the console started, or empty. */
    public Optional<String> password(String profile) {
        return profile == null ? Optional.empty() : Optional.ofNullable(passwords.get(profile));
    }

    /** The Tilko key typed for this profile since the console started, or empty. */
    public Optional<String> typedTilkoKey(String profile) {
        return profile == null ? Optional.empty() : Optional.ofNullable(tilkoKeys.get(profile));
    }

    /** Which key a connection would use with {@code typed} in the dialog's field (null or empty: none typed). */
    public KeySource tilkoKeySource(String typed) {
        if (typed != null && !typed.isBlank()) {
            return KeySource.TYPED;
        }
        String fromEnvironment = environment.apply(TilkoConfig.API_KEY_ENV);
        return fromEnvironment != null && !fromEnvironment.isBlank() ? KeySource.ENVIRONMENT : KeySource.NONE;
    }

    /** The key a connection uses with {@code typed} in the dialog's field: that one, else the environment's. */
    public Optional<String> tilkoKey(String typed) {
        return switch (tilkoKeySource(typed)) {
            case TYPED -> Optional.of(typed.strip());
            case ENVIRONMENT -> Optional.of(environment.apply(TilkoConfig.API_KEY_ENV).strip());
            case NONE -> Optional.empty();
        };
    }
}
