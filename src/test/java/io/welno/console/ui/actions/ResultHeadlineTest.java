package io.welno.console.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult.Outcome;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.store.StoreFailure;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Notices;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The sentence an action's notice leads with must be true when it is read: a collection's claim is not its end, and
 * every combination of outcome, hold and audit reads as whole sentences in both languages.
 */
class ResultHeadlineTest {

    private static final String ID = "welno_4dc776a8";
    private static final StoreFailure LOST = new StoreFailure(StoreFailure.Cause.CONNECTION_LOST, "reset");
    private static final StoreFailure DENIED = new StoreFailure(StoreFailure.Cause.PERMISSION_DENIED, "NOPERM");

    private final I18n english = new I18n(Locale.ENGLISH);
    private final I18n korean = new I18n(I18n.KOREAN);

    @Test
    void aCollectionsClaimSaysTheCollectionStartedAndIsWatchedAfterItsLastWrite() {
        String en = ResultHeadline.of(english, ActionKind.COLLECT, Outcome.APPLIED, ID, 6, null);
        assertEquals("Collect health data started for session " + ID + "; it goes on in the background, and you are"
                + " told when it ends. Its writes are watched until 6 minutes after the last one, in case the backend"
                + " writes an older copy back.", en);
        String ko = ResultHeadline.of(korean, ActionKind.COLLECT, Outcome.APPLIED, ID, 6, null);
        assertTrue(ko.startsWith("세션 " + ID + ": 건강 데이터 수집을 시작했습니다."), ko);
        assertTrue(ko.contains("마지막으로 쓴 뒤 6분"), ko);
        // "수집 완료" would say the data is in: only the claim is
        assertFalse(ko.contains("완료"), ko);
        assertFalse(en.contains("done"), en);
    }

    /** The notice's title must not say "Done" of a collection that has only started. */
    @Test
    void aStartedCollectionIsNewsAndOnlyAFinishedActionIsDone() {
        assertEquals(Notices.Kind.NEWS, ResultHeadline.kind(ActionKind.COLLECT, Outcome.APPLIED, true));
        assertEquals(Notices.Kind.DONE, ResultHeadline.kind(ActionKind.MANUAL_COMPLETE, Outcome.APPLIED, true));
        assertEquals(Notices.Kind.DONE, ResultHeadline.kind(ActionKind.SIMPLE_AUTH, Outcome.APPLIED, true));
        assertEquals(Notices.Kind.WARNING, ResultHeadline.kind(ActionKind.COLLECT, Outcome.APPLIED, false));
        assertEquals(Notices.Kind.WARNING, ResultHeadline.kind(ActionKind.COLLECT, Outcome.REFUSED, true));
        assertEquals(Notices.Kind.WARNING, ResultHeadline.kind(ActionKind.RESET_STUCK, Outcome.CONFLICT, true));
    }

    @Test
    void anotherAppliedActionIsDoneAndWatchedForTheNextMinutes() {
        assertEquals("Force auth complete: done for session " + ID + ". Watched for the next 6 minutes in case the"
                + " backend writes an older copy back.",
                ResultHeadline.of(english, ActionKind.MANUAL_COMPLETE, Outcome.APPLIED, ID, 6, null));
        assertEquals("세션 " + ID + ": 인증 완료 처리 완료. 백엔드가 이전 사본을 다시 쓰는지 앞으로 1분 동안 지켜봅니다.",
                ResultHeadline.of(korean, ActionKind.MANUAL_COMPLETE, Outcome.APPLIED, ID, 1, null));
        assertEquals("Re-send auth request: done for session " + ID + ".",
                ResultHeadline.of(english, ActionKind.SIMPLE_AUTH, Outcome.APPLIED, ID, 0, null));
        // the key that is the prefix alone (a developer may override the refusal): named, not a blank
        assertEquals("Reset stuck collection: done for session (no id).",
                ResultHeadline.of(english, ActionKind.RESET_STUCK, Outcome.APPLIED, "", 0, null));
        assertEquals("세션 (ID 없음): 멈춘 수집 초기화 완료.",
                ResultHeadline.of(korean, ActionKind.RESET_STUCK, Outcome.APPLIED, "", 0, null));
    }

