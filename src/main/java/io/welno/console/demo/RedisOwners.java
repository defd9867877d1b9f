package io.welno.console.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

/**
 * Which console started which embedded Redis server, so that a server whose console is gone is stopped by the next
 * one. A console that closes stops its server itself (and a shutdown hook covers an ordinary exit), but a JVM that
 * is killed, or that the operating system ends when its display goes away, runs neither: its Redis went on running,
 * holding a port and the demo's data, until someone killed it by hand.
 *
 * <p>One small file per server ({@code redis-<port>.owner}): the console's process id and start time, the server's
 * process id and start time. A server is stopped only when its console's process is gone (or is another process by
 * now: a different start time) and the process found under the server's id is that same server (same start time,
 * or, where the system does not tell start times, a {@code redis-server} executable). Whatever is unclear is left
 * running: a stray server is a nuisance, a wrong process stopped is not acceptable.
 */
final class RedisOwners {

    private static final Logger LOG = LoggerFactory.getLogger(RedisOwners.class);
    private static final String SUFFIX = ".owner";
    private static final long UNKNOWN = -1;
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(50);

    private final Path directory;

    RedisOwners(Path directory) {
        this.directory = directory;
    }

    /** Beside the cached Redis binary (the build's tests keep theirs under {@code target/}). */
    static RedisOwners inDefaultPlace() {
        return new RedisOwners(CachedRedisBinary.inDefaultPlace().directory().resolve("running"));
    }

    /** Notes that this process owns {@code server}, the Redis listening on {@code port}. */
    void record(int port, ProcessHandle server) {
        ProcessHandle me = ProcessHandle.current();
        String note = me.pid() + " " + started(me) + "\n" + server.pid() + " " + started(server) + "\n";
        try {
            Files.createDirectories(directory);
            Files.writeString(file(port), note, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.debug("Could not note the owner of Redis on port {}: {}", port, e.toString());
        }
    }

    /** The server on {@code port} was stopped by its owner: nothing left to stop. */
    void forget(int port) {
        try {
            Files.deleteIfExists(file(port));
        } catch (IOException e) {
            LOG.debug("Could not remove the owner note of Redis on port {}: {}", port, e.toString());
        }
    }

    /** Stops every recorded server whose console is gone; how many were stopped. */
    int stopOrphans() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int stopped = 0;
        try (DirectoryStream<Path> notes = Files.newDirectoryStream(directory, "redis-*" + SUFFIX)) {
            for (Path note : notes) {
                stopped += stopIfOrphan(note) ? 1 : 0;
            }
        } catch (IOException e) {
            LOG.debug("Could not read the Redis owner notes in {}: {}", directory, e.toString());
        }
        return stopped;
    }

    private boolean stopIfOrphan(Path note) {
        long[] owner;
        long[] server;
        int port;
        try {
            String name = note.getFileName().toString();
            port = Integer.parseInt(name.substring("redis-".length(), name.length() - SUFFIX.length()));
            List<String> lines = Files.readAllLines(note, StandardCharsets.US_ASCII);
            owner = pidAndStart(lines.get(0));
            server = pidAndStart(lines.get(1));
        } catch (IOException | RuntimeException unreadable) {
            LOG.debug("Unreadable Redis owner note {}: {}", note, unreadable.toString());
            return false; // perhaps being written right now by a console starting: leave it
        }
        if (alive(owner[0], owner[1])) {
            return false;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(server[0]).filter(p -> sameServer(p, server[1]));
        orphan.ifPresent(p -> {
            stop(p);
            LOG.info("Stopped the Redis server on 127.0.0.1:{} left running by a console that ended without stopping it",
                    port);
        });
        forget(port); // its console is gone: the note has served, whether its server was still there or not
        return orphan.isPresent();
    }

    private static boolean alive(long pid, long start) {
        return ProcessHandle.of(pid).filter(RedisOwners::running)
                .filter(p -> start == UNKNOWN || started(p) == UNKNOWN || started(p) == start)
                .isPresent();
    }

    private static boolean sameServer(ProcessHandle process, long start) {
        if (!running(process)) {
            return false;
        }
        long now = started(process);
        if (start != UNKNOWN && now != UNKNOWN) {
            return now == start;
        }
        return process.info().command().map(c -> c.contains("redis-server")).orElse(false);
    }

    /**
     * SIGTERM first (Redis shuts down cleanly on it), then SIGKILL after two seconds, and the end is waited for: the
     * next console takes a port and a data directory the stopped one may still hold.
     */
    private static void stop(ProcessHandle server) {
        server.destroy();
        if (!ended(server, STOP_GRACE)) {
            server.destroyForcibly();
            if (!ended(server, KILL_WAIT)) {
                LOG.warn("The orphaned Redis server (process {}) did not end after SIGKILL", server.pid());
            }
        }
    }

    /**
     * Whether {@code process} ended within {@code wait}, polled: it is not our child, and an orphan whose new parent
     * does not reap it stays a zombie, which {@link ProcessHandle#onExit()} never sees end.
     */
    private static boolean ended(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (running(process)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !running(process);
            }
        }
        return true;
    }

    /**
     * Alive and not a zombie. Java counts a zombie as alive (its {@code /proc} entry stays until its parent reaps
     * it), but it runs nothing and holds no port: for an orphaned server re-parented to a process that does not
     * reap, "alive" would never end. Where there is no {@code /proc} (macOS, Windows) the handle's word stands.
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat, StandardCharsets.US_ASCII);
            int afterName = line.lastIndexOf(')'); // the name in parentheses may itself hold spaces or ')'
            return afterName < 0 || afterName + 2 >= line.length() || line.charAt(afterName + 2) != 'Z';
        } catch (IOException | RuntimeException noProc) {
            return process.isAlive(); // no /proc here, or the process ended between the two looks
        }
    }

    /**
     * The process of the Redis on {@code port}, as the server itself tells it ({@code INFO server}'s
     * {@code process_id}): its command line cannot say, since Redis rewrites it into its own title.
     */
    static Optional<ProcessHandle> serverProcess(String host, int port) {
        var config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(2000).socketTimeoutMillis(2000)
                .protocol(RedisProtocol.RESP2).clientName("welno-console-owner").build();
        try (Jedis jedis = new Jedis(new HostAndPort(host, port), config)) {
            for (String line : jedis.info("server").split("\r?\n")) {
                if (line.startsWith("process_id:")) {
                    return ProcessHandle.of(Long.parseLong(line.substring("process_id:".length()).trim()));
                }
            }
        } catch (RuntimeException unanswered) {
            LOG.debug("Redis on port {} did not say its process: {}", port, unanswered.toString());
        }
        return Optional.empty();
    }

    private Path file(int port) {
        return directory.resolve("redis-" + port + SUFFIX);
    }

    private static long started(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(UNKNOWN);
    }

    private static long[] pidAndStart(String line) {
        String[] parts = line.trim().split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }
}
