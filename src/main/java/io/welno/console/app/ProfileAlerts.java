package io.welno.console.app;

import io.welno.console.view.AlertRules;
import java.time.Duration;

/**
 * The alert rules as a profile stores them: whole minutes and percents, plain JSON numbers a person can edit
 * ({@link AlertRules} is the form the rules are checked in). A value of zero turns its rule off.
 */
public record ProfileAlerts(int stuckAbove, int waitMinutes, int errorPercent, int errorWindowMinutes,
                            boolean reverts, boolean feedFallback, boolean osNotifications) {

    public static ProfileAlerts of(AlertRules rules) {
        return new ProfileAlerts(rules.stuckAbove(), minutes(rules.waitingLongerThan()),
                (int) Math.round(rules.errorRateAbove() * 100), minutes(rules.errorWindow()), rules.reverts(),
                rules.feedFallback(), rules.osNotifications());
    }

    public AlertRules rules() {
        return new AlertRules(Math.max(0, stuckAbove), Duration.ofMinutes(Math.max(0, waitMinutes)),
                Math.max(0, errorPercent) / 100.0, Duration.ofMinutes(Math.max(0, errorWindowMinutes)), reverts,
                feedFallback, osNotifications);
    }

    private static int minutes(Duration d) {
        return d == null ? 0 : (int) d.toMinutes();
    }
}
