package io.welno.console.ui.shell;

import static io.welno.console.hostile.Hostile.assertNothingRaw;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.hostile.Hostile;
import io.welno.console.text.SafeText;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The bench reads the window's answers line by line and reports them: a failure must stay one harmless line. */
class FrameBenchWindowTest {

    @Test
    void aFailureIsAnsweredOnOneEscapedBoundedLine() {
        String answer = FrameBenchWindow.failed(new IllegalStateException("ERR " + Hostile.ALL + "x".repeat(5000)));
        assertNothingRaw(answer, "the window's answer");
        assertTrue(answer.startsWith("FAILED java.lang.IllegalStateException: ERR \\u001b[2J"), answer);
        assertTrue(answer.length() <= "FAILED ".length() + SafeText.TEXT && answer.endsWith(SafeText.ELLIPSIS), answer);
    }

    /** JavaFX and OkHttp log through java.util.logging in the window's JVM too: its records go through the log. */
    @Test
    void theWindowsJvmRoutesJavaUtilLoggingIntoTheLog() {
        Logger root = LogManager.getLogManager().getLogger("");
        Handler[] before = root.getHandlers();
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        root.addHandler(new ConsoleHandler());
        try {
            // it sets up its logging before it reads its arguments
            assertThrows(NumberFormatException.class, () -> FrameBenchWindow.main(new String[] {"many", "false"}));
            assertTrue(root.getHandlers().length > 0);
            for (Handler handler : root.getHandlers()) {
                assertInstanceOf(SLF4JBridgeHandler.class, handler, "no handler of java.util.logging's prints raw");
            }
        } finally {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            for (Handler handler : before) {
                root.addHandler(handler);
            }
        }
    }
}
