package io.welno.console.view;

import io.welno.console.live.ChangeKind;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.SessionChange;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import java.time.Clock;
import java.time.Instant;
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
 * update that leaves the status as it was is no event, nor is the first sight of a session. Thread-safe; listeners
 * run on the feed's thread.
 */
public final class FollowedSessions {

    private static final Logger LOG = LoggerFactory.getLogger(FollowedSessions.class);
    /** More than anyone follows by hand; keeps the saved list within a preference value. */
    public static final int MAX_FOLLOWED = 100;

    /**
     * A followed session's status changed, or the session ended.
     *
     * @param to    the new status; null when the session ended
     * @param ended REMOVED or EXPIRED when the session ended, else null
     */
    public record Changed(String sessionId, SessionStatus from, SessionStatus to, ChangeKind ended, Instant at) {

        /** What happened, in words made at the edge: "id: from → to", or "id: expired" / "id: removed". */
        public Phrase phrase() {
            if (to == null) {
                return Phrase.of("notify.followed.ended", sessionId, Phrase.of(ended == ChangeKind.EXPIRED
                        ? "history.version.expired" : "history.version.removed"));
            }
            return Phrase.of("notify.followed", sessionId, from, to);
        }
    }

    private final Clock clock;
    private final Set<String> followed = ConcurrentHashMap.newKeySet();
    /** The status last seen of each followed session that has been seen. */
    private final Map<String, SessionStatus> lastSeen = new ConcurrentHashMap<>();
    private final List<Consumer<Changed>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> setListeners = new CopyOnWriteArrayList<>();

    public FollowedSessions(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
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
        lastSeen.remove(id);
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
        return followed.contains(id);
    }

    /** The followed ids, in no particular order. */
    public Set<String> ids() {
        return Set.copyOf(followed);
    }

    /** Replaces the whole set (a saved list at start-up); no events. */
    public void followAll(java.util.Collection<String> ids) {
        followed.clear();
        lastSeen.clear();
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
        if (followed.isEmpty()) {
            return;
        }
        for (SessionChange change : batch.changes()) {
            if (followed.contains(change.id())) {
                seen(change);
            }
        }
    }

    private void seen(SessionChange change) {
        String id = change.id();
        if (change.kind().ended()) {
            SessionStatus was = lastSeen.remove(id);
            fire(new Changed(id, was, null, change.kind(), clock.instant()));
            return;
        }
        if (!(change.session().parsed() instanceof SessionDocument doc)) {
            return;
        }
        SessionStatus was = lastSeen.put(id, doc.status());
        if (was != null && !was.equals(doc.status())) {
            fire(new Changed(id, was, doc.status(), null, clock.instant()));
        }
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
