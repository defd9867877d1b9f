package io.welno.console.app;

import io.welno.console.app.ConsoleLogConfigurator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ConsoleLogConfiguratorTest {

    @Test
    void logbackFindsItAndItLogsToStderrAtInfoWithTheClientsQuieter() {
        assertTrue(ServiceLoader.load(Configurator.class).stream()
                .anyMatch(p -> p.type() == ConsoleLogConfigurator.class), "registered in META-INF/services");
        LoggerContext context = new LoggerContext();
        ConsoleLogConfigurator configurator = new ConsoleLogConfigurator();
        configurator.setContext(context);
        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configurator.configure(context));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<?> stderr = assertInstanceOf(ConsoleAppender.class, root.getAppender("STDERR"));
        assertEquals("System.err", stderr.getTarget());
        assertTrue(stderr.isStarted());
        assertEquals(ConsoleLogConfigurator.PATTERN, ((PatternLayoutEncoder) stderr.getEncoder()).getPattern());
        assertEquals(Level.WARN, context.getLogger("redis.clients.jedis.Connection").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("okhttp3.OkHttpClient").getEffectiveLevel());
        context.stop();
        // The console's own logger context is this configuration, not logback's fallback.
        LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertInstanceOf(ConsoleAppender.class, running.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR"));
    }

    /**
     * java.util.logging's records come into this log ({@link JavaLogging}): one this log would drop, such as OkHttp's
     * INFO or anyone's FINE, is not even made; one it would show, such as a FINE record at DEBUG, is.
     */
    @Test
    void javaLoggingTakesTheLogsLevels() {
        LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
        java.util.logging.Logger http2 = java.util.logging.Logger.getLogger("okhttp3.internal.http2.Http2");
        assertFalse(http2.isLoggable(java.util.logging.Level.INFO), "the HTTP client only logs warnings");
        assertTrue(http2.isLoggable(java.util.logging.Level.WARNING));
        java.util.logging.Logger other = java.util.logging.Logger.getLogger("io.welno.console.jul");
        assertFalse(other.isLoggable(java.util.logging.Level.FINE), "INFO by default");
        Logger debugged = running.getLogger("io.welno.console.jul");
        debugged.setLevel(Level.DEBUG);
        try {
            assertTrue(other.isLoggable(java.util.logging.Level.FINE), "DEBUG shows their FINE records");
        } finally {
            debugged.setLevel(null);
        }
    }

    @Test
    void theLevelComesFromTheVariableAndFallsBackToInfo() {
        assertEquals(Level.DEBUG, ConsoleLogConfigurator.level("DEBUG"));
        assertEquals(Level.WARN, ConsoleLogConfigurator.level("warn"));
        assertEquals(Level.INFO, ConsoleLogConfigurator.level(null));
        assertEquals(Level.INFO, ConsoleLogConfigurator.level("loud"));
    }
}
