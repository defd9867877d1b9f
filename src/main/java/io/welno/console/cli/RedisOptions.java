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
