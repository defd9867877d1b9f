package io.welno.console.cli;

import org.slf4j.LoggerFactory;

/**
 * An exception no code caught — in an event handler of the window or on a stray thread — goes to the log like every
 * other error: the JVM's own handler prints the trace to stderr raw, and its messages may quote outside text. The log
 * escapes them ({@code %safeEx}).
 */
final class UncaughtExceptions {

    private UncaughtExceptions() {
    }

    static void install() {
        Thread.setDefaultUncaughtExceptionHandler(UncaughtExceptions::log);
    }

    static void log(Thread thread, Throwable error) {
        // the logger is looked up only now: starting the window or a command costs nothing for it
        LoggerFactory.getLogger(UncaughtExceptions.class).error("Uncaught exception in thread {}", thread.getName(),
                error);
    }
}
