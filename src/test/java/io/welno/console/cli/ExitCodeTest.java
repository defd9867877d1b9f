package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionResult;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.flow.HoldOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exit-status table at the end of every {@code --help} names each case the commands end with that status, as the
 * README's table does: a script's author reads it there and must find the case their command ended in.
 */
class ExitCodeTest {

    private static void says(ExitCode exit, String words, Object because) {
        String line = ExitCode.helpTable().get(Integer.toString(exit.code()));
        assertTrue(line.contains(words), "exit " + exit.code() + " for " + because + " should say '" + words + "': "
                + line);
    }

    @Test
    void everyHoldEndIsNamedUnderItsExitStatus() {
        Map<HoldOutcome.Kind, String> words = Map.of(
                HoldOutcome.Kind.KEPT, "done",
                HoldOutcome.Kind.NOT_HELD, "done",
                HoldOutcome.Kind.REVERTED, "reverted",
                HoldOutcome.Kind.VANISHED, "vanished",
                HoldOutcome.Kind.UNCONFIRMED, "could not confirm");
        for (HoldOutcome.Kind kind : HoldOutcome.Kind.values()) {
            says(ExitCode.of(new HoldOutcome(kind, null, 0, null)), words.get(kind), kind);
        }
        says(ExitCode.of(new HoldOutcome(HoldOutcome.Kind.UNCONFIRMED, null, 0, null, null, true)),
                "past the console's own bounds", "a hold ending on a value the console stops reading");
    }

    @Test
    void everyActionOutcomeIsNamedUnderItsExitStatus() {
        Map<ActionResult.Outcome, String> words = Map.of(
                ActionResult.Outcome.APPLIED, "done",
                ActionResult.Outcome.REFUSED, "refused",
                ActionResult.Outcome.CONFLICT, "kept changing",
                ActionResult.Outcome.VANISHED, "missing",
                ActionResult.Outcome.PERMISSION_DENIED, "permission",
                ActionResult.Outcome.UNREACHABLE, "no connection",
                ActionResult.Outcome.TIMEOUT, "timeout",
                ActionResult.Outcome.CONNECTION_LOST, "lost connection",
                ActionResult.Outcome.FAILED, "the action failed");
        for (ActionResult.Outcome outcome : ActionResult.Outcome.values()) {
            says(ExitCode.of(outcome), words.get(outcome), outcome);
        }
    }

    @Test
    void everyCollectionEndIsNamedUnderItsExitStatus() {
        Map<CollectionFinished.Result, String> words = Map.of(
                CollectionFinished.Result.COMPLETED, "done",
                CollectionFinished.Result.NOT_APPROVED_YET, "not approved",
                CollectionFinished.Result.INFO_REQUIRED, "info_required",
                CollectionFinished.Result.ERROR, "in error",
                CollectionFinished.Result.INTERRUPTED, "interrupted",
                CollectionFinished.Result.ABANDONED, "took it over",
                CollectionFinished.Result.VANISHED, "vanished",
                CollectionFinished.Result.UNAVAILABLE, "lost connection");
        for (CollectionFinished.Result result : CollectionFinished.Result.values()) {
            says(ExitCode.of(result), words.get(result), result);
        }
    }

    /** What CommandFailures sends to 1 and 4 besides the outcomes (README, "Command line"). */
    @Test
    void theServersRefusalsAndTheFallbackFolderAreNamedToo() {
        says(ExitCode.FAILED, "refuses writes", "READONLY, OOM, MISCONF");
        says(ExitCode.FAILED, "another cluster node", "MOVED");
        says(ExitCode.FAILED, "another error Redis answers with", "WRONGTYPE");
        says(ExitCode.UNAVAILABLE, "still loading", "LOADING");
        says(ExitCode.UNAVAILABLE, "busy", "a pool with no free connection");
        says(ExitCode.UNAVAILABLE, "fallback folder", "--files unreadable");
    }
}
