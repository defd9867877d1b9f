package io.welno.console.app;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import io.welno.console.text.SafeText;

/**
 * {@code %safeEx}: an event's exception as logback writes it (class, message, frames, causes and suppressed ones),
 * each message escaped and bounded as {@link SafeMessageConverter} does the log message. Exception messages quote
 * outside text as often as log messages do (a Redis error, picocli's echo of a bad argument, a parser's excerpt of a
 * value). A pattern without a converter of this kind gets logback's own appended, which writes them raw.
 */
public final class SafeThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy thrown) {
        return super.throwableProxyToString(new Escaped(thrown));
    }

    /** The same exception, its message (and those of its causes and suppressed ones) escaped. */
    private record Escaped(IThrowableProxy raw) implements IThrowableProxy {

        @Override
        public String getMessage() {
            String message = raw.getMessage();
            return message == null ? null : SafeText.bounded(message, SafeMessageConverter.MAX_CHARS);
        }

        @Override
        public String getClassName() {
            return raw.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return raw.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return raw.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            IThrowableProxy cause = raw.getCause();
            return cause == null ? null : new Escaped(cause);
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = raw.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] escaped = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                escaped[i] = new Escaped(suppressed[i]);
            }
            return escaped;
        }

        @Override
        public boolean isCyclic() {
            return raw.isCyclic();
        }
    }
}
