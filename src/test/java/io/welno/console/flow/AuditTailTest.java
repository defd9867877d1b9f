package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.text.Phrase;
import io.welno.console.testing.Await;
import io.welno.console.testing.RedisServerExtension;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Once {@link AuditTail#close()} returns, its consumer is not called again: {@code watch --diff} prints from that
 * consumer, and nothing may be printed after the command has ended.
 */
class AuditTailTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String KEY = "welno:console:audit-tail-test";

    @Test
    void closeWaitsForAHandOverUnderWayAndNoneStartsAfterIt() throws Exception {
        RedisAuditLog log = new RedisAuditLog(REDIS.client(), KEY, 100);
        AtomicLong order = new AtomicLong();
        List<Long> handedOver = new CopyOnWriteArrayList<>();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AuditTail tail = AuditTail.start(REDIS.client(), KEY, record -> {
            inside.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handedOver.add(order.incrementAndGet());
        });
        try {
            // The tail reads what comes after its first read: write until an entry reaches it.
            Await.until("an entry reached the tail", Await.EVENTUALLY, () -> {
                log.record(entry());
                try {
                    return inside.await(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            AtomicLong closedAt = new AtomicLong();
            Thread closer = new Thread(() -> {
                tail.close();
                closedAt.set(order.incrementAndGet());
            }, "closer");
            closer.start();
            Await.until("close() was called", Await.EVENTUALLY, () -> closer.getState() == Thread.State.BLOCKED
                    || closer.getState() == Thread.State.TERMINATED);
            release.countDown();
            closer.join(10_000);
            assertFalse(closer.isAlive());

            log.record(entry());
            tail.thread().join(10_000);
            assertFalse(tail.thread().isAlive(), "the tail ends after its blocked read");
            for (long at : handedOver) {
                assertTrue(at < closedAt.get(), "handed over at " + at + ", after close() returned at "
                        + closedAt.get());
            }
        } finally {
            release.countDown();
            tail.close();
        }
    }

    private static AuditRecord entry() {
        return new AuditRecord(Instant.now(), "act-1", AuditRecord.ATTEMPT, "kim", Role.OPERATOR, "reset-stuck",
                "welno_1", "outage", false, "fetching_health_data", "auth_completed", "APPLIED",
                Phrase.of("text.verbatim", "ok"), null);
    }
}
