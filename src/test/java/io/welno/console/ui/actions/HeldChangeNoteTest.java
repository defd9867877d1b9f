package io.welno.console.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.EndedHolds;
import io.welno.console.flow.HoldOutcome;
import io.welno.console.flow.Overwrite;
import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import io.welno.console.ui.common.I18n;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The note under the action buttons says what the hold knows of the change, and nothing it does not. */
class HeldChangeNoteTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Instant UNTIL = Instant.parse("2026-12-06T05:06:07Z");
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 6, 14, 7);

    private static HeldChange.Note note(HoldOutcome outcome, Locale locale) {
        return new HeldChange(ActionKind.MANUAL_COMPLETE, EndedHolds.ended("welno_n1", UNTIL, outcome))
                .note(new I18n(locale), SEOUL, NOW);
    }

    /**
     * A change kept only because it was applied again was written over during the hold: the note says so, not that
     * nothing wrote over it.
     */
    @Test
    void aChangeKeptAfterAReapplySaysItWasWrittenOver() {
        HoldOutcome keptAgain = new HoldOutcome(HoldOutcome.Kind.KEPT, Phrase.of("hold.keptAfterReapply", 1), 1,
                SessionStatus.AUTH_COMPLETED);
        HeldChange.Note said = note(keptAgain, Locale.ENGLISH);
        assertTrue(said.text().startsWith("Your \"Force auth complete\" was written over and applied again, and was in"
                + " place when the watch ended at "), said.text());
        assertTrue(note(keptAgain, I18n.KOREAN).text().contains("덮어쓰였다가 다시 적용되어"),
                note(keptAgain, I18n.KOREAN).text());

        HoldOutcome kept = new HoldOutcome(HoldOutcome.Kind.KEPT, Phrase.of("hold.kept"), 0,
                SessionStatus.AUTH_COMPLETED);
        assertTrue(note(kept, Locale.ENGLISH).text().startsWith("Your \"Force auth complete\" stayed until "),
                note(kept, Locale.ENGLISH).text());
    }

    /** What wrote over the change is the outcome's kind, whatever its message's words or key. */
    @Test
    void aChangeWrittenOverByAnUnreadableValueIsToldByTheOutcomesKindNotItsWords() {
        HoldOutcome unreadable = new HoldOutcome(HoldOutcome.Kind.REVERTED, Phrase.of("text.verbatim", "reworded"), 0,
                null, Overwrite.UNREADABLE);
        HeldChange.Note said = note(unreadable, Locale.ENGLISH);
        assertEquals("The session now holds a value that is not a readable session: what your \"Force auth complete\""
                + " wrote is gone.", said.text());
        assertTrue(said.warning());
        HoldOutcome session = new HoldOutcome(HoldOutcome.Kind.REVERTED, Phrase.of("hold.overwrittenUnreadable",
                Phrase.of("unreadable.empty")), 0, SessionStatus.AUTH_REQUEST_SENT);
        assertEquals("Your \"Force auth complete\" was written over: it is no longer in the session.",
                note(session, Locale.ENGLISH).text());
    }
}
