package io.welno.console.view;

import io.welno.console.session.Progress;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How far a session got: Started → Auth requested → Approved → Checkups → Prescriptions → Completed, each step done,
 * current (what the backend is doing or waiting on right now), failed, or still to come. The one rule for progress:
 * the detail pane's stepper shows {@link #of} and the table's dots (with the CSV, the dashboard's funnel and the
 * change marks) count the steps done, {@link #reached}, so the two never disagree.
 *
 * <p>The status decides where the session is (docs/backend-protocol.md, "Statuses"): "Requesting auth" is on
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

    /**
     * Where a session stands: {@code done} steps done, the step at {@code at} current or failed (-1: none).
     */
    private record Position(int done, int at, boolean failed) {
    }

    /** One state per step of {@link #KEYS}. */
    public static List<State> of(SessionDocument doc) {
        Position p = position(doc);
        List<State> states = new ArrayList<>(KEYS.size());
        for (int i = 0; i < KEYS.size(); i++) {
            State at = p.failed() ? State.FAILED : State.CURRENT;
            states.add(i < p.done() ? State.DONE : i == p.at() ? at : State.TODO);
        }
        return Collections.unmodifiableList(states);
    }

    /** The steps done, 1 to {@link #KEYS}' size: what the table's dots fill. */
    public static int reached(SessionDocument doc) {
        return position(doc).done();
    }

    private static Position position(SessionDocument doc) {
        SessionStatus s = doc.status();
        if (s.equals(SessionStatus.COMPLETED) || doc.progress().completed()) {
            return new Position(KEYS.size(), -1, false);
        }
        if (s.equals(SessionStatus.INITIATED)) {
            return new Position(1, -1, false);
        }
        if (s.equals(SessionStatus.AUTH_REQUESTING)) {
            return new Position(REQUESTED, REQUESTED, false); // asking Tilko: not requested until it accepted
        }
        if (s.equals(SessionStatus.AUTH_REQUEST_SENT) || s.equals(SessionStatus.AUTH_PENDING)) {
            return new Position(APPROVED, APPROVED, false);
        }
        if (s.isAuthenticated()) {
            return new Position(CHECKUPS, -1, false); // approved; nothing runs until someone collects
        }
        if (s.equals(SessionStatus.FETCHING_HEALTH_DATA)) {
            return new Position(CHECKUPS, CHECKUPS, false);
        }
        if (s.equals(SessionStatus.FETCHING_PRESCRIPTION_DATA)) {
            return new Position(PRESCRIPTIONS, PRESCRIPTIONS, false);
        }
        int reached = flagged(doc);
        // Error, timeout, expired, info mismatch: the step after the last one reached is where it stopped.
        return new Position(reached, s.isTerminal() ? reached : -1, s.isTerminal());
    }

    /** Steps the flags (and the credentials) show as reached; a missing flag reads as false. */
    private static int flagged(SessionDocument doc) {
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

}
