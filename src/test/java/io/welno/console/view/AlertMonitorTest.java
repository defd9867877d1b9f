package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.Overwrite;
import io.welno.console.live.ChangeKind;
import io.welno.console.session.SessionStatus;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule fires once when its condition starts, and again only after it cleared. */
class AlertMonitorTest {

    private static final Phrase LIVE = Phrase.of("mode.LIVE");
    private final Instant t = Instant.parse("2026-12-02T05:00:00Z");

    private static AlertMonitor.Conditions with(int stuck, List<String> waiting, double errors, boolean live) {
        return new AlertMonitor.Conditions(stuck, waiting.size(), waiting, errors, live,
                live ? LIVE : Phrase.of("mode.POLLING"));
    }

    private static List<AlertMonitor.Alert> raised(AlertMonitor monitor, AlertMonitor.Conditions now, Instant at) {
        return monitor.check(now, at).raised();
    }

    private static List<AlertMonitor.Rule> rules(List<AlertMonitor.Alert> alerts) {
        return alerts.stream().map(AlertMonitor.Alert::rule).toList();
    }

    @Test
    void everyRuleFiresOncePerEpisode() {
        AlertMonitor monitor = new AlertMonitor(new AlertRules(5, Duration.ofMinutes(10), 0.2, Duration.ofMinutes(15),
                true, true, true));
        assertEquals(List.of(), raised(monitor, with(5, List.of(), 0.2, true), t), "at the thresholds: nothing");

        List<AlertMonitor.Alert> first = raised(monitor, with(6, List.of("welno_a"), 0.25, false), t);
        assertEquals(List.of(AlertMonitor.Rule.STUCK, AlertMonitor.Rule.LONG_WAIT, AlertMonitor.Rule.ERROR_RATE,
                AlertMonitor.Rule.FEED_FALLBACK), rules(first));
        assertEquals(List.of("welno_a"), first.get(1).sessions());
        assertEquals("1 session has waited for the phone approval longer than 10m.", Words.en(first.get(1).message()));
        assertEquals("6 sessions are stuck (alert above 5).", Words.en(first.get(0).message()));

        assertEquals(List.of(), raised(monitor, with(9, List.of("welno_a", "welno_b"), 0.5, false), t.plusSeconds(2)),
                "still the same episodes: no new alert");
        assertEquals(List.of(), raised(monitor, with(2, List.of(), 0.0, true), t.plusSeconds(4)), "cleared");
        assertEquals(List.of(), raised(monitor, with(7, List.of(), 0.0, true), t.plusSeconds(6)),
                "back within a minute: the same episode");
        assertEquals(List.of(), raised(monitor, with(2, List.of(), 0.0, true), t.plusSeconds(8)), "clear again");
        // The others have been clear since 4 s: their episodes end, each alert as raised, cleared since then.
        assertEquals(new AlertMonitor.Checked(List.of(), first.subList(1, 4).stream()
                        .map(a -> a.clearedAt(t.plusSeconds(4))).toList()),
                monitor.check(with(3, List.of(), 0.0, true), t.plusSeconds(67)),
                "59 seconds clear: the stuck episode goes on");
        assertEquals(new AlertMonitor.Checked(List.of(), List.of(first.get(0).clearedAt(t.plusSeconds(8)))),
                monitor.check(with(3, List.of(), 0.0, true), t.plusSeconds(68)), "a minute clear: it ended");
        assertEquals(List.of(AlertMonitor.Rule.STUCK), rules(raised(monitor, with(7, List.of(), 0.0, true),
                t.plusSeconds(70))), "a new episode fires again");
    }

    /** A count hovering at its threshold (seen in the demo: 21, 20, 21 stuck) is one alert, not one every few seconds. */
    @Test
    void aConditionFlappingAtItsThresholdIsOneEpisode() {
        AlertMonitor monitor = new AlertMonitor(new AlertRules(20, Duration.ZERO, 0, Duration.ZERO, true, true, true));
        int alerts = 0;
        for (int i = 0; i < 60; i++) {
            alerts += raised(monitor, with(i % 2 == 0 ? 21 : 20, List.of(), 0, true), t.plusSeconds(2L * i)).size();
        }
        assertEquals(1, alerts);
        monitor.setRules(new AlertRules(0, Duration.ZERO, 0, Duration.ZERO, true, true, true));
        assertEquals(new AlertMonitor.Checked(List.of(), List.of()),
                monitor.check(with(21, List.of(), 0, true), t.plusSeconds(200)),
                "turned off, the rule's condition did not clear: its alert is not marked cleared");
        monitor.setRules(new AlertRules(20, Duration.ZERO, 0, Duration.ZERO, true, true, true));
        assertEquals(1, raised(monitor, with(21, List.of(), 0, true), t.plusSeconds(202)).size(),
                "a rule turned off ends its episode at once");
    }

