package io.welno.console.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Logback's configuration, set up in code (found through {@code META-INF/services}): reading a {@code logback.xml}
 * took 0.29 s of the window's start-up (budget P5, docs/architecture.md), this 0.15 s. Lines go to stderr as
 * {@code 14:03:07.123 INFO  i.w.c.l.RedisSessionFeed - …}, each message escaped and bounded
 * ({@link SafeMessageConverter}), and so is each message of an exception's trace ({@link SafeThrowableConverter}); the
 * level is {@code WELNO_LOG_LEVEL} (system property or
 * environment variable, default INFO; a command's WARN unless {@code -v}, {@link #forCommand}); the Redis and HTTP clients only log warnings. java.util.logging's levels follow
 * these, as its records come here too (OkHttp's and JavaFX's, through {@code SLF4JBridgeHandler}). A configuration
 * file given with {@code -Dlogback.configurationFile} is used instead, as logback would.
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

    static final String LEVEL_VARIABLE = "WELNO_LOG_LEVEL";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %safeMsg%n%safeEx";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // messages quote outside text (ids, Redis and Tilko errors): escaped, so one event stays one line
        registerConverter(context, "safeMsg", SafeMessageConverter::new);
        // so are exception messages; naming a converter for them also keeps logback from adding its raw one
        registerConverter(context, "safeEx", SafeThrowableConverter::new);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        // a record the bridge would hand to a logger that drops it is dropped by java.util.logging before it is made
        LevelChangePropagator julLevels = new LevelChangePropagator();
        julLevels.setContext(context);
        julLevels.setResetJUL(true);
        julLevels.start();
        context.addListener(julLevels);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(System.getProperty(LEVEL_VARIABLE, System.getenv(LEVEL_VARIABLE))));
        root.addAppender(stderr);
        context.getLogger("redis.clients").setLevel(Level.WARN);
        context.getLogger("okhttp3").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    @SuppressWarnings("unchecked")
    private static void registerConverter(LoggerContext context, String word, Supplier<DynamicConverter<?>> converter) {
        Map<String, Supplier<DynamicConverter<?>>> registry =
                (Map<String, Supplier<DynamicConverter<?>>>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS);
        if (registry == null) {
            registry = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, registry);
        }
        registry.put(word, converter);
    }

    static Level level(String name) {
        return Level.toLevel(name, Level.INFO);
    }

    /**
     * The log of a command (not the window): its lines on standard output are the answer a script reads, so beside
     * them only warnings and errors, unless it was asked to say more ({@code -v}). {@code WELNO_LOG_LEVEL} and a
     * configuration file of one's own still decide when given.
     */
    public static void forCommand(boolean verbose) {
        if (System.getProperty("logback.configurationFile") != null
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(commandLevel(
                System.getProperty(LEVEL_VARIABLE, System.getenv(LEVEL_VARIABLE)), verbose));
    }

    static Level commandLevel(String variable, boolean verbose) {
        return variable != null ? level(variable) : verbose ? Level.INFO : Level.WARN;
    }
}
