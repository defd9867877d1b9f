package io.welno.console.ui.actions;

import static io.welno.console.hostile.Hostile.assertNothingRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.AuditRecord;
import io.welno.console.flow.AuditUnwritten;
import io.welno.console.flow.CollectionFinished;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.flow.Reapplied;
import io.welno.console.flow.RevertDetected;
import io.welno.console.hostile.Hostile;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.StoreFailure;
import io.welno.console.text.Phrase;
import io.welno.console.testing.FxState;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Notices;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The flow's background news names a session and, for another console's change, its operator: both read from Redis.
 * A long hostile id or name is cut to a field, so the notice still says which action and whose, and nothing in it is
 * obeyed by the screen.
 */
@ExtendWith(ApplicationExtension.class)
class FlowNoticesTest {

    static final String ID = "welno" + Hostile.ALL + "i".repeat(5000);
    static final String OPERATOR = "kim" + Hostile.ALL + "o".repeat(5000);

    private I18n i18n;
    private Notices notices;
    private FlowNotices flowNotices;

    @Start
    void start(Stage stage) {
        i18n = new I18n(Locale.ENGLISH);
        notices = new Notices(i18n);
        flowNotices = new FlowNotices(notices, i18n);
        stage.setScene(new Scene(new StackPane(notices), 600, 400));
        stage.show();
    }

    @Test
    void anotherConsolesRevertNamesTheActionAndTheOperatorCut(FxRobot robot) throws Exception {
        flowNotices.onRevertDetected(new RevertDetected(ID, ActionKind.MANUAL_COMPLETE, "a1", OPERATOR,
                Phrase.of("action.unknown"), SessionStatus.AUTH_PENDING, false));
        String shown = headline();
        assertTrue(shown.startsWith("Session welno\\u001b[2J"), shown);
        assertTrue(shown.contains(" was written over: kim\\u001b[2J"), "not \"the backend overwrote\": " + shown);
        assertTrue(shown.contains(SafeText.ELLIPSIS + " was written over: kim\\u001b[2J"), shown);
        assertTrue(shown.endsWith(SafeText.ELLIPSIS + "'s \"Force auth complete\" was undone."), shown);
    }

    @Test
    void ourRevertNamesTheAction(FxRobot robot) throws Exception {
        flowNotices.onRevertDetected(new RevertDetected(ID, ActionKind.MANUAL_COMPLETE, "a1", "me",
                Phrase.of("action.unknown"), SessionStatus.AUTH_PENDING, true));
        String shown = headline();
        assertTrue(shown.endsWith(SafeText.ELLIPSIS + " was written over: your \"Force auth complete\" was undone."),
                shown);
    }

    /** A failed action's held write: what the backend wrote over is the status it left, as the note says. */
    @Test
    void ourFailedActionsRevertNamesTheStatusItLeft(FxRobot robot) throws Exception {
        flowNotices.onRevertDetected(new RevertDetected("welno_f1", ActionKind.SIMPLE_AUTH, "a1", "me",
                Phrase.of("action.unknown"), SessionStatus.AUTH_REQUESTING, true).undoing(SessionStatus.ERROR));
        assertEquals("Session welno_f1 was written over: the \"Error\" your failed \"Re-send auth request\""
                + " left was undone.", headline());
        assertTrue(newest().getStyleClass().contains("notice-warning"));
    }

    /**
     * A value that is no session at all is nothing the backend writes back: the notice says what the session holds
     * now, in both languages, for an applied change and a failed action's held status alike.
     */
    @Test
    void aChangeWrittenOverByAnUnreadableValueSaysSo(FxRobot robot) throws Exception {
        flowNotices.onRevertDetected(RevertDetected.overUnreadable("welno_u1", ActionKind.SIMPLE_AUTH, "a1", "me",
                Phrase.of("unreadable.empty"), true, null)
                .undoing(SessionStatus.ERROR));
        assertEquals("A value that is not a readable session was written to session welno_u1: what your \"Re-send auth"
                + " request\" wrote was lost.", headline());
        assertEquals("The session now holds a value that is not a readable session. The value is empty.",
                detail());
        assertTrue(newest().getStyleClass().contains("notice-warning"));
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        assertTrue(headline().startsWith("세션 welno_u1에 세션으로 읽을 수 없는 값이 쓰여"), headline());
    }

