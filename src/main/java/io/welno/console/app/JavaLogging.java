package io.welno.console.app;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * OkHttp and JavaFX log through java.util.logging, whose console handler prints a message raw, and a message may quote
 * outside text (a Tilko error, a URL): their records go to the log instead, which escapes them ({@code %safeMsg}).
 * java.util.logging takes the log's levels ({@link ConsoleLogConfigurator}), so a record the log would drop is not
 * even made.
 */
public final class JavaLogging {

    static final String CONFIG_CLASS = "java.util.logging.config.class";
    static final String CONFIG_FILE = "java.util.logging.config.file";
    /**
     * JavaFX's warning at every start of the one-file jar ({@code java -jar}), which carries JavaFX on the class path
     * on purpose (the app image has it as modules of its runtime, packaging/README.md): a line on the terminal that a
     * user can do nothing about.
     */
    static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    private JavaLogging() {
    }

    /** Once, before anything logs: the window on its start-up thread, a command before it runs. */
    public static void install() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        JavaFxLogger.LOGGER.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith(CLASS_PATH_WARNING));
    }

    /**
     * JavaFX's logger, held here because java.util.logging keeps loggers weakly (a collected one would lose the
     * filter); in a class of its own so that loading {@link JavaLogging} does not start java.util.logging before
     * {@link #installOnFirstUse} has named its configuration.
     */
    private static final class JavaFxLogger {
        static final java.util.logging.Logger LOGGER = java.util.logging.Logger.getLogger("javafx");
    }

    /**
     * Makes java.util.logging start with the bridge and no console handler, on whichever thread first uses it: the
     * window's start-up thread installs the bridge while the toolkit starts, and JavaFX may log before it (its
     * launcher warns of an unsupported configuration at once). Costs a system property, not java.util.logging's
     * start-up on the launching thread. A configuration the user named is left to take effect as before; the start-up
     * thread's {@link #install} still replaces its handlers.
     */
    public static void installOnFirstUse() {
        if (System.getProperty(CONFIG_CLASS) == null && System.getProperty(CONFIG_FILE) == null) {
            System.setProperty(CONFIG_CLASS, Configuration.class.getName());
        }
    }

    /**
     * java.util.logging's configuration class ({@value #CONFIG_CLASS}), made by its log manager as it starts: the
     * bridge is its one handler from the first record on. Public, with a public constructor, for the log manager.
     */
    public static final class Configuration {

        public Configuration() {
            install();
        }
    }
}
