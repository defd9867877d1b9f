package io.welno.console.view;

import static io.welno.console.view.SessionHistoryTest.batch;
import static io.welno.console.view.SessionHistoryTest.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.ChangeKind;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.MutableClock;
import io.welno.console.testing.Words;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One event per status change of a followed session; none for other updates or for sessions nobody follows. */
class FollowedSessionsTest {

    @Test
    void aFollowedSessionsStatusChangeIsExactlyOneEvent() {
        FollowedSessions followed = new FollowedSessions(Clock.systemUTC(), java.time.ZoneId.of("Asia/Seoul"));
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

    /** A pass that read every session again found it: said so, and an end found is gone, not a guessed kind. */
    @Test
    void whatAPassFoundIsToldAsFound() {
        FollowedSessions followed = new FollowedSessions(Clock.systemUTC(), ZoneId.of("Asia/Seoul"));
        List<FollowedSessions.Changed> events = new CopyOnWriteArrayList<>();
        followed.addListener(events::add);
        followed.follow("s1");
        followed.onBatch(batch(ChangeKind.ADDED, "s1", doc("s1", "auth_request_sent", 0)));
        followed.onBatch(SessionHistoryTest.found(ChangeKind.UPDATED, "s1", doc("s1", "auth_completed", 0)));
        followed.onBatch(SessionHistoryTest.found(ChangeKind.EXPIRED, "s1", null));

        assertEquals(2, events.size(), events.toString());
        assertEquals("s1: auth_request_sent → auth_completed (found when the console read every session again; it"
                + " changed earlier)", Words.en(events.get(0).phrase()));
        assertEquals("s1: Gone, found missing when the console read every session again", Words.en(events.get(1).phrase()));
        assertTrue(Words.ko(events.get(1).phrase()).startsWith("s1: 사라짐"), Words.ko(events.get(1).phrase()));
    }

    /** The approval cannot land once the backend deletes the session on its next read: that is said when it passes. */
    @Test
    void aFollowedSessionsExpiryPassingIsOneEventAndALaterExpiryAnother() {
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-05T01:00:00Z"), seoul);
        LocalDateTime t = LocalDateTime.ofInstant(clock.instant(), seoul);
        FollowedSessions followed = new FollowedSessions(clock, seoul);
        List<FollowedSessions.Changed> events = new CopyOnWriteArrayList<>();
        followed.addListener(events::add);
        followed.follow("s1");
        followed.follow("s2");

        followed.onBatch(batch(ChangeKind.ADDED, "s1", expiring(doc("s1", "auth_request_sent", 0), t.plusMinutes(5))));
        followed.onBatch(batch(ChangeKind.ADDED, "s2", expiring(doc("s2", "auth_request_sent", 0), t.minusMinutes(1))));
        clock.advance(Duration.ofMinutes(5));
        followed.passTime();
        assertEquals(List.of(), events, "at its expires_at the backend still serves it; s2 had passed when first seen");

        clock.advance(Duration.ofSeconds(1));
        followed.passTime();
        followed.passTime();
        assertEquals(1, events.size(), events.toString());
        FollowedSessions.Changed passed = events.get(0);
        assertEquals("s1", passed.sessionId());
        assertEquals(SessionStatus.AUTH_REQUEST_SENT, passed.from());
        assertEquals(t.plusMinutes(5), passed.pastExpiry());
        assertEquals("s1 (auth_request_sent): its expires_at (" + Timestamps.format(t.plusMinutes(5)) + ") passed. The"
                + " backend deletes the session on its next read, so it will not move on.", Words.en(passed.phrase()));
        assertTrue(Wording.window(BundleTexts.english()).render(passed.phrase())
                .startsWith("s1 (Waiting for approval): its expires_at"), "the window names the status as its table");
        assertTrue(Words.ko(passed.phrase()).startsWith("s1('승인 대기'): expires_at("), Words.ko(passed.phrase()));

        // written again with a later expiry (say, another console's re-sent auth): its passing is told again
        followed.onBatch(batch(ChangeKind.UPDATED, "s1", expiring(doc("s1", "auth_request_sent", 1),
                t.plusMinutes(11))));
        clock.advance(Duration.ofMinutes(6));
        followed.passTime();
        assertEquals(2, events.size(), events.toString());

        followed.onBatch(batch(ChangeKind.REMOVED, "s1", null));
        assertEquals(3, events.size());
        assertEquals(ChangeKind.REMOVED, events.get(2).ended());
        assertNull(events.get(2).pastExpiry());
    }

    /** Followed from the table: the very next write that changes the status is told (the approval awaited). */
    @Test
    void theFirstChangeAfterFollowingFromTheTableIsTold() {
        FollowedSessions followed = new FollowedSessions(Clock.systemUTC(), ZoneId.of("Asia/Seoul"));
        List<FollowedSessions.Changed> events = new CopyOnWriteArrayList<>();
        followed.addListener(events::add);
        followed.know("s3", SessionStatus.AUTH_REQUEST_SENT, null);
        assertEquals(List.of(), events);
        followed.follow("s3");
        followed.know("s3", SessionStatus.AUTH_REQUEST_SENT, null);
        followed.onBatch(batch(ChangeKind.UPDATED, "s3", doc("s3", "auth_completed", 1)));
        assertEquals(1, events.size(), "the approval, the first write after following");
        assertEquals(SessionStatus.AUTH_REQUEST_SENT, events.get(0).from());
        followed.know("s3", SessionStatus.INITIATED, null);
        followed.onBatch(batch(ChangeKind.UPDATED, "s3", doc("s3", "auth_completed", 2)));
        assertEquals(1, events.size(), "what the feed saw stays; the table's older copy does not replace it");
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode expiring(
            com.fasterxml.jackson.databind.node.ObjectNode doc, LocalDateTime expiresAt) {
        return doc.put("expires_at", Timestamps.format(expiresAt));
    }
}
