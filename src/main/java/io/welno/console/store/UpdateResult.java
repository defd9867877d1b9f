package io.welno.console.store;

import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;

/** The explicit outcome of {@link SessionStore#update}; only {@link Applied} wrote anything. */
public sealed interface UpdateResult {

    String id();

    default boolean applied() {
        return this instanceof Applied;
    }

    /** A human sentence for the operator. */
    String describe();

    record Applied(String id, SessionDocument before, SessionDocument after, int attempts) implements UpdateResult {
        @Override
        public String describe() {
            return "Saved " + id + " (status " + after.status() + ")"
                    + (attempts > 1 ? " after " + attempts + " attempts because others were writing." : ".");
        }
    }

    record PreconditionFailed(String id, SessionStatus statusSeen, String reason) implements UpdateResult {
        @Override
        public String describe() {
            return "Nothing was changed: " + reason + ".";
        }
    }

    record ConflictRetriesExhausted(String id, int attempts) implements UpdateResult {
        @Override
        public String describe() {
            return "Nothing was changed: the session kept changing under us (" + attempts
                    + " attempts). Try again in a moment.";
        }
    }

    record Missing(String id) implements UpdateResult {
        @Override
        public String describe() {
            return "Nothing was changed: the session " + id + " no longer exists (expired or deleted).";
        }
    }

    record Unreadable(String id, String reason) implements UpdateResult {
        @Override
        public String describe() {
            return "Nothing was changed: the stored value is not a readable session (" + reason + ").";
        }
    }

    /** The store could not be reached or answered an error; the write may or may not have happened only when {@code outcomeUnknown}. */
    record Failed(String id, String reason, boolean outcomeUnknown) implements UpdateResult {
        @Override
        public String describe() {
            return outcomeUnknown
                    ? "The connection failed while saving; reload the session to see whether the change was applied (" + reason + ")."
                    : "Nothing was changed: " + reason + ".";
        }
    }
}
