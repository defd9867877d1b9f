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
import java.util.Optional;
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

    /** Starts renewing; close the returned handle when the claim is released (or the call is back). */
    Renewal keep(String sessionId, String actionId) {
        long period = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> task = timer.scheduleWithFixedDelay(() -> renew(sessionId, actionId), period, period,
                TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    private void renew(String sessionId, String actionId) {
        try {
            UpdateResult r = store.update(sessionId, stillOurs(actionId), (current, edit) -> {
                JsonNode claim = edit.tree().get(ConsoleMarks.CLAIM);
                if (claim instanceof ObjectNode object) {
                    object.put(ConsoleMarks.LEASE_UNTIL, leaseUntilFromNow());
                    edit.markChanged();
                }
            });
            if (!r.applied()) {
                LOG.debug("{} lease of session {} not renewed: {}", actionId, sessionId, words.render(r.describe()));
            }
        } catch (RuntimeException e) {
            LOG.debug("{} lease of session {} not renewed: {}", actionId, sessionId, e.toString());
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
    }
}
