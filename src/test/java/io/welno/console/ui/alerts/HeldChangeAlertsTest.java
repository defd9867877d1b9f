package io.welno.console.ui.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.flow.FlowListener;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.live.FeedMode;
import io.welno.console.text.Phrase;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.AlertMonitor;
import io.welno.console.view.AlertRules;
import io.welno.console.session.StuckPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
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
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), SEOUL);
        FlowListener alerts = new AlertWatcher(center, List::of, () -> FeedMode.LIVE, StuckPolicy::defaults, clock,
                SEOUL, Runnable::run).flowAlerts();

        alerts.onHoldEnded("welno_kept", "a1", new HoldOutcome(HoldOutcome.Kind.KEPT, Phrase.of("hold.kept"), 0,
                null));
        alerts.onHoldEnded("welno_unread", "a2", new HoldOutcome(HoldOutcome.Kind.UNCONFIRMED,
                Phrase.of("hold.closed"), 0, null));
        alerts.onHoldEnded("welno_gone", "a3", new HoldOutcome(HoldOutcome.Kind.VANISHED, Phrase.of("hold.vanished"),
                0, null));
        WaitForAsyncUtils.waitForFxEvents();

        List<AlertMonitor.Rule> rules = center.entries().stream().map(e -> e.alert().rule()).toList();
        assertEquals(List.of(AlertMonitor.Rule.ENDED, AlertMonitor.Rule.UNCONFIRMED), rules, "newest first");
        assertEquals(List.of("welno_gone"), center.entries().get(0).alert().sessions());
    }
}
