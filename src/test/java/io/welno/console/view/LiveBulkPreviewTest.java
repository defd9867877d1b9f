package io.welno.console.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionStatus;
import io.welno.console.text.Phrase;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bulk dialog's preview kept true while the dialog is open: only its own sessions among a frame's changes are
 * marked, each once until taken; their new lines replace the old in place and move the counts; what a run would act
 * on is what the lines say now.
 */
class LiveBulkPreviewTest {

    private static final SessionStatus STUCK = SessionStatus.of("fetching_health_data");
    private static final SessionStatus RESET = SessionStatus.of("auth_completed");

    private static BulkPreview.Line allowed(String id) {
        return new BulkPreview.Line(id, true, STUCK, RESET, Phrase.of("bulk.preview.change", STUCK, RESET));
    }

    private static BulkPreview.Line refused(String id, String why) {
        return new BulkPreview.Line(id, false, null, null, Phrase.of("text.verbatim", why));
    }

    @Test
    void aSessionThatChangesGetsItsNewLineAndTheCountsFollow() {
        LiveBulkPreview live = new LiveBulkPreview(new BulkPreview(List.of(allowed("a"), allowed("b"),
                refused("c", "not stuck yet"))));
        assertEquals(2, live.allowed());

        assertFalse(live.changed(List.of("x", "y")), "other sessions of the frame are not this preview's");
        assertTrue(live.changed(List.of("x", "b", "c")));
        assertTrue(live.changed(List.of("b")));
        assertEquals(List.of("b", "c"), live.takeChanged(), "each once, in the order they changed");
        assertEquals(List.of(), live.takeChanged());

        int[] replaced = live.replace(List.of(refused("b", "gone"), allowed("c"), allowed("x")));
        assertArrayEquals(new int[] {1, 2}, replaced, "a line of a session not in the preview is ignored");
        assertEquals(2, live.allowed());
        assertEquals(1, live.refused());
        assertEquals(List.of("a", "c"), live.allowedIds());
        assertEquals(Map.of("b", Phrase.of("text.verbatim", "gone")), live.refusals());
        assertEquals(2, live.changedSinceOpen());
        assertEquals("b", live.line(1).sessionId());
        assertFalse(live.line(1).allowed());
    }

    /**
     * The clock marks only the lines judged to hold until a moment now past (strictly: at the moment itself the line
     * still holds), each once; a line replaced since is judged by its new moment, and the clock's marks are not
     * changes of the sessions.
     */
    @Test
    void theClockMarksTheLinesWhoseMomentPassed() {
        LocalDateTime t = LocalDateTime.of(2026, 11, 20, 14, 0);
        LiveBulkPreview live = new LiveBulkPreview(new BulkPreview(List.of(
                new BulkPreview.Line("a", true, STUCK, RESET, Phrase.of("text.verbatim", "ok"), t.plusMinutes(5)),
                new BulkPreview.Line("b", false, null, null, Phrase.of("text.verbatim", "not yet"), t.plusMinutes(1)),
                allowed("c"))));
        assertFalse(live.outdatedAt(t.plusMinutes(1)), "at b's moment itself its line still holds");
        assertTrue(live.outdatedAt(t.plusMinutes(1).plusNanos(1_000)));
        assertEquals(List.of("b"), live.takeChanged());
        assertFalse(live.outdatedAt(t.plusMinutes(2)), "each once");

        live.replace(List.of(new BulkPreview.Line("a", true, STUCK, RESET, Phrase.of("text.verbatim", "ok"),
                t.plusMinutes(10))));
        assertFalse(live.outdatedAt(t.plusMinutes(6)), "a's old moment went with its old line");
        assertTrue(live.outdatedAt(t.plusMinutes(11)));
        assertEquals(List.of("a"), live.takeChanged());
        assertEquals(0, live.changedSinceOpen(), "no session was written");
    }
}
