package io.welno.console.live;

import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.text.Phrase;
import java.util.List;
import redis.clients.jedis.HostAndPort;

/**
 * Which servers the feed scans and subscribes to. Keyspace notifications are local to each server, so a cluster
 * needs one subscription (and one SCAN) per primary, and a sentinel-managed deployment needs the current master.
 * The feed resolves the topology at every (re)connect and again every
 * {@link FeedOptions#topologyRefresh() topologyRefresh}; a changed result makes it reconnect and resync.
 */
public interface FeedTopology {

    /**
     * Resolves the primaries now. Throws (any runtime exception) when no server can be reached; the feed then
     * retries with back-off.
     */
    Resolved resolve(RedisConnectionSettings settings);

    /** A standalone server, or a cluster when the server says {@code cluster_enabled:1}. */
    static FeedTopology auto() {
        return new ClusterAwareTopology();
    }

    /**
     * A master found through Redis Sentinel: {@code SENTINEL get-master-addr-by-name masterName} on the first
     * sentinel that answers. The data connection uses the user, password, TLS and database of the settings.
     *
     * @param sentinelPassword password for the sentinels themselves, or null when they need none
     */
    static FeedTopology sentinel(String masterName, List<HostAndPort> sentinels, String sentinelUser,
                                 String sentinelPassword) {
        return new SentinelTopology(masterName, sentinels, sentinelUser, sentinelPassword);
    }

    /**
     * @param primaries   the servers to scan and subscribe, in a stable order
     * @param cluster     true for Redis Cluster (database 0 only, per-node reads)
     * @param fingerprint changes whenever the primaries or their slot ranges change
     * @param description for the status bar, e.g. "3 cluster primaries", worded at the edge
     */
    record Resolved(List<HostAndPort> primaries, boolean cluster, String fingerprint, Phrase description) {
        public Resolved {
            primaries = List.copyOf(primaries);
            if (primaries.isEmpty()) {
                throw new IllegalArgumentException("A topology needs at least one server");
            }
        }
    }
}
