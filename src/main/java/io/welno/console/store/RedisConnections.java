package io.welno.console.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Locale;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;

/**
 * Builds Jedis clients from {@link RedisConnectionSettings}: one pooled {@link RedisClient} for commands,
 * and dedicated {@link Jedis} connections for subscriptions (a subscribed connection must never go back
 * to a pool, redis-java-notes §1.7).
 */
public final class RedisConnections {

    private static final char[] TRUSTSTORE_PASSWORD = "welno-console".toCharArray();

    private RedisConnections() {
    }

    public static RedisClient openClient(RedisConnectionSettings settings, String clientName) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(16);
        pool.setMaxIdle(16);
        pool.setMinIdle(1);
        // commons-pool waits forever by default when the pool is exhausted; a console must not hang.
        pool.setMaxWait(Duration.ofSeconds(2));
        return RedisClient.builder()
                .hostAndPort(new HostAndPort(settings.host(), settings.port()))
                .clientConfig(clientConfig(settings, clientName, false))
                .poolConfig(pool)
                .build();
    }

    /** A single connection speaking RESP2 (no HELLO), safe for PSUBSCRIBE and for Redis 5. */
    public static Jedis openDedicated(RedisConnectionSettings settings, String clientName) {
        return new Jedis(new HostAndPort(settings.host(), settings.port()), clientConfig(settings, clientName, true));
    }

    static JedisClientConfig clientConfig(RedisConnectionSettings settings, String clientName, boolean resp2Only) {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(settings.connectTimeoutMillis())
                .socketTimeoutMillis(settings.socketTimeoutMillis())
                .database(settings.database())
                .clientName(clientName);
        if (settings.password() != null) {
            builder.user(settings.user()).password(settings.password());
        }
        if (resp2Only) {
            builder.serverDefaultProtocol();
        }
        if (settings.tls()) {
            builder.sslOptions(sslOptions(settings));
        }
        return builder.build();
    }

    private static SslOptions sslOptions(RedisConnectionSettings settings) {
        SslOptions.Builder ssl = SslOptions.builder().sslVerifyMode(switch (settings.verification()) {
            case FULL -> SslVerifyMode.FULL;
            case CA -> SslVerifyMode.CA;
            case INSECURE -> SslVerifyMode.INSECURE;
        });
        if (settings.caCertificate() != null) {
            ssl.truststore(truststoreFile(settings.caCertificate()).toFile(), TRUSTSTORE_PASSWORD);
        }
        return ssl.build();
    }

    /** Accepts a PKCS12/JKS truststore as is, or PEM/CRT certificates which are converted to a PKCS12 file. */
    private static Path truststoreFile(Path ca) {
        String name = ca.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
            return ca;
        }
        try (InputStream in = Files.newInputStream(ca)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            if (index == 0) {
                throw new IllegalArgumentException("No certificate found in " + ca);
            }
            Path file = Files.createTempFile("welno-console-ca", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, TRUSTSTORE_PASSWORD);
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the CA certificate " + ca + ": " + e.getMessage(), e);
        }
    }
}
