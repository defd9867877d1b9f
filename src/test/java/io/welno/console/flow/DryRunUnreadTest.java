package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.CliRun;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.SetParams;

/**
 * A dry run over a session Redis will not give (here: outside the ACL user's key patterns) says it could not be read
 * and exits 4, as Redis trouble: not "would be refused" and 0, which reads as a guard having judged it.
 */
class DryRunUnreadTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    @Test
    void aSessionRedisWillNotGiveIsUnavailableNotRefused() {
        String readable = "welno_a" + "0".repeat(31);
        String hidden = "welno_b" + "0".repeat(31);
        String seeded = FlowTestSupport.seeded(REDIS, "05_fetching_health_data_stuck.json",
                Fixtures.FIXTURE_NOW.plusMinutes(10), 300);
        String stuck = REDIS.client().get("tilko_session:" + seeded);
        for (String id : new String[] {readable, hidden}) {
            REDIS.client().set("tilko_session:" + id, stuck.replace(seeded, id), SetParams.setParams().ex(300));
        }
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "limited", "reset", "on", ">secret",
                "~tilko_session:welno_a*", "~" + RedisAuditLog.DEFAULT_KEY + "*", "&*", "+@all");

        CliRun dry = CliRun.of("reset", readable, hidden, "--dry-run", "--reason", "look", "--redis",
                "redis://limited:secret@127.0.0.1:" + REDIS.port() + "/0");
        assertEquals(4, dry.exit(), dry.out() + dry.err());
        assertTrue(dry.out().contains("UNAVAILABLE [" + hidden + "] The session could not be read"), dry.out());
        assertTrue(dry.out().contains("1 could not be read"), dry.out());
        assertTrue(!dry.out().contains("WOULD_REFUSE [" + hidden), dry.out());
    }

    /**
     * A bucket says how many values Redis refused, which it could not judge; with nothing else to act on, that is
     * Redis trouble (4), not an empty bucket (0).
     */
    @Test
    void aBucketSaysWhatRedisRefusedAndNothingReadableIsNotAnEmptyBucket() {
        String seeded = FlowTestSupport.seeded(REDIS, "05_fetching_health_data_stuck.json",
                Fixtures.FIXTURE_NOW.plusMinutes(10), 300);
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "blind", "reset", "on", ">secret",
                "~tilko_session:nothing*", "~" + RedisAuditLog.DEFAULT_KEY + "*", "&*", "+@all");
        CliRun bucket = CliRun.of("reset", "--bucket", "stuck", "--dry-run", "--reason", "look", "--redis",
                "redis://blind:secret@127.0.0.1:" + REDIS.port() + "/0");
        assertEquals(4, bucket.exit(), bucket.out() + bucket.err());
        assertTrue(bucket.err().contains("NOTE Redis refused the console"), bucket.err());
        assertTrue(bucket.out().contains("No session to act on."), bucket.out());
        REDIS.client().del("tilko_session:" + seeded);
    }
}
