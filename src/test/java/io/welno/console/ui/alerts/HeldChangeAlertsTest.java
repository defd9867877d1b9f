package io.welno.console.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.FlowListener;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.flow.RevertDetected;
import io.welno.console.hostile.Hostile;
import io.welno.console.live.FeedMode;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.AlertMonitor;
import io.welno.console.view.AlertRules;
import io.welno.console.view.Wording;
import io.welno.console.session.StuckPolicy;
import io.welno.console.view.SessionStarts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A held change whose hold ends without it kept is an alert named for what happened: nobody could read the session
 * (not confirmed), or the session ended under it (deleted, or past the backend's expiry) — the change stayed as long as
 * the session did, so that one is not a change nobody could confirm. A kept change raises nothing.
 */
@ExtendWith(ApplicationExtension.class)
class HeldChangeAlertsTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final AlertRules RULES = new AlertRules(5, Duration.ofMinutes(10), 0.2, Duration.ofMinutes(15),
            true, true, true);

    @Test
    void eachUnkeptEndIsAnAlertOfItsOwnKind() {
        AlertCenter center = new AlertCenter(RULES, new I18n(Locale.ENGLISH), OsNotifier.NONE, Runnable::run,
                () -> true);
        FlowListener alerts = alertsOf(center);

        alerts.onHoldEnded("welno_kept", "a1", null, outcome(HoldOutcome.Kind.KEPT));
        alerts.onHoldEnded("welno_unread", "a2", null, outcome(HoldOutcome.Kind.UNCONFIRMED));
        alerts.onHoldEnded("welno_gone", "a3", null, outcome(HoldOutcome.Kind.VANISHED));
        WaitForAsyncUtils.waitForFxEvents();

        List<AlertMonitor.Rule> rules = center.entries().stream().map(e -> e.alert().rule()).toList();
        assertEquals(List.of(AlertMonitor.Rule.ENDED, AlertMonitor.Rule.UNCONFIRMED), rules, "newest first");
        assertEquals(List.of("welno_gone"), center.entries().get(0).alert().sessions());
    }

    /**
     * A bulk run's re-sent requests all expire five minutes after it: its sessions share one alert while it is not
     * acknowledged, counted and listed, and the notification area is told once — not 24 alerts and 24 notifications.
     */
    @Test
    void aBulkRunsEndedSessionsShareOneAlert() {
        List<String> told = new CopyOnWriteArrayList<>();
        AlertCenter center = new AlertCenter(RULES, new I18n(Locale.ENGLISH), tray(told), Runnable::run, () -> false);
        FlowListener alerts = alertsOf(center);

        for (int i = 0; i < 3; i++) {
            alerts.onHoldEnded("welno_b" + i, "a" + i, "batch1", outcome(HoldOutcome.Kind.VANISHED));
        }
        alerts.onHoldEnded("welno_c0", "c0", "batch2", outcome(HoldOutcome.Kind.VANISHED));
        alerts.onHoldEnded("welno_b3", "a3", "batch1", outcome(HoldOutcome.Kind.UNCONFIRMED));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(3, center.entries().size(), "one per run and kind of end");
        AlertMonitor.Alert run = center.entries().get(2).alert();
        assertEquals(AlertMonitor.Rule.ENDED, run.rule());
        assertEquals(List.of("welno_b0", "welno_b1", "welno_b2"), run.sessions());
        String said = Wording.window(new I18n(Locale.ENGLISH)).render(run.message());
        assertTrue(said.startsWith("3 sessions of bulk run batch1 ended while their change was held. The latest,"
                + " welno_b2: The session ended"), said);
        assertEquals(3, told.size(), "the notification area told once per alert: " + told);
        assertEquals(3, center.unacknowledgedProperty().get());

        center.entries().get(2).acknowledgedProperty().set(true);
        alerts.onHoldEnded("welno_b4", "a4", "batch1", outcome(HoldOutcome.Kind.VANISHED));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, center.entries().size(), "after it was acknowledged, a later end is an alert of its own");
        assertEquals(List.of("welno_b4"), center.entries().get(0).alert().sessions());
    }

    /**
     * A backend worker writing back stale copies reverts a bulk run's changes together: one alert for the run, counted
     * and listed (a single action's revert stays an alert of its own), and the notification area told once per alert.
     */
    @Test
    void aBulkRunsRevertsShareOneAlert() {
        List<String> told = new CopyOnWriteArrayList<>();
        AlertCenter center = new AlertCenter(RULES, new I18n(Locale.ENGLISH), tray(told), Runnable::run, () -> false);
        FlowListener alerts = alertsOf(center);

        for (int i = 0; i < 3; i++) {
            alerts.onRevertDetected(revert("welno_r" + i, "batch1"));
        }
        alerts.onRevertDetected(revert("welno_single", null));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(2, center.entries().size(), "one for the run, one for the single action");
        AlertMonitor.Alert run = center.entries().get(1).alert();
        assertEquals(AlertMonitor.Rule.REVERT, run.rule());
        assertEquals(List.of("welno_r0", "welno_r1", "welno_r2"), run.sessions());
        String said = Wording.window(new I18n(Locale.ENGLISH)).render(run.message());
        assertEquals("3 sessions of bulk run batch1: the change was written over. The latest, welno_r2: me's \"Reset"
                + " stuck collection\" was written over (status is fetching_health_data again)", said);
        assertEquals(List.of("welno_single"), center.entries().get(0).alert().sessions());
        assertEquals(2, told.size(), "the notification area told once per alert: " + told);
    }

    /**
     * Another console's run id comes from the shared audit stream: a long hostile one is escaped and cut to a field,
     * so the alert still says what happened and to which session, and nothing in it is obeyed by the screen.
     */
    @Test
    void anotherConsolesRunIdIsEscapedAndCutInTheRunsAlert() {
        AlertCenter center = new AlertCenter(RULES, new I18n(Locale.ENGLISH), OsNotifier.NONE, Runnable::run,
                () -> true);
        FlowListener alerts = alertsOf(center);
        String run = "run" + Hostile.ALL + "r".repeat(5000);
        alerts.onRevertDetected(revert("welno_h0", run));
        alerts.onRevertDetected(revert("welno_h1", run));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, center.entries().size());
        String said = Wording.window(new I18n(Locale.ENGLISH)).render(center.entries().get(0).alert().message());
        Hostile.assertNothingRaw(said, "the run's alert");
        assertTrue(said.startsWith("2 sessions of bulk run run\\u001b[2J"), said);
        String head = "2 sessions of bulk run ";
        assertTrue(said.indexOf(": the change was written over.") <= head.length() + SafeText.FIELD,
                "the run's id cut to a field, as the session's is: " + said);
        assertTrue(said.endsWith(". The latest, welno_h1: me's \"Reset stuck collection\" was written over"
                + " (status is fetching_health_data again)"), said);
    }

    /** A value that is no session at all was not written back by the backend: the alert says what is there. */
    @Test
    void aChangeWrittenOverByAnUnreadableValueIsAnAlertThatSaysSo() {
        AlertCenter center = new AlertCenter(RULES, new I18n(Locale.ENGLISH), OsNotifier.NONE, Runnable::run,
                () -> true);
        alertsOf(center).onRevertDetected(RevertDetected.overUnreadable("welno_u1", ActionKind.RESET_STUCK, "a1", "me",
                Phrase.of("unreadable.empty"), true, null));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, center.entries().size());
        AlertMonitor.Alert alert = center.entries().get(0).alert();
        assertEquals(AlertMonitor.Rule.REVERT, alert.rule());
        assertEquals("welno_u1: what me's \"Reset stuck collection\" wrote was lost: the session now holds a value"
                + " that is not a readable session. The value is empty.",
                Wording.window(new I18n(Locale.ENGLISH)).render(alert.message()));
        assertTrue(Wording.window(new I18n(I18n.KOREAN)).render(alert.message())
                .startsWith("welno_u1: me님의 \"멈춘 수집 초기화\"가 쓴 내용이 사라졌습니다."));
    }

    /**
     * A run's changes written over by values that are no session at all were not written over by the backend: the
     * run's headline says what was written, as each session's own alert does, and a run that saw both kinds says both.
     */
    @Test
    void aBulkRunsHeadlineNamesWhatWroteOverItsChanges() {
        AlertCenter center = new AlertCenter(RULES, new I18n(Locale.ENGLISH), OsNotifier.NONE, Runnable::run,
                () -> true);
        FlowListener alerts = alertsOf(center);
        alerts.onRevertDetected(unreadable("welno_u0", "runU"));
        alerts.onRevertDetected(unreadable("welno_u1", "runU"));
        alerts.onRevertDetected(unreadable("welno_m0", "runM"));
        alerts.onRevertDetected(revert("welno_m1", "runM"));
        alerts.onRevertDetected(unreadable("welno_m2", "runM"));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(2, center.entries().size(), "one alert per run");
        Wording english = Wording.window(new I18n(Locale.ENGLISH));
        String onlyUnreadable = english.render(center.entries().get(1).alert().message());
        assertTrue(onlyUnreadable.startsWith("2 sessions of bulk run runU: a value that is not a readable session was"
                + " written over the change. The latest, welno_u1: what me's"), onlyUnreadable);
        String both = english.render(center.entries().get(0).alert().message());
        assertTrue(both.startsWith("3 sessions of bulk run runM: the change was written over, in some by a value that is"
                + " not a readable session. The latest, welno_m2:"), both);
        String korean = Wording.window(new I18n(I18n.KOREAN)).render(center.entries().get(1).alert().message());
        assertTrue(korean.startsWith("일괄 작업 runU의 세션 2개: 변경 위에 읽을 수 있는 세션이 아닌 값이 쓰였습니다."), korean);
    }

    private static RevertDetected unreadable(String sessionId, String batchId) {
        return RevertDetected.overUnreadable(sessionId, ActionKind.RESET_STUCK, "a-" + sessionId, "me",
                Phrase.of("unreadable.empty"), true, batchId);
    }

    private static RevertDetected revert(String sessionId, String batchId) {
        return new RevertDetected(sessionId, ActionKind.RESET_STUCK, "a-" + sessionId, "me",
                Phrase.of("text.verbatim", "status is fetching_health_data again"),
                SessionStatus.FETCHING_HEALTH_DATA, true, batchId);
    }

    private static OsNotifier tray(List<String> told) {
        return new OsNotifier() {
            @Override
            public boolean supported() {
                return true;
            }

            @Override
            public void show(String title, String text) {
                told.add(title + ": " + text);
            }
        };
    }

    /** What the flow tells, as the window's alert watcher hears it, at a fixed time. */
    private static FlowListener alertsOf(AlertCenter center) {
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), SEOUL);
        return new AlertWatcher(center, List::of, SessionStarts::new, () -> FeedMode.LIVE, StuckPolicy::defaults,
                clock, SEOUL, Runnable::run).flowAlerts();
    }

    private static HoldOutcome outcome(HoldOutcome.Kind kind) {
        Phrase message = switch (kind) {
            case KEPT -> Phrase.of("hold.kept");
            case UNCONFIRMED -> Phrase.of("hold.closed");
            default -> Phrase.of("hold.vanished");
        };
        return new HoldOutcome(kind, message, 0, null);
    }
}
