package io.welno.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.testing.RedisServerExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import io.welno.console.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Pipeline;

/**
 * A pass hands every session key on exactly once, in chunks of the configured size whatever the size of SCAN's pages
 * (only the last chunk is smaller), and ends once; other keys are not handed on.
 */
class ParallelScanTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void everyKeyIsHandedOnOnceInFullChunksWhateverThePages() {
        int sessions = 1_234;
        try (Pipeline pipeline = REDIS.client().pipelined()) {
            for (int i = 0; i < sessions; i++) {
                pipeline.set("tilko_session:s" + i, "{}");
                pipeline.set("other:" + i, "x");
            }
            pipeline.sync();
        }
        SessionReader reader = new SessionReader(REDIS.client(), REDIS.settings(), new SessionCodec(), false);
        List<List<String>> chunks = new ArrayList<>();
        List<String> parsed = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // Same-thread executors: the pass runs inside start(), in order. A COUNT of 7 gives pages of a few keys,
        // which never line up with chunks of 50.
        new ParallelScan(Runnable::run, Runnable::run, Runnable::run, 7, 50).start(List.of(reader),
                new ParallelScan.Handler<List<String>>() {
                    @Override
                    public List<String> fetch(int server, List<String> keys) {
                        chunks.add(List.copyOf(keys));
                        return keys;
                    }

                    @Override
                    public void parse(int server, List<String> fetched) {
                        parsed.addAll(fetched);
                    }

                    @Override
                    public void done() {
                        done.incrementAndGet();
                    }

                    @Override
                    public void failed(Throwable cause) {
                        failure.set(cause);
                    }
                });

        assertNull(failure.get());
        assertEquals(1, done.get());
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < sessions; i++) {
            expected.add("tilko_session:s" + i);
        }
        assertEquals(sessions, parsed.size(), "no key twice");
        assertEquals(expected, new HashSet<>(parsed));
        for (int c = 0; c < chunks.size() - 1; c++) {
            assertEquals(50, chunks.get(c).size(), "chunk " + c);
        }
        assertTrue(chunks.get(chunks.size() - 1).size() <= 50);
        assertEquals((sessions + 49) / 50, chunks.size());
    }

    /**
     * A parser that waits on one chunk (the value/TTL race guard's second read is a round trip on the parser's thread,
     * docs/live.md, "Reading") holds up no other chunk: every other one is read and parsed meanwhile, and the pass ends
     * once that one is parsed too.
     */
    @Test
    void aParserWaitingOnOneChunkHoldsNoOtherChunkUp() throws Exception {
        try (Pipeline pipeline = REDIS.client().pipelined()) {
            for (int i = 0; i < 1_000; i++) {
                pipeline.set("tilko_session:s" + i, "{}");
            }
            pipeline.sync();
        }
        SessionReader reader = new SessionReader(REDIS.client(), REDIS.settings(), new SessionCodec(), false);
        ExecutorService scanPool = Executors.newSingleThreadExecutor();
        ExecutorService readers = Executors.newFixedThreadPool(ParallelScan.DEFAULT_READERS);
        ExecutorService parsers = Executors.newFixedThreadPool(ParallelScan.DEFAULT_PARSERS);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        AtomicInteger parsed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        try {
            new ParallelScan(scanPool, readers, parsers, 100, 20).start(List.of(reader),
                    new ParallelScan.Handler<List<String>>() {
                        @Override
                        public List<String> fetch(int server, List<String> keys) {
                            return keys;
                        }

                        @Override
                        public void parse(int server, List<String> fetched) throws InterruptedException {
                            if (held.compareAndSet(false, true)) {
                                release.await();
                            }
                            parsed.addAndGet(fetched.size());
                        }

                        @Override
                        public void done() {
                            done.countDown();
                        }

                        @Override
                        public void failed(Throwable cause) {
                        }
                    });
            Await.until("every chunk but the held one parsed", Await.EVENTUALLY, () -> parsed.get() == 1_000 - 20);
            assertEquals(1, done.getCount(), "the pass waits for the held chunk");
            release.countDown();
            assertTrue(done.await(Await.EVENTUALLY.toMillis(), TimeUnit.MILLISECONDS));
            assertEquals(1_000, parsed.get());
        } finally {
            release.countDown();
            scanPool.shutdownNow();
            readers.shutdownNow();
            parsers.shutdownNow();
        }
    }
}
