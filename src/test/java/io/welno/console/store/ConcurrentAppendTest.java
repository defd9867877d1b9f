package io.welno.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.session.MessageType;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionMessage;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RedisServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.params.SetParams;

/**
 * Many console writers appending messages to the same few sessions at once: every append must survive,
 * unknown fields must stay, and the TTL must only ever count down.
 */
class ConcurrentAppendTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String FIXTURE = "11_campaign_with_unknown_fields.json";
    private final SessionCodec codec = new SessionCodec();

    @Test
    void thirtyTwoWritersOverEightConnectionsLoseNoAppend() throws Exception {
        int keys = 16;
        int threads = 32;
        // 8,000 appends: thousands of collisions already. Each append rewrites its whole document, so the work grows
        // with the square of the appends per key; at 32,000 this test alone took three minutes on two cores.
        int appendsPerThread = 250;
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            String id = "welno_hot" + k;
            REDIS.client().set("tilko_session:" + id, Fixtures.text(FIXTURE), SetParams.setParams().ex(1800));
            ids.add(id);
        }
        List<RedisSessionStore> connections = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            connections.add(RedisSessionStore.open(REDIS.settings(), codec, Timestamps.system()));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> ttlProblems = new ConcurrentLinkedQueue<>();
        Thread ttlWatcher = new Thread(() -> watchTtlsCountDown(ids, writing, ttlProblems));
        ttlWatcher.start();
        try {
            runWriters(threads, appendsPerThread, ids, t -> connections.get(t % connections.size()));
        } finally {
            writing.set(false);
            ttlWatcher.join();
            connections.forEach(RedisSessionStore::close);
        }
        assertTrue(ttlProblems.isEmpty(), "TTL went up: " + ttlProblems);
        assertEveryAppendPresent(ids, threads, appendsPerThread,
                id -> REDIS.client().get("tilko_session:" + id));
    }

    @Test
    void theFileStoreLosesNoAppendEither(@TempDir Path dir) throws Exception {
        int threads = 8;
        int appendsPerThread = 150;
        List<String> ids = List.of("welno_file0", "welno_file1");
        for (String id : ids) {
            Files.writeString(dir.resolve(id + ".json"), Fixtures.text(FIXTURE));
        }
        // Two store instances stand in for two console processes sharing the directory.
        List<FileSessionStore> stores = List.of(
                new FileSessionStore(dir, codec, Timestamps.system(), RetryPolicy.DEFAULT),
                new FileSessionStore(dir, codec, Timestamps.system(), RetryPolicy.DEFAULT));
        runWriters(threads, appendsPerThread, ids, t -> stores.get(t % 2));
        assertEveryAppendPresent(ids, threads, appendsPerThread, id -> {
            try {
                return Files.readString(dir.resolve(id + ".json"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (var leftovers = Files.list(dir)) {
            assertEquals(0, leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
        }
    }

    private void runWriters(int threads, int appendsPerThread, List<String> ids, IntFunction<SessionStore> storeFor)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<UpdateResult>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            SessionStore store = storeFor.apply(t);
            futures.add(pool.submit(() -> {
                start.await();
                List<UpdateResult> failures = new ArrayList<>();
                for (int i = 0; i < appendsPerThread; i++) {
                    String id = ids.get((thread + i) % ids.size());
                    String text = "t" + thread + "-" + i;
                    UpdateResult result = store.update(id, Precondition.none(),
                            (current, edit) -> edit.message(MessageType.INFO, text));
                    if (!result.applied()) {
                        failures.add(result);
                    }
                }
                return failures;
            }));
        }
        start.countDown();
        for (Future<List<UpdateResult>> future : futures) {
            List<UpdateResult> failures = future.get(5, TimeUnit.MINUTES);
            assertTrue(failures.isEmpty(), "not applied: " + failures.stream().limit(3).toList());
        }
        pool.shutdown();
    }

    private void assertEveryAppendPresent(List<String> ids, int threads, int appendsPerThread,
                                          java.util.function.Function<String, String> reader) {
        SessionDocument original = (SessionDocument) codec.parse("x", Fixtures.text(FIXTURE));
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (String id : ids) {
            SessionDocument doc = (SessionDocument) codec.parse(id, reader.apply(id));
            JsonNode future = doc.tree().get("x_future_field");
            assertEquals(original.tree().get("x_future_field"), future, "unknown field changed in " + id);
            assertEquals(original.tree().get("oid"), doc.tree().get("oid"));
            assertEquals(original.status(), doc.status());
            List<SessionMessage> messages = doc.messages();
            total += messages.size() - original.messageCount();
            for (SessionMessage message : messages.subList(original.messageCount(), messages.size())) {
                assertTrue(seen.add(message.text()), "duplicate append " + message.text());
            }
        }
        assertEquals(threads * appendsPerThread, total);
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < appendsPerThread; i++) {
                assertTrue(seen.contains("t" + t + "-" + i), "lost append t" + t + "-" + i);
            }
        }
    }

    private void watchTtlsCountDown(List<String> ids, AtomicBoolean writing, ConcurrentLinkedQueue<String> problems) {
        long[] last = new long[ids.size()];
        java.util.Arrays.fill(last, Long.MAX_VALUE);
        try (var watcher = redis.clients.jedis.RedisClient.create("127.0.0.1", REDIS.port())) {
            while (writing.get()) {
                for (int i = 0; i < ids.size(); i++) {
                    long ttl = watcher.pttl("tilko_session:" + ids.get(i));
                    // PTTL is in ms; allow 1 ms for rounding between the server's clock reads.
                    if (ttl < 0 || (last[i] != Long.MAX_VALUE && ttl > last[i] + 1)) {
                        problems.add(ids.get(i) + ": " + last[i] + " -> " + ttl);
                    }
                    last[i] = ttl;
                }
            }
        }
    }
}