    /** Another console's change under such a value: not "the backend overwrote", which nobody knows, but the same. */
    @Test
    void anotherConsolesChangeWrittenOverByAnUnreadableValueSaysSo(FxRobot robot) throws Exception {
        flowNotices.onRevertDetected(RevertDetected.overUnreadable("welno_u2", ActionKind.SIMPLE_AUTH, "a2", "kim",
                Phrase.of("unreadable.empty"), false, null));
        assertEquals("A value that is not a readable session was written to session welno_u2: what kim's \"Re-send auth"
                + " request\" wrote was lost.", headline());
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        assertTrue(headline().startsWith("세션 welno_u2에 세션으로 읽을 수 없는 값이 쓰여, kim님의"), headline());
    }

    @Test
    void aReapplyAndAnUnconfirmedHoldSayWhatHappenedAfterTheId(FxRobot robot) throws Exception {
        flowNotices.onReapplied(new Reapplied(ID, ActionKind.MANUAL_COMPLETE, "a1", 1, ActionResult.Outcome.APPLIED,
                Phrase.of("action.unknown")));
        String reapplied = headline();
        assertTrue(reapplied.endsWith(SafeText.ELLIPSIS + ": the change that was written over was applied again."),
                reapplied);
        flowNotices.onHoldEnded(ID, "a1", null, new HoldOutcome(HoldOutcome.Kind.UNCONFIRMED,
                Phrase.of("action.unknown"), 0, null));
        String unconfirmed = headline();
        assertTrue(unconfirmed.endsWith(SafeText.ELLIPSIS + ": the change could not be confirmed."), unconfirmed);
    }

    @Test
    void aSessionThatEndedDuringTheHoldIsSaidSoNotUnconfirmed(FxRobot robot) throws Exception {
        flowNotices.onHoldEnded(ID, "a1", null, new HoldOutcome(HoldOutcome.Kind.VANISHED,
                Phrase.of("hold.vanished"), 0, null));
        String ended = headline();
        assertTrue(ended.endsWith(SafeText.ELLIPSIS + " ended while your change was held; the change no longer"
                + " counts."), ended);
        assertTrue(newest().getStyleClass().contains("notice-warning"));
        assertEquals("The session ended (expired or deleted) during the hold.", detail());
    }

