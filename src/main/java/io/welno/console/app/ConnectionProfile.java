package io.welno.console.app;

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
 * @param tilkoUrl     Tilko base URL for actions (the API key comes from TILKO_API_KEY)
 */
public record ConnectionProfile(String name, String url, String role, String zone, String environment,
                                boolean mayEnableNotifications, String tilkoUrl) {

    public ConnectionProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A profile needs a name");
        }
        if (url != null && url.matches(".*://[^/@]*:[^@/]+@.*")) {
            throw new IllegalArgumentException("Profiles do not store passwords; remove it from the URL");
        }
    }
}
