package io.welno.console.live;

import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.text.Phrase;
import io.welno.console.text.PhrasedException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * The server of the settings; when it says {@code cluster_enabled:1}, every primary that serves slots according to
 * {@code CLUSTER NODES}. Earlier answers are kept as extra seeds, so the feed still finds the cluster when the
 * configured node is the one that went away.
 */
final class ClusterAwareTopology implements FeedTopology {

    private volatile List<HostAndPort> lastPrimaries = List.of();

    @Override
    public Resolved resolve(RedisConnectionSettings settings) {
        Set<HostAndPort> seeds = new LinkedHashSet<>();
        seeds.add(new HostAndPort(settings.host(), settings.port()));
        seeds.addAll(lastPrimaries);
        RuntimeException first = null;
        for (HostAndPort seed : seeds) {
            try (Jedis jedis = Nodes.probe(settings, seed)) {
                Resolved resolved = resolveVia(jedis, seed);
                lastPrimaries = resolved.cluster() ? resolved.primaries() : List.of();
                return resolved;
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }

    private static Resolved resolveVia(Jedis jedis, HostAndPort seed) {
        String info = jedis.info("cluster");
        if (!info.contains("cluster_enabled:1")) {
            return new Resolved(List.of(seed), false, "standalone " + Nodes.describe(seed),
                    Phrase.of("feed.servers.standalone", Nodes.describe(seed)));
        }
        return fromClusterNodes(jedis.clusterNodes(), seed);
    }

    /** Parses a {@code CLUSTER NODES} reply: primaries (not failed, with an address) that own at least one slot. */
    static Resolved fromClusterNodes(String reply, HostAndPort seed) {
        TreeMap<String, HostAndPort> primaries = new TreeMap<>();
        TreeMap<String, String> slotsByNode = new TreeMap<>();
        for (String line : reply.split("\r?\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 8) {
                continue;
            }
            String flags = "," + fields[2] + ",";
            if (!flags.contains(",master,") || flags.contains(",fail,") || flags.contains(",handshake,")
                    || flags.contains(",noaddr,")) {
                continue;
            }
            List<String> slots = new ArrayList<>();
            for (int i = 8; i < fields.length; i++) {
                if (!fields[i].startsWith("[")) {
                    slots.add(fields[i]);
                }
            }
            if (slots.isEmpty()) {
                continue;
            }
            HostAndPort address = parseAddress(fields[1], seed);
            if (address == null) {
                continue;
            }
            String key = Nodes.describe(address);
            primaries.put(key, address);
            slotsByNode.put(key, String.join(" ", slots));
        }
        if (primaries.isEmpty()) {
            throw new PhrasedException(Phrase.of("feed.cluster.noPrimaries", Nodes.describe(seed)));
        }
        StringBuilder fingerprint = new StringBuilder("cluster");
        slotsByNode.forEach((node, slots) -> fingerprint.append(' ').append(node).append('=').append(slots));
        return new Resolved(new ArrayList<>(primaries.values()), true, fingerprint.toString(),
                Phrase.of("feed.servers.cluster", primaries.size()));
    }

    /** {@code ip:port@cport[,hostname]}; an empty ip means "the address you reached me at". */
    static HostAndPort parseAddress(String field, HostAndPort seed) {
        String address = field;
        String hostname = null;
        int comma = address.indexOf(',');
        if (comma >= 0) {
            hostname = address.substring(comma + 1);
            address = address.substring(0, comma);
        }
        int at = address.indexOf('@');
        if (at >= 0) {
            address = address.substring(0, at);
        }
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            return null;
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (port <= 0) {
            return null;
        }
        String host = hostname != null && !hostname.isEmpty() ? hostname : address.substring(0, colon);
        return new HostAndPort(host.isEmpty() ? seed.getHost() : host, port);
    }
}
