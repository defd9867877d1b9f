package io.welno.console.view;

import io.welno.console.testing.TestRows;
import io.welno.console.view.DashboardModel;
import io.welno.console.view.SessionRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.live.ChangeKind;
import io.welno.console.session.AuthApproval;
import io.welno.console.session.MessageType;
import io.welno.console.session.StuckPolicy;
import io.welno.console.view.DashboardModel.Group;
import io.welno.console.view.DashboardModel.Snapshot;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's figures from rows, without a window. */
class DashboardModelTest {

    private static final LocalDateTime NOW = LocalDateTime.parse("2026-11-20T15:00:00");
    private static final StuckPolicy POLICY = StuckPolicy.defaults();
    /** An expires_at the backend's status polls keep pushing ahead: the session is one it still serves. */
    private static final LocalDateTime IN_FIVE = NOW.plusMinutes(5);

    /** The figures of {@code rows} as the console's tally would count them had it read each of them at {@code now}. */
    private static Snapshot update(DashboardModel model, List<SessionRow> rows, LocalDateTime now) {
        return model.update(rows, SessionStarts.of(rows, now).within(model.window(), now), now, POLICY, true);
    }

    private static LocalDateTime ago(int minutes) {
        return NOW.minusMinutes(minutes);
    }

    @Test
    void theFunnelCountsSessionsStartedInTheWindowAndHowFarTheyGot() {
        List<SessionRow> rows = List.of(
                TestRows.session("welno_a", "initiated", ago(5)).expires(IN_FIVE).row(),
                TestRows.session("welno_b", "auth_request_sent", ago(10)).requested(ago(9)).expires(IN_FIVE).row(),
                TestRows.session("welno_c", "auth_completed", ago(20)).requested(ago(19)).approved(ago(18))
                        .expires(IN_FIVE).row(),
                TestRows.session("welno_d", "completed", ago(30)).requested(ago(29)).approved(ago(27))
                        .completed(ago(25)).expires(IN_FIVE).row(),
                TestRows.session("welno_e", "error", ago(40)).expires(IN_FIVE).row(),
                // started before the window: not in the funnel, still live (the page kept polling)
                TestRows.session("welno_old", "completed", ago(90)).requested(ago(89)).approved(ago(88))
                        .completed(ago(86)).expires(IN_FIVE).row());

        Snapshot s = update(new DashboardModel(), rows, NOW);

        assertEquals(new DashboardModel.Funnel(5, 3, 2, 1), s.funnel());
        assertEquals(0.6, s.funnel().requestRate(), 1e-9);
        assertEquals(2 / 3.0, s.funnel().approvalRate(), 1e-9);
        assertEquals(0.5, s.funnel().completionRate(), 1e-9);
        assertEquals(0.2, s.funnel().overallRate(), 1e-9);
        assertEquals(1, s.failed());
        assertEquals(0.2, s.errorRate(), 1e-9);
        assertEquals(6, s.liveTotal());
        assertEquals(2, s.live(Group.WAITING));
        assertEquals(1, s.live(Group.APPROVED));
        assertEquals(2, s.live(Group.COMPLETED));
        assertEquals(1, s.live(Group.FAILED));
    }

    @Test
    void timeToApprovalIsMeasuredFromTheRequestMessageToTheApprovalWithMedianAndP90() {
        List<SessionRow> rows = new ArrayList<>();
        // ten approvals in the window taking 10 s, 20 s, … 100 s
        for (int i = 1; i <= 10; i++) {
            LocalDateTime requested = ago(50).plusSeconds(i);
            rows.add(TestRows.session("welno_" + i, "auth_completed", requested.minusSeconds(30))
                    .requested(requested).approved(requested.plusSeconds(10L * i)).row());
        }
        // approved before the window: not counted
        rows.add(TestRows.session("welno_old", "auth_completed", ago(130)).requested(ago(125)).approved(ago(120)).row());
        // still waiting: no approval time
        rows.add(TestRows.session("welno_wait", "auth_request_sent", ago(3)).requested(ago(2)).row());

        Snapshot s = update(new DashboardModel(), rows, NOW);

        assertEquals(10, s.approvals());
        assertEquals(Duration.ofSeconds(55), s.approvalMedian());
        assertEquals(Duration.ofSeconds(91), s.approvalP90());
    }

    /** A row carries its approval from when it was built (read with its facts); an ended copy keeps it. */
    @Test
    void aRowCarriesItsApprovalFromWhenItWasBuilt() {
        SessionRow approved = TestRows.session("welno_ok", "auth_completed", ago(10))
                .requested(ago(9)).approved(ago(8)).row();
        assertEquals(ago(9), approved.approval().requestedAt());
        assertEquals(ago(8), approved.approval().approvedAt());
        SessionRow ended = approved.ended(ChangeKind.EXPIRED, NOW);
        assertEquals(approved.approval(), ended.approval(), "an ended row still counts its approval in the window");
        SessionRow waiting = TestRows.session("welno_wait", "auth_request_sent", ago(3)).requested(ago(2)).row();
        assertTrue(!waiting.approval().known(), "not approved yet");
        assertEquals(1, update(new DashboardModel(), List.of(approved, waiting), NOW).approvals());
    }

