package io.welno.console.flow;

import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;

/**
 * A step of a background collection was saved.
 *
 * @param status the status the step left (fetching_health_data, fetching_prescription_data, …)
 * @param step   what happened ("Health checkups saved (3 records); fetching prescriptions.")
 */
public record CollectionProgress(String sessionId, String actionId, SessionStatus status, Phrase step) {
}
