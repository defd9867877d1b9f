package io.welno.console.demo;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * The {@code redis-server} that embedded-redis carries, copied once into a cache directory and used by every later
 * start. embedded-redis's own provider copies its binary (9 MB on Linux) into a new temporary directory at every start
 * and deletes it only when the JVM exits normally, so each killed console, demo or test JVM left one behind.
 *
 * <p>The copy is written under a temporary name in the same directory and renamed into place, so a start never runs
 * a half-written file, and starts in several JVMs at once each either find the finished file or put an identical one
 * there. The file name carries the binary's version, so a newer embedded-redis brings its own.
 */
public final class CachedRedisBinary implements ExecutableProvider {

    private static final Logger LOG = LoggerFactory.getLogger(CachedRedisBinary.class);

    /** Overrides the cache directory (the build points its tests at {@code target/}). */
    public static final String DIRECTORY_PROPERTY = "welno.redis.binaryCache";

    private final Path directory;

    public CachedRedisBinary(Path directory) {
        this.directory = directory;
    }

    /** In {@link #DIRECTORY_PROPERTY} when it is set, else in the user's cache directory ({@link #userCache}). */
    public static CachedRedisBinary inDefaultPlace() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        return new CachedRedisBinary(configured != null && !configured.isBlank() ? Path.of(configured)
                : userCache().resolve("redis"));
    }

    /**
     * %LOCALAPPDATA%\WELNO Console, ~/Library/Caches/WELNO Console, or $XDG_CACHE_HOME/welno-console (~/.cache), where
     * the Linux launcher keeps its class-data archives too.
     */
    static Path userCache() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        String localAppData = System.getenv("LOCALAPPDATA");
        if (os.contains("win") && localAppData != null && !localAppData.isBlank()) {
            return Path.of(localAppData, "WELNO Console");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Caches", "WELNO Console");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("welno-console");
    }

    public Path directory() {
        return directory;
    }

    /**
     * The cached copy, made first when it is not there; when the cache directory cannot be written (a read-only home,
     * say), embedded-redis's own temporary copy, as before there was a cache: the demo starts all the same.
     */
    @Override
    public File get() throws IOException {
        try {
            return cached();
        } catch (IOException unwritable) {
            LOG.warn("Cannot keep the embedded Redis server in {} ({}); using a temporary copy", directory,
                    unwritable.toString());
            return ExecutableProvider.newJarResourceProvider().get();
        }
    }

    private File cached() throws IOException {
        OsArchitecture platform = OsArchitecture.detectOSandArchitecture();
        String resource = ExecutableProvider.newProvidedVersionsMap().get(platform);
        if (resource == null) {
            throw new FileNotFoundException("embedded-redis has no redis-server for " + platform.os + " "
                    + platform.arch + "; put redis-server on PATH");
        }
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        Path target = directory.resolve(name);
        if (usable(target)) {
            return target.toFile();
        }
        Files.createDirectories(directory);
        Path part = Files.createTempFile(directory, name + ".", ".part");
        try {
            try (InputStream in = RedisServer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new FileNotFoundException("embedded-redis lacks its own " + resource);
                }
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!part.toFile().setExecutable(true)) {
                throw new IOException("Cannot make " + part + " executable");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Another JVM may have put the same file in place first (Windows refuses to replace a running program).
            if (!usable(target)) {
                throw e;
            }
        } finally {
            Files.deleteIfExists(part);
        }
        return target.toFile();
    }

    private static boolean usable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
