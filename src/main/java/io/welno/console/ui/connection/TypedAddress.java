package io.welno.console.ui.connection;

import io.welno.console.store.RedisConnectionSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connection form's Redis address taken apart. People paste the URL their backend uses
 * ({@code redis://:secret@host:6379/2?socketTimeout=3000}); the form has fields of its own for the user, the password,
 * the database, the key prefix and the CA certificate, so those parts go to their fields (the password to the one kept
 * in memory only, never into a saved profile) and the address keeps the scheme, host, port and the options without a
 * field (timeouts, TLS verification).
 *
 * @param address  what the address field shows: {@code redis[s]://host:port[?option=value&…]}
 * @param user     the user the URL named, or null
 * @param password the password the URL held, or null
 * @param database the database the URL's path named, or null when it named none
 * @param prefix   the key prefix the URL named, or null
 * @param ca       the CA certificate file the URL named, or null
 * @param options  the URL's other parameters, as typed ({@code socketTimeout=3000})
 */
record TypedAddress(String address, String user, String password, Integer database, String prefix, String ca,
                    List<String> options) {

    /** Takes {@code typed} apart; a URL that is wrong in any part is refused with the sentence that says which. */
    static TypedAddress of(String typed) {
        String base = typed.strip();
        if (!base.contains("://")) {
            base = "redis://" + base;
        }
        RedisConnectionSettings.Written written = RedisConnectionSettings.written(base);
        RedisConnectionSettings parsed = written.settings();
        Map<String, String> options = new LinkedHashMap<>(written.parameters());
        String prefix = options.remove("prefix") == null ? null : parsed.keyPrefix();
        String ca = options.remove("ca") == null || parsed.caCertificate() == null ? null
                : parsed.caCertificate().toString();
        List<String> kept = List.copyOf(options.values());
        return new TypedAddress(withOptions(written.server(), kept), parsed.user(), parsed.password(),
                written.namesDatabase() ? parsed.database() : null, prefix, ca, kept);
    }

    /** The address field for saved settings: scheme, host and port, and the options that differ from the defaults. */
    static String shown(RedisConnectionSettings settings) {
        String host = settings.host().indexOf(':') >= 0 ? "[" + settings.host() + "]" : settings.host();
        RedisConnectionSettings defaults = RedisConnectionSettings.parse("redis://" + host);
        List<String> options = new ArrayList<>();
        if (settings.connectTimeoutMillis() != defaults.connectTimeoutMillis()) {
            options.add("connectTimeout=" + settings.connectTimeoutMillis());
        }
        if (settings.socketTimeoutMillis() != defaults.socketTimeoutMillis()) {
            options.add("socketTimeout=" + settings.socketTimeoutMillis());
        }
        if (settings.verification() != defaults.verification()) {
            options.add("verify=" + settings.verification().name().toLowerCase(java.util.Locale.ROOT));
        }
        return withOptions((settings.tls() ? "rediss://" : "redis://") + host + ":" + settings.port(), options);
    }

    /** The scheme, host and port alone: {@code redis://host:6379}. */
    String server() {
        int queryStart = address.indexOf('?');
        return queryStart < 0 ? address : address.substring(0, queryStart);
    }

    private static String withOptions(String server, List<String> options) {
        return options.isEmpty() ? server : server + "?" + String.join("&", options);
    }
}
