package io.welno.console.app;

import io.welno.console.app.ConsoleLogConfigurator;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void theLevelComesFromTheVariableAndFallsBackToInfo() {
        assertEquals(Level.DEBUG, ConsoleLogConfigurator.level("DEBUG"));
        assertEquals(Level.WARN, ConsoleLogConfigurator.level("warn"));
        assertEquals(Level.INFO, ConsoleLogConfigurator.level(null));
        assertEquals(Level.INFO, ConsoleLogConfigurator.level("loud"));
    }
}
