package io.welno.console.live;

import static io.welno.console.live.Docs.doc;
import static io.welno.console.live.Docs.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.cli.Main;
import io.welno.console.testing.Await;
import io.welno.console.testing.RedisServerExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code watch --id ID --diff}: that session only, each version's changed fields and author, its status changes. */
class WatchDiffCommandTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    /** What the command printed so far, read while its feed thread writes. */
    private static final class Out extends StringWriter {
        synchronized String text() {
            return toString();
        }

        @Override
        public synchronized void write(String str, int off, int len) {
            super.write(str, off, len);
        }

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            super.write(cbuf, off, len);
        }
    }

    @Test
    void printsEachVersionsFieldDiffAndAuthorForTheOneSession() throws InterruptedException {
        REDIS.client().set(key("d1"), doc("d1", "auth_request_sent", 0));
        REDIS.client().set(key("d2"), doc("d2", "initiated", 0));
        Out out = new Out();
        Out err = new Out();
        AtomicInteger exit = new AtomicInteger(-1);
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        Thread watching = new Thread(() -> exit.set(command.execute("watch", "--id", "d1", "--diff",
                "--redis", REDIS.url())), "watch-diff");
        watching.start();
        try {
            Await.until("live and the snapshot printed", Await.EVENTUALLY,
                    () -> out.text().contains("LIVE") && out.text().contains("snapshot complete"));
            REDIS.client().set(key("d1"), doc("d1", "auth_request_sent", 1));
            Await.until("the first version", Await.EVENTUALLY, () -> out.text().contains("~ n: 0 → 1"));
            REDIS.client().set(key("d2"), doc("d2", "completed", 1));
            REDIS.client().set(key("d1"), doc("d1", "auth_completed", 2));
            Await.until("the status change", Await.EVENTUALLY,
                    () -> out.text().contains("~ status: \"auth_request_sent\" → \"auth_completed\""));
            Await.until("the status line", Await.EVENTUALLY,
                    () -> out.text().contains("Auth request sent → Auth completed")
                            || out.text().contains("auth_request_sent → auth_completed"));
        } finally {
            watching.interrupt();
            watching.join(10_000);
        }
        assertFalse(watching.isAlive());
        assertEquals(0, exit.get(), err.text());
        String text = out.text();
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
        Out out = new Out();
        Out err = new Out();
        AtomicInteger exit = new AtomicInteger(-1);
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        Thread watching = new Thread(() -> exit.set(command.execute("watch", "--diff", "--redis",
                "redis://noxread:secret@127.0.0.1:" + REDIS.port() + "/0")), "watch-diff-noxread");
        watching.start();
        try {
            Await.until("the audit line", Await.EVENTUALLY, () -> out.text().contains("== AUDIT: "));
            Thread.sleep(2_500); // the tail retries every second: the line is said once, not on every retry
        } finally {
            watching.interrupt();
            watching.join(10_000);
        }
        assertFalse(watching.isAlive());
        assertEquals(0, exit.get(), err.text());
        String text = out.text();
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
        Out out = new Out();
        AtomicInteger exit = new AtomicInteger(-1);
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(new Out(), true));
        Thread watching = new Thread(() -> exit.set(command.execute("watch", "--diff", "--redis",
                "redis://sessionsonly:secret@127.0.0.1:" + REDIS.port() + "/0")), "watch-diff-sessionsonly");
        watching.start();
        try {
            Await.until("the audit line", Await.EVENTUALLY, () -> out.text().contains("== AUDIT: "));
        } finally {
            watching.interrupt();
            watching.join(10_000);
        }
        assertEquals(0, exit.get());
        String line = out.text().lines().filter(l -> l.startsWith("== AUDIT: ")).findFirst().orElseThrow();
        assertTrue(line.startsWith("== AUDIT: the audit stream cannot be read: the Redis user may not touch the audit "
                + "stream " + io.welno.console.flow.RedisAuditLog.DEFAULT_KEY + " ("), "one sentence, the cause's words "
                + "within it as the Audit tab has them: " + line);
        assertFalse(line.contains("sessions'"), line);
    }
}
