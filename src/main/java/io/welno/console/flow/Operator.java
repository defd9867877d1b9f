package io.welno.console.flow;

import java.util.Objects;

/**
 * Who acts: the name written into the session's message and the audit stream, and the role taken from
 * the connection profile.
 */
public record Operator(String name, Role role) {

    public Operator {
        Objects.requireNonNull(role, "role");
        name = name == null || name.isBlank() ? "unknown" : name.strip();
    }

    /** The OS user, which the command line uses when no {@code --operator} is given. */
    public static Operator osUser(Role role) {
        return new Operator(System.getProperty("user.name"), role);
    }
}
