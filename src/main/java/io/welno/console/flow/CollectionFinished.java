package io.welno.console.flow;

import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;

/**
 * A background collection ended; {@code collection_started} has been cleared unless {@link Result#UNAVAILABLE}
 * (Redis was unreachable, then the session needs a reset-stuck later) or {@link Result#ABANDONED} with
 * someone else now owning the session.
 *
 * @param finalStatus the status left in Redis (null when unknown)
 * @param message     what to tell the operator, quoting Tilko's message where there is one
 * @param batchId     the bulk run that started it, or null for a single action
 */
public record CollectionFinished(String sessionId, String actionId, Result result, SessionStatus finalStatus,
                                 Phrase message, String batchId) {

    public enum Result {
        /** Health and/or prescription data saved; status completed. */
        COMPLETED,
        /** Tilko says the phone approval has not happened; back to auth_completed so it can be retried. */
        NOT_APPROVED_YET,
        /** Tilko says name/birthdate/phone do not match; status info_required. */
        INFO_REQUIRED,
        /** Tilko failed, nothing was collected, or an unexpected error; status error. */
        ERROR,
        /** The console shut down mid-collection; back to auth_completed. */
        INTERRUPTED,
        /** Someone else changed the session meanwhile (reset, backend overwrite); the console stopped touching it. */
        ABANDONED,
        /** The session ended (expired or deleted) during the collection. */
        VANISHED,
        /** Redis could not be reached (or refused a permission) to save a step. */
        UNAVAILABLE
    }
}
