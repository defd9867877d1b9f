package io.welno.console.view;

import static io.welno.console.view.ProgressStepper.State.CURRENT;
import static io.welno.console.view.ProgressStepper.State.DONE;
import static io.welno.console.view.ProgressStepper.State.FAILED;
import static io.welno.console.view.ProgressStepper.State.TODO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.Progress;
import io.welno.console.session.SessionStatus;
import io.welno.console.testing.TestRows;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stepper shows where each status is: Started, Auth requested, Approved, Checkups, Prescriptions, Completed; the
 * table's dots count the same steps.
 */
class ProgressStepperTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 14, 0);

    /** D done, C current, F failed, - to come; one letter per step. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "initiated,                  D-----",
        "auth_requesting,            DC----",
        "auth_request_sent,          DDC---",
        "auth_pending,               DDC---",
        "auth_completed,             DDD---",
        "authenticated,              DDD---",
        "fetching_health_data,       DDDC--",
        "fetching_prescription_data, DDDDC-",
        "completed,                  DDDDDD",
        "error,                      DF----",
        "timeout,                    DF----",
        "expired,                    DF----",
        "info_required,              DF----",
        "some_new_status,            D-----",
    })
    void eachStatusIsOnItsStep(String status, String expected) {
        assertEquals(states(expected), ProgressStepper.of(TestRows.session("s", status, T0).row().document()));
    }

    @org.junit.jupiter.api.Test
    void requestingAuthNeverHighlightsApprovedEvenWithCredentialsOfAnEarlierRequest() {
        var doc = TestRows.session("s", "auth_request_sent", T0).requested(T0.plusMinutes(1))
                .status("auth_requesting").row().document();
        List<ProgressStepper.State> states = ProgressStepper.of(doc);
        assertEquals(CURRENT, states.get(ProgressStepper.KEYS.indexOf("step.requested")));
        assertEquals(TODO, states.get(ProgressStepper.KEYS.indexOf("step.approved")));
    }

    @org.junit.jupiter.api.Test
    void anErrorStopsAtTheStepAfterTheLastOneReached() {
        var timedOutWaiting = TestRows.session("s", "auth_request_sent", T0).requested(T0.plusMinutes(1))
                .status("timeout").row().document();
        assertEquals(states("DDF---"), ProgressStepper.of(timedOutWaiting));
        var failedCollecting = TestRows.session("s", "auth_completed", T0).approved(T0.plusMinutes(2))
                .status("error").row().document();
        assertEquals(states("DDDF--"), ProgressStepper.of(failedCollecting));
    }

    /** The shapes a document of any status can have on the way: what was requested, approved, collected. */
    private static List<TestRows> shapes(String status) {
        List<TestRows> shapes = new ArrayList<>();
        for (int shape = 0; shape < 7; shape++) {
            TestRows doc = status == null ? TestRows.session("s", "initiated", T0).without("status")
                    : TestRows.session("s", status, T0);
            switch (shape) {
                case 1 -> doc.requested(T0.plusMinutes(1));
                case 2 -> doc.requested(T0.plusMinutes(1)).approved(T0.plusMinutes(2));
                case 3 -> doc.requested(T0.plusMinutes(1)).legacyAuthData(); // legacy confirm-auth, no flag
                case 4 -> doc.legacyAuthData().progress(Progress.AUTH_COMPLETED);
                case 5 -> doc.requested(T0.plusMinutes(1)).approved(T0.plusMinutes(2))
                        .progress(Progress.HEALTH_DATA_FETCHED);
                case 6 -> doc.requested(T0.plusMinutes(1)).approved(T0.plusMinutes(2)).completed(T0.plusMinutes(4));
                default -> { }
            }
            shapes.add(doc);
        }
        return shapes;
    }

    static List<String> everyStatus() {
        List<String> wires = new ArrayList<>();
        SessionStatus.KNOWN.forEach(s -> wires.add(s.wire()));
        wires.add("some_new_status");
        wires.add(null); // no status field at all
        return wires;
    }

    /**
     * The table's dots and the stepper are one rule: the dots fill exactly the steps the stepper shows done, and the
     * step the stepper highlights (running or failed) is the first empty dot.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStatus")
    void theTablesDotsAndTheStepperAgreeForEveryStatus(String status) {
        for (TestRows shape : shapes(status)) {
            SessionRow row = shape.row();
            List<ProgressStepper.State> stepper = ProgressStepper.of(row.document());
            int dots = row.progressSteps();
            String where = status + " " + shape.json();
            assertTrue(dots >= 1 && dots <= ProgressStepper.KEYS.size(), where);
            for (int i = 0; i < stepper.size(); i++) {
                if (i < dots) {
                    assertEquals(DONE, stepper.get(i), "a filled dot is a step done: " + where);
                } else if (i > dots) {
                    assertEquals(TODO, stepper.get(i), "after the first empty dot nothing has happened: " + where);
                } else {
                    assertNotEquals(DONE, stepper.get(i), "an empty dot is a step not done: " + where);
                }
            }
        }
    }

    private static List<ProgressStepper.State> states(String letters) {
        return letters.chars().mapToObj(c -> switch (c) {
            case 'D' -> DONE;
            case 'C' -> CURRENT;
            case 'F' -> FAILED;
            default -> TODO;
        }).toList();
    }
}
