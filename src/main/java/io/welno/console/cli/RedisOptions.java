package io.welno.console.cli;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisSessionStore;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** The connection options every command that talks to Redis shares; each is checked while it is parsed. */
final class RedisOptions {

    @Option(names = "--redis", paramLabel = "URL", converter = Inputs.RedisUrl.class,
            defaultValue = "${env:WELNO_REDIS_URL:-" + RedisConnectionSettings.DEFAULT_URL + "}",
            description = "Redis URL: redis[s]://[user[:password]@]host[:port][/db][?prefix=…&connectTimeout=ms"
                    + "&socketTimeout=ms&ca=file&verify=full|ca|insecure] (default: env WELNO_REDIS_URL, else "
                    + RedisConnectionSettings.DEFAULT_URL + ")")
    RedisConnectionSettings url;

    @Option(names = "--prefix", paramLabel = "PREFIX", converter = Inputs.KeyPrefix.class,
            description = "Key prefix of session documents (default: the URL's prefix parameter, else tilko_session:)")
    String prefix;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Seoul", converter = Inputs.Zone.class,
            description = "Time zone of the backend's naive timestamps (default: ${DEFAULT-VALUE})")
    ZoneId zone;

    RedisConnectionSettings settings() {
        return prefix == null ? url : url.withKeyPrefix(prefix);
    }

    RedisSessionStore openStore() {
        return RedisSessionStore.open(settings(), new SessionCodec(zone), new Timestamps(java.time.Clock.systemUTC(), zone));
    }
}
