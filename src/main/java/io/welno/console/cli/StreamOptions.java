package io.welno.console.cli;

import io.welno.console.store.RedisConnectionSettings;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * The connection options of a command that reads only a stream of its own, outside the sessions' prefix
 * ({@code audit}): its {@code --redis} lists no {@code prefix=}, which {@code AuditCommand} refuses in the URL given.
 */
final class StreamOptions extends ConnectionOptions {

    StreamOptions() {
    }

    /** @param clock the clock the commands read (a test's fixed one: {@code Main.commandLine(Clock)}) */
    StreamOptions(Clock clock) {
        super(clock);
    }

    @Option(names = "--redis", paramLabel = "URL", converter = Inputs.RedisUrl.class,
            defaultValue = "${" + URL_DEFAULT + "}",
            description = URL_FORM + URL_PARAMETERS + " " + URL_DEFAULT_SAID + "; no prefix=: the stream is a key of "
                    + "its own, not under the sessions' prefix (refused here; WELNO_REDIS_URL's is ignored)")
    void url(RedisConnectionSettings url) {
        this.url = url;
    }
}
