package io.welno.console.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and how to reach Redis, parsed from one URL:
 * {@code redis[s]://[user[:password]@]host[:port][/db][?prefix=…&connectTimeout=ms&socketTimeout=ms&ca=path&verify=full|ca|insecure]}.
 * The password never appears in {@link #toString()} or {@link #redactedUrl()}.
 */
public record RedisConnectionSettings(String host, int port, boolean tls, String user, String password, int database,
                                      int connectTimeoutMillis, int socketTimeoutMillis, String keyPrefix,
                                      Path caCertificate, TlsVerification verification) {

    public static final String DEFAULT_URL = "redis://127.0.0.1:6379/0";
    public static final String DEFAULT_PREFIX = "tilko_session:";

    public enum TlsVerification { FULL, CA, INSECURE }

    public static RedisConnectionSettings parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a valid Redis URL: " + redact(url));
        }
        String scheme = uri.getScheme();
        if (!"redis".equalsIgnoreCase(scheme) && !"rediss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("A Redis URL starts with redis:// or rediss://, not: " + redact(url));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The Redis URL has no host: " + redact(url));
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            user = rawUser.isEmpty() ? null : decode(rawUser);
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        int database = 0;
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The database in a Redis URL is a number (e.g. /0), not " + path);
            }
        }
        Map<String, String> query = query(uri.getRawQuery());
        return new RedisConnectionSettings(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(),
                "rediss".equalsIgnoreCase(scheme), user, password, database,
                intParam(query, "connectTimeout", 2000), intParam(query, "socketTimeout", 5000),
                query.getOrDefault("prefix", DEFAULT_PREFIX),
                query.containsKey("ca") ? Path.of(query.get("ca")) : null,
                TlsVerification.valueOf(query.getOrDefault("verify", "full").toUpperCase()));
    }

    public RedisConnectionSettings withKeyPrefix(String prefix) {
        return new RedisConnectionSettings(host, port, tls, user, password, database, connectTimeoutMillis,
                socketTimeoutMillis, prefix, caCertificate, verification);
    }

    public RedisConnectionSettings withPassword(String newPassword) {
        return new RedisConnectionSettings(host, port, tls, user, newPassword, database, connectTimeoutMillis,
                socketTimeoutMillis, keyPrefix, caCertificate, verification);
    }

    public String key(String sessionId) {
        return keyPrefix + sessionId;
    }

    public String idOf(String key) {
        return key.startsWith(keyPrefix) ? key.substring(keyPrefix.length()) : key;
    }

    /** The URL with the password replaced, for titles, logs and the status bar. */
    public String redactedUrl() {
        StringBuilder out = new StringBuilder(tls ? "rediss://" : "redis://");
        if (user != null || password != null) {
            out.append(user == null ? "" : user).append(password == null ? "" : ":***").append('@');
        }
        return out.append(host).append(':').append(port).append('/').append(database).toString();
    }

    @Override
    public String toString() {
        return redactedUrl() + " prefix=" + keyPrefix;
    }

    private static String redact(String url) {
        return url.replaceAll("(://[^:@/]*:)[^@]*@", "$1***@");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            params.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static int intParam(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " in the Redis URL must be a number of milliseconds, not " + value);
        }
    }
}
