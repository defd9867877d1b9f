package io.welno.console.cli;

import io.welno.console.flow.ActionResult;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.flow.HoldOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit status of every command, in one table (also in the README and at the end of each command's
 * {@code --help}). A script can tell "try again later" (4) from "look at the session" (1, 3) from "fix the
 * command" (2).
 */
public enum ExitCode {
    /** The command did what it was asked. */
    DONE(0, "done"),
    /**
     * The action failed (Tilko refused, a collection ended in error), the session is missing ({@code show}: or its
     * stored value unreadable), the server refuses writes, or an unexpected error.
     */
    FAILED(1, "failed: the action failed, the session is missing (show: or unreadable), or an unexpected error"),
    /**
     * A guard or the role refused, an action met an unreadable stored value (never written over), or an option,
     * argument or URL is malformed; nothing was sent.
     */
    REFUSED(2, "refused by a guard or the role, an action on an unreadable value, or bad input (an option, argument "
            + "or URL); nothing was changed"),
    /** The change is not in place: others kept changing the session, or the backend reverted it (or deleted it during the hold). */
    CONFLICT(3, "not in place: the session changed meanwhile, or the backend reverted the change"),
    /** Redis could not be reached, timed out, refused the TLS handshake, the login or a permission. */
    UNAVAILABLE(4, "Redis unreachable: no connection, a timeout, TLS, authentication or a missing permission");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** An action's outcome on this table. */
    public static ExitCode of(ActionResult.Outcome outcome) {
        return switch (outcome) {
            case APPLIED -> DONE;
            case REFUSED -> REFUSED;
            case CONFLICT -> CONFLICT;
            case VANISHED -> FAILED; // no such session (any more): "the session is missing"
            case PERMISSION_DENIED, UNREACHABLE, TIMEOUT, CONNECTION_LOST -> UNAVAILABLE;
            case FAILED -> FAILED;
        };
    }

    /** How an applied action's hold ended: only a change still in place at its end is done. */
    public static ExitCode of(HoldOutcome outcome) {
        return switch (outcome.kind()) {
            case KEPT, NOT_HELD -> DONE;
            case REVERTED, VANISHED -> CONFLICT;
            case UNCONFIRMED -> UNAVAILABLE;
        };
    }

    /** A background collection's end ({@code collect --wait}) on this table. */
    public static ExitCode of(CollectionFinished.Result result) {
        return switch (result) {
            case COMPLETED -> DONE;
            case NOT_APPROVED_YET, INFO_REQUIRED, ERROR, INTERRUPTED -> FAILED;
            case ABANDONED, VANISHED -> CONFLICT;
            case UNAVAILABLE -> UNAVAILABLE;
        };
    }

    /** The table as {@code --help} shows it. */
    static Map<String, String> helpTable() {
        Map<String, String> table = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            table.put(Integer.toString(exit.code), exit.meaning);
        }
        return table;
    }
}
