package io.welno.console.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.welno.console.app.ConsoleLogConfigurator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A log line that quotes outside text stays one line, escaped and bounded; so does each message of a logged trace. */
class HostileLogTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger;
    private final PatternLayoutEncoder encoder;

    HostileLogTest() {
        ConsoleLogConfigurator configurator = new ConsoleLogConfigurator();
        configurator.setContext(context);
        configurator.configure(context);
        logger = context.getLogger("hostile");
        encoder = (PatternLayoutEncoder) ((ConsoleAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("STDERR")).getEncoder();
    }

    @Test
    void aMessageWithControlsIsOneEscapedBoundedLine() {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, "Could not read {}: {}", null,
                new Object[] {"welno" + Hostile.FORGED_ROW + Hostile.CLEAR_SCREEN, "x".repeat(100_000) + Hostile.BIDI});
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        context.stop();
        assertTrue(line.endsWith("\n"));
        String body = line.substring(0, line.length() - 1);
        Hostile.assertNothingRaw(body, "the log line");
        assertEquals(1, line.lines().count(), line);
        assertTrue(body.contains("welno\\nFORGED"), body);
        assertTrue(body.length() < 4_200, "bounded: " + body.length());
    }

    /**
     * A value's edges are the argument's, not the line's: "welno_a " in the middle of a line was a double space, the
     * session welno_a to the reader, and an ideographic space after an id no more than a gap. Each argument is
     * escaped as a value before it joins the line.
     */
    @Test
    void anArgumentsEdgeSpacesAreShownInsideTheLine() {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
                "hold on session {} ended: {}", null, new Object[] {"welno_a ", "\u3000kept"});
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        context.stop();
        assertTrue(line.contains("hold on session welno_a\\u0020 ended: \\u3000kept"), line);
    }

    /**
     * An exception's message quotes outside text too (a Redis error, picocli's echo of an argument): every message of
     * the trace, its causes' and its suppressed ones' included, is escaped, so the only lines are the trace's own.
     */
    @Test
    void anExceptionsMessagesAreEscapedInTheTrace() {
        IllegalStateException thrown = new IllegalStateException("ERR " + Hostile.FORGED_ROW + Hostile.CLEAR_SCREEN,
                new RuntimeException("cause" + Hostile.ERASE_LINE + Hostile.BIDI));
        thrown.addSuppressed(new RuntimeException("suppressed" + Hostile.FORGED_ROW + Hostile.C1));
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, "Could not read {}",
                thrown, new Object[] {"welno_1"});
        String text = new String(encoder.encode(event), StandardCharsets.UTF_8);
        context.stop();
        Hostile.assertNothingRaw(text.replace('\t', ' '), "the trace (its frames' tabs aside)");
        assertTrue(text.contains("ERR \\nFORGED"), text);
        assertTrue(text.contains("Caused by: java.lang.RuntimeException: cause\\r"), text);
        assertTrue(text.contains("Suppressed: java.lang.RuntimeException: suppressed\\nFORGED"), text);
        assertTrue(text.lines().noneMatch(line -> line.startsWith("FORGED")), text);
        assertTrue(text.lines().skip(2).allMatch(line -> line.startsWith("\t") || line.startsWith("Caused by: ")),
                "the trace's own lines only: " + text);
    }
}
