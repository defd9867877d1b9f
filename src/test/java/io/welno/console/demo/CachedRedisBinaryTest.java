package io.welno.console.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

class CachedRedisBinaryTest {

    @TempDir
    Path cache;

    @Test
    void copiesTheBinaryOnceAndLeavesNothingElseBehind() throws Exception {
        CachedRedisBinary binary = new CachedRedisBinary(cache.resolve("redis"));
        File first = binary.get();
        assertTrue(first.canExecute(), first + " is not executable");
        assertTrue(first.length() > 1_000_000, "a whole redis-server, not " + first.length() + " bytes");
        FileTime written = Files.getLastModifiedTime(first.toPath());
        Files.setLastModifiedTime(first.toPath(), FileTime.fromMillis(written.toMillis() - 60_000));

        File second = binary.get();

        assertEquals(first, second);
        assertEquals(written.toMillis() - 60_000, Files.getLastModifiedTime(second.toPath()).toMillis(),
                "the second start copied the binary again");
        assertEquals(List.of(first.toPath()), files(cache.resolve("redis")));
    }

    @Test
    void startsInSeveralThreadsAtOnceAllGetTheOneFinishedCopy() throws Exception {
        CachedRedisBinary binary = new CachedRedisBinary(cache.resolve("redis"));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<File>> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(threads.submit(() -> {
                    go.await();
                    return binary.get();
                }));
            }
            go.countDown();
            Set<File> files = new HashSet<>();
            for (Future<File> each : got) {
                files.add(each.get());
            }
            assertEquals(1, files.size(), files.toString());
            File file = files.iterator().next();
            assertTrue(file.canExecute());
            assertEquals(List.of(file.toPath()), files(cache.resolve("redis")), "no part file left behind");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aServerRunsFromTheCachedCopyItself() throws Exception {
        CachedRedisBinary binary = new CachedRedisBinary(cache.resolve("redis"));
        int port = EmbeddedRedis.freePort();
        RedisServer server = RedisServer.newRedisServer().executableProvider(binary).bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").onShutdownForceStop(false).build();
        server.start();
        try (Jedis client = new Jedis("127.0.0.1", port)) {
            assertEquals("PONG", client.ping());
            String cached = binary.get().getAbsolutePath();
            assertTrue(ProcessHandle.current().descendants()
                    .anyMatch(p -> p.info().command().orElse("").equals(cached)),
                    "no redis-server running from " + cached);
        } finally {
            server.stop();
        }
        assertEquals(1, files(cache.resolve("redis")).size());
    }

    @Test
    void aCacheThatCannotBeWrittenFallsBackToATemporaryCopy() throws Exception {
        Path notADirectory = Files.writeString(cache.resolve("a-file"), "not a directory");
        CachedRedisBinary binary = new CachedRedisBinary(notADirectory.resolve("redis"));

        File server = binary.get();

        assertTrue(server.canExecute() && server.length() > 1_000_000, server.toString());
        assertTrue(!server.toPath().startsWith(cache), "a temporary copy, not in the cache: " + server);
    }

    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.sorted().toList();
        }
    }
}