    @Test
    void anApprovalIsTheFirstSuccessAndTheRequestTheLastSendBeforeIt() {
        var doc = TestRows.session("welno_x", "completed", ago(30))
                .requested(ago(29)) // first attempt
                .message(ago(28), "error", "인증이 완료되지 않았습니다. 현재 상태: auth_request_sent")
                .requested(ago(20)) // re-sent: this one counts
                .approved(ago(19))
                .message(ago(15), "success", "건강검진 데이터를 성공적으로 가져왔습니다.")
                .row().document();
        DashboardModel.Approval approval = DashboardModel.approvalOf(doc);
        assertEquals(ago(20), approval.requestedAt());
        assertEquals(ago(19), approval.approvedAt());

        // the backend's own flow may skip the "앱에서 인증을 진행해주세요" message: the requesting one is used
        var direct = TestRows.session("welno_y", "auth_completed", ago(10))
                .message(ago(9), "info", "카카오톡 간편인증을 요청하고 있습니다.")
                .approved(ago(8)).row().document();
        assertEquals(ago(9), DashboardModel.approvalOf(direct).requestedAt());

        // a data success is not an approval; approved without a request message: unknown
        var dataOnly = TestRows.session("welno_d", "fetching_prescription_data", ago(10)).requested(ago(9))
                .message(ago(5), "success", "건강검진 데이터를 성공적으로 가져왔습니다.").row().document();
        assertTrue(!DashboardModel.approvalOf(dataOnly).known());
        assertTrue(!AuthApproval.isApproval(MessageType.INFO,
                "인증이 완료되지 않았습니다. 현재 상태: auth_request_sent"));
        assertTrue(AuthApproval.isApproval(MessageType.INFO,
                "카카오톡 인증이 완료되었습니다. 건강정보를 가져오는 중입니다..."));
        var forced = TestRows.session("welno_z", "auth_completed", ago(10)).approved(ago(8)).row().document();
        assertTrue(!DashboardModel.approvalOf(forced).known());
    }

    @Test
    void stuckRateUsesTheStuckPolicyOnLiveSessionsAndEndedRowsAreNotLive() {
        SessionRow stuck = TestRows.session("welno_s", "fetching_health_data", ago(30)).requested(ago(29))
                .approved(ago(28)).message(ago(27), "info", "건강검진 데이터를 가져오는 중입니다.")
                .put("collection_started", true).expires(NOW.plusMinutes(5)).row(); // still one the backend reads
        SessionRow fresh = TestRows.session("welno_f", "initiated", ago(1)).row();
        SessionRow ended = TestRows.session("welno_e", "initiated", ago(2)).row().ended(ChangeKind.EXPIRED, NOW);
        SessionRow unreadable = TestRows.unreadable("welno_u", "{\"truncated");

        Snapshot s = update(new DashboardModel(), List.of(stuck, fresh, ended, unreadable), NOW);

        assertEquals(3, s.liveTotal());
        assertEquals(1, s.stuck());
        assertEquals(1 / 3.0, s.stuckRate(), 1e-9);
        assertEquals(1, s.live(Group.OTHER), "unreadable rows are shown as other");
        assertEquals(3, s.funnel().started(), "an ended session that started in the window stays in the funnel");
    }

    @Test
    void aSessionPastItsExpiryIsNotLiveButStillCountedAsAKeyRedisKeeps() {
        SessionRow waiting = TestRows.session("welno_w", "auth_request_sent", ago(4)).requested(ago(3))
                .polled(NOW.minusSeconds(5)).row();
        SessionRow abandoned = TestRows.session("welno_a", "auth_request_sent", ago(20)).requested(ago(19))
                .polled(ago(12)).row(); // nobody polled for 12 minutes: expired 7 minutes ago
        SessionRow done = TestRows.session("welno_d", "completed", ago(25)).requested(ago(24)).approved(ago(23))
                .completed(ago(21)).polled(ago(21)).row();
        SessionRow atTheSecond = TestRows.session("welno_s", "initiated", ago(10)).row(); // expires_at is NOW

        Snapshot s = update(new DashboardModel(), List.of(waiting, abandoned, done, atTheSecond), NOW);

        assertEquals(2, s.liveTotal(), "the backend still serves two of them");
        assertEquals(2, s.live(Group.WAITING), "the polled one, and the one whose expiry is this very second");
        assertEquals(2, s.live(Group.PAST_EXPIRY), "the backend deletes the others on its next read");
        assertEquals(0, s.live(Group.COMPLETED));
        assertEquals(1.0, s.funnel().completionRate(), 1e-9, "what they did in the window still counts");
        Snapshot later = update(new DashboardModel(), List.of(waiting, abandoned, done, atTheSecond),
                NOW.plusSeconds(1));
        assertEquals(3, later.live(Group.PAST_EXPIRY));
        assertEquals(3, later.history().get(0).count(Group.PAST_EXPIRY), "the chart's band counts them too");
    }

