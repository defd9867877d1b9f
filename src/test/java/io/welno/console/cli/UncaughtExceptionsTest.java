package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An exception nothing caught reaches the log (whose pattern escapes its messages), not the JVM's raw printer. */
class UncaughtExceptionsTest {

    @Test
    void anUncaughtExceptionIsLoggedWithItsTrace() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Logger logger = (Logger) LoggerFactory.getLogger(UncaughtExceptions.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            UncaughtExceptions.install();
            IllegalStateException thrown = new IllegalStateException("ERR \u001b[2J quoted");
            Thread stray = new Thread(() -> {
                throw thrown;
            }, "stray");
            stray.start();
            stray.join();
            assertEquals(1, events.list.size());
            ILoggingEvent event = events.list.get(0);
            assertEquals(Level.ERROR, event.getLevel());
            assertEquals("Uncaught exception in thread stray", event.getFormattedMessage());
            assertSame(thrown.getMessage(), event.getThrowableProxy().getMessage());
        } finally {
            logger.detachAppender(events);
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
