package io.welno.console.view;

import static io.welno.console.view.SessionHistoryTest.batch;
import static io.welno.console.view.SessionHistoryTest.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.welno.console.live.ChangeKind;
import io.welno.console.session.SessionStatus;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One event per status change of a followed session; none for other updates or for sessions nobody follows. */
class FollowedSessionsTest {

    @Test
    void aFollowedSessionsStatusChangeIsExactlyOneEvent() {
        FollowedSessions followed = new FollowedSessions(Clock.systemUTC());
        List<FollowedSessions.Changed> events = new CopyOnWriteArrayList<>();
        followed.addListener(events::add);
        followed.follow("s1");

        followed.onBatch(batch(ChangeKind.ADDED, "s1", doc("s1", "auth_request_sent", 0)));
        followed.onBatch(batch(ChangeKind.UPDATED, "s1", doc("s1", "auth_request_sent", 1)));
        followed.onBatch(batch(ChangeKind.UPDATED, "s2", doc("s2", "initiated", 1)));
        followed.onBatch(batch(ChangeKind.UPDATED, "s2", doc("s2", "completed", 1)));
        followed.onBatch(batch(ChangeKind.UPDATED, "s1", doc("s1", "auth_completed", 2)));
        followed.onBatch(batch(ChangeKind.UPDATED, "s1", doc("s1", "auth_completed", 3)));

        assertEquals(1, events.size(), events.toString());
        assertEquals(SessionStatus.AUTH_REQUEST_SENT, events.get(0).from());
        assertEquals(SessionStatus.AUTH_COMPLETED, events.get(0).to());

        followed.onBatch(batch(ChangeKind.EXPIRED, "s1", null));
        assertEquals(2, events.size());
        assertNull(events.get(1).to());
        assertEquals(ChangeKind.EXPIRED, events.get(1).ended());

        followed.unfollow("s1");
        followed.onBatch(batch(ChangeKind.ADDED, "s1", doc("s1", "initiated", 0)));
        followed.onBatch(batch(ChangeKind.UPDATED, "s1", doc("s1", "completed", 0)));
        assertEquals(2, events.size(), "no longer followed");
    }
}
