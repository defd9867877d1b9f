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

/** A log line that quotes outside text stays one line, escaped and bounded. */
class HostileLogTest {

    @Test
    void aMessageWithControlsIsOneEscapedBoundedLine() {
        LoggerContext context = new LoggerContext();
        ConsoleLogConfigurator configurator = new ConsoleLogConfigurator();
        configurator.setContext(context);
        configurator.configure(context);
        Logger logger = context.getLogger("hostile");
        PatternLayoutEncoder encoder = (PatternLayoutEncoder) ((ConsoleAppender<?>) context
                .getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).getEncoder();
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
}
