package io.welno.console.store;

import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;

/** The explicit outcome of {@link SessionStore#update}; only {@link Applied} wrote anything. */
public sealed interface UpdateResult {

    String id();

    default boolean applied() {
        return this instanceof Applied;
    }

    /** What happened, as a code with arguments (words are made by whoever shows it). */
    Phrase describe();

    record Applied(String id, SessionDocument before, SessionDocument after, int attempts) implements UpdateResult {
        @Override
        public Phrase describe() {
            return Phrase.of("store.applied", id, after.status(), attempts);
        }
    }

    /** The precondition refused the document it read; {@code reason} says why. */
    record PreconditionFailed(String id, SessionStatus statusSeen, Phrase reason) implements UpdateResult {
        @Override
        public Phrase describe() {
            return Phrase.of("store.notChanged", reason);
        }
    }

    record ConflictRetriesExhausted(String id, int attempts) implements UpdateResult {
        @Override
        public Phrase describe() {
            return Phrase.of("store.conflict", attempts);
        }
    }

    /** The key does not exist (any more): expired, or deleted. */
    record Missing(String id) implements UpdateResult {
        @Override
        public Phrase describe() {
            return Phrase.of("store.missing", id);
        }
    }

    record Unreadable(String id, Phrase reason) implements UpdateResult {
        @Override
        public Phrase describe() {
            return Phrase.of("store.unreadable", reason);
        }
    }

    /**
     * Redis could not do it. {@code outcomeUnknown} when the failure came after the write was sent and may have
     * happened after all (a timeout or a broken connection); a refusal such as a missing permission wrote nothing.
     */
    record Failed(String id, StoreFailure failure, boolean outcomeUnknown) implements UpdateResult {
        @Override
        public Phrase describe() {
            return Phrase.of(outcomeUnknown ? "store.failed.unknown" : "store.failed", failure.phrase());
        }
    }
}
