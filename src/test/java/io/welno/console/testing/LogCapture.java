package io.welno.console.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures everything a package logs (down to DEBUG) so tests can assert what a log line says: no secret, and
 * words rather than codes. Lines may be read while other threads still log.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    /** @param loggerName a package ({@code io.welno.console.live}) or a class name */
    public LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        previous = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false); // keep the test output quiet; the lines are asserted, not read
    }

    /** Formatted messages plus any throwable text. */
    public List<String> lines() {
        synchronized (appender) { // the appender adds under this lock (AppenderBase.doAppend)
            return appender.list.stream()
                    .map(e -> e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
                    .toList();
        }
    }

    /** The lines that start with {@code prefix}. */
    public List<String> startingWith(String prefix) {
        return lines().stream().filter(line -> line.startsWith(prefix)).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
        logger.setAdditive(true);
    }
}
