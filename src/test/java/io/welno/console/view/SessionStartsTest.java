package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.TestRows;
import io.welno.console.view.DashboardModel.Funnel;
import io.welno.console.view.SessionStarts.Gap;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tally of the sessions the console saw start: what the dashboard and the error-rate alert count. */
class SessionStartsTest {

    private static final LocalDateTime NOW = LocalDateTime.parse("2026-11-20T15:00:00");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aSessionReadAgainIsOneStartThatKeepsTheStepsItReachedAndItsLatestOutcome() {
        SessionStarts starts = new SessionStarts();
        LocalDateTime created = NOW.minusMinutes(20);
        starts.saw(TestRows.session("welno_a", "auth_request_sent", created).requested(created.plusMinutes(1)).row(),
                NOW);
        starts.saw(TestRows.session("welno_a", "auth_completed", created).requested(created.plusMinutes(1))
                .approved(created.plusMinutes(2)).row(), NOW);
        // re-sent: asking Tilko again is one step back for the stepper, not an approval undone
        starts.saw(TestRows.session("welno_a", "auth_requesting", created).row(), NOW);
        starts.saw(TestRows.session("welno_a", "error", created).row(), NOW);

        SessionStarts.Window w = starts.within(HOUR, NOW);
        assertEquals(new Funnel(1, 1, 1, 0), w.funnel());
        assertEquals(1, w.failed());
        assertEquals(List.of(Duration.ofMinutes(1)), w.approvals());

        starts.saw(TestRows.session("welno_a", "completed", created).completed(created.plusMinutes(9)).row(), NOW);
        w = starts.within(HOUR, NOW);
        assertEquals(new Funnel(1, 1, 1, 1), w.funnel(), "collected after a retry");
        assertEquals(0, w.failed(), "its outcome is the latest read's");
        assertEquals(1, starts.size());
    }

    @Test
    void theWindowIsExactToTheMomentAndAStartLeavesWithItsHour() {
        SessionStarts starts = new SessionStarts();
        starts.saw(TestRows.session("welno_edge", "initiated", NOW.minusHours(1)).row(), NOW);
        starts.saw(TestRows.session("welno_in", "initiated", NOW.minusHours(1).plusSeconds(1)).row(), NOW);
        starts.saw(TestRows.session("welno_now", "error", NOW).row(), NOW);
        starts.saw(TestRows.session("welno_ahead", "initiated", NOW.plusSeconds(1)).row(), NOW);
        starts.saw(TestRows.session("welno_old", "initiated", NOW.minusHours(3)).row(), NOW);

        assertEquals(2, starts.within(HOUR, NOW).funnel().started(),
                "after the hour's first moment, up to this one; a created_at ahead of the clock waits for it");
        assertEquals(1, starts.within(HOUR, NOW).failed());
        assertEquals(2, starts.within(HOUR, NOW.plusSeconds(1)).funnel().started(),
                "a second on, the one ahead of the clock comes in as the oldest leaves");
        assertEquals(2, starts.within(Duration.ofMinutes(15), NOW.plusSeconds(1)).funnel().started(),
                "a shorter window, the alert rule's");
        assertEquals(1, starts.within(HOUR, NOW.plusHours(1)).funnel().started(), "an hour on, the last one only");

        starts.within(HOUR, NOW.plusMinutes(62));
        assertEquals(0, starts.size(), "what no window reaches is forgotten: memory follows the hour");
    }

    /** A created_at that changes (a backend that wrote a new one) moves the start: still one session. */
    @Test
    void aStartThatMovesIsCountedOnceWhereItNowIs() {
        SessionStarts starts = new SessionStarts();
        starts.saw(TestRows.session("welno_m", "initiated", NOW.minusMinutes(50)).row(), NOW);
        starts.saw(TestRows.session("welno_m", "error", NOW.minusMinutes(5)).row(), NOW);
        assertEquals(0, starts.within(Duration.ofMinutes(30), NOW.minusMinutes(10)).funnel().started());
        assertEquals(1, starts.within(Duration.ofMinutes(10), NOW).funnel().started());
        assertEquals(1, starts.within(HOUR, NOW).failed());
        starts.saw(TestRows.session("welno_m", "error", NOW.minusHours(2)).row(), NOW);
        assertEquals(0, starts.size(), "moved out of the hour: forgotten");
    }

    @Test
    void anApprovalCountsWhenItCameWheneverItsSessionStarted() {
        SessionStarts starts = new SessionStarts();
        starts.saw(TestRows.session("welno_long", "auth_completed", NOW.minusMinutes(80))
                .requested(NOW.minusMinutes(32)).approved(NOW.minusMinutes(30)).row(), NOW);
        SessionStarts.Window w = starts.within(HOUR, NOW);
        assertEquals(0, w.funnel().started(), "started before the hour");
        assertEquals(List.of(Duration.ofMinutes(2)), w.approvals(), "approved within it");
    }

    @Test
    void theCountsSayWhenTheConsoleConnectedAndWhenItWasNotConnected() {
        SessionStarts starts = new SessionStarts();
        assertTrue(starts.within(HOUR, NOW).coverage().complete(), "nothing known yet: nothing claimed either way");
        starts.following(false, NOW); // connecting
        starts.following(true, NOW.plusMinutes(1));
        assertEquals(NOW.plusMinutes(1), starts.within(HOUR, NOW.plusMinutes(10)).coverage().connectedAt());

        starts.following(false, NOW.plusMinutes(20));
        starts.following(false, NOW.plusMinutes(21));
        starts.following(true, NOW.plusMinutes(25));
        SessionStarts.Coverage c = starts.within(HOUR, NOW.plusMinutes(30)).coverage();
        assertEquals(List.of(new Gap(NOW.plusMinutes(20), NOW.plusMinutes(25))), c.gaps());

        c = starts.within(HOUR, NOW.plusMinutes(70)).coverage();
        assertNull(c.connectedAt(), "connected more than an hour ago");
        assertEquals(1, c.gaps().size(), "the gap is still within the hour");
        starts.following(true, NOW.plusMinutes(86));
        assertTrue(starts.within(HOUR, NOW.plusMinutes(86)).coverage().complete());
    }
}
