package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.live.ChangeKind;
import io.welno.console.testing.TestRows;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The count of live rows past their expires_at, kept as rows come and go and the clock moves either way, is at every
 * moment what the backend's own rule says row by row ({@link SessionRow#pastBackendExpiry}), to the microsecond.
 */
class ExpiryTallyTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 6, 7, 0);

    private static SessionRow expiring(String id, LocalDateTime at) {
        return TestRows.session(id, "auth_request_sent", T0.minusMinutes(20)).expires(at).row();
    }

    @Test
    void rowsArePastFromTheMomentAfterTheirExpiryAndLeaveWhenReplacedOrEnded() {
        ExpiryTally tally = new ExpiryTally(T0);
        SessionRow a = expiring("a", T0.minusMinutes(1));
        SessionRow b = expiring("b", T0.plusSeconds(10).plusNanos(500_000_000));
        tally.add(a);
        tally.add(b);
        tally.add(TestRows.session("c", "initiated", T0).without("expires_at").row());
        assertEquals(1, tally.past(), "a is past; c has no expiry the backend reads");

        tally.advanceTo(T0.plusSeconds(10).plusNanos(500_000_000));
        assertEquals(1, tally.past(), "at b's expires_at itself the backend still serves it");
        tally.advanceTo(T0.plusSeconds(10).plusNanos(500_001_000));
        assertEquals(2, tally.past(), "a microsecond later it does not: counted within the same second");
        tally.advanceTo(T0.plusSeconds(11));
        assertEquals(2, tally.past());
        tally.advanceTo(T0.plusSeconds(10).plusNanos(250_000_000));
        assertEquals(1, tally.past(), "a clock that went back, within the second, takes b back out");
        tally.advanceTo(T0);

        tally.remove(a);
        SessionRow later = expiring("a", T0.plusMinutes(5)); // re-sent: a new expires_at
        tally.add(later);
        assertEquals(0, tally.past());
        tally.remove(later);
        tally.add(later.ended(ChangeKind.REMOVED, T0));
        tally.advanceTo(T0.plusDays(3));
        assertEquals(1, tally.past(), "after a long jump: b only, an ended row never counts");
    }

    @Test
    void theKeptCountIsTheRowByRowCountAtEveryMoment() {
        Random random = new Random(7);
        List<SessionRow> live = new ArrayList<>();
        ExpiryTally tally = new ExpiryTally(T0);
        LocalDateTime now = T0;
        for (int step = 0; step < 2_000; step++) {
            int what = random.nextInt(4);
            if (what == 0 && !live.isEmpty()) {
                tally.remove(live.remove(random.nextInt(live.size())));
            } else if (what == 1) {
                now = now.plusNanos(random.nextInt(5_000_000) * 1_000L - 1_000_000_000L);
                tally.advanceTo(now);
            } else {
                // to the microsecond, as the backend writes it; now and then exactly the clock's moment
                SessionRow row = expiring("s" + step, random.nextInt(10) == 0 ? now
                        : now.plusSeconds(random.nextInt(40) - 20).plusNanos(random.nextInt(1_000_000) * 1_000L));
                live.add(row);
                tally.add(row);
            }
            LocalDateTime at = now;
            long expected = live.stream().filter(r -> r.pastBackendExpiry(at)).count();
            assertEquals(expected, tally.past(), "step " + step);
        }
    }
}
