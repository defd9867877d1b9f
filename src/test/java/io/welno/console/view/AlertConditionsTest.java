package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.FeedMode;
import io.welno.console.session.StuckPolicy;
import io.welno.console.testing.TestRows;
import io.welno.console.testing.Words;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rules' conditions read from the table's rows: stuck count, long waits, error rate, the feed. */
class AlertConditionsTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 3, 10, 0);
    private static final AlertRules RULES = new AlertRules(1, Duration.ofMinutes(10), 0.2, Duration.ofMinutes(15),
            true, true, true);

    /** The conditions of {@code rows}, started counts included, as if the console had read each at {@code now}. */
    private static AlertMonitor.Conditions conditions(List<SessionRow> rows, LocalDateTime now, StuckPolicy policy,
                                                      AlertRules rules, FeedMode mode) {
        return AlertConditions.of(rows, SessionStarts.of(rows, now).within(rules.errorWindow(), now), now, policy,
                rules, mode);
    }

    @Test
    void rowsBecomeTheConditionsTheRulesLookAt() {
        List<SessionRow> rows = List.of(
                TestRows.session("welno_wait_long", "auth_request_sent", NOW.minusMinutes(30))
                        .requested(NOW.minusMinutes(25)).polled(NOW.minusSeconds(3)).row(),
                TestRows.session("welno_wait_short", "auth_request_sent", NOW.minusMinutes(3))
                        .requested(NOW.minusMinutes(2)).polled(NOW.minusSeconds(1)).row(),
                TestRows.session("welno_err1", "error", NOW.minusMinutes(5)).row(),
                TestRows.session("welno_ok1", "completed", NOW.minusMinutes(6)).completed(NOW.minusMinutes(4)).row(),
                TestRows.session("welno_old_err", "error", NOW.minusMinutes(40)).row());
        AlertMonitor.Conditions c = conditions(rows, NOW, StuckPolicy.defaults(), RULES, FeedMode.LIVE);
        assertEquals(1, c.waitingTooLong());
        assertEquals(List.of("welno_wait_long"), c.longestWaiting(), "only the session past ten minutes");
        assertEquals(1.0 / 3, c.errorRate(), 1e-9, "one error of the three started in the last 15 minutes");
        assertTrue(c.feedLive());

        AlertMonitor.Conditions polling = conditions(rows, NOW, StuckPolicy.defaults(), RULES,
                FeedMode.POLLING);
        assertFalse(polling.feedLive());
        assertTrue(conditions(rows, NOW, StuckPolicy.defaults(), RULES, FeedMode.CONNECTING).feedLive(),
                "starting up is not a fallback");

        AlertMonitor monitor = new AlertMonitor(RULES);
        Instant t = Instant.parse("2026-12-03T01:00:00Z");
        assertEquals(List.of(AlertMonitor.Rule.LONG_WAIT, AlertMonitor.Rule.ERROR_RATE, AlertMonitor.Rule.FEED_FALLBACK),
                monitor.check(polling, t).raised().stream().map(AlertMonitor.Alert::rule).toList());
        assertEquals(List.of(), monitor.check(polling, t.plusSeconds(2)).raised(), "the same episodes raise nothing");
    }

    @Test
    void aWaitIsCountedFromTheRequestNotFromTheBrowsersLastPoll() {
        SessionRow polled = TestRows.session("welno_polled", "auth_request_sent", NOW.minusMinutes(14))
                .requested(NOW.minusMinutes(13)).polled(NOW.minusSeconds(2)).row();
        AlertMonitor.Conditions c = conditions(List.of(polled), NOW, StuckPolicy.defaults(), RULES,
                FeedMode.LIVE);
        assertEquals(List.of("welno_polled"), c.longestWaiting(),
                "13 minutes since the request, though the poll rewrote updated_at 2 seconds ago");
    }

    @Test
    void aSessionPastItsExpiryIsAbandonedNotWaiting() {
        SessionRow abandoned = TestRows.session("welno_abandoned", "auth_pending", NOW.minusMinutes(30))
                .requested(NOW.minusMinutes(25)).expires(NOW.minusMinutes(20)).row();
        SessionRow lastSecond = TestRows.session("welno_last_second", "auth_request_sent", NOW.minusMinutes(30))
                .requested(NOW.minusMinutes(25)).polled(NOW.minusMinutes(5)).row();
        AlertMonitor.Conditions c = conditions(List.of(abandoned, lastSecond), NOW, StuckPolicy.defaults(),
                RULES, FeedMode.LIVE);
        assertEquals(List.of("welno_last_second"), c.longestWaiting(),
                "the backend deletes the first on its next read; the second expires at this very second, not before");
        assertEquals(0, conditions(List.of(abandoned, lastSecond), NOW.plusSeconds(1), StuckPolicy.defaults(),
                RULES, FeedMode.LIVE).waitingTooLong(), "a second later both are gone for the backend");
    }

    @Test
    void theAlertCountsEveryWaitAndCarriesTheLongestFifty() {
        List<SessionRow> rows = new ArrayList<>();
        for (int i = 0; i < AlertConditions.MAX_SESSIONS + 10; i++) {
            rows.add(TestRows.session("welno_w" + i, "auth_request_sent", NOW.minusMinutes(90))
                    .requested(NOW.minusMinutes(11).minusSeconds(i)).polled(NOW.minusSeconds(4)).row());
        }
        Collections.shuffle(rows, new Random(7));
        AlertMonitor.Conditions c = conditions(rows, NOW, StuckPolicy.defaults(), RULES, FeedMode.LIVE);
        assertEquals(60, c.waitingTooLong(), "the count is every session waiting");
        assertEquals(AlertConditions.MAX_SESSIONS, c.longestWaiting().size());
        assertEquals("welno_w59", c.longestWaiting().get(0), "the longest wait first: the alert's link opens it");
        assertFalse(c.longestWaiting().contains("welno_w9"), "the ten shortest waits are counted, not carried");
        AlertMonitor.Alert alert = new AlertMonitor(RULES).check(c, Instant.parse("2026-12-03T01:00:00Z")).raised().stream()
                .filter(a -> a.rule() == AlertMonitor.Rule.LONG_WAIT).findFirst().orElseThrow();
        assertEquals("60 sessions have waited for the phone approval longer than 10m.", Words.en(alert.message()));
    }

    @Test
    void noSessionsStartedIsNoErrorRate() {
        assertEquals(0.0, conditions(List.of(), NOW, StuckPolicy.defaults(), RULES, FeedMode.LIVE)
                .errorRate());
    }
}
