package io.welno.console.ui.shell;

import static io.welno.console.hostile.Hostile.assertNothingRaw;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.hostile.Hostile;
import io.welno.console.text.SafeText;
import org.junit.jupiter.api.Test;

/** The bench reads the window's answers line by line and reports them: a failure must stay one harmless line. */
class FrameBenchWindowTest {

    @Test
    void aFailureIsAnsweredOnOneEscapedBoundedLine() {
        String answer = FrameBenchWindow.failed(new IllegalStateException("ERR " + Hostile.ALL + "x".repeat(5000)));
        assertNothingRaw(answer, "the window's answer");
        assertTrue(answer.startsWith("FAILED java.lang.IllegalStateException: ERR \\u001b[2J"), answer);
        assertTrue(answer.length() <= "FAILED ".length() + SafeText.TEXT && answer.endsWith(SafeText.ELLIPSIS), answer);
    }
}
