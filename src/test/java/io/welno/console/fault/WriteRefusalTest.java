package io.welno.console.fault;

import static io.welno.console.fault.FlowRig.DEVELOPER;
import static io.welno.console.fault.FlowRig.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult;
import io.welno.console.testing.Await;
import io.welno.console.testing.Words;
import io.welno.console.tilko.TilkoEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A real server that refuses writes while it answers reads — a read-only replica, a full server with no eviction, a
 * server that could not save to disk — refuses them inside the console's compare-and-set script, where Redis 6
 * wraps the refusal in a script error. Each action names the real cause in the operator's words, writes nothing
 * and asks Tilko for nothing, and works again once the server takes writes.
 */
@Timeout(300)
class WriteRefusalTest {

    @TempDir
    Path dir;

    private static byte[] raw(Jedis admin, String id) {
        return admin.get(("tilko_session:" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The simple-auth is refused in words naming the cause in both languages, writes nothing, asks Tilko nothing. */
    private static void assertRefusedAndUnwritten(FlowRig rig, Jedis admin, String id, byte[] before, String english,
                                                  String korean) {
        ActionResult result = rig.perform(OPERATOR, ActionKind.SIMPLE_AUTH, id);
        assertEquals(ActionResult.Outcome.FAILED, result.outcome(), Words.en(result.message()));
        assertTrue(Words.en(result.message()).contains(english), Words.en(result.message()));
        assertTrue(Words.ko(result.message()).contains(korean), Words.ko(result.message()));
        assertEquals(0, rig.sim.requestCount(TilkoEndpoint.SIMPLE_AUTH), "Tilko was not asked");
        assertArrayEquals(before, raw(admin, id));
    }

    @Test
    void aReadOnlyReplicaIsNamedAndNothingIsAskedOfTilko() throws Exception {
        Files.createDirectories(dir.resolve("primary"));
        Files.createDirectories(dir.resolve("replica"));
        try (FaultRedis primary = FaultRedis.start(dir.resolve("primary"));
             // No append-only file on the replica: after its sync it writes one, and a replica told to stop while
             // writing it refuses ("Writing initial AOF, can't exit") and keeps running.
             FaultRedis replica = FaultRedis.start(dir.resolve("replica"), "replicaof 127.0.0.1 " + primary.port(),
                     "appendonly no");
             Jedis admin = primary.admin(); Jedis replicaAdmin = replica.admin();
             FlowRig rig = new FlowRig(replica.settings(), Await.EVENTUALLY, Duration.ofSeconds(1))) {
            String id = FlowRig.newSession(admin);
            Await.until("the replica to hold the session", Await.EVENTUALLY, () -> raw(replicaAdmin, id) != null);
            byte[] before = raw(admin, id);

            assertRefusedAndUnwritten(rig, admin, id, before, "read-only replica", "읽기 전용 복제본");
        }
    }

    @Test
    void aFullServerThatEvictsNothingIsNamedAndTheActionWorksOnceThereIsRoom() throws Exception {
        try (FaultRedis redis = FaultRedis.start(dir); Jedis admin = redis.admin();
             FlowRig rig = new FlowRig(redis.settings(), Await.EVENTUALLY, Duration.ofSeconds(1))) {
            String id = FlowRig.newSession(admin);
            byte[] before = raw(admin, id);
            admin.configSet("maxmemory-policy", "noeviction");
            admin.configSet("maxmemory", "1");

            assertRefusedAndUnwritten(rig, admin, id, before, "Redis is full and refuses writes", "메모리");

            admin.configSet("maxmemory", "0");
            ActionResult again = rig.perform(OPERATOR, ActionKind.SIMPLE_AUTH, id);
            assertEquals(ActionResult.Outcome.APPLIED, again.outcome(), Words.en(again.message()));
        }
    }

    @Test
    void aServerThatCouldNotSaveToDiskIsNamedAndTheActionWorksOnceItCan() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path gone = Files.createDirectories(dir.resolve("gone"));
        try (FaultRedis redis = FaultRedis.start(data); Jedis admin = redis.admin();
             FlowRig rig = new FlowRig(redis.settings(), Await.EVENTUALLY, Duration.ofSeconds(1))) {
            try {
                refusedUntilTheDiskTakesWritesAgain(admin, rig, data, gone);
            } finally {
                // Redis refuses to shut down while it cannot save, unless it has nothing to save.
                admin.configSet("save", "");
                admin.configSet("dir", data.toString());
            }
        }
    }

    private static void refusedUntilTheDiskTakesWritesAgain(Jedis admin, FlowRig rig, Path data, Path gone)
            throws Exception {
        String id = FlowRig.newSession(admin);
        byte[] before = raw(admin, id);
        // A snapshot that cannot be written (its folder is gone) makes Redis refuse writes (MISCONF).
        admin.configSet("save", "3600 1");
        admin.configSet("dir", gone.toString());
        Files.delete(gone);
        admin.bgsave();
        Await.until("the snapshot to fail", Await.EVENTUALLY,
                () -> admin.info("persistence").contains("rdb_last_bgsave_status:err"));

        assertRefusedAndUnwritten(rig, admin, id, before, "its last save to disk failed", "디스크");

        admin.configSet("dir", data.toString());
        admin.bgsave();
        Await.until("a snapshot to succeed", Await.EVENTUALLY,
                () -> admin.info("persistence").contains("rdb_last_bgsave_status:ok"));
        ActionResult again = rig.perform(OPERATOR, ActionKind.SIMPLE_AUTH, id);
        assertEquals(ActionResult.Outcome.APPLIED, again.outcome(), Words.en(again.message()));
    }
}