    @Test
    void aCollectionIsToldWhenItEndsButABulkRunsAreLeftToItsSummary(FxRobot robot) throws Exception {
        flowNotices.onCollectionFinished(new CollectionFinished("welno_b0", "a0", CollectionFinished.Result.COMPLETED,
                SessionStatus.COMPLETED, Phrase.of("action.unknown"), "run1"));
        flowNotices.onCollectionFinished(new CollectionFinished("welno_one", "a1", CollectionFinished.Result.COMPLETED,
                SessionStatus.COMPLETED, Phrase.of("action.unknown"), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, (int) FxState.read(() -> notices.lookupAll(".notice").size()));
        assertTrue(headline().contains("welno_one"), headline());
    }

    /**
     * Only a collection that saved its data is good news: one that ended in error is a warning with its own account
     * behind Details, and one whose session vanished (no status left to name) is told too.
     */
    @Test
    void aCollectionThatDidNotCompleteIsAWarningEvenWithoutAStatus(FxRobot robot) throws Exception {
        flowNotices.onCollectionFinished(new CollectionFinished("welno_err", "a2", CollectionFinished.Result.ERROR,
                SessionStatus.ERROR, Phrase.of("collection.vanished"), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Collection for welno_err ended: Error", headline());
        assertTrue(newest().getStyleClass().contains("notice-warning"));
        flowNotices.onCollectionFinished(new CollectionFinished("welno_gone", "a3",
                CollectionFinished.Result.VANISHED, null, Phrase.of("collection.vanished"), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Collection for welno_gone ended; the session's status afterwards is not known (the details say"
                + " why)", headline());
        assertTrue(newest().getStyleClass().contains("notice-warning"));
        assertEquals("The session disappeared (expired or deleted) during the collection.", detail());
        flowNotices.onCollectionFinished(new CollectionFinished("welno_ok", "a4", CollectionFinished.Result.COMPLETED,
                SessionStatus.COMPLETED, Phrase.of("collection.vanished"), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(newest().getStyleClass().contains("notice-info"));
    }

    /**
     * "The session is now completed" is untrue once the backend wrote an older copy over the collection's end: its
     * notice goes when the hold ends without the change, and stays when the hold kept it.
     */
    @Test
    void aCollectionsEndNoticeGoesWhenItsHoldEndsWithoutIt(FxRobot robot) throws Exception {
        flowNotices.onCollectionFinished(new CollectionFinished("welno_kept", "k1", CollectionFinished.Result.COMPLETED,
                SessionStatus.COMPLETED, Phrase.of("action.unknown"), null));
        flowNotices.onCollectionFinished(new CollectionFinished("welno_lost", "l1", CollectionFinished.Result.COMPLETED,
                SessionStatus.COMPLETED, Phrase.of("action.unknown"), null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, (int) FxState.read(() -> notices.lookupAll(".notice").size()));
        flowNotices.onHoldEnded("welno_kept", "k1", null, new HoldOutcome(HoldOutcome.Kind.KEPT,
                Phrase.of("hold.kept"), 0, SessionStatus.COMPLETED));
        flowNotices.onHoldEnded("welno_lost", "l1", null, new HoldOutcome(HoldOutcome.Kind.REVERTED,
                Phrase.of("hold.reverted", Phrase.of("action.unknown")), 0, SessionStatus.FETCHING_HEALTH_DATA));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = FxState.read(() -> notices.lookupAll(".notice-text").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertTrue(shown.stream().anyMatch(h -> h.contains("welno_kept")), shown.toString());
        assertTrue(shown.stream().noneMatch(h -> h.contains("welno_lost")), shown.toString());
    }

    @Test
    void aBulkRunsEndedSessionsAreToldOnce(FxRobot robot) throws Exception {
        for (int i = 0; i < 5; i++) {
            flowNotices.onHoldEnded("welno_b" + i, "a" + i, "run1", new HoldOutcome(HoldOutcome.Kind.VANISHED,
                    Phrase.of("hold.vanished"), 0, null));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, (int) FxState.read(() -> notices.lookupAll(".notice").size()),
                "one notice for the run, not one per session");
        assertEquals("A session of bulk run run1 ended while its change was held (session welno_b0); the Alerts tab counts"
                + " every session of the run that does.", headline());
    }

    /**
     * A run's one notice for its reverts says what was written: a value that is no session is not the backend writing
     * back an older copy. A run with both kinds gets one notice of each, each told once.
     */
    @Test
    void aBulkRunsRevertNoticeSaysWhatWasWrittenOverIt(FxRobot robot) throws Exception {
        for (int i = 0; i < 3; i++) {
            flowNotices.onRevertDetected(RevertDetected.overUnreadable("welno_u" + i, ActionKind.RESET_STUCK, "u" + i, "me",
                    Phrase.of("unreadable.empty"), true, "run4"));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, (int) FxState.read(() -> notices.lookupAll(".notice").size()));
        assertEquals("A value that is not a readable session was written over a change of bulk run run4 (session"
                + " welno_u0); the Alerts tab counts every session of the run written over.", headline());
        assertTrue(newest().getStyleClass().contains("notice-warning"));

        for (int i = 0; i < 3; i++) {
            flowNotices.onRevertDetected(new RevertDetected("welno_r" + i, ActionKind.RESET_STUCK, "r" + i, "me",
                    Phrase.of("action.unknown"), SessionStatus.FETCHING_HEALTH_DATA, true, "run4"));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, (int) FxState.read(() -> notices.lookupAll(".notice").size()), "one of each kind");
        assertTrue(headline().startsWith("A change of bulk run run4 was written over"), headline());
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(FxState.read(() -> notices.lookupAll(".notice-text").stream().map(Label.class::cast)
                .anyMatch(l -> l.getText().startsWith("일괄 작업 run4의 변경 위에 읽을 수 있는 세션이 아닌 값이"))),
                "the unreadable run's notice in Korean");
    }

    /** A stale backend worker writes back many of a run's sessions at once: one notice for the run, then silence. */
    @Test
    void aBulkRunsRevertsAreToldOnceAndAnotherConsolesRunWithItsOperator(FxRobot robot) throws Exception {
        for (int i = 0; i < 5; i++) {
            flowNotices.onRevertDetected(new RevertDetected("welno_r" + i, ActionKind.RESET_STUCK, "a" + i, "me",
                    Phrase.of("action.unknown"), SessionStatus.FETCHING_HEALTH_DATA, true, "run2"));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, (int) FxState.read(() -> notices.lookupAll(".notice").size()),
                "one notice for the run, not one per session");
        assertEquals("A change of bulk run run2 was written over (session welno_r0); the Alerts tab counts"
                + " every session of the run written over.", headline());
        assertTrue(newest().getStyleClass().contains("notice-warning"));

        flowNotices.onRevertDetected(new RevertDetected("welno_s0", ActionKind.RESET_STUCK, "b0", "kim",
                Phrase.of("action.unknown"), SessionStatus.FETCHING_HEALTH_DATA, false, "run3"));
        flowNotices.onRevertDetected(new RevertDetected("welno_s1", ActionKind.RESET_STUCK, "b1", "kim",
                Phrase.of("action.unknown"), SessionStatus.FETCHING_HEALTH_DATA, false, "run3"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, (int) FxState.read(() -> notices.lookupAll(".notice").size()));
        assertEquals("A change of kim's bulk run run3 was written over (session welno_s0); the Alerts tab counts"
                + " every session of the run written over.", headline());
    }

    @Test
    void aFollowUpEntryThatCouldNotBeWrittenNamesTheEntryAndTheSessionAndSaysWhy(FxRobot robot) throws Exception {
        flowNotices.onAuditUnwritten(new AuditUnwritten(ID, "a1", AuditRecord.HOLD_ENDED,
                new StoreFailure(StoreFailure.Cause.PERMISSION_DENIED, "xadd")));
        String shown = headline();
        assertTrue(shown.startsWith("Session welno\\u001b[2J"), shown);
        assertTrue(shown.endsWith(SafeText.ELLIPSIS + ": the audit entry \"Hold ended\" could not be written (the"
                + " details say why)."), shown);
        assertTrue(newest().getStyleClass().contains("notice-warning"));
        String why = detail();
        assertTrue(why.startsWith("The hold on session welno"), why);
        assertTrue(why.endsWith("ended. But its audit entry could not be written: the Redis user has no permission to"
                + " run \"xadd\" (ask for an ACL that allows it, or connect with a user that may write)."), why);
    }

    @Test
    void inKoreanAnEntryWhoseFateIsUnknownIsToldAsUnconfirmed(FxRobot robot) throws Exception {
        FlowNotices korean = new FlowNotices(notices, new I18n(Locale.KOREAN));
        korean.onAuditUnwritten(new AuditUnwritten("welno_k1", "a1", AuditRecord.COLLECTION_FINISHED,
                new StoreFailure(StoreFailure.Cause.TIMEOUT, "")));
        assertEquals("세션 welno_k1: \"수집 종료\" 감사 기록이 남았는지 확인하지 못했습니다(까닭은 세부 내용에 있습니다).",
                headline());
        String why = detail();
        assertTrue(why.startsWith("세션 welno_k1의 데이터 수집이 끝났습니다. 다만 감사 기록이 남았는지 확인하지"
                + " 못했습니다: "), why);
        assertTrue(why.endsWith("Redis가 소켓 제한 시간 안에 응답하지 않았습니다(서버가 일시 중지되었거나, 바쁘거나, 멈춘"
                + " 상태입니다)."), "the cause in Korean too: " + why);
    }

    /** A notice up when the language is switched says its news again in the new language, headline and details. */
    @Test
    void aNoticeUpDuringALanguageSwitchSaysItsNewsInTheNewLanguage(FxRobot robot) throws Exception {
        flowNotices.onCollectionFinished(new CollectionFinished("welno_err", "a2", CollectionFinished.Result.ERROR,
                SessionStatus.ERROR, Phrase.of("collection.vanished"), null));
        assertEquals("Collection for welno_err ended: Error", headline());

        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        assertEquals("welno_err 수집 종료: 오류", headline());
        assertEquals("수집하는 동안 세션이 사라졌습니다(만료 또는 삭제).", detail());
    }

    private javafx.scene.Node newest() throws Exception {
        return FxState.read(() -> {
            List<javafx.scene.Node> all = List.copyOf(notices.lookupAll(".notice"));
            return all.get(all.size() - 1);
        });
    }

    /** The newest notice's details, as "Details" opens them. */
    private String detail() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        String shown = FxState.read(() -> {
            List<Label> texts = notices.lookupAll(".notice-detail").stream().map(Label.class::cast).toList();
            assertTrue(!texts.isEmpty(), "the notice has details");
            return texts.get(texts.size() - 1).getText();
        });
        assertNothingRaw(shown, "the details");
        return shown;
    }

    /**
     * The newest notice's headline, checked for anything a screen would obey. Read on the FX thread: the notices'
     * timers take old ones away there.
     */
    private String headline() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        String shown = FxState.read(() -> {
            List<Label> texts = notices.lookupAll(".notice-text").stream().map(Label.class::cast).toList();
            assertTrue(!texts.isEmpty(), "a notice is shown");
            return texts.get(texts.size() - 1).getText();
        });
        assertNothingRaw(shown, "the notice");
        assertEquals(-1, shown.indexOf('\n'), shown);
        return shown;
    }
}
