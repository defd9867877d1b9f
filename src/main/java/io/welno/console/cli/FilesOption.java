package io.welno.console.cli;

import io.welno.console.store.FallbackSessionStore;
import io.welno.console.store.FileSessionStore;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.store.RetryPolicy;
import io.welno.console.store.SessionStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --files DIR}: the backend's fallback directory beside Redis (docs/flow.md, "File fallback"). Without it a
 * command works on Redis alone, exactly as before.
 */
final class FilesOption {

    @Option(names = "--files", paramLabel = "DIR", converter = Inputs.FilesDirectory.class,
            description = "The backend's fallback folder (its data/tilko_sessions, mounted or copied): sessions only "
                    + "there are included and marked, a file that differs from Redis is marked diverged, and an action "
                    + "on a file-only session writes its file")
    Path directory;

    boolean given() {
        return directory != null;
    }

    /** {@code redis} alone without {@code --files}; with it, Redis and the folder. Closing the result closes both. */
    SessionStore around(RedisSessionStore redis, RedisOptions options) {
        return directory == null ? redis : new FallbackSessionStore(redis, folder(redis, options));
    }

    /** The folder as a store; only with {@code --files}. */
    FileSessionStore folder(RedisSessionStore redis, RedisOptions options) {
        return new FileSessionStore(directory, redis.codec(), options.timestamps(),
                RetryPolicy.DEFAULT);
    }
}
