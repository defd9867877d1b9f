package io.welno.console.live;

import io.welno.console.testing.RecordingListener;
import io.welno.console.testing.Await;
import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.testing.Words;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.util.JedisClusterCRC16;
import static io.welno.console.live.Docs.doc;
import static io.welno.console.live.Docs.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real 3-primary Redis Cluster built by the test (CLUSTER MEET + ADDSLOTS): the feed, given one node's URL, scans
 * and subscribes on every primary, and follows a resharding that moves slots to a fourth primary.
 */
class ClusterFeedTest {

    /** Slot ranges of the three primaries; 16000–16383 (kept empty) move to a fourth primary later. */
    private static final int[][] RANGES = {{0, 5460}, {5461, 10922}, {10923, 16383}};
    private static final int[][] KEY_RANGES = {{0, 5460}, {5461, 10922}, {10923, 15999}};
    private static final int[] MOVED_RANGE = {16000, 16383};

    @Test
    void changesOnEveryPrimaryArriveAndANewPrimaryIsFollowed(@TempDir Path tmp) {
        List<EmbeddedRedis> nodes = new ArrayList<>();
        RedisSessionFeed feed = null;
        try {
            for (int i = 0; i < 4; i++) {
                nodes.add(EmbeddedRedis.start(List.of("cluster-enabled yes",
                        "cluster-config-file " + tmp.resolve("nodes-" + i + ".conf"), "cluster-node-timeout 2000",
                        "cluster-require-full-coverage no")));
            }
            try (Jedis first = jedis(nodes.get(0))) {
                for (int i = 1; i < 3; i++) {
                    first.clusterMeet("127.0.0.1", nodes.get(i).port());
                }
            }
            for (int i = 0; i < 3; i++) {
                try (Jedis node = jedis(nodes.get(i))) {
                    node.clusterAddSlots(IntStream.rangeClosed(RANGES[i][0], RANGES[i][1]).toArray());
                }
            }
            for (int i = 0; i < 3; i++) {
                EmbeddedRedis node = nodes.get(i);
                Await.until("node " + i + " sees a healthy 3-primary cluster", Await.EVENTUALLY, () -> {
                    try (Jedis jedis = jedis(node)) {
                        String info = jedis.clusterInfo();
                        return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:3")
                                && info.contains("cluster_slots_assigned:16384");
                    }
                });
            }

            List<List<String>> idsByNode = new ArrayList<>();
            for (int[] range : KEY_RANGES) {
                idsByNode.add(idsInSlots(range, 4));
            }
            try (RedisClusterClient cluster = RedisClusterClient.create(Set.of(address(nodes.get(0))))) {
                for (List<String> ids : idsByNode) {
                    cluster.set(key(ids.get(0)), doc(ids.get(0), "initiated", 0));
                    cluster.set(key(ids.get(1)), doc(ids.get(1), "initiated", 0));
                }
                cluster.set("other_app:x", "{}");

                RecordingListener listener = new RecordingListener();
                feed = new RedisSessionFeed(RedisConnectionSettings.parse(nodes.get(0).url()), new SessionCodec(),
                        FeedOptions.defaults().withTopologyRefresh(Duration.ofMillis(300)));
                feed.start(listener);
                listener.awaitMode(FeedMode.LIVE);
                assertEquals("feed.live", feed.modeDetail().key());
                assertTrue(Words.en(feed.modeDetail().arg(0)).startsWith("3 cluster primaries"),
                        feed.modeDetail().toString());
                listener.awaitSnapshots(1);
                Set<String> expected = new HashSet<>();
                idsByNode.forEach(ids -> expected.addAll(ids.subList(0, 2)));
                assertEquals(expected, listener.ids(), "the snapshot covers every primary");
                assertEquals(3, feed.stats().servers());

                for (List<String> ids : idsByNode) {
                    String added = ids.get(2);
                    String updated = ids.get(0);
                    String removed = ids.get(1);
                    String expiring = ids.get(3);
                    cluster.set(key(added), doc(added, "initiated", 1));
                    cluster.set(key(updated), doc(updated, "auth_completed", 1));
                    cluster.del(key(removed));
                    cluster.set(key(expiring), doc(expiring, "initiated", 1), SetParams.setParams().px(200));
                    listener.await("changes on the primary holding " + added, () ->
                            listener.lastKind(added) == ChangeKind.ADDED
                                    && "auth_completed".equals(listener.status(updated))
                                    && listener.lastKind(removed) == ChangeKind.REMOVED
                                    && listener.lastKind(expiring) == ChangeKind.EXPIRED);
                }

                // Resharding: a fourth primary joins and (empty) slots move to it. The feed subscribes there too.
                EmbeddedRedis late = nodes.get(3);
                try (Jedis first = jedis(nodes.get(0)); Jedis source = jedis(nodes.get(2));
                     Jedis target = jedis(late)) {
                    first.clusterMeet("127.0.0.1", late.port());
                    Await.until("the new node joined", Await.EVENTUALLY,
                            () -> target.clusterInfo().contains("cluster_known_nodes:4")
                                    && source.clusterNodes().contains(target.clusterMyId()));
                    String sourceId = source.clusterMyId();
                    String targetId = target.clusterMyId();
                    for (int slot = MOVED_RANGE[0]; slot <= MOVED_RANGE[1]; slot++) {
                        target.clusterSetSlotImporting(slot, sourceId);
                        source.clusterSetSlotMigrating(slot, targetId);
                        target.clusterSetSlotNode(slot, targetId);
                        source.clusterSetSlotNode(slot, targetId);
                    }
                    Await.until("the seed sees the new primary's slots", Await.EVENTUALLY,
                            () -> first.clusterNodes().lines().anyMatch(line -> line.startsWith(targetId)
                                    && line.contains("master") && line.contains(MOVED_RANGE[0] + "-" + MOVED_RANGE[1])));
                    for (EmbeddedRedis node : nodes) {
                        Await.until("node " + node.port() + " is ok after the resharding", Await.EVENTUALLY, () -> {
                            try (Jedis jedis = jedis(node)) {
                                String info = jedis.clusterInfo();
                                return info.contains("cluster_state:ok") && info.contains("cluster_slots_assigned:16384");
                            }
                        });
                    }
                }
                RedisSessionFeed running = feed;
                listener.await("the feed follows the new primary", Await.EVENTUALLY,
                        () -> running.stats().servers() == 4 && running.mode() == FeedMode.LIVE);
                assertTrue(Words.en(feed.modeDetail().arg(0)).startsWith("4 cluster primaries"),
                        feed.modeDetail().toString());
                String onLate = idsInSlots(MOVED_RANGE, 1).get(0);
                cluster.set(key(onLate), doc(onLate, "initiated", 1));
                listener.await("a change on the new primary", () -> listener.lastKind(onLate) == ChangeKind.ADDED);
                assertEquals(0, listener.batchesWithRepeatedIds());
            }
        } finally {
            if (feed != null) {
                feed.close();
            }
            nodes.forEach(EmbeddedRedis::close);
        }
    }

    private static List<String> idsInSlots(int[] range, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; ids.size() < count; i++) {
            String id = "c" + range[0] + "-" + i;
            int slot = JedisClusterCRC16.getSlot(key(id));
            if (slot >= range[0] && slot <= range[1]) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Jedis jedis(EmbeddedRedis node) {
        return new Jedis(address(node));
    }

    private static HostAndPort address(EmbeddedRedis node) {
        return new HostAndPort(node.host(), node.port());
    }
}
