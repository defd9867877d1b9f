package io.welno.console.cli;

import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.StoreFailure;
import io.welno.console.text.SafeText;
import io.welno.console.view.Wording;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * What every command does when it cannot do its work, so no command needs a try/catch of its own: bad input
 * (an option, an argument, a URL) is one line naming the bad part and the accepted form, exit 2; Redis out of
 * reach is one line with the redacted address and the cause, exit 4, the same for every command; anything
 * else is one line, exit 1. Stack traces go to the log at DEBUG only ({@code WELNO_LOG_LEVEL=DEBUG}). Every
 * line is escaped and bounded: the input or an error may carry control characters.
 */
final class CommandFailures implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandFailures.class);
    /** Redis answered, but this server will not do it: not "cannot reach Redis", and exit 1 as an action's. */
    private static final Set<StoreFailure.Cause> REACHED_BUT_REFUSED = EnumSet.of(StoreFailure.Cause.OTHER_NODE,
            StoreFailure.Cause.READ_ONLY, StoreFailure.Cause.OUT_OF_MEMORY, StoreFailure.Cause.DISK_ERROR);
    /**
     * Redis was reached, but will not serve this user now, or did not answer in time on a connection it had accepted
     * (exit 4 all the same): "cannot reach" would send the reader to the network when the fix is the user's rights,
     * its password, the server's state or its load.
     */
    private static final Set<StoreFailure.Cause> REACHED_BUT_UNUSABLE = EnumSet.of(
            StoreFailure.Cause.PERMISSION_DENIED, StoreFailure.Cause.KEY_PERMISSION_DENIED,
            StoreFailure.Cause.AUTH_FAILED, StoreFailure.Cause.UNAVAILABLE, StoreFailure.Cause.TIMEOUT,
            StoreFailure.Cause.POOL_EXHAUSTED);

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        LOG.debug("Bad input", e);
        String said = SafeText.bounded(e.getMessage(), SafeText.TEXT);
        String help = "'" + command.getCommandSpec().qualifiedName() + " --help'";
        // a sentence that ended gets a sentence of its own, not "… why. (see …)"
        print(command.getErr(), said.endsWith(".") ? said + " See " + help + "." : said + " (see " + help + ")");
        return ExitCode.REFUSED.code();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        LOG.debug("{} failed", command.getCommandName(), e);
        PrintWriter err = command.getErr();
        if (e instanceof IllegalArgumentException bad) {
            print(err, SafeText.bounded(Wording.cli().said(bad), SafeText.TEXT));
            return ExitCode.REFUSED.code();
        }
        StoreFailure failure = StoreFailure.of(e);
        if (REACHED_BUT_REFUSED.contains(failure.cause()) || failure.cause() == StoreFailure.Cause.SERVER_ERROR
                && answered(e)) {
            // Reached, but it refused (the wrong server for this, or an error reply of its own): exit 1, as an action
            // says it (README, "Command line").
            print(err, "Redis" + where(command) + ": " + Wording.cli().clause(failure.phrase()));
            return ExitCode.FAILED.code();
        }
        if (failure.cause() == StoreFailure.Cause.FILE_FAILED) {
            // The backend's fallback folder, not Redis: saying "Cannot reach Redis" would send the reader to the
            // wrong server. Unusable all the same: exit 4.
            print(err, "Cannot use the fallback folder: " + SafeText.bounded(withFix(e, failure, command),
                    SafeText.TEXT));
            return ExitCode.UNAVAILABLE.code();
        }
        if (isRedisFailure(e)) {
            String cannot = REACHED_BUT_UNUSABLE.contains(failure.cause()) ? "Cannot use Redis" : "Cannot reach Redis";
            print(err, cannot + where(command) + ": " + SafeText.bounded(withFix(e, failure, command),
                    SafeText.TEXT));
            return ExitCode.UNAVAILABLE.code();
        }
        print(err, "Unexpected error: " + SafeText.bounded(Wording.cli().clause(StoreFailure.describe(e)),
                SafeText.TEXT) + " (WELNO_LOG_LEVEL=DEBUG shows the details)");
        return ExitCode.FAILED.code();
    }

    /**
     * The cause in the words the connection dialog uses, with its fix, so the command line and the window advise the
     * same; embedded in the line's sentence as the dialog embeds it ("…: the Redis user …"), not capitalised. An error
     * of no known cause gets none: any advice would be a guess. Nor does a refusal by the ACL on the audit stream
     * ({@code audit}): its words name the stream and say what to ask for, where the connection's fix would ask for
     * the sessions' keys, which the user may well have.
     */
    private static String withFix(Exception e, StoreFailure failure, CommandLine command) {
        if (failure.cause() == StoreFailure.Cause.SERVER_ERROR || failure.stream() != null && failure.refusedByAcl()) {
            return Wording.cli().clause(StoreFailure.describe(e));
        }
        String said = Wording.cli().clause(StoreFailure.describeBeforeFix(e)); // the advice once: the fix's
        return said + (said.endsWith(".") ? " " : ". ") + Wording.cli().render(failure.fix(keyPrefix(command)));
    }

    /** Redis's own error reply anywhere in the chain (WRONGTYPE, say): Redis was reached, and refused. */
    private static boolean answered(Throwable e) {
        return inChain(e, cause -> cause instanceof JedisDataException);
    }

    /** A Redis client error or an I/O failure anywhere in the chain: the server is out of reach for us. */
    static boolean isRedisFailure(Throwable e) {
        return inChain(e, cause -> cause instanceof JedisException || cause instanceof IOException);
    }

    private static boolean inChain(Throwable e, Predicate<Throwable> test) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    /** " at redis://…" when the command has a Redis connection (its password redacted). */
    private static String where(CommandLine command) {
        Object options = command.getMixins().get("redis");
        if (options instanceof ConnectionOptions redis) {
            try {
                return " at " + SafeText.bounded(redis.settings().redactedUrl(), SafeText.FIELD);
            } catch (RuntimeException e) {
                return "";
            }
        }
        return "";
    }

    private static String keyPrefix(CommandLine command) {
        if (command.getMixins().get("redis") instanceof ConnectionOptions redis) {
            try {
                return redis.settings().keyPrefix();
            } catch (RuntimeException e) {
                return RedisConnectionSettings.DEFAULT_PREFIX;
            }
        }
        return RedisConnectionSettings.DEFAULT_PREFIX;
    }

    private static void print(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }
}
