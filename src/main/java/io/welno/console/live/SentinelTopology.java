package io.welno.console.live;

import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * The current master of a sentinel-monitored group. Asked at every (re)connect and every topology refresh, so the
 * feed follows a failover: the old master's connection drops (or the answer changes), the feed reconnects to the
 * promoted replica and resyncs.
 */
final class SentinelTopology implements FeedTopology {

    private final String masterName;
    private final List<HostAndPort> sentinels;
    private final String sentinelUser;
    private final String sentinelPassword;

    SentinelTopology(String masterName, List<HostAndPort> sentinels, String sentinelUser, String sentinelPassword) {
        if (masterName == null || masterName.isBlank()) {
            throw new IllegalArgumentException("A sentinel topology needs the master name");
        }
        if (sentinels == null || sentinels.isEmpty()) {
            throw new IllegalArgumentException("A sentinel topology needs at least one sentinel address");
        }
        this.masterName = masterName;
        this.sentinels = List.copyOf(sentinels);
        this.sentinelUser = sentinelUser;
        this.sentinelPassword = sentinelPassword;
    }

    @Override
    public Resolved resolve(RedisConnectionSettings settings) {
        RuntimeException first = null;
        for (HostAndPort sentinel : sentinels) {
            DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(settings.connectTimeoutMillis())
                    .socketTimeoutMillis(settings.socketTimeoutMillis())
                    .clientName("welno-console-sentinel")
                    .serverDefaultProtocol();
            if (sentinelPassword != null) {
                config.user(sentinelUser).password(sentinelPassword);
            }
            try (Jedis jedis = new Jedis(sentinel, config.build())) {
                List<String> address = jedis.sentinelGetMasterAddrByName(masterName);
                if (address == null || address.size() < 2) {
                    throw new PhrasedException(Phrase.of("feed.sentinel.unknownMaster", Nodes.describe(sentinel),
                            masterName));
                }
                HostAndPort master = new HostAndPort(address.get(0), Integer.parseInt(address.get(1)));
                return new Resolved(List.of(master), false, "sentinel " + masterName + " " + Nodes.describe(master),
                        Phrase.of("feed.servers.sentinel", masterName, Nodes.describe(master)));
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }
}
