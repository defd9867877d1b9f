package io.welno.console.app;

import io.welno.console.flow.Role;
import io.welno.console.session.Timestamps;
import io.welno.console.store.FileSessionStore;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import io.welno.console.text.SafeText;
import io.welno.console.view.AlertRules;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A saved connection: where the sessions are, who the operator is allowed to be there, and how the
 * window should look for it. Passwords are never part of a profile (they are asked for at connect
 * time and kept only in memory), so nothing secret is ever written to disk.
 *
 * @param url          Redis URL without a password (user, host, port, db, prefix, TLS options)
 * @param role         viewer, operator or developer
 * @param zone         the backend host's time zone for naive timestamps
 * @param environment  a label such as "production" (shown in red), "staging" or "development"
 * @param mayEnableNotifications whether the console may turn on keyspace notifications on that server
 * @param tilkoUrl     Tilko base URL for actions (the API key is typed in the connection dialog and kept in memory,
 *                     or comes from TILKO_API_KEY; see {@link ConnectionMemory})
 * @param filesDirectory the backend's fallback folder ({@code data/tilko_sessions}, mounted or copied), or null:
 *                     its sessions are shown beside Redis's (docs/flow.md, "File fallback")
 * @param alerts       the window's alert rules for this connection, or null for the defaults
 */
public record ConnectionProfile(String name, String url, String role, String zone, String environment,
                                boolean mayEnableNotifications, String tilkoUrl, String filesDirectory,
                                ProfileAlerts alerts) {

    public ConnectionProfile {
        if (name == null || name.isBlank()) {
            throw new PhrasedException(Phrase.of("profile.noName"));
        }
        if (url != null && url.matches(".*://[^/@]*:[^@/]+@.*")) {
            throw new PhrasedException(Phrase.of("profile.password"));
        }
        filesDirectory = filesDirectory == null || filesDirectory.isBlank() ? null : filesDirectory.strip();
    }

    /** A profile with the default alert rules. */
    public ConnectionProfile(String name, String url, String role, String zone, String environment,
                             boolean mayEnableNotifications, String tilkoUrl, String filesDirectory) {
        this(name, url, role, zone, environment, mayEnableNotifications, tilkoUrl, filesDirectory, null);
    }

    /** A profile without a fallback folder. */
    public ConnectionProfile(String name, String url, String role, String zone, String environment,
                             boolean mayEnableNotifications, String tilkoUrl) {
        this(name, url, role, zone, environment, mayEnableNotifications, tilkoUrl, null);
    }

    /**
     * Why the fallback folder cannot be used now (it is missing, not a folder, or not readable), or empty when it can
     * or none is set. Checked when the profile is saved and again when it connects: a share can be unmounted since.
     */
    public Optional<Phrase> filesProblem() {
        if (filesDirectory == null) {
            return Optional.empty();
        }
        try {
            return FileSessionStore.directoryProblem(Path.of(filesDirectory));
        } catch (InvalidPathException e) {
            return Optional.of(Phrase.of("files.missing", SafeText.bounded(filesDirectory, SafeText.FIELD)));
        }
    }

    /**
     * The role the console acts with on this profile: a viewer when none is set.
     *
     * @throws PhrasedException when a hand-edited profile names no role the console knows
     */
    public Role resolvedRole() {
        return role == null ? Role.VIEWER : Role.fromWire(role);
    }

    /** The alert rules saved with this profile, or the defaults. */
    public AlertRules alertRules() {
        return alerts == null ? AlertRules.defaults() : alerts.rules();
    }

    /** This profile with other alert rules. */
    public ConnectionProfile withAlerts(AlertRules rules) {
        return new ConnectionProfile(name, url, role, zone, environment, mayEnableNotifications, tilkoUrl,
                filesDirectory, ProfileAlerts.of(rules));
    }

    /** The fallback folder, or empty when the profile has none. */
    public Optional<Path> files() {
        return Optional.ofNullable(filesDirectory).map(Path::of);
    }

    /**
     * The backend's zone this profile names; a blank one (a hand-edited file) is the default. A zone that is not one
     * refuses the connection, saying so.
     */
    public ZoneId zoneId() {
        return zoneOf(zone);
    }

    /** The zone {@code text} names, by the rule of {@link #zoneId()}: the form checks what a profile will use. */
    public static ZoneId zoneOf(String text) {
        if (text == null || text.isBlank()) {
            return Timestamps.DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new PhrasedException(Phrase.of("connect.zone.invalid", text.strip()));
        }
    }
}
