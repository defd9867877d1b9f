package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.CliRun;
import io.welno.console.testing.RedisServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Protocol;

/** The command line with a Redis user that may not XADD: a reveal is refused, an action says its entry is missing. */
class AuditFailureCommandsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private String url;

    @BeforeEach
    void noXadd() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "noaudit", "reset", "on", ">secret", "~*", "&*",
                "+@all", "-xadd");
        url = "redis://noaudit:secret@127.0.0.1:" + REDIS.port() + "/0";
    }

    @Test
    void showRevealIsRefusedAndPrintsNothingUnmasked() {
        String id = FlowTestSupport.newSession(REDIS, "김하늘", "01012345678");
        for (String[] json : new String[][] {{}, {"--json"}}) {
            String[] args = new String[json.length + 7];
            System.arraycopy(new String[] {"show", id, "--reveal", "--role", "developer", "--redis", url}, 0, args,
                    0, 7);
            System.arraycopy(json, 0, args, 7, json.length);
            CliRun run = CliRun.of(args);
            assertEquals(4, run.exit(), run.all());
            assertFalse(run.all().contains("01012345678") || run.all().contains("김하늘"), run.all());
            assertEquals("", run.out());
            assertTrue(run.err().contains("--reveal refused: Personal data stays masked, since the reveal could not be"
                    + " recorded in the audit log: the Redis user has no permission to run \"xadd\""), run.err());
        }
        assertFalse(REDIS.client().exists(RedisAuditLog.DEFAULT_KEY));

        CliRun allowed = CliRun.of("show", id, "--reveal", "--role", "developer", "--redis", REDIS.url());
        assertEquals(0, allowed.exit(), allowed.all());
        assertTrue(allowed.out().contains("01012345678"), allowed.out());
    }

    @Test
    void anActionAndABatchSayTheirAuditEntriesAreMissing() {
        String one = FlowTestSupport.waitingSession(REDIS);
        CliRun single = CliRun.of("complete", one, "--reason", "approved", "--role", "developer", "--hold", "0",
                "--redis", url);
        assertEquals(0, single.exit(), "the change is in place: " + single.all());
        assertTrue(single.out().contains("APPLIED [") && single.out().contains("But its audit entry could not be "
                + "written: the Redis user has no permission to run \"xadd\""), single.all());

        String a = FlowTestSupport.waitingSession(REDIS);
        String b = FlowTestSupport.waitingSession(REDIS);
        CliRun batch = CliRun.of("complete", a, b, "--reason", "approved", "--role", "developer", "--hold", "0",
                "--redis", url);
        assertEquals(0, batch.exit(), batch.all());
        assertTrue(batch.out().contains("; 2 with an audit entry missing (each says why)"), batch.all());
        assertEquals(2, batch.out().lines().filter(l -> l.startsWith("APPLIED [")
                && l.contains("audit entry could not be written")).count(), batch.all());
    }

    /**
     * The hold's end is audited after the action's line: its missing entry gets a line of its own, on standard error
     * before the KEPT line (alone) or the session's line (in a batch), and the exit status stays the outcome's.
     */
    @Test
    void aHoldsEndWithoutItsAuditEntrySaysSoOnALineOfItsOwn() {
        String one = FlowTestSupport.waitingSession(REDIS);
        CliRun single = CliRun.of("complete", one, "--reason", "approved", "--role", "developer", "--hold", "1",
                "--redis", url);
        assertEquals(0, single.exit(), "the change is in place: " + single.all());
        assertTrue(single.out().contains("KEPT ["), single.all());
        String unaudited = single.err().lines().filter(l -> l.startsWith("UNAUDITED [")).findFirst().orElse("");
        assertTrue(unaudited.endsWith("] The hold on session " + one + " ended. But its audit entry could not be"
                + " written: the Redis user has no permission to run \"xadd\" on the audit stream "
                + RedisAuditLog.DEFAULT_KEY + " (ask for an ACL that allows it on the stream)."), single.all());

        String a = FlowTestSupport.waitingSession(REDIS);
        String b = FlowTestSupport.waitingSession(REDIS);
        CliRun batch = CliRun.of("complete", a, b, "--reason", "approved", "--role", "developer", "--hold", "1",
                "--redis", url);
        assertEquals(0, batch.exit(), batch.all());
        for (String id : new String[] {a, b}) {
            assertTrue(batch.err().contains("UNAUDITED [" + id + "] The hold on session " + id + " ended. But its audit"
                    + " entry could not be written: "), batch.all());
        }
    }

    /**
     * What the ACL refused is named: the audit stream, by its key, for a user whose key patterns hold the sessions' keys
     * but not the stream's, and the stream command on it for one that may not run it. Neither is told to ask for the
     * sessions' keys, which it has, nor for a user that may write, when it only reads.
     */
    @Test
    void theAuditCommandNamesTheStreamTheAclRefused() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "sessionsonly", "reset", "on", ">secret",
                "~tilko_session:*", "&*", "+@all");
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "noauditread", "reset", "on", ">secret", "~*",
                "&*", "+@all", "-xrevrange");
        CliRun keys = CliRun.of("audit", "--redis", "redis://sessionsonly:secret@127.0.0.1:" + REDIS.port() + "/0");
        assertEquals(4, keys.exit(), keys.all());
        assertTrue(keys.err().startsWith("Cannot use Redis at "), keys.err());
        assertTrue(keys.err().contains("may not touch the audit stream " + RedisAuditLog.DEFAULT_KEY + " (")
                && keys.err().contains("ask for an ACL whose key patterns include it (~" + RedisAuditLog.DEFAULT_KEY
                + ")"), keys.err());
        CliRun command = CliRun.of("audit", "--redis", "redis://noauditread:secret@127.0.0.1:" + REDIS.port() + "/0");
        assertEquals(4, command.exit(), command.all());
        assertTrue(command.err().contains("no permission to run \"xrevrange\" on the audit stream "
                + RedisAuditLog.DEFAULT_KEY), command.err());
        for (CliRun run : new CliRun[] {keys, command}) {
            assertFalse(run.err().contains("sessions'") || run.err().contains("tilko_session:")
                    || run.err().contains("may write"), run.err());
        }
    }

    /** {@code audit} by a user that may not read the stream names the refused command and ends with exit 4. */
    @Test
    void theAuditCommandWithoutReadPermissionSaysWhyAndFails() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "noauditread", "reset", "on", ">secret", "~*",
                "&*", "+@all", "-xrevrange");
        CliRun run = CliRun.of("audit", "--redis", "redis://noauditread:secret@127.0.0.1:" + REDIS.port() + "/0");
        assertEquals(4, run.exit(), run.all());
        assertEquals("", run.out());
        assertTrue(run.err().contains(": the Redis user has no permission to run \"xrevrange\""), run.err());
        // Redis was reached and refused this user: not "cannot reach", which would send the reader to the network
        assertTrue(run.err().startsWith("Cannot use Redis at "), run.err());
    }
}
