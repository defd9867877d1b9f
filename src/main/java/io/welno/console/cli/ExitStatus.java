package io.welno.console.cli;

import io.welno.console.flow.ActionResult;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.flow.HoldOutcome;

/**
 * The exit statuses of the action commands: 0 the change is in place (at the end of its hold), 1 it failed
 * (Tilko said no, an unexpected error), 2 refused (a guard, the role, bad input; nothing written), 3 it is not in
 * place because of another writer (conflict, the backend reverted it, the session vanished), 4 Redis could not
 * do it (unreachable, stopped answering, connection lost, a missing permission).
 */
final class ExitStatus {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;
    static final int NOT_IN_PLACE = 3;
    static final int REDIS = 4;

    private ExitStatus() {
    }

    static int of(ActionResult.Outcome outcome) {
        return switch (outcome) {
            case APPLIED -> DONE;
            case REFUSED -> REFUSED;
            case CONFLICT, VANISHED -> NOT_IN_PLACE;
            case PERMISSION_DENIED, UNREACHABLE, TIMEOUT, CONNECTION_LOST -> REDIS;
            case FAILED -> FAILED;
        };
    }

    static int of(CollectionFinished.Result result) {
        return switch (result) {
            case COMPLETED -> DONE;
            case ABANDONED, VANISHED -> NOT_IN_PLACE;
            case UNAVAILABLE -> REDIS;
            case NOT_APPROVED_YET, INFO_REQUIRED, ERROR, INTERRUPTED -> FAILED;
        };
    }

    static int of(HoldOutcome outcome) {
        return switch (outcome.kind()) {
            case KEPT, NOT_HELD -> DONE;
            case REVERTED, VANISHED -> NOT_IN_PLACE;
            case UNCONFIRMED -> REDIS;
        };
    }
}
