package io.welno.console.flow;

import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a connection profile lets its user do. Enforced by {@link FlowService}, not only by the buttons:
 * a viewer's request is refused before anything is sent to Redis.
 */
public enum Role {
    /** Support staff who only watch: no action, no write command of any kind (not even an audit entry). */
    VIEWER(EnumSet.noneOf(ActionKind.class), false),
    /** Simple-auth, collect and reset-stuck, within the guards. */
    OPERATOR(EnumSet.of(ActionKind.SIMPLE_AUTH, ActionKind.COLLECT, ActionKind.RESET_STUCK), false),
    /** Everything, including manual-auth-complete, and may override the overridable guards (recorded as such). */
    DEVELOPER(EnumSet.allOf(ActionKind.class), true);

    private final Set<ActionKind> allowed;
    private final boolean mayOverride;

    Role(Set<ActionKind> allowed, boolean mayOverride) {
        this.allowed = allowed;
        this.mayOverride = mayOverride;
    }

    public boolean allows(ActionKind kind) {
        return allowed.contains(kind);
    }

    /** Whether this role may set {@link ActionRequest#overrideGuards()}. */
    public boolean mayOverrideGuards() {
        return mayOverride;
    }

    /** Whether anything this role does can write to Redis. */
    public boolean mayWrite() {
        return !allowed.isEmpty();
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PhrasedException(Phrase.of("role.unknownValue", text));
        }
    }
}