    @Test
    void theTimeSeriesKeepsOneSamplePerMinuteOverTheWindowAndAddsAPointAMinute() {
        DashboardModel model = new DashboardModel(Duration.ofMinutes(5));
        List<SessionRow> one = List.of(TestRows.session("welno_a", "initiated", NOW).row());
        List<SessionRow> two = List.of(TestRows.session("welno_a", "initiated", NOW).row(),
                TestRows.session("welno_b", "error", NOW).row());

        update(model, one, NOW);
        Snapshot s = update(model, two, NOW.plusSeconds(30));
        assertEquals(1, s.history().size(), "a second sample in the same minute replaces the first");
        assertEquals(1, s.history().get(0).count(Group.FAILED));

        for (int minute = 1; minute <= 7; minute++) {
            s = update(model, one, NOW.plusMinutes(minute));
        }
        assertEquals(5, s.history().size(), "only the window's minutes are kept");
        assertEquals(DashboardModel.minuteOf(NOW.plusMinutes(3)), s.history().get(0).minute());
        assertEquals(NOW.plusMinutes(7), s.history().get(4).time());
        assertEquals(s.firstMinute(), s.history().get(0).minute());
        assertEquals(s.lastMinute(), s.history().get(4).minute());
    }

    /**
     * Disconnected, the rows are the last ones read: a point made of them would be a flat line nobody measured, so the
     * minute has none (the figures are still computed: the tiles say they are the last ones read).
     */
    @Test
    void aMinuteTheConsoleDidNotFollowTheSessionsInHasNoPoint() {
        DashboardModel model = new DashboardModel();
        List<SessionRow> rows = List.of(TestRows.session("welno_a", "initiated", NOW)
                .expires(NOW.plusMinutes(10)).row());
        SessionStarts.Window none = new SessionStarts().within(model.window(), NOW);
        model.update(rows, none, NOW, POLICY, true);
        Snapshot behind = model.update(rows, none, NOW.plusMinutes(1), POLICY, false);
        assertEquals(1, behind.liveTotal(), "the figures of the rows last read");
        assertEquals(List.of(DashboardModel.minuteOf(NOW)),
                behind.history().stream().map(DashboardModel.MinuteSample::minute).toList());
        Snapshot back = model.update(rows, none, NOW.plusMinutes(2), POLICY, true);
        assertEquals(List.of(DashboardModel.minuteOf(NOW), DashboardModel.minuteOf(NOW.plusMinutes(2))),
                back.history().stream().map(DashboardModel.MinuteSample::minute).toList(), "a gap, not a flat line");
        Snapshot later = model.update(rows, none, NOW.plusMinutes(61), POLICY, false);
        assertEquals(1, later.history().size(), "minutes leave the window whether or not one is measured");
    }

    @Test
    void unchangedRowsAreNotReadAgainButReplacedOnesAre() {
        DashboardModel model = new DashboardModel();
        SessionRow waiting = TestRows.session("welno_a", "auth_request_sent", ago(5)).requested(ago(4)).row();
        assertEquals(0, update(model, List.of(waiting), NOW).approvals());
        SessionRow approved = TestRows.session("welno_a", "auth_completed", ago(5)).requested(ago(4))
                .approved(ago(3)).row();
        Snapshot s = update(model, List.of(approved), NOW);
        assertEquals(1, s.approvals());
        assertEquals(Duration.ofMinutes(1), s.approvalMedian());
    }

    @Test
    void emptyInputGivesNoRatesInsteadOfZeroes() {
        Snapshot s = update(new DashboardModel(), List.of(), NOW);
        assertTrue(Double.isNaN(s.errorRate()));
        assertTrue(Double.isNaN(s.stuckRate()));
        assertNull(s.approvalMedian());
        assertNull(s.approvalP90());
    }

    @Test
    void percentilesInterpolateBetweenRanks() {
        List<Duration> values = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(4));
        assertEquals(Duration.ofMillis(2500), DashboardModel.percentile(values, 0.5));
        assertEquals(Duration.ofMillis(3700), DashboardModel.percentile(values, 0.9));
        assertSame(null, DashboardModel.percentile(List.of(), 0.5));
    }

    @Test
    void statusGroupsCoverEveryKnownStatus() {
        for (var status : io.welno.console.session.SessionStatus.KNOWN) {
            assertTrue(Group.of(status) != Group.OTHER, status + " should have a group of its own");
        }
        assertEquals(Group.OTHER, Group.of(io.welno.console.session.SessionStatus.of("weird")));
    }
}
