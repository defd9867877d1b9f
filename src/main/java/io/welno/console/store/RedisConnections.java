package io.welno.console.store;

import io.welno.console.text.FileWords;
import io.welno.console.text.NetworkWords;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.util.IOUtils;

/**
 * Builds Jedis clients from {@link RedisConnectionSettings}: one pooled {@link RedisClient} for commands,
 * and dedicated {@link Jedis} connections for subscriptions (a subscribed connection must never go back
 * to a pool, where it would poison the commands that borrow it next).
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
        // commons-pool registers every pool as a JMX MBean, which starts the platform MBean server: 85 ms of every
        // start of a command (docs/BENCHMARKS.md, P1-CLI), for beans nothing reads.
        pool.setJmxEnabled(false);
        JedisClientConfig config = clientConfig(settings, clientName, false);
        HostAndPort address = new HostAndPort(settings.host(), settings.port());
        if (!settings.tls()) {
            return RedisClient.builder().hostAndPort(address).clientConfig(config).poolConfig(pool).build();
        }
        HandshakeFirst sockets = new HandshakeFirst(address, config);
        ConnectionFactory connections = ConnectionFactory.builder().clientConfig(config).socketFactory(sockets).build();
        RedisClient client = RedisClient.builder().hostAndPort(address).clientConfig(config)
                .connectionProvider(new PooledConnectionProvider(connections, pool)).build();
        // The client connects once while it is built (to learn the protocol) and swallows a failure; a TLS
        // failure then would only be repeated by the first command, a second connect timeout later.
        JedisConnectionException failed = sockets.failure;
        if (failed != null) {
            client.close();
            throw failed;
        }
        return client;
    }

    /** A single connection speaking RESP2 (no HELLO), safe for PSUBSCRIBE and for Redis 5. */
    public static Jedis openDedicated(RedisConnectionSettings settings, String clientName) {
        JedisClientConfig config = clientConfig(settings, clientName, true);
        HostAndPort address = new HostAndPort(settings.host(), settings.port());
        return settings.tls() ? new Jedis(new HandshakeFirst(address, config), config) : new Jedis(address, config);
    }

    /**
     * Jedis starts the TLS handshake lazily, inside the first command, under the socket timeout, and retries
     * it through the protocol negotiation: a {@code rediss://} URL pointed at a plain port then took some
     * 20 seconds to fail as "did not answer". This completes the handshake right after the TCP connect,
     * within the connect timeout, and fails it as what it is: a TLS failure.
     */
    private static final class HandshakeFirst extends DefaultJedisSocketFactory {

        /**
         * Addresses that completed a TLS handshake in this process: a later handshake there that gets no answer in time
         * is a stalled server (busy, paused), not a port without TLS.
         */
        private static final Set<String> ANSWERED_TLS = ConcurrentHashMap.newKeySet();

        private final int connectTimeoutMillis;
        /** The last handshake failure, until a handshake succeeds. */
        volatile JedisConnectionException failure;

        HandshakeFirst(HostAndPort address, JedisClientConfig config) {
            super(address, config);
            this.connectTimeoutMillis = config.getConnectionTimeoutMillis();
        }

        @Override
        public Socket createSocket() throws JedisConnectionException {
            Socket socket = super.createSocket();
            if (!(socket instanceof SSLSocket tls)) {
                return socket;
            }
            try {
                int socketTimeout = socket.getSoTimeout();
                socket.setSoTimeout(connectTimeoutMillis);
                tls.startHandshake();
                socket.setSoTimeout(socketTimeout);
                failure = null;
                ANSWERED_TLS.add(getHostAndPort().toString());
                return socket;
            } catch (IOException e) {
                IOUtils.closeQuietly(socket);
                String where = getHostAndPort().toString();
                if (e instanceof SocketTimeoutException && ANSWERED_TLS.contains(where)) {
                    // it spoke TLS here before: a stall, told as the timeout it is (TIMEOUT), not as the wrong scheme
                    failure = new JedisConnectionException("no TLS answer from " + where + " within "
                            + connectTimeoutMillis + " ms, where it answered before", e);
                    throw failure;
                }
                SSLHandshakeException tlsFailure = new SSLHandshakeException(e instanceof SocketTimeoutException
                        ? "no TLS answer from " + where + " within " + connectTimeoutMillis
                                + " ms (a plain Redis port does not answer a TLS handshake: use redis:// for it)"
                        : "TLS handshake with " + where + " failed: " + e.getMessage());
                // The same in the reader's language, for StoreFailure's words (the message above is for logs).
                tlsFailure.initCause(new PhrasedException(e instanceof SocketTimeoutException
                        ? Phrase.of("store.tls.noAnswer", where, connectTimeoutMillis)
                        : Phrase.of("store.tls.failed", where, NetworkWords.of(e)), e));
                failure = new JedisConnectionException(tlsFailure.getMessage(), tlsFailure);
                throw failure;
            }
        }
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

    /**
     * Opens a truststore as Jedis will (the default keystore type, the console's password), so that one that cannot be
     * used is said as the profile's CA file before connecting: Jedis says "Failed to create socket." for it, which read
     * as a connection that broke, and "Truststore file … does not exist" for a missing one, which read as Redis's error.
     */
    private static void checkTruststore(Path ca) {
        if (Files.isDirectory(ca)) {
            throw new CaCertificateProblem(Phrase.of("connect.ca.unreadable", ca.toString(),
                    Phrase.of("file.directory", ca.toString())), null);
        }
        InputStream in;
        try {
            in = Files.newInputStream(ca);
        } catch (IOException e) {
            throw new CaCertificateProblem(Phrase.of("connect.ca.unreadable", ca.toString(), FileWords.of(e, ca)), e);
        }
        try (in) {
            KeyStore.getInstance(KeyStore.getDefaultType()).load(in, TRUSTSTORE_PASSWORD);
        } catch (IOException | GeneralSecurityException e) {
            boolean password = e.getCause() instanceof UnrecoverableKeyException;
            throw new CaCertificateProblem(Phrase.of("connect.ca.unreadable", ca.toString(),
                    Phrase.of(password ? "connect.ca.truststorePassword" : "connect.ca.notTruststore")), e);
        }
    }

    /** Accepts a PKCS12/JKS truststore as is, or PEM/CRT certificates which are converted to a PKCS12 file. */
    private static Path truststoreFile(Path ca) {
        String name = ca.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
            checkTruststore(ca);
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
                throw new CaCertificateProblem(Phrase.of("connect.ca.empty", ca.toString()), null);
            }
            Path file = Files.createTempFile("welno-console-ca", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, TRUSTSTORE_PASSWORD);
            }
            return file;
        } catch (IOException e) {
            // a missing or unreadable file in the window's words
            throw new CaCertificateProblem(Phrase.of("connect.ca.unreadable", ca.toString(), FileWords.of(e, ca)), e);
        } catch (GeneralSecurityException e) {
            // A file that is no certificate (a private key, a broken PEM, any other file), or a folder read as one: the
            // parser's English ("No certificate data found", "Unable to initialize …") would be all a reader got.
            throw new CaCertificateProblem(Phrase.of("connect.ca.unreadable", ca.toString(), Files.isDirectory(ca)
                    ? Phrase.of("file.directory", ca.toString()) : Phrase.of("connect.ca.notCertificate")), e);
        }
    }
}
