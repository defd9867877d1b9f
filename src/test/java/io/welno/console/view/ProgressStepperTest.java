package io.welno.console.view;

import static io.welno.console.view.ProgressStepper.State.CURRENT;
import static io.welno.console.view.ProgressStepper.State.DONE;
import static io.welno.console.view.ProgressStepper.State.FAILED;
import static io.welno.console.view.ProgressStepper.State.TODO;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.testing.TestRows;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stepper shows where each status is: Started, Auth requested, Approved, Checkups, Prescriptions, Completed. */
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

    private static List<ProgressStepper.State> states(String letters) {
        return letters.chars().mapToObj(c -> switch (c) {
            case 'D' -> DONE;
            case 'C' -> CURRENT;
            case 'F' -> FAILED;
            default -> TODO;
        }).toList();
    }
}
