package io.welno.console.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A console killed outright (SIGKILL: no close, no shutdown hook) leaves its embedded Redis running; the next console
 * that starts one stops it. A server whose console still runs is left alone.
 */
class RedisOwnersTest {

    @TempDir
    Path cache;

    /** A console in a process of its own: starts an embedded Redis, says its port, and waits to be killed. */
    public static final class Owner {
        public static void main(String[] args) throws Exception {
            EmbeddedRedis redis = EmbeddedRedis.start();
            System.out.println("PORT " + redis.port());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    @Test
    void aServerLeftByAKilledConsoleIsStoppedByTheNextAndALiveOnesIsNot() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process console = new ProcessBuilder(java, "-D" + CachedRedisBinary.DIRECTORY_PROPERTY + "=" + cache,
                "-cp", System.getProperty("java.class.path"), Owner.class.getName()).redirectErrorStream(true).start();
        int port;
        long serverPid;
        try {
            port = portOf(console);
            serverPid = console.toHandle().children().findFirst().orElseThrow().pid();
            assertTrue(answers(port), "the console's Redis is up");
            assertEquals(List.of(console.pid() + " " + RedisOwners.started(console.toHandle()),
                            serverPid + " " + RedisOwners.started(ProcessHandle.of(serverPid).orElseThrow())),
                    Files.readAllLines(cache.resolve("running").resolve("redis-" + port + ".owner")),
                    "the console told its start and its server's as this process tells them");
        } finally {
            console.destroyForcibly(); // SIGKILL: neither close() nor the shutdown hook runs
            console.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(answers(port), "killed outright, the console left its Redis running");
        assertTrue(Files.exists(cache.resolve("running").resolve("redis-" + port + ".owner")), "the owner note");

        RedisOwners owners = new RedisOwners(cache.resolve("running"));
        try (EmbeddedRedis mine = startHere()) {
            assertFalse(ProcessHandle.of(serverPid).map(RedisOwners::running).orElse(false),
                    "the next console's start stopped it");
            assertFalse(answers(port));
            assertFalse(Files.exists(cache.resolve("running").resolve("redis-" + port + ".owner")), "its note is gone");

            assertEquals(0, owners.stopOrphans(), "this console is alive: its server is not an orphan");
            assertTrue(answers(mine.port()));
        } finally {
            // when a check above failed: the orphan is not left behind by this test
            ProcessHandle.of(serverPid).filter(p -> p.info().command().orElse("").contains("redis-server"))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
        try (var left = Files.list(cache.resolve("running"))) {
            assertEquals(List.of(), left.toList(), "a console that closes its server forgets it");
        }
    }

    /**
     * An orphan killed where its new parent does not reap it stays a zombie, which Java calls alive and whose
     * {@code onExit()} never completes: the stop waited for it in vain and the next check still found it "alive".
     */
    @Test
    void aZombieIsNotRunning() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "zombies are seen through /proc");
        // the background sleep ends a second later, when its parent has become a long sleep that never reaps it (one
        // that ended before the exec could be reaped by bash itself, and its /proc entry would be gone)
        Process parent = new ProcessBuilder("bash", "-c", "sleep 1 & echo $!; exec sleep 60").start();
        try {
            long child = Long.parseLong(
                    new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
                            .readLine().trim());
            Path stat = Path.of("/proc", Long.toString(child), "stat");
            for (int i = 0; i < 200 && !Files.readString(stat).contains(") Z "); i++) {
                Thread.sleep(50);
            }
            ProcessHandle zombie = ProcessHandle.of(child).orElseThrow();
            assertTrue(zombie.isAlive(), "Java's own word: a zombie is alive");
            assertFalse(RedisOwners.running(zombie), "it runs nothing: ended");
            assertTrue(RedisOwners.running(ProcessHandle.of(parent.pid()).orElseThrow()), "its parent runs");
            assertTrue(RedisOwners.running(ProcessHandle.current()));
        } finally {
            parent.destroyForcibly();
            parent.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Where there is {@code /proc}, a start is its clock ticks since boot, which every process reads alike. Java's
     * start instant is not: each JVM adds the boot time it read at its own start from a wall clock that may have been
     * stepped since, and the next console then saw a live console as gone and its orphan as another program.
     */
    @Test
    void aStartIsToldInClockTicksSinceBoot() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "clock ticks are read from /proc");
        String stat = Files.readString(Path.of("/proc", Long.toString(ProcessHandle.current().pid()), "stat"));
        String ticks = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19];
        assertEquals("t" + ticks, RedisOwners.started(ProcessHandle.current()));
    }

    @Test
    void anOrphanIsKnownByItsStartAndAnythingElseIsLeftRunning() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "starts in ticks are read from /proc");
        Path running = cache.resolve("running");
        Files.createDirectories(running);
        RedisOwners owners = new RedisOwners(running);
        long gone = ended();
        Process orphan = sleeper();
        Process notOurs = sleeper();
        Process liveConsolesServer = sleeper();
        try {
            String me = ProcessHandle.current().pid() + " ";
            String inMillis = Long.toString(ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli());
            note(running, 1, gone + " t1", orphan.pid() + " " + RedisOwners.started(orphan.toHandle()));
            // an older console's note, in milliseconds: whether the process is still that server is unclear, and it
            // is no redis-server, so it is left
            note(running, 2, gone + " 1", notOurs.pid() + " " + notOurs.toHandle().info().startInstant()
                    .orElseThrow().toEpochMilli());
            // its console, this process, told in milliseconds: unclear whether it is still that console, so alive
            note(running, 3, me + inMillis, liveConsolesServer.pid() + " " + RedisOwners.started(liveConsolesServer.toHandle()));

            assertEquals(1, owners.stopOrphans());
            assertTrue(orphan.waitFor(30, TimeUnit.SECONDS), "the orphan, its console gone, is stopped");
            assertTrue(notOurs.isAlive(), "a process that may not be the server is left running");
            assertTrue(liveConsolesServer.isAlive(), "a server whose console may be alive is left running");
            try (var left = Files.list(running)) {
                assertEquals(List.of(running.resolve("redis-3.owner")), left.toList(),
                        "a note whose console is gone has served; a live console's stays");
            }
        } finally {
            orphan.destroyForcibly();
            notOurs.destroyForcibly();
            liveConsolesServer.destroyForcibly();
        }
    }

    private static Process sleeper() throws Exception {
        return new ProcessBuilder("sleep", "120").start();
    }

    /** The id of a process that has ended. */
    private static long ended() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertEquals(0, process.waitFor());
        return process.pid();
    }

    private static void note(Path running, int port, String owner, String server) throws Exception {
        Files.writeString(running.resolve("redis-" + port + ".owner"), owner + "\n" + server + "\n");
    }

    /** Started with this test's cache directory, as the next console would start its own. */
    private EmbeddedRedis startHere() {
        String before = System.getProperty(CachedRedisBinary.DIRECTORY_PROPERTY);
        System.setProperty(CachedRedisBinary.DIRECTORY_PROPERTY, cache.toString());
        try {
            return EmbeddedRedis.start();
        } finally {
            if (before == null) {
                System.clearProperty(CachedRedisBinary.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(CachedRedisBinary.DIRECTORY_PROPERTY, before);
            }
        }
    }

    private static int portOf(Process console) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the console never said its port:\n" + seen);
    }

    private static boolean answers(int port) {
        try (Jedis jedis = new Jedis("127.0.0.1", port, 2000)) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException refused) {
            return false;
        }
    }
}
