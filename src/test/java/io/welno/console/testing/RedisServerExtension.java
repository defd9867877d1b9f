package io.welno.console.testing;

import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.store.RedisConnectionSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Starts a real Redis on a free loopback port for a test class (redis-server from PATH, else the
 * embedded-redis binary), with {@code notify-keyspace-events K$gx} and no persistence; empties it
 * before each test; stops it afterwards. Register it as a static field with {@code @RegisterExtension}.
 */
public final class RedisServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final boolean flushBeforeEach;
    private final String password;
    private EmbeddedRedis server;
    private RedisClient client;

    public RedisServerExtension() {
        this(true);
    }

    /**
     * @param flushBeforeEach false for tests whose own set-up (e.g. TestFX's {@code @Start}, which runs before
     *                        this extension's beforeEach) seeds the data; they call {@link #flush()} themselves
     */
    public RedisServerExtension(boolean flushBeforeEach) {
        this(flushBeforeEach, null);
    }

    private RedisServerExtension(boolean flushBeforeEach, String password) {
        this.flushBeforeEach = flushBeforeEach;
        this.password = password;
    }

    /**
     * A server that asks for {@code password} ({@code requirepass}), as a production Redis does; {@link #url()}
     * carries no password, so the code under test must be given it. {@link #client()} is authenticated.
     */
    public static RedisServerExtension withPassword(String password) {
        return new RedisServerExtension(true, password);
    }

    public void flush() {
        client.flushAll();
    }

    /**
     * Every readable fixture at {@code tilko_session:{its id}} with the backend's 30-minute TTL, and every
     * malformed one at {@code tilko_session:bad_NN} (no TTL), as the UI and command-line tests expect them.
     */
    public void seedFixtures() {
        seed(false);
    }

    /** The fixtures as if the backend had just written them ({@link Fixtures#live}): none has expired for it. */
    public void seedLiveFixtures() {
        seed(true);
    }

    private void seed(boolean live) {
        for (String fixture : Fixtures.readable()) {
            client.set("tilko_session:" + Fixtures.id(fixture), live ? Fixtures.live(fixture) : Fixtures.text(fixture),
                    SetParams.setParams().ex(1800));
        }
        for (String fixture : Fixtures.MALFORMED) {
            client.set("tilko_session:bad_" + fixture.substring(0, 2), Fixtures.text(fixture));
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = password == null ? EmbeddedRedis.start()
                : EmbeddedRedis.start(java.util.List.of("requirepass " + password));
        client = password == null ? RedisClient.create(server.host(), server.port())
                : RedisClient.builder().hostAndPort(new redis.clients.jedis.HostAndPort(server.host(), server.port()))
                        .clientConfig(redis.clients.jedis.DefaultJedisClientConfig.builder().password(password).build())
                        .build();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (flushBeforeEach) {
            client.flushAll();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    public RedisConnectionSettings settings() {
        return RedisConnectionSettings.parse(url());
    }

    /** A client for arranging and inspecting data directly, bypassing the code under test. */
    public RedisClient client() {
        return client;
    }

    public EmbeddedRedis server() {
        return server;
    }
}
