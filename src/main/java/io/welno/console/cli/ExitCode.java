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
     * stored value unreadable), a hold ended on a value past a bound of the console's own, the server refuses writes
     * or keeps the session on another node, Redis answered with an error of its own, or an unexpected error.
     */
    FAILED(1, "failed: the action failed (Tilko refused; a collection ended not approved, info_required, in "
            + "error or interrupted), the session is missing (show: or unreadable), a hold that ended on a value "
            + "past the console's own bounds (whether the change is in it is unknown), the server refuses writes "
            + "(READONLY, OOM, MISCONF) or keeps the session on another cluster node, another error Redis answers "
            + "with (quoted), or an unexpected error"),
    /**
     * A guard or the role refused, an action met an unreadable stored value (never written over), or an option,
     * argument, the reason or URL is malformed; nothing was sent. A batch exits so when refusals are its worst
     * outcome: its other sessions may have been changed (their lines say so).
     */
    REFUSED(2, "refused by a guard or the role, an action on an unreadable value, or bad input (an option, argument, "
            + "the reason or the URL); nothing was changed (in a batch: in the sessions refused; the others' lines "
            + "say what was applied)"),
    /**
     * The change is not in place: others kept changing the session or took it over, it was written over during its
     * hold (by whom the console cannot tell), or the session vanished (during the hold, or under a collection).
     */
    CONFLICT(3, "not in place: the session kept changing, someone else took it over, the change was reverted "
            + "(written over), or the session vanished meanwhile"),
    /**
     * Redis could not be used (reached, logged into, permitted, answering, a connection free), a hold could not
     * confirm the change for want of a read of it, or the fallback folder of {@code list}, {@code show} or
     * {@code watch} could not be read.
     */
    UNAVAILABLE(4, "Redis unusable: no connection, a timeout, a lost connection, TLS, the login, a missing "
            + "permission, a server still loading or its cluster down, or every connection busy; also a hold that "
            + "could not confirm the change (the session could not be read), a list of which Redis refused every "
            + "value, and for list, show and watch an unreadable fallback folder");

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
            // Read, but past what the console parses, or the console closed first: no Redis trouble; look at it (1).
            case UNCONFIRMED -> outcome.pastOwnBound() || outcome.cutShortByClosing() ? FAILED : UNAVAILABLE;
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
