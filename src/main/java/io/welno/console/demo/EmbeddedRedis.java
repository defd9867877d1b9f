package io.welno.console.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis server on a free loopback port: {@code redis-server} from PATH when present (a current
 * version), otherwise the binary shipped inside embedded-redis, copied once into the user's cache
 * ({@link CachedRedisBinary}). Keyspace notifications are on and
 * persistence is off, so nothing is left on disk. Never uses 6379, where a developer's own Redis lives. A server
 * whose console was killed before it could stop it is stopped by the next start ({@link RedisOwners}).
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final int START_ATTEMPTS = 5;

    private final RedisServer server;
    private final int port;
    private final String executable;
    private final Thread shutdownHook;
    private final RedisOwners owners;
    /** The server's process, as it told it; empty if it did not answer (then {@link #kill()} can only stop it). */
    private final Optional<ProcessHandle> process;

    private EmbeddedRedis(RedisServer server, int port, String executable, RedisOwners owners,
                          Optional<ProcessHandle> process) {
        this.server = server;
        this.port = port;
        this.executable = executable;
        this.owners = owners;
        this.process = process;
        // A JVM that exits without close() would otherwise leave redis-server running.
        this.shutdownHook = new Thread(this::stopQuietly, "embedded-redis-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static EmbeddedRedis start() {
        return start(List.of());
    }

    /** @param extraSettings redis.conf lines, e.g. {@code "maxmemory 2gb"} */
    public static EmbeddedRedis start(List<String> extraSettings) {
        return start(0, extraSettings);
    }

    /**
     * A server on the given loopback port, e.g. to restart one on the address its clients know after {@link #kill()}
     * (give it a {@code dir} and persistence settings to keep its data); 0 = a free port, retried on a clash.
     */
    public static EmbeddedRedis start(int fixedPort, List<String> extraSettings) {
        if (fixedPort == 6379) {
            throw new IllegalArgumentException("6379 belongs to the developer's own Redis");
        }
        // a server whose console was killed (no close, no shutdown hook) is stopped now, by the next console
        RedisOwners owners = RedisOwners.inDefaultPlace();
        owners.stopOrphans();
        IOException last = null;
        for (int attempt = 1; attempt <= (fixedPort == 0 ? START_ATTEMPTS : 1); attempt++) {
            int port = fixedPort == 0 ? freePort() : fixedPort;
            ExecutableChoice choice = chooseExecutable();
            try {
                var builder = RedisServer.newRedisServer()
                        .executableProvider(choice.provider())
                        .bind("127.0.0.1")
                        .port(port)
                        .setting("notify-keyspace-events K$gx")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        // embedded-redis does not wait for a force-stopped process; SIGTERM + wait is exact.
                        .onShutdownForceStop(false);
                extraSettings.forEach(builder::setting);
                RedisServer server = builder.build();
                server.start();
                LOG.info("Started Redis ({}) on 127.0.0.1:{}", choice.description(), port);
                Optional<ProcessHandle> process = RedisOwners.serverProcess("127.0.0.1", port);
                process.ifPresent(p -> owners.record(port, p));
                return new EmbeddedRedis(server, port, choice.description(), owners, process);
            } catch (IOException e) {
                // The free-port probe races with other processes; another port usually works.
                last = e;
                LOG.debug("Redis did not start on port {} (attempt {}): {}", port, attempt, e.getMessage());
            }
        }
        throw new UncheckedIOException("Could not start an embedded Redis server", last);
    }

    public int port() {
        return port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** Which binary runs: the PATH one or the embedded one. */
    public String executable() {
        return executable;
    }

    public boolean isActive() {
        return server.isActive();
    }

    /** Kills the server with SIGKILL, as a crash would, and waits until it is gone; for reliability tests. */
    public void kill() {
        process.ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
        stopQuietly();
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or ran; nothing to remove.
        }
    }

    private void stopQuietly() {
        try {
            if (server.isActive()) {
                server.stop();
            }
            owners.forget(port);
        } catch (IOException e) {
            LOG.warn("Stopping Redis on port {} failed: {}", port, e.getMessage());
        }
    }

    private record ExecutableChoice(ExecutableProvider provider, String description) {
    }

    private static ExecutableChoice chooseExecutable() {
        Optional<File> onPath = findOnPath("redis-server");
        if (onPath.isPresent()) {
            File file = onPath.get();
            return new ExecutableChoice(() -> file, file.getAbsolutePath());
        }
        return new ExecutableChoice(CachedRedisBinary.inDefaultPlace(), "embedded-redis binary");
    }

    static Optional<File> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, windows ? name + ".exe" : name);
            if (candidate.isFile() && candidate.canExecute()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A loopback port nobody listens on right now (never 6379). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            int port = socket.getLocalPort();
            return port == 6379 ? freePort() : port;
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
