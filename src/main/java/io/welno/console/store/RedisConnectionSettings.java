package io.welno.console.store;

import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import io.welno.console.text.SafeText;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
    /** The accepted form, as errors state it. */
    public static final String FORM = "redis[s]://[user[:password]@]host[:port][/db][?param=value&…]";
    static final int DEFAULT_PORT = 6379;
    static final int MAX_TIMEOUT_MILLIS = 600_000;
    private static final List<String> PARAMETERS = List.of("prefix", "connectTimeout", "socketTimeout", "ca", "verify");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");

    public enum TlsVerification { FULL, CA, INSECURE }

    /**
     * Parses a URL, or says in one sentence which part is wrong and what is accepted. A message never
     * repeats the user part of the URL, so no password (even one with an unescaped {@code @} or {@code /})
     * reaches an error or a log.
     */
    public static RedisConnectionSettings parse(String url) {
        String text = url == null ? "" : url.strip();
        if (text.isEmpty()) {
            throw invalid("url.empty", FORM);
        }
        if (SafeText.firstUnsafe(text) >= 0) {
            throw invalid("url.unsafe", SafeText.firstUnsafe(text) + 1, FORM);
        }
        Split split = split(text);
        String scheme = split.scheme();
        String userInfo = split.userInfo();
        String authority = split.authority();
        String path = split.path();

        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid("url.ipv6Unclosed");
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw invalid("url.ipv6After", shown(after));
            }
            portText = after.isEmpty() ? null : after.substring(1);
            if (!IPV6.matcher(host).matches()) {
                throw invalid("url.ipv6Invalid", shown("[" + host + "]"));
            }
        } else {
            int colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
                throw invalid("url.ipv6Brackets");
            }
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
            if (host.isEmpty()) {
                throw invalid("url.noHost", FORM);
            }
            if (!HOST_NAME.matcher(host).matches()) {
                throw invalid("url.badHost", shown(host));
            }
        }
        int port = portText == null ? DEFAULT_PORT : port(portText);
        int database = database(path);

        String user = null;
        String password = null;
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            user = rawUser.isEmpty() ? null : decode(rawUser, Phrase.of("url.part.userName"));
            if (user != null && SafeText.firstUnsafe(user) >= 0) {
                // checked above as written; a %-escape can still make one, and the name is shown and logged
                throw invalid("url.userUnsafe");
            }
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), Phrase.of("url.part.password"));
        }
        Map<String, String> query = query(split.query());
        String prefix = query.getOrDefault("prefix", DEFAULT_PREFIX);
        checkPrefix(prefix, "url.prefix");
        Path ca = caPath(query.get("ca"));
        TlsVerification verification = verification(query.get("verify"));
        boolean tls = scheme.equalsIgnoreCase("rediss");
        if (!tls) {
            // Taken as written, the URL reads as a connection over TLS, but redis:// sends everything, the password
            // too, in the clear.
            for (String tlsOnly : List.of("ca", "verify")) {
                if (query.containsKey(tlsOnly)) {
                    throw invalid("url.tlsOnly", tlsOnly);
                }
            }
        }
        return new RedisConnectionSettings(host, port, tls, user, password, database,
                millis(query, "connectTimeout", 2000), millis(query, "socketTimeout", 5000),
                prefix, ca, verification);
    }

    /**
     * A URL as written, once {@link #parse} accepts it: the settings it parses to, its scheme and authority
     * ({@code redis://host:6379}), whether its path names a database, and each parameter by its decoded name with the
     * pair as written ({@code socketTimeout=3000}), in order. For a form that spreads a pasted URL over fields of its
     * own.
     */
    public record Written(RedisConnectionSettings settings, String server, boolean namesDatabase,
                          Map<String, String> parameters) {
    }

    public static Written written(String url) {
        RedisConnectionSettings settings = parse(url); // every part checked, with the sentences parse says them in
        Split split = split(url.strip());
        Map<String, String> parameters = new LinkedHashMap<>();
        if (split.query() != null) {
            for (String pair : split.query().split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    parameters.put(decode(eq < 0 ? pair : pair.substring(0, eq),
                            Phrase.of("url.part.parameterName")), pair);
                }
            }
        }
        return new Written(settings, split.scheme() + "://" + split.authority(), split.path().length() > 1,
                Collections.unmodifiableMap(parameters));
    }

    /** A URL cut into its parts as written; the user part, the authority and the parameters are checked later. */
    private record Split(String scheme, String userInfo, String authority, String path, String query) {
    }

    private static Split split(String text) {
        int schemeEnd = text.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : text.substring(0, schemeEnd);
        if (!scheme.equalsIgnoreCase("redis") && !scheme.equalsIgnoreCase("rediss")) {
            throw schemeEnd < 0 || scheme.isEmpty() || scheme.length() > 12 ? invalid("url.scheme")
                    : invalid("url.schemeNot", scheme);
        }
        String rest = text.substring(schemeEnd + 3);
        int queryStart = rest.indexOf('?');
        String head = queryStart < 0 ? rest : rest.substring(0, queryStart);
        // The last @ ends the user part, so a password with an unescaped @ or / still parses.
        int at = head.lastIndexOf('@');
        if (queryStart >= 0 && rest.indexOf('@', queryStart) >= 0) {
            // "redis://u:pa?ss@host" or "redis://u:pa?x=1@host": the ? may belong to the password, and taking what
            // follows it for the host, the port or a parameter would repeat a part of the password in errors, logs,
            // the status bar and saved profiles. An @ after a ? is refused, whichever way it was meant.
            throw invalid("url.passwordQuery");
        }
        String hostPart = head.substring(at + 1);
        if (hostPart.indexOf('#') >= 0) {
            throw invalid("url.fragment");
        }
        int slash = hostPart.indexOf('/');
        return new Split(scheme, at < 0 ? null : head.substring(0, at),
                slash < 0 ? hostPart : hostPart.substring(0, slash), slash < 0 ? "" : hostPart.substring(slash),
                queryStart < 0 ? null : rest.substring(queryStart + 1));
    }

    public RedisConnectionSettings withKeyPrefix(String prefix) {
        checkKeyPrefix(prefix);
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
        return out.append(address()).append('/').append(database).toString();
    }

    /** host:port, with an IPv6 address in brackets. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return redactedUrl() + " prefix=" + keyPrefix;
    }

    /** Refuses a key prefix that is empty or holds control characters, with a sentence saying so. */
    public static void checkKeyPrefix(String prefix) {
        checkPrefix(prefix, "prefix");
    }

    /**
     * A prefix selects the keys that are sessions: an empty one would take every key of the database.
     *
     * @param keys {@code url.prefix} (the URL's parameter) or {@code prefix} (an option): the family of the phrases
     */
    static void checkPrefix(String prefix, String keys) {
        if (prefix == null || prefix.isEmpty()) {
            throw invalid(keys + ".empty", DEFAULT_PREFIX);
        }
        if (SafeText.firstUnsafe(prefix) >= 0) {
            throw invalid(keys + ".unsafe", shown(prefix));
        }
    }

    private static int port(String text) {
        if (text.isEmpty()) {
            throw invalid("url.portEmpty");
        }
        boolean digits = text.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits) {
            // "redis://user:password" without "@host": what stands after the : may be a password, never repeated
            throw invalid("url.portNotNumber");
        }
        int port = text.length() <= 5 ? Integer.parseInt(text) : -1;
        if (port < 1 || port > 65535) {
            throw invalid("url.port", shown(text));
        }
        return port;
    }

    private static int database(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String text = path.substring(1);
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("url.database", shown(path));
        }
        return Integer.parseInt(text);
    }

    private static String decode(String text, Phrase what) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // the decoder's own message would quote the text: never, it may be a password
            throw invalid("url.badEscape", what);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), Phrase.of("url.part.parameterName"));
            if (!PARAMETERS.contains(name)) {
                throw invalid("url.unknownParameter", shown(name), String.join(", ", PARAMETERS));
            }
            params.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1), Phrase.of("url.part.parameter", name)));
        }
        return params;
    }

    private static int millis(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        int millis = !value.isEmpty() && value.length() <= 9 && value.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Integer.parseInt(value) : -1;
        if (millis < 1 || millis > MAX_TIMEOUT_MILLIS) {
            throw invalid("url.millis", name, MAX_TIMEOUT_MILLIS, shown(value));
        }
        return millis;
    }

    private static TlsVerification verification(String value) {
        if (value == null) {
            return TlsVerification.FULL;
        }
        for (TlsVerification v : TlsVerification.values()) {
            if (v.name().equalsIgnoreCase(value)) {
                return v;
            }
        }
        throw invalid("url.verify", shown(value));
    }

    private static Path caPath(String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || SafeText.firstUnsafe(value) >= 0) {
            throw invalid("url.ca", shown(value));
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw invalid("url.ca", shown(value));
        }
    }

    /** A part of the input as an error repeats it: escaped and short. */
    private static String shown(String part) {
        return "'" + SafeText.bounded(part, 60) + "'";
    }

    /** Bad input named as a phrase: the window words it in its language, the command line in English. */
    private static PhrasedException invalid(String key, Object... args) {
        return new PhrasedException(Phrase.of(key, args));
    }
}
