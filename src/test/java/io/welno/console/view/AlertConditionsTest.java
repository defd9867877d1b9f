package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.FeedMode;
import io.welno.console.session.StuckPolicy;
import io.welno.console.testing.TestRows;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules' conditions read from the table's rows: stuck count, long waits, error rate, the feed. */
class AlertConditionsTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 3, 10, 0);
    private static final AlertRules RULES = new AlertRules(1, Duration.ofMinutes(10), 0.2, Duration.ofMinutes(15),
            true, true, true);

    @Test
    void rowsBecomeTheConditionsTheRulesLookAt() {
        List<SessionRow> rows = List.of(
                TestRows.session("welno_wait_long", "auth_request_sent", NOW.minusMinutes(30))
                        .requested(NOW.minusMinutes(25)).row(),
                TestRows.session("welno_wait_short", "auth_request_sent", NOW.minusMinutes(3))
                        .requested(NOW.minusMinutes(2)).row(),
                TestRows.session("welno_err1", "error", NOW.minusMinutes(5)).row(),
                TestRows.session("welno_ok1", "completed", NOW.minusMinutes(6)).completed(NOW.minusMinutes(4)).row(),
                TestRows.session("welno_old_err", "error", NOW.minusMinutes(40)).row());
        AlertMonitor.Conditions c = AlertConditions.of(rows, NOW, StuckPolicy.defaults(), RULES, FeedMode.LIVE);
        assertEquals(List.of("welno_wait_long"), c.waitingTooLong(), "only the session past ten minutes");
        assertEquals(1.0 / 3, c.errorRate(), 1e-9, "one error of the three started in the last 15 minutes");
        assertTrue(c.feedLive());

        AlertMonitor.Conditions polling = AlertConditions.of(rows, NOW, StuckPolicy.defaults(), RULES,
                FeedMode.POLLING);
        assertFalse(polling.feedLive());
        assertTrue(AlertConditions.of(rows, NOW, StuckPolicy.defaults(), RULES, FeedMode.CONNECTING).feedLive(),
                "starting up is not a fallback");

        AlertMonitor monitor = new AlertMonitor(RULES);
        Instant t = Instant.parse("2026-12-03T01:00:00Z");
        assertEquals(List.of(AlertMonitor.Rule.LONG_WAIT, AlertMonitor.Rule.ERROR_RATE, AlertMonitor.Rule.FEED_FALLBACK),
                monitor.check(polling, t).stream().map(AlertMonitor.Alert::rule).toList());
        assertEquals(List.of(), monitor.check(polling, t.plusSeconds(2)), "the same episodes raise nothing");
    }

    @Test
    void noSessionsStartedIsNoErrorRate() {
        assertEquals(0.0, AlertConditions.of(List.of(), NOW, StuckPolicy.defaults(), RULES, FeedMode.LIVE)
                .errorRate());
    }
}
