package io.welno.console.fault;

import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.store.RedisConnectionSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real Redis on a fixed loopback port that can be SIGKILLed and restarted on the same address with its data:
 * the append-only file is fsynced on every write ({@code appendfsync always}), so every acknowledged write survives
 * the kill, exactly as a durable production server would come back.
 */
final class FaultRedis implements AutoCloseable {

    private final int port;
    private final List<String> settings;
    private EmbeddedRedis server;

    private FaultRedis(int port, List<String> settings) {
        this.port = port;
        this.settings = settings;
        this.server = EmbeddedRedis.start(port, settings);
    }

    /** @param dir where the append-only file lives (a test's temp dir) */
    static FaultRedis start(Path dir, String... extraSettings) {
        List<String> settings = new ArrayList<>(List.of("dir " + dir.toAbsolutePath(), "appendonly yes",
                "appendfsync always"));
        settings.addAll(List.of(extraSettings));
        return new FaultRedis(EmbeddedRedis.freePort(), settings);
    }

    /** SIGKILL: no shutdown, sockets reset; returns once the process is gone. */
    void kill() {
        server.kill();
        server.close();
    }

    /** Starts the server again on the same port; it loads what was written before the kill. */
    void restart() {
        server = EmbeddedRedis.start(port, settings);
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    RedisConnectionSettings settings() {
        return RedisConnectionSettings.parse(url());
    }

    /** Settings with short timeouts, e.g. {@code "socketTimeout=300"}. */
    RedisConnectionSettings settings(String query) {
        return RedisConnectionSettings.parse(url() + "?" + query);
    }

    /** A fresh single connection (RESP2) for arranging and inspecting data; the caller closes it. */
    Jedis admin() {
        return admin(10_000);
    }

    /** As {@link #admin()}, waiting up to {@code timeoutMillis} for each reply (a DEBUG SLEEP's outlasts its sleep). */
    Jedis admin(int timeoutMillis) {
        return new Jedis(new HostAndPort("127.0.0.1", port),
                DefaultJedisClientConfig.builder().serverDefaultProtocol().timeoutMillis(timeoutMillis).build());
    }

    @Override
    public void close() {
        server.close();
    }
}
