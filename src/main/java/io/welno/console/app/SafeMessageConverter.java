package io.welno.console.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.welno.console.text.SafeText;

/**
 * {@code %safeMsg}: the log message with control characters escaped and its length bounded. Log lines carry
 * session ids, keys, Redis and Tilko errors; a newline in one would forge a second log line, an escape sequence
 * would drive the terminal that shows the log.
 */
public final class SafeMessageConverter extends ClassicConverter {

    /** A log line longer than this is cut; nothing worth logging needs more. */
    static final int MAX_CHARS = 4000;

    @Override
    public String convert(ILoggingEvent event) {
        return SafeText.bounded(event.getFormattedMessage(), MAX_CHARS);
    }
}
