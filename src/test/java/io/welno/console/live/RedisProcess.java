package io.welno.console.live;

import io.welno.console.demo.CachedRedisBinary;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A redis-server process the test controls fully, where {@code EmbeddedRedis} cannot: a chosen port (to restart on
 * the same address), a data directory that outlives it (to restart with different data), sentinel mode, and a
 * SIGKILL. Same binary choice as EmbeddedRedis: {@code redis-server} on PATH, else embedded-redis's. Loopback only.
 */
final class RedisProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dir;

    private RedisProcess(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    static File executable() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                File candidate = new File(entry, "redis-server");
                if (candidate.isFile() && candidate.canExecute()) {
                    return candidate;
                }
            }
        }
        try {
            return CachedRedisBinary.inDefaultPlace().get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data server with persistence off unless the settings say otherwise. */
    static RedisProcess start(int port, Path dir, List<String> settings) {
        List<String> conf = new ArrayList<>(List.of("save \"\"", "appendonly no",
                "notify-keyspace-events K$gx"));
        conf.addAll(settings);
        return launch(port, dir, conf, false);
    }

    /** A sentinel (the same binary with --sentinel). */
    static RedisProcess startSentinel(int port, Path dir, List<String> settings) {
        return launch(port, dir, settings, true);
    }

    private static RedisProcess launch(int port, Path dir, List<String> settings, boolean sentinel) {
        if (port == 6379) {
            throw new IllegalArgumentException("6379 belongs to the developer's own Redis");
        }
        try {
            Files.createDirectories(dir);
            List<String> lines = new ArrayList<>(List.of("port " + port, "bind 127.0.0.1", "dir " + dir,
                    "daemonize no"));
            lines.addAll(settings);
            Path conf = dir.resolve((sentinel ? "sentinel-" : "redis-") + port + ".conf");
            Files.write(conf, lines, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(executable().getAbsolutePath(), conf.toString()));
            if (sentinel) {
                command.add("--sentinel");
            }
            Path log = dir.resolve((sentinel ? "sentinel-" : "redis-") + port + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            RedisProcess started = new RedisProcess(process, port, dir);
            started.awaitPing(log);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPing(Path log) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited: "
                        + Files.readString(log));
            }
            try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port),
                    DefaultJedisClientConfig.builder().serverDefaultProtocol().timeoutMillis(500).build())) {
                jedis.ping();
                return;
            } catch (RuntimeException e) {
                last = e;
                // Polling a TCP port until the server listens: there is no event to wait on.
                try {
                    process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING", last);
    }

    int port() {
        return port;
    }

    Path dir() {
        return dir;
    }

    HostAndPort address() {
        return new HostAndPort("127.0.0.1", port);
    }

    String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    /** SIGKILL, as a crash: no shutdown save, sockets reset. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
