package io.welno.console.store;

import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Turns connection failures into sentences an operator can act on. */
public final class StoreErrors {

    private StoreErrors() {
    }

    public static String describe(Throwable error) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable cause = error; cause != null && chain.size() < 20; cause = cause.getCause()) {
            chain.add(cause);
            // Jedis reports each failed address as a suppressed exception of its own.
            chain.addAll(java.util.Arrays.asList(cause.getSuppressed()));
        }
        for (Throwable cause : chain) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof ConnectException || message.contains("Connection refused")) {
                return "the server refused the connection (is Redis running at that address and port?)";
            }
            if (cause instanceof UnknownHostException) {
                return "the host name could not be resolved";
            }
            if (cause instanceof SSLException || message.contains("PKIX") || message.contains("certificate")) {
                return "the TLS handshake failed (check the CA certificate and host name): " + firstLine(message);
            }
            if (message.startsWith("WRONGPASS") || message.contains("invalid username-password")
                    || message.startsWith("NOAUTH")) {
                return "authentication failed (check the user name and password)";
            }
            if (message.startsWith("NOPERM")) {
                return "the Redis user lacks a permission: " + firstLine(message);
            }
            if (message.toLowerCase(java.util.Locale.ROOT).contains("connect timed out")) {
                return "nothing answered at that address in time (check the address, a firewall or a VPN)";
            }
            if (message.contains("timed out")) {
                return "the server did not answer in time";
            }
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : firstLine(error.getMessage());
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
