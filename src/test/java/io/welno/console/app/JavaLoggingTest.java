package io.welno.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import io.welno.console.hostile.Hostile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** A java.util.logging record (OkHttp's, JavaFX's) comes out of the console's log escaped, and nowhere raw. */
class JavaLoggingTest {

    @Test
    void aJavaLoggingRecordIsWrittenByTheLogEscaped() {
        java.util.logging.Logger julRoot = LogManager.getLogManager().getLogger("");
        Handler[] before = julRoot.getHandlers();
        Logger logger = (Logger) LoggerFactory.getLogger("okhttp3.OkHttpClient");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            JavaLogging.install();
            for (Handler handler : julRoot.getHandlers()) {
                assertInstanceOf(SLF4JBridgeHandler.class, handler, "no handler of java.util.logging's prints raw");
            }
            java.util.logging.Logger.getLogger("okhttp3.OkHttpClient").warning("ERR " + Hostile.CLEAR_SCREEN
                    + Hostile.FORGED_ROW);

            assertEquals(1, events.list.size());
            String written = new String(stderrLayout().encode(events.list.get(0)), StandardCharsets.UTF_8);
            Hostile.assertNothingRaw(written.stripTrailing(), "the log line");
            assertTrue(written.endsWith(" WARN  okhttp3.OkHttpClient - ERR \\u001b[2J\\u001b[H\\nFORGED 2026-01-01 "
                    + "00:00:00 root complete APPLIED" + System.lineSeparator()), written);
        } finally {
            logger.detachAppender(events);
            SLF4JBridgeHandler.uninstall();
            for (Handler handler : before) {
                julRoot.addHandler(handler);
            }
        }
    }

    /** The first record of a JVM that asked for the bridge on first use is the log's, escaped: no thread installed it. */
    @Test
    void aRecordBeforeAnyInstallGoesThroughTheLogWhenTheBridgeWasAskedForOnFirstUse() throws Exception {
        String written = probe();
        Hostile.assertNothingRaw(written, "the probe's stderr");
        assertTrue(written.contains(" WARN  javafx - ERR \\u001b[2J\\u001b[H\\nFORGED "), written);
        assertFalse(written.contains(JavaLogging.CLASS_PATH_WARNING), "JavaFX's class-path warning is left out: "
                + written);
    }

    /** The probe's stderr and stdout. */
    private static String probe() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), JavaLoggingProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the probe ends");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /** How the console's log writes an event: its stderr appender's encoder (ConsoleLogConfigurator). */
    @SuppressWarnings("unchecked")
    private static ch.qos.logback.core.encoder.Encoder<ILoggingEvent> stderrLayout() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return ((ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"))
                .getEncoder();
    }
}
