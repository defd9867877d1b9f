package io.welno.console.cli;

import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisConnectionSettings;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/**
 * The connection options of every command that talks to Redis, each checked while it is parsed, and the one clock
 * every command reads ({@link #now}, {@link #timestamps}). A command that reads the sessions' keys takes
 * {@link RedisOptions}, which adds {@code --prefix}; {@code audit} reads only its stream, a key of its own outside
 * the prefix, so it takes {@link StreamOptions}, which offer no option it would ignore. Each declares {@code --redis}
 * itself, so that its help lists only the URL parameters that command takes.
 */
abstract class ConnectionOptions {

    /** The start of every {@code --redis} description: the URL's form up to its parameters. */
    static final String URL_FORM = "Redis URL: redis[s]://[user[:password]@]host[:port][/db][?";
    /** The URL parameters every command takes. */
    static final String URL_PARAMETERS = "connectTimeout=ms&socketTimeout=ms&ca=file&verify=full|ca|insecure]";
    static final String URL_DEFAULT = "env:WELNO_REDIS_URL:-" + RedisConnectionSettings.DEFAULT_URL;
    static final String URL_DEFAULT_SAID = "(default: env WELNO_REDIS_URL, else " + RedisConnectionSettings.DEFAULT_URL
            + ")";

    /**
     * The wall clock read in microseconds, as the guards read it ({@code Timestamps.nowLocal}) and the backend writes
     * and compares its naive timestamps: read in nanoseconds, {@code list}, {@code show} and {@code watch} called a
     * session expired up to a microsecond before the guards and the backend did.
     */
    final Clock clock;

    ConnectionOptions() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock the commands read (a test's fixed one: {@code Main.commandLine(Clock)}) */
    ConnectionOptions(Clock clock) {
        this.clock = Timestamps.inMicroseconds(clock);
    }

    /** Set by the subclass's {@code --redis} option. */
    RedisConnectionSettings url;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Seoul", converter = Inputs.Zone.class,
            description = "Time zone of the backend's naive timestamps (default: ${DEFAULT-VALUE})")
    ZoneId zone;

    RedisConnectionSettings settings() {
        return url;
    }

    Timestamps timestamps() {
        return new Timestamps(clock, zone);
    }

    /** The backend's wall-clock time now, in which its naive expires_at is compared: the guards' {@code now}. */
    LocalDateTime now() {
        return timestamps().nowLocal();
    }
}
