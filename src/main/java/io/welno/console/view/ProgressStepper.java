package io.welno.console.view;

import io.welno.console.session.Progress;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The detail pane's stepper: Started → Auth requested → Approved → Checkups → Prescriptions → Completed, each
 * step done, current (what the backend is doing or waiting on right now), failed, or still to come.
 *
 * <p>The status decides where the session is (docs/flow.md, the statuses in flow order): "Requesting auth" is on
 * <em>Auth requested</em>, "Waiting for approval" on <em>Approved</em>, "Approved" has that step done and nothing
 * running until a collection starts. The {@code progress} flags only tell where a session that ended in an error
 * got to, and place a status the console does not know.
 */
public final class ProgressStepper {

    /** How one step is shown. */
    public enum State { DONE, CURRENT, FAILED, TODO }

    /** Bundle keys of the steps, in order. */
    public static final List<String> KEYS = List.of("step.start", "step.requested", "step.approved", "step.checkups",
            "step.prescriptions", "step.completed");

    private static final int REQUESTED = 1;
    private static final int APPROVED = 2;
    private static final int CHECKUPS = 3;
    private static final int PRESCRIPTIONS = 4;

    private ProgressStepper() {
    }

    /** One state per step of {@link #KEYS}. */
    public static List<State> of(SessionDocument doc) {
        SessionStatus s = doc.status();
        if (s.equals(SessionStatus.COMPLETED) || doc.progress().completed()) {
            return states(KEYS.size(), -1, false);
        }
        if (s.equals(SessionStatus.INITIATED)) {
            return states(1, -1, false);
        }
        if (s.equals(SessionStatus.AUTH_REQUESTING)) {
            return states(REQUESTED, REQUESTED, false);
        }
        if (s.equals(SessionStatus.AUTH_REQUEST_SENT) || s.equals(SessionStatus.AUTH_PENDING)) {
            return states(APPROVED, APPROVED, false);
        }
        if (s.isAuthenticated()) {
            return states(CHECKUPS, -1, false); // approved; nothing runs until someone collects
        }
        if (s.equals(SessionStatus.FETCHING_HEALTH_DATA)) {
            return states(CHECKUPS, CHECKUPS, false);
        }
        if (s.equals(SessionStatus.FETCHING_PRESCRIPTION_DATA)) {
            return states(PRESCRIPTIONS, PRESCRIPTIONS, false);
        }
        int reached = reached(doc);
        // Error, timeout, expired, info mismatch: the step after the last one reached is where it stopped.
        return s.isTerminal() ? states(reached, reached, true) : states(reached, -1, false);
    }

    /** Steps the flags (and the credentials) show as reached; a missing flag reads as false. */
    private static int reached(SessionDocument doc) {
        Progress p = doc.progress();
        if (p.prescriptionDataFetched()) {
            return 5;
        }
        if (p.healthDataFetched()) {
            return 4;
        }
        if (p.authCompleted() || doc.authData().isPresent()) {
            return 3;
        }
        if (p.authRequested() || doc.tempAuthData().isPresent()) {
            return 2;
        }
        return 1;
    }

    private static List<State> states(int done, int current, boolean failed) {
        List<State> states = new ArrayList<>(KEYS.size());
        for (int i = 0; i < KEYS.size(); i++) {
            states.add(i < done ? State.DONE : i == current ? (failed ? State.FAILED : State.CURRENT) : State.TODO);
        }
        return Collections.unmodifiableList(states);
    }
}
