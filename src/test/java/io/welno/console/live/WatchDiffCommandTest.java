package io.welno.console.live;

import static io.welno.console.live.Docs.doc;
import static io.welno.console.live.Docs.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.CliRun;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.RunningCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code watch --id ID --diff}: that session only, each version's changed fields and author, its status changes. */
class WatchDiffCommandTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void printsEachVersionsFieldDiffAndAuthorForTheOneSession() throws InterruptedException {
        REDIS.client().set(key("d1"), doc("d1", "auth_request_sent", 0));
        REDIS.client().set(key("d2"), doc("d2", "initiated", 0));
        RunningCli watch = CliRun.start("watch", "--id", "d1", "--diff", "--redis", REDIS.url());
        try {
            watch.await("live and the snapshot printed",
                    out -> out.contains("LIVE") && out.contains("snapshot complete"));
            REDIS.client().set(key("d1"), doc("d1", "auth_request_sent", 1));
            watch.await("the first version", out -> out.contains("~ n: 0 → 1"));
            REDIS.client().set(key("d2"), doc("d2", "completed", 1));
            REDIS.client().set(key("d1"), doc("d1", "auth_completed", 2));
            watch.await("the status change",
                    out -> out.contains("~ status: \"auth_request_sent\" → \"auth_completed\""));
            watch.await("the status line", out -> out.contains("Auth request sent → Auth completed")
                    || out.contains("auth_request_sent → auth_completed"));
        } finally {
            watch.stop();
        }
        assertEquals(0, watch.exit(), watch.err());
        String text = watch.out();
        assertTrue(text.lines().anyMatch(l -> l.startsWith("version") && l.contains("d1") && l.contains("Backend")),
                text);
        assertTrue(text.contains("    ~ n: 1 → 2"), text);
        assertFalse(text.contains("d2"), "only the session asked for: " + text);
        assertFalse(text.contains("김하늘"), "names are masked: " + text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("status")).count(), text);
    }

    /** A Redis user that may not read the audit stream: --diff says so once, instead of retrying in silence. */
    @Test
    void anAuditStreamThatCannotBeReadIsSaid() throws InterruptedException {
        REDIS.client().sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", "noxread", "reset", "on",
                ">secret", "~*", "&*", "+@all", "-xread");
        RunningCli watch = CliRun.start("watch", "--diff", "--redis",
                "redis://noxread:secret@127.0.0.1:" + REDIS.port() + "/0");
        try {
            watch.await("the audit line", out -> out.contains("== AUDIT: "));
            Thread.sleep(2_500); // the tail retries every second: the line is said once, not on every retry
        } finally {
            watch.stop();
        }
        assertEquals(0, watch.exit(), watch.err());
        String text = watch.out();
        assertEquals(1, text.lines().filter(l -> l.startsWith("== AUDIT: the audit stream cannot be read: ")
                && l.contains("\"xread\"")).count(), text);
    }

    /**
     * A Redis user whose key patterns hold the sessions' keys but not the audit stream's: the AUDIT line names the
     * stream it may not touch, not the sessions' keys, which it reads.
     */
    @Test
    void anAuditStreamOutsideTheUsersKeyPatternsIsNamed() throws InterruptedException {
        REDIS.client().sendCommand(redis.clients.jedis.Protocol.Command.ACL, "SETUSER", "sessionsonly", "reset", "on",
                ">secret", "~tilko_session:*", "&*", "+@all");
        RunningCli watch = CliRun.start("watch", "--diff", "--redis",
                "redis://sessionsonly:secret@127.0.0.1:" + REDIS.port() + "/0");
        String line;
        try {
            line = watch.awaitLine("the audit line", l -> l.startsWith("== AUDIT: "));
        } finally {
            watch.stop();
        }
        assertEquals(0, watch.exit());
        assertTrue(line.startsWith("== AUDIT: the audit stream cannot be read: the Redis user may not touch the audit "
                + "stream " + io.welno.console.flow.RedisAuditLog.DEFAULT_KEY + " ("), "one sentence, the cause's words "
                + "within it as the Audit tab has them: " + line);
        assertFalse(line.contains("sessions'"), line);
    }
}
