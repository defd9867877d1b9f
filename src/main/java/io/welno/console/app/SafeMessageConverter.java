package io.welno.console.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.welno.console.text.SafeText;
import org.slf4j.helpers.MessageFormatter;

/**
 * {@code %safeMsg}: the log message with control characters escaped and its length bounded. Log lines carry
 * session ids, keys, Redis and Tilko errors; a newline in one would forge a second log line, an escape sequence
 * would drive the terminal that shows the log.
 */
public final class SafeMessageConverter extends ClassicConverter {

    /** A log line longer than this is cut; nothing worth logging needs more. */
    static final int MAX_CHARS = 4000;

    /**
     * Each argument is escaped as the value it is before it joins the line: a value's edges are its own, so a session
     * id ending in a space shows that space ({@link SafeText}) where, in the middle of the line, it would be a gap.
     */
    @Override
    public String convert(ILoggingEvent event) {
        Object[] arguments = event.getArgumentArray();
        String message = arguments == null || arguments.length == 0 ? event.getFormattedMessage()
                : MessageFormatter.basicArrayFormat(event.getMessage(), escaped(arguments));
        return SafeText.bounded(message, MAX_CHARS);
    }

    /** The arguments as escaped texts; an array is left to the formatter, which writes its elements. */
    private static Object[] escaped(Object[] arguments) {
        Object[] escaped = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            escaped[i] = argument == null || argument.getClass().isArray() ? argument
                    : SafeText.bounded(String.valueOf(argument), MAX_CHARS);
        }
        return escaped;
    }
}
