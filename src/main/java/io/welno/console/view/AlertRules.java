package io.welno.console.view;

import java.time.Duration;

/**
 * The thresholds of the window's alerts, kept with the connection profile. A rule with a zero or negative threshold
 * is off; revert and feed-fallback alerts can be turned off too.
 *
 * @param stuckAbove        alert while more than this many sessions are stuck
 * @param waitingLongerThan alert while a session has waited for the phone approval longer than this
 * @param errorRateAbove    alert while the error rate over {@code errorWindow} is above this fraction (0.2 = 20 %)
 * @param errorWindow       the window of the error rate (the dashboard's, at most an hour)
 * @param reverts           alert when a console's change (anyone's) is written over
 * @param feedFallback      alert while the feed is not live (polling, reconnecting, offline)
 * @param osNotifications   also show alerts in the operating system's notification area while the window is not
 *                          focused (where the platform has one)
 */
public record AlertRules(int stuckAbove, Duration waitingLongerThan, double errorRateAbove, Duration errorWindow,
                         boolean reverts, boolean feedFallback, boolean osNotifications) {

    public static AlertRules defaults() {
        return new AlertRules(20, Duration.ofMinutes(10), 0.2, Duration.ofMinutes(15), true, true, true);
    }

    public boolean stuckOn() {
        return stuckAbove > 0;
    }

    public boolean waitingOn() {
        return waitingLongerThan != null && !waitingLongerThan.isZero() && !waitingLongerThan.isNegative();
    }

    public boolean errorRateOn() {
        return errorRateAbove > 0 && errorWindow != null && !errorWindow.isZero();
    }
}
