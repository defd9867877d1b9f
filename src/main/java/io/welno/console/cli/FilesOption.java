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
 * command works on Redis alone, exactly as before. Each kind of command says in its help what it does with the
 * folder: {@code list}, {@code show} and {@code watch} only read it ({@link ForList}, {@link ForShow},
 * {@link ForWatch}), an action writes a file-only session's file ({@link ForActions}). A subclass per help text,
 * since an annotation takes only constants: picocli's other way, one option with a {@code descriptionKey} looked up
 * in a resource bundle by the command's qualified name, would take the texts out of the code, and each root that
 * runs a command ({@link Main} and its one-command root) would need the bundle, or the option would fall back to
 * a default text without a word.
 */
abstract class FilesOption {

    private static final String FOLDER = "The backend's fallback folder (its data/tilko_sessions, mounted or copied), "
            + "read beside Redis: ";

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

    static final class ForList extends FilesOption {
        @Option(names = "--files", paramLabel = "DIR", converter = Inputs.FilesDirectory.class,
                description = FOLDER + "sessions only there are listed too (file_only), and one whose file differs "
                        + "from Redis is marked diverged; nothing is written to it")
        void directory(Path directory) {
            this.directory = directory;
        }
    }

    static final class ForShow extends FilesOption {
        @Option(names = "--files", paramLabel = "DIR", converter = Inputs.FilesDirectory.class,
                description = FOLDER + "a session only there is shown from its file, and one whose file differs from "
                        + "Redis is shown with each differing field; nothing is written to it")
        void directory(Path directory) {
            this.directory = directory;
        }
    }

    static final class ForWatch extends FilesOption {
        @Option(names = "--files", paramLabel = "DIR", converter = Inputs.FilesDirectory.class,
                description = FOLDER + "looked at as often as --poll-interval, sessions only there are printed as "
                        + "changes too, and a 'place' line says when a session's place (file_only, both_equal, "
                        + "diverged) changes; nothing is written to it")
        void directory(Path directory) {
            this.directory = directory;
        }
    }

    static final class ForActions extends FilesOption {
        @Option(names = "--files", paramLabel = "DIR", converter = Inputs.FilesDirectory.class,
                description = FOLDER + "a session only there is acted on in its file (locked, compare-and-set, with "
                        + "the same guards, audit and hold as in Redis)")
        void directory(Path directory) {
            this.directory = directory;
        }
    }
}
