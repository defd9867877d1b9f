package io.welno.console.demo;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import io.welno.console.tilko.TilkoConfig;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * The embedded default (docs/architecture.md, "The demo"): a real Redis on a free loopback port with notifications
 * on, the Tilko simulator, and backend-like traffic. Closing it stops everything it started.
 */
public final class DemoEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);
    /** The simulator accepts any key; this one only marks demo traffic. */
    public static final String DEMO_TILKO_KEY = "demo-api-key";

    private final EmbeddedRedis redis;
    private final TilkoSimulator tilko;
    private final RedisClient client;
    private final ScheduledExecutorService trafficThreads;
    private final BackendTrafficGenerator traffic;

    private DemoEnvironment(EmbeddedRedis redis, TilkoSimulator tilko, RedisClient client,
                            ScheduledExecutorService trafficThreads, BackendTrafficGenerator traffic) {
        this.redis = redis;
        this.tilko = tilko;
        this.client = client;
        this.trafficThreads = trafficThreads;
        this.traffic = traffic;
    }

    /**
     * @param seedSessions   sessions written at once, spread over every stage
     * @param sessionsPerMinute new sessions a minute afterwards (0 = no live traffic)
     */
    public static DemoEnvironment start(int seedSessions, int sessionsPerMinute, Timestamps timestamps) {
        EmbeddedRedis redis;
        try {
            redis = EmbeddedRedis.start();
        } catch (UncheckedIOException e) {
            // said as the demo's own trouble: shown as a Redis error it read "Redis answered with an error"
            throw new PhrasedException(RedisStartFailure.of(e), e);
        }
        TilkoSimulator tilko = null;
        try {
            tilko = TilkoSimulator.start(SimulatorOptions.builder().port(0)
                    .approvalDelay(Duration.ofSeconds(6)).build());
            RedisClient client = RedisClient.create(redis.host(), redis.port());
            ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "demo-traffic");
                thread.setDaemon(true);
                return thread;
            });
            BackendTrafficGenerator traffic = new BackendTrafficGenerator(client,
                    RedisConnectionSettings.DEFAULT_PREFIX, new SessionCodec(timestamps.zone()), timestamps, threads,
                    System.nanoTime());
            tilko.onAuthRequested(request -> traffic.authRequested(request.cxId(), request.phoneDigits()));
            traffic.seed(seedSessions);
            if (sessionsPerMinute > 0) {
                traffic.start(sessionsPerMinute);
            }
            LOG.info("Demo running: Redis {} ({}), Tilko simulator {}", redis.url(), redis.executable(), tilko.baseUrl());
            return new DemoEnvironment(redis, tilko, client, threads, traffic);
        } catch (IOException | RuntimeException e) {
            if (tilko != null) {
                tilko.close();
            }
            redis.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public RedisConnectionSettings redisSettings() {
        return RedisConnectionSettings.parse(redis.url());
    }

    public TilkoConfig tilkoConfig() {
        return TilkoConfig.builder().baseUrl(tilko.baseUrl()).apiKey(DEMO_TILKO_KEY).build();
    }

    public TilkoSimulator tilko() {
        return tilko;
    }

    public EmbeddedRedis redis() {
        return redis;
    }

    public BackendTrafficGenerator traffic() {
        return traffic;
    }

    @Override
    public void close() {
        traffic.close();
        trafficThreads.shutdownNow();
        try {
            trafficThreads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
        tilko.close();
        redis.close();
        LOG.info("Demo stopped");
    }
}
