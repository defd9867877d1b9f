package io.welno.console.view;

import io.welno.console.live.ChangeKind;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.SessionChange;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.text.Phrase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions someone follows (starred), and a {@link Changed} event on every status change of one of them: the
 * person on the phone with a customer sees the approval land without watching the table. Fed by the live feed; an
 * update that leaves the status as it was is no event, nor is the first sight of a session. Passing its
 * {@code expires_at} is an event too ({@link #passTime}): from then on the backend deletes the session on its next
 * read (docs/backend-protocol.md), so the approval the person waits for can no longer land, while Redis may keep the
 * key for up to half an hour. Thread-safe; listeners run on the feed's thread, or on the thread that passes time.
 */
public final class FollowedSessions {

    private static final Logger LOG = LoggerFactory.getLogger(FollowedSessions.class);
    /** More than anyone follows by hand; keeps the saved list within a preference value. */
    public static final int MAX_FOLLOWED = 100;

    /**
     * A followed session's status changed, the session ended, or its {@code expires_at} passed.
     *
     * @param to         the new status; null when the session ended or its expiry passed
     * @param ended      REMOVED or EXPIRED when the session ended, else null
     * @param pastExpiry the {@code expires_at} that passed (the backend's wall-clock time), else null
     * @param found      a pass reading every session again found it ended (or its status moved): it happened earlier,
     *                   and of an end, whether deleted or expired is not known ({@code ended} is the feed's guess)
     */
    public record Changed(String sessionId, SessionStatus from, SessionStatus to, ChangeKind ended, Instant at,
                          LocalDateTime pastExpiry, boolean found) {

        public Changed(String sessionId, SessionStatus from, SessionStatus to, ChangeKind ended, Instant at) {
            this(sessionId, from, to, ended, at, null, false);
        }

        /** How an ended session ended, as the history says it: gone (found missing), expired or deleted. */
        public String endedTextKey() {
            return "history.version." + Ending.of(ended, found).word();
        }

        /**
         * What happened, in words made at the edge: "id: from → to", "id: expired" / "id: removed", or that its
         * expires_at passed.
         */
        public Phrase phrase() {
            if (pastExpiry != null) {
                return Phrase.of("notify.followed.pastExpiry", sessionId, from, Timestamps.format(pastExpiry));
            }
            if (to == null) {
                return Phrase.of("notify.followed.ended", sessionId, Phrase.of(endedTextKey()));
            }
            return Phrase.of(found ? "notify.followed.found" : "notify.followed", sessionId, from, to);
        }
    }

    private final Clock clock;
    private final ZoneId zone;
    /** Whether every session counts as followed ({@link #everySession}), not only the ids in {@link #followed}. */
    private final boolean everySession;
    private final Set<String> followed = ConcurrentHashMap.newKeySet();
    /** The status last seen of each followed session that has been seen. */
    private final Map<String, SessionStatus> lastSeen = new ConcurrentHashMap<>();
    /** The {@code expires_at} the backend reads, of each followed session seen with one (naive, in its zone). */
    private final Map<String, LocalDateTime> expiries = new ConcurrentHashMap<>();
    /** The followed sessions whose expiry has been told (or had passed when they were first seen). */
    private final Set<String> pastExpiry = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Changed>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> setListeners = new CopyOnWriteArrayList<>();

    /**
     * @param clock the clock of the window (or command)
     * @param zone  the backend's zone, in which its naive {@code expires_at} is read
     */
    public FollowedSessions(Clock clock, ZoneId zone) {
        this(clock, zone, false);
    }

    private FollowedSessions(Clock clock, ZoneId zone, boolean everySession) {
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.everySession = everySession;
    }

    /**
     * Every session the feed brings followed at once, as {@code watch} without {@code --id} follows them: each one's
     * status changes and its {@code expires_at} passing are told exactly as a followed session's, so a command that
     * watches them all says an expiry once per session in the same words as one that follows a single session.
     * {@link #MAX_FOLLOWED} does not apply; {@link #follow} and the other changes of the set add nothing to it.
     */
    public static FollowedSessions everySession(Clock clock, ZoneId zone) {
        return new FollowedSessions(clock, zone, true);
    }

    /** Whether the session's changes are told: it is followed, or every session is. */
    private boolean follows(String id) {
        return everySession || followed.contains(id);
    }

    /** @return false when the id was followed already, or {@link #MAX_FOLLOWED} are */
    public boolean follow(String id) {
        if (followed.size() >= MAX_FOLLOWED || !followed.add(id)) {
            return false;
        }
        setChanged();
        return true;
    }

    public boolean unfollow(String id) {
        if (!followed.remove(id)) {
            return false;
        }
        forget(id);
        setChanged();
        return true;
    }

    /** Follows or unfollows; returns whether the id is followed now. */
    public boolean toggle(String id) {
        if (followed.contains(id)) {
            unfollow(id);
            return false;
        }
        return follow(id);
    }

    public boolean isFollowed(String id) {
        return follows(id);
    }

    /** The followed ids, in no particular order. */
    public Set<String> ids() {
        return Set.copyOf(followed);
    }

    /**
     * What the window already shows of a followed session it has not seen change since it was followed: its status and
     * the expiry the backend reads (null: none). Without it the first change after following had nothing to be a
     * change from, and was not told. A session seen by the feed meanwhile keeps what the feed saw. No event.
     */
    public void know(String id, SessionStatus status, LocalDateTime backendExpiry) {
        if (!follows(id) || status == null) {
            return;
        }
        if (lastSeen.putIfAbsent(id, status) == null && backendExpiry != null
                && expiries.putIfAbsent(id, backendExpiry) == null
                && now().isAfter(backendExpiry)) {
            pastExpiry.add(id); // past already when followed: nothing happens from now on that could be told
        }
    }

    /** Replaces the whole set (a saved list at start-up); no events. */
    public void followAll(java.util.Collection<String> ids) {
        followed.clear();
        lastSeen.clear();
        expiries.clear();
        pastExpiry.clear();
        for (String id : new LinkedHashSet<>(ids)) {
            if (followed.size() < MAX_FOLLOWED && id != null && !id.isBlank()) {
                followed.add(id.strip());
            }
        }
        setChanged();
    }

    /** Told of every status change of a followed session (on the feed's thread). */
    public void addListener(Consumer<Changed> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<Changed> listener) {
        listeners.remove(listener);
    }

    /** Told when the set of followed ids changes (on the caller's thread). */
    public void addSetListener(Runnable listener) {
        setListeners.add(Objects.requireNonNull(listener));
    }

    /** A batch of the live feed. */
    public void onBatch(FeedBatch batch) {
        if (!everySession && followed.isEmpty()) {
            return;
        }
        for (SessionChange change : batch.changes()) {
            if (follows(change.id())) {
                seen(change);
            }
        }
    }

    /**
     * Tells of every followed session whose {@code expires_at} has passed since it was last seen, once each (again only
     * if a later write gives it another expiry). The window calls it once a second.
     */
    public void passTime() {
        LocalDateTime now = now();
        for (Map.Entry<String, LocalDateTime> expiry : expiries.entrySet()) {
            String id = expiry.getKey();
            if (now.isAfter(expiry.getValue()) && follows(id) && pastExpiry.add(id)) {
                fire(new Changed(id, lastSeen.get(id), null, null, clock.instant(), expiry.getValue(), false));
            }
        }
    }

    private void seen(SessionChange change) {
        String id = change.id();
        if (change.kind().ended()) {
            SessionStatus was = lastSeen.get(id);
            forget(id);
            fire(new Changed(id, was, null, change.kind(), clock.instant(), null, change.fromSnapshot()));
            return;
        }
        if (!(change.session().parsed() instanceof SessionDocument doc)) {
            return;
        }
        SessionStatus was = lastSeen.put(id, doc.status());
        seenExpiry(id, doc, was == null);
        if (was != null && !was.equals(doc.status())) {
            fire(new Changed(id, was, doc.status(), null, clock.instant(), null, change.fromSnapshot()));
        }
    }

    /** The expiry the backend reads now; one already past at first sight is no event, as the first sight is not. */
    private void seenExpiry(String id, SessionDocument doc, boolean firstSight) {
        LocalDateTime expiry = doc.backendExpiry().orElse(null);
        if (expiry == null) {
            expiries.remove(id);
            return;
        }
        LocalDateTime before = expiries.put(id, expiry);
        if (!expiry.equals(before)) {
            pastExpiry.remove(id);
        }
        if (firstSight && now().isAfter(expiry)) {
            pastExpiry.add(id);
        }
    }

    /** The backend's wall-clock time, in which its naive {@code expires_at} is compared. */
    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), zone);
    }

    private void forget(String id) {
        lastSeen.remove(id);
        expiries.remove(id);
        pastExpiry.remove(id);
    }

    private void fire(Changed changed) {
        for (Consumer<Changed> listener : listeners) {
            try {
                listener.accept(changed);
            } catch (RuntimeException e) {
                LOG.warn("A followed-session listener failed", e);
            }
        }
    }

    private void setChanged() {
        for (Runnable listener : setListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A followed-set listener failed", e);
            }
        }
    }
}
