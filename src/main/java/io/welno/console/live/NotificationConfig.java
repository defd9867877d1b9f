package io.welno.console.live;

import io.welno.console.text.Phrase;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The server's {@code notify-keyspace-events} flags: what the feed needs ({@code K$gx}: keyspace channel, string
 * commands, generic commands such as DEL/EXPIRE, expiry), how to add what is missing without dropping the flags
 * somebody else relies on, and the connect-time check that decides between LIVE and POLLING.
 */
public final class NotificationConfig {

    /** Keyspace channel ({@code K}), string commands ({@code $}), generic commands ({@code g}), expiry ({@code x}). */
    public static final String REQUIRED = "K$gx";
    static final String PARAMETER = "notify-keyspace-events";
    /** What the alias {@code A} stands for (Redis 6.2–7.x). */
    private static final String ALIAS_A = "g$lshzxetd";
    private static final Phrase CONFIG_FORBIDDEN = Phrase.of("feed.notify.configForbidden");

    private NotificationConfig() {
    }

    /** The required flags the given setting lacks, in {@code K$gx} order; "" when nothing is missing. */
    public static String missing(String flags) {
        String current = flags == null ? "" : flags;
        String expanded = current.indexOf('A') >= 0 ? current + ALIAS_A : current;
        StringBuilder missing = new StringBuilder();
        for (char flag : REQUIRED.toCharArray()) {
            if (expanded.indexOf(flag) < 0) {
                missing.append(flag);
            }
        }
        return missing.toString();
    }

    public static boolean sufficient(String flags) {
        return missing(flags).isEmpty();
    }

    /**
     * The setting with the missing required flags appended: existing flags are never dropped, because
     * {@code CONFIG SET} replaces the whole string and another application may depend on them.
     * {@code "" → "K$gx"}, {@code "Ex" → "ExK$g"}, {@code "AKE" → "AKE"}.
     */
    public static String merge(String flags) {
        String current = flags == null ? "" : flags;
        return current + missing(current);
    }

    /** What the connect-time check found on one server. */
    public enum Outcome {
        /** The flags were already sufficient. */
        ALREADY_ON,
        /** The flags were missing and the feed added them. */
        ENABLED,
        /** The flags are missing and the profile does not allow changing them. */
        OFF_NOT_ALLOWED,
        /** The user may not run CONFIG (ACL). */
        CONFIG_FORBIDDEN,
        /** CONFIG is renamed or disabled on the server (managed services do this). */
        CONFIG_UNAVAILABLE;

        public boolean live() {
            return this == ALREADY_ON || this == ENABLED;
        }
    }

    /**
     * @param before the flags read ({@code null} when they could not be read)
     * @param after  the flags in force afterwards ({@code null} when unknown)
     * @param detail what happened, for logs and the status bar; the flags and Redis's words are arguments
     */
    public record Check(Outcome outcome, String before, String after, Phrase detail) {
    }

    /**
     * Reads the flags and, when they are missing and {@code mayEnable} is true, adds them. Connection failures
     * propagate (the caller reconnects); permission problems become an outcome.
     */
    public static Check check(UnifiedJedis redis, boolean mayEnable, String server) {
        String before;
        try {
            Map<String, String> reply = redis.configGet(PARAMETER);
            before = reply.get(PARAMETER);
            if (before == null) {
                return new Check(Outcome.CONFIG_UNAVAILABLE, null, null,
                        Phrase.of("feed.notify.notReported", server, PARAMETER));
            }
        } catch (JedisConnectionException e) {
            throw e;
        } catch (JedisAccessControlException e) {
            return new Check(Outcome.CONFIG_FORBIDDEN, null, null, CONFIG_FORBIDDEN);
        } catch (JedisDataException e) {
            return new Check(unavailableOrForbidden(e), null, null, sentenceFor(e));
        }
        if (sufficient(before)) {
            return new Check(Outcome.ALREADY_ON, before, before, Phrase.of("feed.notify.on", before));
        }
        if (!mayEnable) {
            return new Check(Outcome.OFF_NOT_ALLOWED, before, before, before.isEmpty()
                    ? Phrase.of("feed.notify.off") : Phrase.of("feed.notify.incomplete", before, REQUIRED));
        }
        String merged = merge(before);
        try {
            redis.configSet(PARAMETER, merged);
        } catch (JedisConnectionException e) {
            throw e;
        } catch (JedisAccessControlException e) {
            return new Check(Outcome.CONFIG_FORBIDDEN, before, before,
                    Phrase.of("feed.notify.readOnly", PARAMETER));
        } catch (JedisDataException e) {
            return new Check(unavailableOrForbidden(e), before, before, sentenceFor(e));
        }
        String after = redis.configGet(PARAMETER).getOrDefault(PARAMETER, merged);
        return new Check(sufficient(after) ? Outcome.ENABLED : Outcome.CONFIG_UNAVAILABLE, before, after,
                sufficient(after)
                        ? Phrase.of("feed.notify.enabled", before, after)
                        : Phrase.of("feed.notify.notAccepted", PARAMETER, merged));
    }

    private static Outcome unavailableOrForbidden(JedisDataException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("NOPERM") ? Outcome.CONFIG_FORBIDDEN : Outcome.CONFIG_UNAVAILABLE;
    }

    private static Phrase sentenceFor(JedisDataException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("NOPERM")) {
            return CONFIG_FORBIDDEN;
        }
        if (message.toLowerCase(Locale.ROOT).contains("unknown command")) {
            return Phrase.of("feed.notify.configDisabled");
        }
        int newline = message.indexOf('\n');
        return Phrase.of("feed.notify.configFailed", newline < 0 ? message : message.substring(0, newline));
    }
}
