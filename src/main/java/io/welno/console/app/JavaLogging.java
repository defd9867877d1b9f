package io.welno.console.app;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * OkHttp and JavaFX log through java.util.logging, whose console handler prints a message raw, and a message may quote
 * outside text (a Tilko error, a URL): their records go to the log instead, which escapes them ({@code %safeMsg}).
 * java.util.logging takes the log's levels ({@link ConsoleLogConfigurator}), so a record the log would drop is not
 * even made.
 */
public final class JavaLogging {

    private JavaLogging() {
    }

    /** Once, before anything logs: the window on its start-up thread, a command before it runs. */
    public static void install() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
