package io.welno.console.store;

import io.welno.console.session.ParsedSession;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UnreadableSession;
import io.welno.console.text.Phrase;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one read → check → mutate → compare-and-set loop shared by every store. The comparison is on the
 * exact bytes that were read, so a write can only replace the version the mutation actually saw.
 */
final class OptimisticUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(OptimisticUpdater.class);

    /** What a store must provide: a versioned read and a conditional write. */
    interface Backend {
        /** @return the session with the exact bytes stored (compared by the compare-and-set), or null when missing */
        StoredSession read(String id) throws Exception;

        CasOutcome compareAndSet(String id, byte[] expected, String replacement) throws Exception;
    }

    enum CasOutcome { APPLIED, CONFLICT, MISSING }

    private final Backend backend;
    private final SessionCodec codec;
    private final Timestamps timestamps;
    private final RetryPolicy retry;

    OptimisticUpdater(Backend backend, SessionCodec codec, Timestamps timestamps, RetryPolicy retry) {
        this.backend = backend;
        this.codec = codec;
        this.timestamps = timestamps;
        this.retry = retry;
    }

    UpdateResult update(String id, Precondition precondition, SessionMutation mutation) {
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                retry.backOff(attempt);
            }
            StoredSession stored;
            try {
                stored = backend.read(id);
            } catch (Exception e) {
                return new UpdateResult.Failed(id, StoreFailure.of(e), false);
            }
            if (stored == null) {
                return new UpdateResult.Missing(id);
            }
            // Parsed from the bytes by the store's reader: a value that is not UTF-8, or a key of another type, is
            // unreadable, so it can never be written back re-encoded or replaced by a session.
            ParsedSession parsed = stored.parsed();
            if (parsed instanceof UnreadableSession unreadable) {
                return new UpdateResult.Unreadable(id, unreadable.reason());
            }
            SessionDocument current = (SessionDocument) parsed;
            Optional<Phrase> refusal = precondition.refusal(current);
            if (refusal.isPresent()) {
                return new UpdateResult.PreconditionFailed(id, current.status(), refusal.get());
            }
            SessionEditor editor = new SessionEditor(current.tree().deepCopy(), timestamps);
            mutation.apply(current, editor);
            ParsedSession next = codec.wrap(id, editor.tree());
            if (!(next instanceof SessionDocument after)) {
                return new UpdateResult.PreconditionFailed(id, current.status(), Phrase.of(
                        "store.wouldBeUnreadable", ((UnreadableSession) next).reason()));
            }
            CasOutcome outcome;
            try {
                outcome = backend.compareAndSet(id, stored.value(), codec.write(editor.tree()));
            } catch (Exception e) {
                StoreFailure failure = StoreFailure.of(e);
                return new UpdateResult.Failed(id, failure, failure.mayHaveWritten());
            }
            switch (outcome) {
                case APPLIED:
                    return new UpdateResult.Applied(id, current, after, attempt);
                case MISSING:
                    return new UpdateResult.Missing(id);
                case CONFLICT:
                default:
                    LOG.debug("Session {} changed during update, attempt {}", id, attempt);
            }
        }
        return new UpdateResult.ConflictRetriesExhausted(id, retry.maxAttempts());
    }
}
