package io.welno.console.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.Timestamps;
import io.welno.console.store.Precondition;
import io.welno.console.store.SessionStore;
import io.welno.console.store.UpdateResult;
import io.welno.console.text.LogWords;
import io.welno.console.text.Phrase;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the lease of a console claim while its Tilko call is out: every third of {@link FlowOptions#claimLease()}
 * it moves {@code console_claim.lease_until} forward by compare-and-set, as long as the claim is still this
 * action's. If this console dies, nobody renews the lease, and once it lapses every console (and reset-stuck)
 * sees the claim as abandoned instead of waiting out the stuck threshold. Renewals append no message and leave
 * {@code updated_at} alone: they are bookkeeping, not progress.
 */
final class LeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final SessionStore store;
    private final Timestamps timestamps;
    private final Duration lease;
    private final ScheduledExecutorService timer;
    private final LogWords words;
    /** The sessions whose claims this console renews now, each with how many renewals are open on it. */
    private final ConcurrentHashMap<String, Integer> renewedSessions = new ConcurrentHashMap<>();

    LeaseKeeper(SessionStore store, Timestamps timestamps, Duration lease, ScheduledExecutorService timer,
                LogWords words) {
        this.store = store;
        this.timestamps = timestamps;
        this.lease = lease;
        this.timer = timer;
        this.words = words;
    }

    /** The value a claim written now carries. */
    String leaseUntilFromNow() {
        return timestamps.nowPlusSeconds(Math.max(1, lease.toSeconds()));
    }

    /** Whether this console renews a claim on the session now: its Tilko call for it is out or waits its turn. */
    boolean renews(String sessionId) {
        return renewedSessions.containsKey(sessionId);
    }

    /** Starts renewing; close the returned handle when the claim is released (or the call is back). */
    Renewal keep(String sessionId, String actionId) {
        long period = Math.max(1, lease.toMillis() / 3);
        renewedSessions.merge(sessionId, 1, Integer::sum);
        Renewing renewing = new Renewing(sessionId, actionId);
        renewing.task = timer.scheduleWithFixedDelay(renewing::renew, period, period, TimeUnit.MILLISECONDS);
        return renewing;
    }

    /** The renewals of one claim, and the latest lease they tried to write. */
    private final class Renewing implements Renewal {
        private final String sessionId;
        private final String actionId;
        private volatile ScheduledFuture<?> task;
        /** Guarded by this: no renewal starts a write once closed, so {@link #latest} is final then. */
        private boolean closed;
        private LocalDateTime latest;

        Renewing(String sessionId, String actionId) {
            this.sessionId = sessionId;
            this.actionId = actionId;
        }

        void renew() {
            LocalDateTime until;
            synchronized (this) {
                if (closed) {
                    return;
                }
                // noted before it is sent: a renewal whose answer is lost may still have moved the lease this far
                until = timestamps.nowLocal().plusSeconds(Math.max(1, lease.toSeconds()));
                latest = until;
            }
            try {
                UpdateResult r = store.update(sessionId, stillOurs(actionId), (current, edit) -> {
                    JsonNode claim = edit.tree().get(ConsoleMarks.CLAIM);
                    if (claim instanceof ObjectNode object) {
                        object.put(ConsoleMarks.LEASE_UNTIL, Timestamps.format(until));
                        edit.markChanged();
                    }
                });
                if (!r.applied()) {
                    LOG.debug("{} lease of session {} not renewed: {}", actionId, sessionId,
                            words.render(r.describe()));
                }
            } catch (RuntimeException e) {
                LOG.debug("{} lease of session {} not renewed: {}", actionId, sessionId, e.toString());
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            renewedSessions.computeIfPresent(sessionId, (id, open) -> open > 1 ? open - 1 : null);
            ScheduledFuture<?> t = task;
            if (t != null) {
                t.cancel(false);
            }
        }

        @Override
        public synchronized LocalDateTime latestLease() {
            return latest;
        }
    }

    private static Precondition stillOurs(String actionId) {
        return doc -> actionId.equals(ConsoleMarks.claimId(doc)) ? Optional.empty()
                : Optional.of(Phrase.of("flow.claim.gone", doc.status()));
    }

    /** Stops the renewals of one claim. */
    interface Renewal extends AutoCloseable {
        @Override
        void close();

        /**
         * The latest {@code lease_until} a renewal wrote, or may have written (its answer lost); null when none was
         * tried. Once closed, no renewal moves the lease past it.
         */
        LocalDateTime latestLease();
    }
}
