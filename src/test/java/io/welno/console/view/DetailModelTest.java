package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.ChangeKind;
import io.welno.console.live.FeedMode;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.MutableClock;
import io.welno.console.testing.TestRows;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The detail pane's live view of one session, driven by a clock the test moves. */
class DetailModelTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 14, 0);
    private static final ZoneId ZONE = Timestamps.DEFAULT_ZONE;

    private final MutableClock clock = new MutableClock(T0.plusMinutes(2).plusSeconds(8).atZone(ZONE).toInstant(), ZONE);
    private final DetailModel model = new DetailModel(clock, ZONE);
    private final Texts en = new BundleTexts(Locale.ENGLISH);
    private final Texts ko = new BundleTexts(Locale.KOREAN);

    @Test
    void theAgeAndTheCountdownMoveWithTheClockWithoutANewCopy() {
        model.show(TestRows.session("s", "auth_request_sent", T0).row());
        assertEquals("2m 08s", model.age(en).text());
        String expires = model.expires(en).text();
        clock.advance(Duration.ofSeconds(38));
        assertEquals("2m 46s", model.age(en).text(), "the same age the table's row shows now");
        assertNotEquals(expires, model.expires(en).text());
        assertEquals("2분 46초", model.age(ko).text());
    }

    @Test
    void aNewerCopyMarksWhatItChangedForAFewSecondsAndSaysSo() {
        model.show(TestRows.session("s", "auth_requesting", T0).row());
        assertEquals("Following live changes", model.freshness(en));
        assertTrue(model.marked().isEmpty(), "a fresh selection marks nothing");

        assertTrue(model.show(TestRows.session("s", "auth_request_sent", T0).requested(T0.plusMinutes(2)).row()));
        Set<DetailModel.Field> marked = model.marked();
        assertTrue(marked.containsAll(Set.of(DetailModel.Field.STATUS, DetailModel.Field.MESSAGES,
                DetailModel.Field.CREDENTIALS, DetailModel.Field.UPDATED)), marked.toString());
        assertFalse(marked.contains(DetailModel.Field.COLLECTION));
        assertTrue(model.freshness(en).startsWith("Updated just now: status, messages"), model.freshness(en));
        assertTrue(model.freshness(ko).startsWith("방금 바뀜: 상태, 메시지"), model.freshness(ko));

        clock.advance(DetailModel.MARK.plusSeconds(1));
        assertTrue(model.marked().isEmpty(), "the mark fades");
        assertEquals("Last change 5s ago", model.freshness(en));
    }

    /** The stepper's running step turning failed keeps the steps done: the progress mark follows the stepper. */
    @Test
    void aStepThatFailsWhereItRanMarksProgressThoughNoStepWasAdded() {
        SessionRow sent = TestRows.session("s", "auth_request_sent", T0).requested(T0.plusMinutes(1)).row();
        SessionRow failed = TestRows.session("s", "auth_request_sent", T0).requested(T0.plusMinutes(1)).status("error")
                .row();
        assertEquals(sent.progressSteps(), failed.progressSteps(), "the same steps are done");
        model.show(sent);
        assertTrue(model.show(failed));
        assertTrue(model.marked().containsAll(Set.of(DetailModel.Field.STATUS, DetailModel.Field.PROGRESS)),
                model.marked().toString());
    }

    @Test
    void theSameCopyAgainIsNothingNewAndAnotherSessionIsANewSelection() {
        SessionRow a = TestRows.session("a", "initiated", T0).row();
        assertTrue(model.show(a));
        assertFalse(model.show(a));
        assertTrue(model.show(TestRows.session("b", "completed", T0).row()));
        assertTrue(model.marked().isEmpty(), "another session is not a change of this one");
    }

    /**
     * A new reading of the same bytes (a resync after a reconnect reads every session again) is no change: the pane
     * neither says "Updated just now" naming nothing nor forgets when the session last changed.
     */
    @Test
    void aNewReadingOfTheSameCopyIsNoChange() {
        model.show(TestRows.session("s", "auth_requesting", T0).row());
        assertTrue(model.show(TestRows.session("s", "auth_request_sent", T0).row()));
        clock.advance(DetailModel.MARK.plusSeconds(1));
        assertEquals("Last change 5s ago", model.freshness(en));

        model.show(TestRows.session("s", "auth_request_sent", T0).row());
        assertTrue(model.marked().isEmpty(), model.marked().toString());
        assertEquals("Last change 5s ago", model.freshness(en));

        model.clear();
        model.show(TestRows.session("s", "initiated", T0).row());
        model.show(TestRows.session("s", "initiated", T0).row());
        assertEquals("Following live changes", model.freshness(en), "never changed while shown");
    }

    /**
     * A copy a pass read when the console read every session again (after a reconnect) that differs from the one shown
     * changed while the console was not reading it: the pane says when it was found, not that it changed just now.
     */
    @Test
    void aChangeAPassFoundSaysItWasFoundThenNotThatItChangedJustNow() {
        model.show(TestRows.session("s", "auth_requesting", T0).row());
        assertTrue(model.show(SessionRow.of(TestRows.session("s", "auth_request_sent", T0).stored(), clock.instant(),
                true)));
        assertTrue(model.marked().contains(DetailModel.Field.STATUS), "what changed is still marked");
        assertTrue(model.freshness(en).startsWith("Found changed when the console read every session again: status"),
                model.freshness(en));
        assertTrue(model.freshness(ko).startsWith("콘솔이 모든 세션을 다시 읽을 때 바뀐 것을 찾음: 상태"), model.freshness(ko));
        clock.advance(DetailModel.MARK.plusSeconds(1));
        assertEquals("Last change found 5s ago, when the console read every session again; when it changed is not"
                + " known.", model.freshness(en));

        model.show(TestRows.session("s", "auth_completed", T0).row());
        assertTrue(model.freshness(en).startsWith("Updated just now: status"), "told as it happened: "
                + model.freshness(en));
    }

    @Test
    void anEndedSessionAndOneTheListDroppedSaySoAndKeepTheLastCopy() {
        SessionRow row = TestRows.session("s", "auth_request_sent", T0).row();
        model.show(row);
        model.show(row.ended(ChangeKind.REMOVED, T0.plusMinutes(2)));
        assertEquals(DetailModel.Presence.ENDED, model.presence());
        assertTrue(model.freshness(en).startsWith("Deleted from Redis at "), model.freshness(en));
        // found gone by reading every session again: when it went is not known, only when it was found
        model.show(row.ended(ChangeKind.EXPIRED, T0.plusMinutes(2), true));
        assertTrue(model.freshness(en).startsWith("Gone from Redis: found missing at "), model.freshness(en));
        assertTrue(model.freshness(ko).startsWith("Redis에서 사라졌습니다. 콘솔이 모든 세션을 다시 읽은 "),
                model.freshness(ko));

        assertTrue(model.show(null));
        assertEquals(DetailModel.Presence.GONE, model.presence());
        assertEquals("s", model.row().id(), "the last copy stays on screen");
        clock.advance(Duration.ofSeconds(3));
        assertTrue(model.freshness(en).startsWith("No longer in the list for 3s"), model.freshness(en));
        assertFalse(model.show(null), "gone once");
    }

    @Test
    void pausedSaysTheCopyMayBeBehind() {
        model.show(TestRows.session("s", "initiated", T0).row());
        model.setPaused(true);
        assertEquals("Live updates are paused; this copy may be behind.", model.freshness(en));
    }

    @Test
    void aCopyShownWhileTheFeedIsNotFollowingRedisMayBeBehind() {
        model.show(TestRows.session("s", "initiated", T0).row());
        assertEquals("Following live changes", model.freshness(en));
        assertTrue(model.setReach(FeedReach.LOST));
        assertFalse(model.setReach(FeedReach.LOST), "told once");
        assertEquals("Not following Redis right now (see the status bar); this copy may be behind.",
                model.freshness(en));
        model.setPaused(true);
        assertTrue(model.freshness(en).startsWith("Not following Redis"), "the connection comes first");
        assertTrue(model.setReach(FeedReach.LIVE));
        assertEquals("Live updates are paused; this copy may be behind.", model.freshness(en));
    }

    @Test
    void aCopyFollowedByPollingIsNotCalledLive() {
        model.show(TestRows.session("s", "initiated", T0).row());
        assertTrue(model.setReach(FeedReach.POLLED));
        assertFalse(model.setReach(FeedReach.POLLED), "told once");
        assertEquals("Following changes by reading Redis every few seconds, not live (see the status bar); "
                + "this copy may be a poll behind.", model.freshness(en));
        assertTrue(model.freshness(ko).startsWith("실시간 알림 없이"), model.freshness(ko));
        assertTrue(model.show(TestRows.session("s", "auth_requesting", T0).row()));
        assertTrue(model.freshness(en).startsWith("Updated just now: status"), "a change read by a poll is still news");
        model.setReach(FeedReach.LOST);
        assertTrue(model.freshness(en).startsWith("Not following Redis"), "the connection comes first");
        assertTrue(model.setReach(FeedReach.LIVE));
        clock.advance(DetailModel.MARK.plusSeconds(1));
        assertEquals("Last change 5s ago", model.freshness(en));
    }

    /**
     * A server that stopped answering (frozen, or a link broken without a word) keeps the feed LIVE until the watchdog
     * gives the link up seconds later; meanwhile the pane does not claim to follow it, nor that its copy is current.
     */
    @Test
    void aCopyShownWhileRedisIsNotAnsweringMayBeBehind() {
        model.show(TestRows.session("s", "initiated", T0).row());
        assertTrue(model.setReach(FeedReach.UNANSWERED));
        assertEquals("Redis is not answering (see the status bar); this copy may be behind.", model.freshness(en));
        assertEquals("Redis가 응답하지 않고 있어(상태 표시줄 참고) 최신 내용이 아닐 수 있습니다.", model.freshness(ko));
        model.setPaused(true);
        assertTrue(model.freshness(en).startsWith("Redis is not answering"), "the server comes before the pause");
        model.setPaused(false);
        assertTrue(model.setReach(FeedReach.LIVE));
        assertEquals("Following live changes", model.freshness(en));
    }

    @Test
    void theReachIsTheModeAndTheUnansweredPing() {
        assertEquals(FeedReach.LIVE, FeedReach.of(FeedMode.LIVE, 0, 1));
        assertEquals(FeedReach.LIVE, FeedReach.of(FeedMode.LIVE, 999, 1), "a PING on its way");
        assertEquals(FeedReach.UNANSWERED, FeedReach.of(FeedMode.LIVE, 1000, 1));
        assertEquals(FeedReach.UNANSWERED, FeedReach.of(FeedMode.LIVE, 1000, -1), "no answer known yet");
        assertEquals(FeedReach.LIVE, FeedReach.of(FeedMode.LIVE, 1500, 2500),
                "as the status bar's latency: a wait shorter than the last answer took is not yet news");
        assertEquals(FeedReach.POLLED, FeedReach.of(FeedMode.POLLING, 10, 1));
        assertEquals(FeedReach.UNANSWERED, FeedReach.of(FeedMode.POLLING, 4000, 1));
        for (FeedMode mode : new FeedMode[] {FeedMode.CONNECTING, FeedMode.RECONNECTING, FeedMode.OFFLINE}) {
            assertEquals(FeedReach.LOST, FeedReach.of(mode, 0, -1), mode.name());
            assertEquals(FeedReach.LOST, FeedReach.of(mode, 5000, -1), mode.name());
        }
    }

    @Test
    void aMissingUpdatedAtIsMissingNotEmpty() {
        model.show(TestRows.session("s", "initiated", T0).without("updated_at").without("expires_at").row());
        assertTrue(model.updated(en).missing());
        assertTrue(model.expires(en).missing());
        assertFalse(model.created(en).missing());
        assertEquals("—", en.get("value.absent"));
        assertEquals("Not in the document", en.get("value.absent.tip"));
    }
}
