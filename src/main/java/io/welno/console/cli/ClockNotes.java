package io.welno.console.cli;

import io.welno.console.live.ClockOffset;
import io.welno.console.text.Phrase;
import io.welno.console.view.Wording;

/**
 * What {@code watch} says of this computer's clock against Redis's as the feed reads it again (every few minutes,
 * docs/live.md "Clocks"): a note when the clocks first differ noticeably, again when the difference changes side or
 * moves by more than {@link ClockOffset#NOTICEABLE} from the one said (a clock set by hand, a laptop waking up), and a
 * line when they agree again after a note. A difference that only jitters by the round trip is not said twice.
 */
final class ClockNotes {

    /** The reading the last note was printed for; null while the clocks agree (or nothing was said). */
    private ClockOffset said;

    /** The line to print for this reading, or null when it changes nothing already said. */
    String next(ClockOffset reading) {
        if (reading.noticeable()) {
            boolean sameAsSaid = said != null && said.consoleAhead() == reading.consoleAhead()
                    && Math.abs(said.offsetMillis() - reading.offsetMillis()) <= ClockOffset.NOTICEABLE.toMillis();
            if (sameAsSaid) {
                return null;
            }
            said = reading;
            return ClockNote.of(reading);
        }
        if (said == null) {
            return null;
        }
        said = null;
        return Wording.cli().render(Phrase.of("clock.agrees.cli"));
    }
}
