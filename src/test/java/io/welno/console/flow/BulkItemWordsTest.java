package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import org.junit.jupiter.api.Test;

/**
 * What a bulk run's line for one session says once its hold has ended: a write told "not yet confirmed, the hold's
 * reads tell" is followed by what they told, and a change that was written over and applied again says so, instead of
 * the action's first word standing alone as if nothing had happened since.
 */
class BulkItemWordsTest {

    private static final String ID = "welno_bulk";

    private static ActionResult applied(boolean unconfirmed) {
        return new ActionResult(ActionRequest.of(ActionKind.RESET_STUCK, ID, "outage"), ActionResult.Outcome.APPLIED,
                Phrase.of("flow.reset.applied"), null, null, "act-1", null, null, null, unconfirmed);
    }

    @Test
    void anUnconfirmedWriteKeptByItsHoldSaysWhatTheHoldFound() {
        HoldOutcome kept = new HoldOutcome(HoldOutcome.Kind.KEPT, Phrase.of("hold.kept"), 0, null);
        String said = Words.en(new BulkRun.Item(ID, BulkRun.Tally.APPLIED, applied(true), kept, null).told());
        assertTrue(said.endsWith("Since then, the hold: The change is still in place at the end of the hold."), said);
    }

    @Test
    void aChangeAppliedAgainSaysItWasWrittenOver() {
        HoldOutcome again = new HoldOutcome(HoldOutcome.Kind.KEPT, Phrase.of("hold.keptAfterReapply", 1), 1, null);
        String said = Words.en(new BulkRun.Item(ID, BulkRun.Tally.APPLIED, applied(false), again, null).told());
        assertTrue(said.contains("after 1 re-apply"), said);
    }

    @Test
    void aConfirmedChangeThatSimplyStayedKeepsTheActionsOwnWords() {
        HoldOutcome kept = new HoldOutcome(HoldOutcome.Kind.KEPT, Phrase.of("hold.kept"), 0, null);
        ActionResult result = applied(false);
        assertEquals(result.message(), new BulkRun.Item(ID, BulkRun.Tally.APPLIED, result, kept, null).told());
    }
}