    @Test
    void everyOutcomeHoldAndAuditReadsAsWholeSentencesInBothLanguages() {
        for (ActionKind kind : ActionKind.values()) {
            for (Outcome outcome : Outcome.values()) {
                for (long held : outcome == Outcome.APPLIED ? new long[] {0, 1, 6} : new long[] {0}) {
                    for (StoreFailure audit : Arrays.asList(null, LOST, DENIED)) {
                        for (I18n i18n : List.of(english, korean)) {
                            String said = ResultHeadline.of(i18n, kind, outcome, ID, held, audit);
                            String where = kind + " " + outcome + " " + held + " " + audit + ": " + said;
                            assertTrue(said.endsWith("."), where);
                            assertFalse(said.contains("..") || said.contains(" ."), where);
                            // a sentence ends before the audit's "But …" begins
                            assertFalse(said.matches("(?s).*[^.] (다만|But) .*"), where);
                            assertTrue(said.contains(ID), where);
                            assertFalse(said.contains("{") || said.contains("}"), where);
                            if (i18n == korean) {
                                String words = said.replace(ID, "").replace("Redis", "");
                                assertFalse(words.matches("(?s).*[A-Za-z]{3,}.*"), "English in Korean: " + where);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A write whose read-back never worked: neither language says done (완료), both that it is not confirmed yet. */
    @Test
    void anAppliedWriteNotReadBackIsWrittenButNotYetConfirmed() {
        io.welno.console.flow.ActionResult unread = new io.welno.console.flow.ActionResult(
                io.welno.console.flow.ActionRequest.of(ActionKind.RESET_STUCK, ID, "outage"), Outcome.APPLIED,
                io.welno.console.text.Phrase.of("flow.reset.applied"), null, null, "act-1", null, null, null, true);
        assertEquals("Reset stuck collection for session " + ID + ": written, but not yet confirmed, as the session"
                + " could not be read back.", ResultHeadline.of(english, unread, java.time.Duration.ZERO,
                java.time.Duration.ofMinutes(6)));
        assertEquals("세션 " + ID + ": 멈춘 수집 초기화를 저장했지만, 세션을 다시 읽지 못해 아직 확인되지 않았습니다.",
                ResultHeadline.of(korean, unread, java.time.Duration.ZERO, java.time.Duration.ofMinutes(6)));
        assertEquals(Notices.Kind.WARNING, ResultHeadline.kind(unread));
    }

    /**
     * Its confirmation, once the hold kept it, says how: a change written over and applied again did not simply stay,
     * and one whose session has ended since is no longer "there".
     */
    @Test
    void theConfirmationOfAnUnreadWriteSaysWhetherItStayedWasAppliedAgainOrOutlivedItsSession() {
        io.welno.console.flow.ActionResult unread = new io.welno.console.flow.ActionResult(
                io.welno.console.flow.ActionRequest.of(ActionKind.RESET_STUCK, ID, "outage"), Outcome.APPLIED,
                io.welno.console.text.Phrase.of("flow.reset.applied"), null, null, "act-1", null, null, null, true);
        HoldOutcome stayed = new HoldOutcome(HoldOutcome.Kind.KEPT, io.welno.console.text.Phrase.of("hold.kept"), 0,
                null);
        HoldOutcome reapplied = new HoldOutcome(HoldOutcome.Kind.KEPT,
                io.welno.console.text.Phrase.of("hold.keptAfterReapply", 2), 2, null);
        HoldOutcome ended = new HoldOutcome(HoldOutcome.Kind.KEPT,
                io.welno.console.text.Phrase.of("hold.finishedThenEnded", "completed"), 0, null);
        assertTrue(ResultHeadline.confirmed(english, unread, stayed).contains("it stayed while it was watched"));
        String again = ResultHeadline.confirmed(english, unread, reapplied);
        assertTrue(again.contains("written over and applied again (2 times)"), again);
        assertFalse(again.contains("stayed"), again);
        String gone = ResultHeadline.confirmed(english, unread, ended);
        assertTrue(gone.contains("the session has ended since"), gone);
        assertFalse(gone.contains("is there"), gone);
        String ko = ResultHeadline.confirmed(korean, unread, reapplied);
        assertTrue(ko.contains("다시 적용했습니다(2번)"), ko);
        assertFalse(ko.contains("그대로 유지"), ko);
    }
    /**
     * A claim written but neither read back nor given back: the outcome's own headline ("nothing was changed", "check
     * the session") would hide that it stays until its lease lapses; this one says it, with when, in both languages.
     */
    @Test
    void aClaimLeftStandingSaysUntilWhen() {
        java.time.LocalDateTime lease = java.time.LocalDateTime.of(2026, 12, 6, 16, 1, 2);
        for (Outcome outcome : List.of(Outcome.TIMEOUT, Outcome.CONNECTION_LOST, Outcome.PERMISSION_DENIED)) {
            io.welno.console.flow.ActionResult standing = new io.welno.console.flow.ActionResult(
                    io.welno.console.flow.ActionRequest.of(ActionKind.COLLECT, ID, "outage"), outcome,
                    io.welno.console.text.Phrase.of("flow.verify.unreadable", "x"), null, null, "act-2", null, null,
                    null, false, lease);
            String en = ResultHeadline.of(english, standing, java.time.Duration.ZERO, java.time.Duration.ofMinutes(6));
            assertEquals("Collect health data for session " + ID + ": its claim was written, but the session could"
                    + " not be read back to confirm it, so nothing was sent to Tilko. The claim may stay in the session"
                    + " until its lease lapses at 16:01:02.", en);
            String ko = ResultHeadline.of(korean, standing, java.time.Duration.ZERO, java.time.Duration.ofMinutes(6));
            assertTrue(ko.startsWith("세션 " + ID + ": 건강 데이터 수집의 점유는 저장했지만"), ko);
            assertTrue(ko.contains("16:01:02에 만료될 때까지 세션에 남아 있을 수 있습니다."), ko);
            assertFalse(en.contains("nothing was changed"), en);
            assertEquals(Notices.Kind.WARNING, ResultHeadline.kind(standing));
        }
    }
}
