package io.welno.console.flow;

import io.welno.console.session.SessionStatus;

/**
 * A step of a background collection was saved.
 *
 * @param status the status the step left (fetching_health_data, fetching_prescription_data, …)
 * @param step   an English sentence: "Health checkups saved (3 records); fetching prescriptions."
 */
public record CollectionProgress(String sessionId, String actionId, SessionStatus status, String step) {
}
