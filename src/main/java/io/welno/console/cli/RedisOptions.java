package io.welno.console.cli;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisSessionStore;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** The connection options every command that talks to Redis shares. */
final class RedisOptions {

    @Option(names = "--redis", paramLabel = "URL", defaultValue = "${env:WELNO_REDIS_URL:-" + RedisConnectionSettings.DEFAULT_URL + "}",
            description = "Redis URL: redis[s]://[user[:password]@]host[:port][/db] (default: ${DEFAULT-VALUE}; env WELNO_REDIS_URL)")
    String url;

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "Key prefix of session documents (default: the URL's prefix parameter, else tilko_session:)")
    String prefix;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Seoul",
            description = "Time zone of the backend's naive timestamps (default: ${DEFAULT-VALUE})")
    ZoneId zone;

    RedisConnectionSettings settings() {
        RedisConnectionSettings settings = RedisConnectionSettings.parse(url);
        return prefix == null ? settings : settings.withKeyPrefix(prefix);
    }

    RedisSessionStore openStore() {
        return RedisSessionStore.open(settings(), new SessionCodec(zone), new Timestamps(java.time.Clock.systemUTC(), zone));
    }
}
