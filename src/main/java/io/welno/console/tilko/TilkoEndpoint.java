package io.welno.console.tilko;

import java.util.Locale;
import java.util.Optional;

/**
 * The Tilko endpoints this project speaks (docs/tilko.md, "Client" and "Wire details"). The simulator routes on the
 * same table, matching paths case-insensitively as Tilko's ASP.NET routing does.
 */
public enum TilkoEndpoint {
    PUBLIC_KEY("GET", "/api/Auth/GetPublicKey"),
    SIMPLE_AUTH("POST", "/api/v1.0/NhisSimpleAuth/SimpleAuthRequest"),
    LOGIN_CHECK("POST", "/api/v2.0/NhisSimpleAuth/LoginCheck"),
    CHECKUPS("POST", "/api/v1.0/NhisSimpleAuth/Ggpab003M0105"),
    PRESCRIPTIONS("POST", "/api/v1.0/NhisSimpleAuth/RetrieveTreatmentInjectionInformationPerson");

    private final String method;
    private final String path;

    TilkoEndpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    /** The canonical path (leading slash, Tilko's own casing). */
    public String path() {
        return path;
    }

    /**
     * Finds the endpoint for a request path the way Tilko does: case-insensitive, with repeated slashes
     * collapsed (the official samples send {@code //api/Auth/GetPublicKey}) and a trailing slash ignored.
     */
    public static Optional<TilkoEndpoint> forPath(String requestPath) {
        String normalized = normalizePath(requestPath);
        for (TilkoEndpoint e : values()) {
            if (e.path.toLowerCase(Locale.ROOT).equals(normalized)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Lower-cased path with duplicate and trailing slashes removed. */
    public static String normalizePath(String requestPath) {
        String p = requestPath == null ? "/" : requestPath.replaceAll("/{2,}", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p.toLowerCase(Locale.ROOT);
    }
}
