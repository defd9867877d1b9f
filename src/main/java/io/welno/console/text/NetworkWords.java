package io.welno.console.text;

import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * What the operating system or the Redis client said about a connection, as a phrase: its usual complaints (refused,
 * unknown host, no route, no answer while connecting, reset, closed) have words in both languages, so a Korean
 * operator whose Redis is down reads Korean, not the JVM's English. Anything else is quoted as it was said (outside
 * text). Tilko's failures keep their technical detail (the exception and the URL), which names more than the words.
 */
public final class NetworkWords {

    private NetworkWords() {
    }

    /**
     * @param error  the exception that carried the complaint (its type names an unknown host or no route)
     * @param detail the complaint as it was said, quoted when it is none of the usual ones
     */
    public static Phrase of(Throwable error, String detail) {
        String said = detail == null ? "" : detail;
        String lower = said.toLowerCase(Locale.ROOT);
        if (error instanceof UnknownHostException || lower.contains("name or service not known")
                || lower.contains("nodename nor servname") || lower.contains("no such host is known")) {
            return Phrase.of("net.unknownHost");
        }
        if (error instanceof NoRouteToHostException || lower.contains("no route to host")) {
            return Phrase.of("net.noRoute");
        }
        if (lower.contains("network is unreachable")) {
            return Phrase.of("net.networkUnreachable");
        }
        if (lower.contains("connection refused")) {
            return Phrase.of("net.refused");
        }
        if (lower.contains("connect timed out")) {
            return Phrase.of("net.connectTimeout");
        }
        if (lower.contains("connection reset")) {
            return Phrase.of("net.reset");
        }
        if (lower.contains("broken pipe")) {
            return Phrase.of("net.brokenPipe");
        }
        if (lower.contains("unexpected end of stream") || lower.contains("connection closed")) {
            return Phrase.of("net.closed");
        }
        return Phrase.of("text.verbatim", said);
    }
}
