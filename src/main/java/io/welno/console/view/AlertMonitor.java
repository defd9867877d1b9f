package io.welno.console.view;

import io.welno.console.flow.Overwrite;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the console's state into alerts that fire once per episode: a rule's condition starting to hold raises one
 * alert, and the same rule raises another only after its condition has stayed clear for {@link #EPISODE_ENDS_AFTER}
 * (a stuck count hovering at its threshold, or a feed reconnecting twice in a row, is one episode, not an alert every
 * few seconds). Reverts and the status changes of followed sessions are events: each one is an alert of its own (the
 * window joins a bulk run's into one, {@link #joined}). Fed by the window once per refresh; JavaFX-free, so the rules
 * are tested without a stage.
 */
public final class AlertMonitor {

    /** How long a rule's condition must stay clear before its episode ends and the next one can raise an alert. */
    public static final Duration EPISODE_ENDS_AFTER = Duration.ofMinutes(1);
    private static final String UNREADABLE = ".unreadable";
    private static final String BOTH = ".mixed";

    /** The rules an alert comes from. */
    public enum Rule {
        STUCK, LONG_WAIT, ERROR_RATE, REVERT, UNCONFIRMED, ENDED, FEED_FALLBACK, FOLLOWED;

        public String key() {
            return "alert.rule." + name();
        }
    }

    /**
     * What the rules look at, once per refresh.
     *
     * @param waitingTooLong how many sessions have waited for the phone approval longer than the rule's limit
     * @param longestWaiting the ids of some of them (at most {@link AlertConditions#MAX_SESSIONS}), longest wait
     *                       first
     * @param feedLive       whether the live feed is LIVE (false: polling, reconnecting, offline)
     * @param feedState      the feed's state, for the alert's words ({@code mode.POLLING}, say)
     */
    public record Conditions(int stuck, int waitingTooLong, List<String> longestWaiting, double errorRate,
                             boolean feedLive, Phrase feedState) {
        public Conditions {
            longestWaiting = List.copyOf(longestWaiting);
            if (longestWaiting.size() > waitingTooLong) {
                throw new IllegalArgumentException("more ids than sessions waiting");
            }
        }
    }

    /**
     * One alert: raised when a rule's episode began (or a revert happened).
     *
     * @param sessions the sessions concerned (empty for counts and the feed)
     * @param total    how many sessions it is about: more than {@code sessions} when it carries only some of them
     *                 (a long wait names the {@link AlertConditions#MAX_SESSIONS} longest)
     * @param cleared  when the condition of its episode cleared for good (it stayed clear for
     *                 {@link #EPISODE_ENDS_AFTER}); null while the episode goes on, and for events
     * @param overwrites for a revert alert, what its changes were written over by (a run's: every kind it saw, which
     *                 its headline names, {@link #joined}); empty for the other rules
     */
    public record Alert(long seq, Instant at, Rule rule, List<String> sessions, int total, Phrase message,
                        Instant cleared, Set<Overwrite> overwrites) {
        public Alert {
            sessions = List.copyOf(sessions);
            total = Math.max(total, sessions.size());
            overwrites = overwrites.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(overwrites));
        }

        public Alert(long seq, Instant at, Rule rule, List<String> sessions, int total, Phrase message,
                     Instant cleared) {
            this(seq, at, rule, sessions, total, message, cleared, Set.of());
        }

        public Alert(long seq, Instant at, Rule rule, List<String> sessions, int total, Phrase message) {
            this(seq, at, rule, sessions, total, message, null);
        }

        public Alert(long seq, Instant at, Rule rule, List<String> sessions, Phrase message) {
            this(seq, at, rule, sessions, sessions.size(), message);
        }

        /** The same alert, its episode over since {@code when}. */
        public Alert clearedAt(Instant when) {
            return new Alert(seq, at, rule, sessions, total, message, when, overwrites);
        }
    }

    /**
     * What one check found.
     *
     * @param raised  the alerts of episodes that begin now
     * @param cleared the alerts of episodes that ended now, as raised (same {@code seq}) with {@code cleared} set: an
     *                alert that said "not live any more" must not go on saying it once the feed is back
     */
    public record Checked(List<Alert> raised, List<Alert> cleared) {
        public Checked {
            raised = List.copyOf(raised);
            cleared = List.copyOf(cleared);
        }
    }

    private final Map<Rule, Boolean> active = new EnumMap<>(Rule.class);
    /** Since when the condition of a rule whose episode has not ended yet has been clear. */
    private final Map<Rule, Instant> clearSince = new EnumMap<>(Rule.class);
    /** The alert each episode going on raised. */
    private final Map<Rule, Alert> raisedBy = new EnumMap<>(Rule.class);
    private volatile AlertRules rules;
    private long seq;

    public AlertMonitor(AlertRules rules) {
        this.rules = Objects.requireNonNull(rules);
    }

    public AlertRules rules() {
        return rules;
    }

    /** New thresholds apply from the next check; an episode in progress under a rule now off is closed. */
    public synchronized void setRules(AlertRules newRules) {
        this.rules = Objects.requireNonNull(newRules);
    }

    /** The alerts of episodes that begin or end now; an episode that goes on changes nothing. */
    public synchronized Checked check(Conditions now, Instant at) {
        List<Alert> out = new ArrayList<>();
        List<Alert> over = new ArrayList<>();
        AlertRules r = rules;
        edge(Rule.STUCK, r.stuckOn(), now.stuck() > r.stuckAbove(), at, List.of(), 0,
                Phrase.of("alert.stuck", now.stuck(), r.stuckAbove()), out, over);
        edge(Rule.LONG_WAIT, r.waitingOn(), now.waitingTooLong() > 0, at, now.longestWaiting(),
                now.waitingTooLong(), Phrase.of("alert.longWait", now.waitingTooLong(), r.waitingLongerThan()), out,
                over);
        edge(Rule.ERROR_RATE, r.errorRateOn(), now.errorRate() > r.errorRateAbove(), at, List.of(), 0,
                Phrase.of("alert.errorRate", Math.round(now.errorRate() * 100), Math.round(r.errorRateAbove() * 100),
                        r.errorWindow()), out, over);
        edge(Rule.FEED_FALLBACK, r.feedFallback(), !now.feedLive(), at, List.of(), 0,
                Phrase.of("alert.feed", now.feedState()), out, over);
        return new Checked(out, over);
    }

    /**
     * A revert of a console's change, written over by {@code by}: an alert of its own each time (when the rule is on),
     * else nothing.
     */
    public synchronized List<Alert> revert(String sessionId, Phrase what, Overwrite by, Instant at) {
        return rules.reverts() ? List.of(new Alert(++seq, at, Rule.REVERT, List.of(sessionId), 1, what, null,
                Set.of(by))) : List.of();
    }

    /** A revert of a console's change by a session written over it. */
    public synchronized List<Alert> revert(String sessionId, Phrase what, Instant at) {
        return revert(sessionId, what, Overwrite.SESSION, at);
    }

    /**
     * A change of this console whose hold ended without knowing it stayed (the session could not be read): an alert
     * of its own, under the same switch as reverts — both say a change may not be in place.
     */
    public synchronized List<Alert> unconfirmed(String sessionId, Phrase what, Instant at) {
        return underRevertSwitch(Rule.UNCONFIRMED, sessionId, what, at);
    }

    /**
     * A session that ended (deleted, or past its {@code expires_at}) while a change of this console was held: the
     * change stayed as long as the session did, but it no longer counts. Under the reverts' switch too.
     */
    public synchronized List<Alert> ended(String sessionId, Phrase what, Instant at) {
        return underRevertSwitch(Rule.ENDED, sessionId, what, at);
    }

    /** One session's alert of {@code rule}, each time it happens, while the reverts' switch is on. */
    private List<Alert> underRevertSwitch(Rule rule, String sessionId, Phrase what, Instant at) {
        return rules.reverts() ? List.of(new Alert(++seq, at, rule, List.of(sessionId), what)) : List.of();
    }

    /**
     * A further session of a bulk run whose change was reverted, or whose hold ended, as {@code raised}'s was: the same
     * alert (its number, time and rule) for the whole run, listing its sessions and saying how many, and the latest
     * one's account ({@code latest}, that session's own alert). The run's id and the session's are cut to a field:
     * another console's come from Redis.
     */
    public static Alert joined(Alert raised, Alert latest, String batchId) {
        String sessionId = latest.sessions().get(0);
        List<String> sessions = new ArrayList<>(raised.sessions());
        if (!sessions.contains(sessionId)) {
            sessions.add(sessionId);
        }
        Set<Overwrite> seen = EnumSet.noneOf(Overwrite.class);
        seen.addAll(raised.overwrites());
        seen.addAll(latest.overwrites());
        String key = "alert.batch." + raised.rule().name();
        if (raised.rule() == Rule.REVERT) {
            key = revertHeadline(key, seen);
        }
        return new Alert(raised.seq(), raised.at(), raised.rule(), List.copyOf(sessions), sessions.size(),
                Phrase.of(key, sessions.size(), SafeText.bounded(batchId, SafeText.FIELD), latest.message(),
                        SafeText.bounded(sessionId, SafeText.FIELD)), null, seen);
    }

    /**
     * The headline of a run's reverts names what its changes were written over by, as each session's own alert does:
     * a session without the change, a value that is no readable session at all, or both when the run saw both.
     */
    private static String revertHeadline(String head, Set<Overwrite> seen) {
        boolean unreadable = seen.contains(Overwrite.UNREADABLE);
        return unreadable && seen.contains(Overwrite.SESSION) ? head + BOTH : unreadable ? head + UNREADABLE : head;
    }

    /**
     * A followed session changed its status or ended: an alert of its own, always (following a session is the
     * operator's own ask to be told), so a notice missed while away from the window is still in the list.
     */
    public synchronized List<Alert> followed(FollowedSessions.Changed changed) {
        return List.of(new Alert(++seq, changed.at(), Rule.FOLLOWED, List.of(changed.sessionId()), changed.phrase()));
    }

    public synchronized boolean isActive(Rule rule) {
        return active.getOrDefault(rule, false);
    }

    /**
     * @param on    whether the rule is on: a rule turned off ends its episode at once, without saying it cleared
     * @param holds whether its condition holds now
     */
    private void edge(Rule rule, boolean on, boolean holds, Instant at, List<String> sessions, int total,
                      Phrase message, List<Alert> out, List<Alert> over) {
        boolean was = active.getOrDefault(rule, false);
        if (on && holds) {
            clearSince.remove(rule);
            active.put(rule, true);
            if (!was) {
                Alert alert = new Alert(++seq, at, rule, sessions, total, message);
                raisedBy.put(rule, alert);
                out.add(alert);
            }
            return;
        }
        if (!was) {
            return;
        }
        Instant clear = clearSince.computeIfAbsent(rule, r -> at);
        if (!on || !at.isBefore(clear.plus(EPISODE_ENDS_AFTER))) {
            active.put(rule, false);
            clearSince.remove(rule);
            Alert raised = raisedBy.remove(rule);
            if (on && raised != null) {
                over.add(raised.clearedAt(clear));
            }
        }
    }
}