    /**
     * A run's revert headline names what wrote over its changes from what each revert was (the alert's kind), never
     * from the words of its alerts: a reworded alert key changes no headline, and the kind outlives the joining.
     */
    @Test
    void aRunsRevertHeadlineFollowsTheKindOfItsRevertsNotTheirWords() {
        AlertMonitor monitor = new AlertMonitor(AlertRules.defaults());
        Phrase reworded = Phrase.of("text.verbatim", "whatever the single alert says");
        AlertMonitor.Alert first = monitor.revert("welno_a", reworded, Overwrite.UNREADABLE, t).get(0);
        AlertMonitor.Alert second = monitor.revert("welno_b", reworded, Overwrite.UNREADABLE, t).get(0);
        AlertMonitor.Alert run = AlertMonitor.joined(first, second, "run1");
        assertEquals("alert.batch.REVERT.unreadable", run.message().key());
        assertEquals(java.util.Set.of(Overwrite.UNREADABLE), run.clearedAt(t).overwrites());

        // a session written over it, whatever its words say
        AlertMonitor.Alert third = monitor.revert("welno_c", Phrase.of("alert.revert.unreadable", "welno_c"),
                Overwrite.SESSION, t).get(0);
        assertEquals("alert.batch.REVERT.mixed", AlertMonitor.joined(run, third, "run1").message().key());
        AlertMonitor.Alert fourth = monitor.revert("welno_d", reworded, Overwrite.SESSION, t).get(0);
        assertEquals("alert.batch.REVERT", AlertMonitor.joined(third, fourth, "run2").message().key(),
                "sessions only: the plain headline");
        assertEquals(List.of("welno_a", "welno_b", "welno_c"),
                AlertMonitor.joined(run, third, "run1").sessions());
    }

    @Test
    void revertsAreEventsAndRulesCanBeTurnedOff() {
        AlertMonitor monitor = new AlertMonitor(AlertRules.defaults());
        assertEquals(1, monitor.revert("welno_a", Phrase.of("text.verbatim", "x"), t).size());
        assertEquals(1, monitor.revert("welno_a", Phrase.of("text.verbatim", "y"), t).size(), "each revert alerts");
        assertEquals(List.of(AlertMonitor.Rule.UNCONFIRMED), rules(monitor.unconfirmed("welno_a",
                Phrase.of("text.verbatim", "not read"), t)), "a change this console could not confirm");
        monitor.setRules(new AlertRules(0, Duration.ZERO, 0, Duration.ZERO, false, false, false));
        assertTrue(monitor.revert("welno_a", Phrase.of("text.verbatim", "z"), t).isEmpty());
        assertTrue(monitor.unconfirmed("welno_a", Phrase.of("text.verbatim", "z"), t).isEmpty(), "the same switch");
        assertEquals(List.of(), raised(monitor, with(100, List.of("welno_a"), 1.0, false), t));
    }

    @Test
    void aFollowedSessionsChangeIsAnAlertOfItsOwnEachTime() {
        AlertMonitor monitor = new AlertMonitor(AlertRules.defaults());
        Instant at = java.time.Instant.parse("2026-12-03T05:00:00Z");
        var changed = new FollowedSessions.Changed("welno_follow1", SessionStatus.AUTH_REQUEST_SENT,
                SessionStatus.AUTH_COMPLETED, null, at);
        List<AlertMonitor.Alert> first = monitor.followed(changed);
        List<AlertMonitor.Alert> second = monitor.followed(changed);
        assertEquals(List.of(AlertMonitor.Rule.FOLLOWED), rules(first));
        assertEquals(List.of("welno_follow1"), first.get(0).sessions());
        assertEquals(at, first.get(0).at());
        assertEquals(1, second.size(), "an event, not an episode");
        Wording korean = Wording.window(new BundleTexts(BundleTexts.KOREAN));
        assertEquals("welno_follow1: '승인 대기' → '인증 완료'", korean.render(first.get(0).message()));
        var ended = new FollowedSessions.Changed("welno_follow1", null, null, ChangeKind.EXPIRED, at);
        assertEquals("welno_follow1: " + korean.texts().get("history.version.expired"),
                korean.render(monitor.followed(ended).get(0).message()));
    }
}
