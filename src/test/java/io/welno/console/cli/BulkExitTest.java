package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.flow.BulkRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A batch's exit status is the worst of its sessions': a session that ended (deleted, or past its expiry) is a 3 as a
 * conflict or a revert is — the change did not stay — beneath Redis trouble (4) and above failures (1).
 */
class BulkExitTest {

    private static BulkRun.Summary summary(BulkRun.Tally... tallies) {
        Map<BulkRun.Tally, List<BulkRun.Item>> by = new java.util.EnumMap<>(BulkRun.Tally.class);
        int n = 0;
        for (BulkRun.Tally tally : tallies) {
            by.computeIfAbsent(tally, t -> new java.util.ArrayList<>())
                    .add(new BulkRun.Item("welno_" + n++, tally, null, null, null, false));
        }
        return new BulkRun.Summary("b1", n, by, true);
    }

    @Test
    void anEndedSessionIsWorseThanAFailureAndBetterThanRedisTrouble() {
        assertEquals(ExitCode.DONE, BulkCommandSupport.exit(summary(BulkRun.Tally.APPLIED)));
        assertEquals(ExitCode.CONFLICT, BulkCommandSupport.exit(summary(BulkRun.Tally.APPLIED, BulkRun.Tally.ENDED,
                BulkRun.Tally.FAILED, BulkRun.Tally.REFUSED)));
        assertEquals(ExitCode.UNAVAILABLE, BulkCommandSupport.exit(summary(BulkRun.Tally.ENDED,
                BulkRun.Tally.UNAVAILABLE)));
    }

    /** Not confirmed at the console's own bound: Redis answered, so 1 (look at the session), as for one session alone. */
    @Test
    void aSessionNotConfirmedAtTheConsolesOwnBoundIsOneAsAlone() {
        assertEquals(ExitCode.FAILED, BulkCommandSupport.exit(summary(BulkRun.Tally.APPLIED,
                BulkRun.Tally.UNCONFIRMED, BulkRun.Tally.REFUSED)));
        assertEquals(ExitCode.CONFLICT, BulkCommandSupport.exit(summary(BulkRun.Tally.UNCONFIRMED,
                BulkRun.Tally.REVERTED)));
    }
}
