package io.welno.console.live;

import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisConnections;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** Connection settings for one server of a topology: the profile's credentials, TLS and prefix, another address. */
final class Nodes {

    private Nodes() {
    }

    static RedisConnectionSettings settingsFor(RedisConnectionSettings base, HostAndPort node, boolean cluster) {
        return new RedisConnectionSettings(node.getHost(), node.getPort(), base.tls(), base.user(), base.password(),
                cluster ? 0 : base.database(), base.connectTimeoutMillis(), base.socketTimeoutMillis(),
                base.keyPrefix(), base.caCertificate(), base.verification());
    }

    /** A short-lived RESP2 connection on database 0 (cluster nodes refuse SELECT) for topology questions. */
    static Jedis probe(RedisConnectionSettings base, HostAndPort node) {
        return RedisConnections.openDedicated(settingsFor(base, node, true), "welno-console-probe");
    }

    static String describe(HostAndPort node) {
        return node.getHost() + ":" + node.getPort();
    }
}
