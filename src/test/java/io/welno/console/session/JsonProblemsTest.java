package io.welno.console.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.text.SafeText;
import org.junit.jupiter.api.Test;

/** The parser's words quoted in an unreadable session's reason. */
class JsonProblemsTest {

    /**
     * Cut at 200 UTF-16 units, a message that quoted an emoji there kept half of it: a lone surrogate every output
     * showed as an escape (\ud83d) the value does not hold. The cut is made between what is drawn.
     */
    @Test
    void aLongFirstLineIsCutBetweenWholeCharacters() {
        String message = "x".repeat(199) + "🙂" + "y".repeat(50) + "\nsecond line";
        String first = JsonProblems.firstLine(message);
        assertEquals("x".repeat(199) + SafeText.ELLIPSIS, first);
        assertEquals(-1, SafeText.firstUnsafe(first));
    }
}
