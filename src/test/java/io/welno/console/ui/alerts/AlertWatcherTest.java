package io.welno.console.ui.alerts;

import static io.welno.console.hostile.Hostile.assertNothingRaw;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.RevertDetected;
import io.welno.console.hostile.Hostile;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.Wording;
import org.junit.jupiter.api.Test;

/**
 * Another console's revert names a session and an operator read from Redis: cut to a field each, so the alert, which
 * the list and the tray cut to a sentence's length, still says which action and whose.
 */
class AlertWatcherTest {

    @Test
    void aRevertAlertKeepsTheActionAndTheOperatorAfterALongHostileId() {
        RevertDetected revert = new RevertDetected("welno" + Hostile.ALL + "i".repeat(5000),
                ActionKind.MANUAL_COMPLETE, "a1", "kim" + Hostile.ALL + "o".repeat(5000), Phrase.of("action.unknown"),
                SessionStatus.AUTH_PENDING, false);
        String said = Wording.window(new I18n(I18n.ENGLISH)).render(AlertWatcher.revertPhrase(revert));
        String listed = SafeText.bounded(said, SafeText.TEXT);
        assertNothingRaw(listed, "the alert");
        assertTrue(listed.startsWith("welno\\u001b[2J"), listed);
        assertTrue(listed.contains(SafeText.ELLIPSIS + ": kim\\u001b[2J"), listed);
        assertTrue(listed.contains(SafeText.ELLIPSIS + "'s \"Force auth complete\" was written over ("), listed);
        assertTrue(!listed.endsWith(SafeText.ELLIPSIS), "the sentence is whole: " + listed);
    }
    /** A failed simple-auth's held error written over: the alert names that status, in both languages. */
    @Test
    void aRevertOfAFailuresWriteNamesTheStatusItLeft() {
        RevertDetected revert = new RevertDetected("welno_f1", ActionKind.SIMPLE_AUTH, "a1", "kim",
                Phrase.of("action.unknown"), SessionStatus.AUTH_REQUESTING, true).undoing(SessionStatus.ERROR);
        String en = Wording.window(new I18n(I18n.ENGLISH)).render(AlertWatcher.revertPhrase(revert));
        assertTrue(en.startsWith("welno_f1: the \"Error\" kim's failed \"Re-send auth request\" left was written over ("),
                en);
        String ko = Wording.window(new I18n(I18n.KOREAN)).render(AlertWatcher.revertPhrase(revert));
        assertTrue(ko.startsWith("welno_f1: kim님의 실패한 "), ko);
        assertTrue(ko.contains("상태가 덮어쓰였습니다"), ko);
    }
}
