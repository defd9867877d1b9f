package io.welno.console.flow;

import java.security.SecureRandom;
import java.util.HexFormat;

/** This running console, as its claims name their owner: the host, the process and a random tag. */
final class ConsoleInstance {

    private static final String ID = host() + "/" + ProcessHandle.current().pid() + "/" + tag();

    private ConsoleInstance() {
    }

    static String id() {
        return ID;
    }

    private static String host() {
        // From the environment, not a DNS lookup: a misconfigured resolver must not slow the start down.
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = System.getenv("COMPUTERNAME");
        }
        return host == null || host.isBlank() ? "console" : host.strip();
    }

    private static String tag() {
        byte[] bytes = new byte[2];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
