package io.welno.console.cli;

import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisSessionStore;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The connection options of a command that reads or writes sessions: {@link ConnectionOptions} and their prefix. */
final class RedisOptions extends ConnectionOptions {

    RedisOptions() {
    }

    /** @param clock the clock the commands read (a test's fixed one: {@code Main.commandLine(Clock)}) */
    RedisOptions(Clock clock) {
        super(clock);
    }

    @Option(names = "--redis", paramLabel = "URL", converter = Inputs.RedisUrl.class,
            defaultValue = "${" + URL_DEFAULT + "}",
            description = URL_FORM + "prefix=…&" + URL_PARAMETERS + " " + URL_DEFAULT_SAID)
    void url(RedisConnectionSettings url) {
        this.url = url;
    }

    @Option(names = "--prefix", paramLabel = "PREFIX", converter = Inputs.KeyPrefix.class,
            description = "Key prefix of session documents (default: the URL's prefix parameter, else tilko_session:)")
    String prefix;

    @Override
    RedisConnectionSettings settings() {
        return prefix == null ? url : url.withKeyPrefix(prefix);
    }

    RedisSessionStore openStore() {
        return RedisSessionStore.open(settings(), new SessionCodec(zone), timestamps());
    }
}
