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
 * the prefix, so it takes these alone and offers no option it would ignore.
 */
class ConnectionOptions {

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

    @Option(names = "--redis", paramLabel = "URL", converter = Inputs.RedisUrl.class,
            defaultValue = "${env:WELNO_REDIS_URL:-" + RedisConnectionSettings.DEFAULT_URL + "}",
            description = "Redis URL: redis[s]://[user[:password]@]host[:port][/db][?prefix=…&connectTimeout=ms"
                    + "&socketTimeout=ms&ca=file&verify=full|ca|insecure] (default: env WELNO_REDIS_URL, else "
                    + RedisConnectionSettings.DEFAULT_URL + ")")
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
