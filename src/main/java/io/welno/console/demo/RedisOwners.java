package io.welno.console.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * <p>One small file per server ({@code redis-<port>.owner}): the console's process id and start, the server's process
 * id and start. A server is stopped only when its console's process is gone (or is another process by now: a
 * different start) and the process found under the server's id is that same server (same start, or, where the
 * system does not tell starts, a {@code redis-server} executable). Whatever is unclear is left running: a stray
 * server is a nuisance, a wrong process stopped is not acceptable.
 */
final class RedisOwners {

    private static final Logger LOG = LoggerFactory.getLogger(RedisOwners.class);
    private static final String SUFFIX = ".owner";
    /** A start that the system does not tell: it matches nothing and contradicts nothing. */
    private static final String UNKNOWN = "?";
    private static final String TICKS = "t";
    private static final String MILLIS = "m";
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(50);
    /** {@code starttime}, the 22nd field of {@code /proc/<pid>/stat}, counted from the state (the 3rd). */
    private static final int START_TICKS_FIELD = 22 - 3;

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
        Identity owner;
        Identity server;
        int port;
        try {
            String name = note.getFileName().toString();
            port = Integer.parseInt(name.substring("redis-".length(), name.length() - SUFFIX.length()));
            List<String> lines = Files.readAllLines(note, StandardCharsets.US_ASCII);
            owner = Identity.parse(lines.get(0));
            server = Identity.parse(lines.get(1));
        } catch (IOException | RuntimeException unreadable) {
            LOG.debug("Unreadable Redis owner note {}: {}", note, unreadable.toString());
            return false; // perhaps being written right now by a console starting: leave it
        }
        if (alive(owner)) {
            return false;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(server.pid()).filter(p -> sameServer(p, server.start()));
        orphan.ifPresent(p -> {
            stop(p);
            LOG.info("Stopped the Redis server on 127.0.0.1:{} left running by a console that ended without stopping it",
                    port);
        });
        forget(port); // its console is gone: the note has served, whether its server was still there or not
        return orphan.isPresent();
    }

    private static boolean alive(Identity owner) {
        return ProcessHandle.of(owner.pid()).filter(RedisOwners::running)
                .filter(p -> sameStart(owner.start(), started(p)).orElse(true))
                .isPresent();
    }

    private static boolean sameServer(ProcessHandle process, String start) {
        if (!running(process)) {
            return false;
        }
        return sameStart(start, started(process))
                .orElseGet(() -> process.info().command().map(c -> c.contains("redis-server")).orElse(false));
    }

    /** Whether two starts are the same one; empty when either is unknown or they were told in different units. */
    private static Optional<Boolean> sameStart(String recorded, String now) {
        if (recorded.equals(UNKNOWN) || now.equals(UNKNOWN) || recorded.charAt(0) != now.charAt(0)) {
            return Optional.empty();
        }
        return Optional.of(recorded.equals(now));
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
        return procStat(process).map(fields -> !fields[0].equals("Z"))
                .orElseGet(process::isAlive); // no /proc here, or the process ended between the two looks
    }

    /**
     * The fields of {@code /proc/<pid>/stat} after the command name, the state first; empty where there is no
     * {@code /proc} or the process is gone.
     */
    private static Optional<String[]> procStat(ProcessHandle process) {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat, StandardCharsets.US_ASCII);
            int afterName = line.lastIndexOf(')'); // the name in parentheses may itself hold spaces or ')'
            return afterName < 0 ? Optional.empty() : Optional.of(line.substring(afterName + 1).trim().split(" +"));
        } catch (IOException | RuntimeException noProc) {
            return Optional.empty();
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

    /**
     * When {@code process} started, told alike by every process on this machine: on Linux the clock ticks since boot
     * ({@code /proc/<pid>/stat}'s 22nd field). Java's start instant adds to those ticks the boot time that each JVM
     * read once, at its own start, from the wall clock; a clock stepped in between (a virtual machine resumed, a time
     * daemon's correction) makes two JVMs disagree by a second or more about the same process, and the next console
     * then took a live console for gone and an orphan for another program. Elsewhere the instant, in milliseconds.
     */
    static String started(ProcessHandle process) {
        Optional<String> ticks = procStat(process).filter(fields -> fields.length > START_TICKS_FIELD)
                .map(fields -> fields[START_TICKS_FIELD]).filter(RedisOwners::digits);
        if (ticks.isPresent()) {
            return TICKS + ticks.get();
        }
        return process.info().startInstant().map(at -> MILLIS + at.toEpochMilli()).orElse(UNKNOWN);
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A process as a note names it: its id and its start. */
    private record Identity(long pid, String start) {

        /**
         * {@code <pid> <start>}; a start of plain digits is in milliseconds, as consoles before the start in ticks
         * wrote it. A start in a unit this console does not know matches nothing and contradicts nothing.
         */
        static Identity parse(String line) {
            String[] parts = line.trim().split(" ");
            String start = digits(parts[1]) ? MILLIS + parts[1] : parts[1];
            return new Identity(Long.parseLong(parts[0]), start);
        }
    }
}
