package io.welno.console.text;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Why a connection to Redis or Tilko failed, as a phrase: the network's usual complaints (refused, unknown host, no
 * route, no answer while connecting, reset, closed) and a TLS handshake's (a certificate no trusted authority signed,
 * one that has expired, is made out to another host or fails the JDK's checks, a TLS version or cipher the two sides
 * do not share, a server that does not speak TLS) have words in both
 * languages, so a Korean operator whose server is down or misconfigured reads Korean, not the JVM's English. Anything
 * else is quoted as said (outside text, sanitised where it is shown).
 */
public final class NetworkWords {

    /** The alert a TLS peer sent, as the JDK reports it: {@code Received fatal alert: handshake_failure}. */
    private static final Pattern ALERT = Pattern.compile("received fatal alert: ([a-z_]+)");

    private NetworkWords() {
    }

    /** The words for {@code error} (its causes read too); its own first line is quoted when none fit. */
    public static Phrase of(Throwable error) {
        return of(error, firstLine(String.valueOf(error.getMessage())));
    }

    /**
     * @param quoted what to quote when no words fit, and read with the exceptions' messages: a caller that has
     *               scrubbed a secret from the message hands the scrubbed text
     */
    public static Phrase of(Throwable error, String quoted) {
        String said = quoted == null ? "" : quoted;
        List<Throwable> chain = chain(error);
        String lower = said.toLowerCase(Locale.ROOT) + messages(chain);
        Phrase tls = tlsWords(chain, lower);
        if (tls != null) {
            return tls;
        }
        Phrase network = connectionWords(chain, lower);
        return network != null ? network : Phrase.of("text.verbatim", said);
    }

    /** Whether the failure is a TLS handshake's own (a certificate, a host name, a server without TLS). */
    public static boolean isHandshake(Throwable error) {
        List<Throwable> chain = chain(error);
        return tlsWords(chain, messages(chain)) != null;
    }

    /** Every message of the chain in lower case, one a line: what the words are matched against. */
    private static String messages(List<Throwable> chain) {
        StringBuilder lower = new StringBuilder();
        for (Throwable t : chain) {
            lower.append('\n').append(String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT));
        }
        return lower.toString();
    }

    private static Phrase tlsWords(List<Throwable> chain, String lower) {
        if (chain.stream().anyMatch(t -> t instanceof CertificateExpiredException
                || t instanceof CertificateNotYetValidException) || lower.contains("validity check failed")) {
            return Phrase.of("net.tls.expired");
        }
        if (lower.contains("pkix path building failed") || lower.contains("unable to find valid certification path")
                || lower.contains("self signed certificate") || lower.contains("self-signed certificate")) {
            return Phrase.of("net.tls.untrusted");
        }
        if (chain.stream().anyMatch(t -> t instanceof SSLPeerUnverifiedException)
                || lower.contains("no subject alternative") || lower.contains("no name matching")
                || lower.matches("(?s).*hostname \\S+ not verified.*")) {
            return Phrase.of("net.tls.wrongHost");
        }
        if (lower.contains("pkix path validation failed")) {
            return Phrase.of("net.tls.refused"); // revoked, or signed with an algorithm the JDK no longer takes
        }
        if (lower.contains("is not accepted by client preferences") || lower.contains("no appropriate protocol")
                || lower.contains("client requested protocol") && lower.contains("not enabled or not supported")) {
            return Phrase.of("net.tls.oldProtocol");
        }
        if (lower.contains("no cipher suites in common")) {
            return Phrase.of("net.tls.noCipher");
        }
        if (lower.contains("unrecognized ssl message") || lower.contains("plaintext connection")) {
            return Phrase.of("net.tls.notTls");
        }
        if (lower.contains("terminated the handshake") || lower.contains("closed connection during handshake")) {
            return Phrase.of("net.tls.closed");
        }
        Matcher alert = ALERT.matcher(lower);
        if (alert.find()) {
            return Phrase.of("net.tls.alert", alert.group(1));
        }
        return null;
    }

    private static Phrase connectionWords(List<Throwable> chain, String lower) {
        if (chain.stream().anyMatch(t -> t instanceof UnknownHostException)
                || lower.contains("name or service not known") || lower.contains("nodename nor servname")
                || lower.contains("no such host is known") || lower.contains("no address associated")) {
            return Phrase.of("net.unknownHost");
        }
        if (chain.stream().anyMatch(t -> t instanceof NoRouteToHostException) || lower.contains("no route to host")) {
            return Phrase.of("net.noRoute");
        }
        if (lower.contains("network is unreachable") || lower.contains("network is down")) {
            return Phrase.of("net.networkUnreachable");
        }
        if (lower.contains("connection refused")) {
            return Phrase.of("net.refused");
        }
        // The OS's own TCP timeout reads "Connection timed out" whether it struck while connecting or later.
        if (lower.contains("connect timed out") || lower.contains("connection timed out")
                && chain.stream().anyMatch(t -> t instanceof ConnectException)) {
            return Phrase.of("net.connectTimeout");
        }
        if (lower.contains("connection reset")) {
            return Phrase.of("net.reset");
        }
        if (lower.contains("broken pipe")) {
            return Phrase.of("net.brokenPipe");
        }
        if (lower.contains("connection timed out")) {
            return Phrase.of("net.timedOut"); // the OS gave up on a connection that was open
        }
        // Jedis's words for a socket that reached the end of its stream: the other side closed it.
        if (lower.contains("unexpected end of stream") || lower.contains("connection closed")
                || lower.contains("server has closed the connection")) {
            return Phrase.of("net.closed");
        }
        // Jedis refuses a connection it marked broken on an earlier command, before sending anything on it.
        if (lower.contains("broken connection")) {
            return Phrase.of("net.brokenEarlier");
        }
        // The JVM's words for this side's own socket, closed under the call (not the other side closing it).
        if (lower.contains("socket closed") || lower.contains("socket is closed")) {
            return Phrase.of("net.closedHere");
        }
        if (lower.contains("too many open files")) {
            return Phrase.of("net.tooManyFiles");
        }
        if (lower.contains("address already in use")) {
            return Phrase.of("net.portInUse"); // a server of this side's own that could not listen
        }
        if (lower.contains("stream was reset")) {
            return Phrase.of("net.streamReset"); // OkHttp: the server cancelled one HTTP/2 request
        }
        return null;
    }

    private static List<Throwable> chain(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && chain.size() < 10 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
