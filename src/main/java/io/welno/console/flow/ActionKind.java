package io.welno.console.flow;

import java.util.Locale;

/** The four things the console can do to a session. */
public enum ActionKind {
    /** Send (or re-send) Tilko's SimpleAuthRequest: {@code initiated/error/stale auth_requesting → auth_request_sent}. */
    SIMPLE_AUTH("simple-auth", "simple auth", true),
    /** Copy {@code temp_auth_data} to PascalCase {@code auth_data} and mark {@code auth_completed}. Developer only. */
    MANUAL_COMPLETE("manual-auth-complete", "manual auth complete", false),
    /** Claim the session and fetch health checkups, then prescriptions, in the background. */
    COLLECT("collect", "collect health data", true),
    /** Put a collection that stopped moving back to {@code auth_completed} with {@code collection_started = false}. */
    RESET_STUCK("reset-stuck", "reset stuck collection", false);

    private final String wire;
    private final String label;
    private final boolean needsTilko;

    ActionKind(String wire, String label, boolean needsTilko) {
        this.wire = wire;
        this.label = label;
        this.needsTilko = needsTilko;
    }

    /** The name used in the audit stream, logs and on the command line. */
    public String wire() {
        return wire;
    }

    /** Lower-case English words for sentences ("collect health data"). */
    public String label() {
        return label;
    }

    /** Whether the action always calls Tilko (manual-auth-complete only does with {@code checkApproval}). */
    public boolean needsTilko() {
        return needsTilko;
    }

    public static ActionKind fromWire(String wire) {
        String normalized = wire.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ActionKind kind : values()) {
            if (kind.wire.equals(normalized) || kind.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(normalized)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown action: " + wire);
    }
}
