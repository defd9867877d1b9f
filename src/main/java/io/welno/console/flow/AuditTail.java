package io.welno.console.flow;

import io.welno.console.store.AuditStreamException;
import io.welno.console.store.StoreFailure;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Follows the shared audit stream as other consoles append to it ({@code XREAD BLOCK} from the newest entry), on a
 * thread of its own, and hands each new entry to a consumer: the window learns of every operator's actions while
 * they happen. A read-only command, so a viewer's console may run it. Reconnects by itself after a Redis outage, and
 * says meanwhile why it cannot read (a missing permission, a timeout, a lost connection): a list that only stopped
 * growing would read as "nobody did anything".
 */
public final class AuditTail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTail.class);
    private static final int BLOCK_MILLIS = 2_000;

    private final UnifiedJedis redis;
    private final String key;
    private final Consumer<AuditRecord> consumer;
    private final Consumer<Optional<Phrase>> reading;
    private final Thread thread;
    /** Held while an entry is handed over, so close() returns only when no hand-over is under way or can start. */
    private final Object handing = new Object();
    private volatile boolean closed;

    private AuditTail(UnifiedJedis redis, String key, Consumer<AuditRecord> consumer,
                      Consumer<Optional<Phrase>> reading) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.key = Objects.requireNonNull(key, "key");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.reading = Objects.requireNonNull(reading, "reading");
        this.thread = new Thread(this::run, "audit-tail");
        this.thread.setDaemon(true);
    }

    /** Starts following {@code key} from its newest entry. */
    public static AuditTail start(UnifiedJedis redis, String key, Consumer<AuditRecord> consumer) {
        return start(redis, key, consumer, problem -> { });
    }

    /**
     * Starts following {@code key} from its newest entry, telling {@code reading} (on the tail's thread) why a read
     * failed ({@link StoreFailure#describe}) when it starts failing or fails for another reason, and
     * {@link Optional#empty()} once a read succeeds again.
     */
    public static AuditTail start(UnifiedJedis redis, String key, Consumer<AuditRecord> consumer,
                                  Consumer<Optional<Phrase>> reading) {
        AuditTail tail = new AuditTail(redis, key, consumer, reading);
        tail.thread.start();
        return tail;
    }

    private void run() {
        StreamEntryID last = StreamEntryID.XREAD_NEW_ENTRY;
        Phrase failing = null;
        while (!closed) {
            try {
                List<Map.Entry<String, List<StreamEntry>>> read = redis.xread(
                        XReadParams.xReadParams().block(BLOCK_MILLIS).count(100), Map.of(key, last));
                if (failing != null) {
                    failing = null;
                    LOG.info("Audit tail: reading {} again", SafeText.bounded(key, SafeText.FIELD));
                    tell(Optional.empty());
                }
                if (read == null) {
                    continue;
                }
                for (Map.Entry<String, List<StreamEntry>> stream : read) {
                    for (StreamEntry entry : stream.getValue()) {
                        last = entry.getID();
                        synchronized (handing) {
                            if (closed) {
                                return;
                            }
                            try {
                                consumer.accept(AuditRecord.fromFields(entry.getID().toString(), entry.getFields()));
                            } catch (RuntimeException e) {
                                LOG.warn("An audit consumer failed", e);
                            }
                        }
                    }
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                Phrase problem = StoreFailure.describe(new AuditStreamException(key, e)); // names the stream
                if (!problem.equals(failing)) {
                    failing = problem;
                    LOG.warn("Audit tail: cannot read {}: {}; retrying", SafeText.bounded(key, SafeText.FIELD),
                            SafeText.bounded(e.toString(), SafeText.TEXT));
                    tell(Optional.of(problem));
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void tell(Optional<Phrase> problem) {
        synchronized (handing) {
            if (closed) {
                return;
            }
            try {
                reading.accept(problem);
            } catch (RuntimeException e) {
                LOG.warn("An audit reading listener failed", e);
            }
        }
    }

    /**
     * Stops following: once it returns, the consumer is not called again (a call under way is waited for; a read
     * blocked in Redis is not, its thread ends when the read does).
     */
    @Override
    public void close() {
        synchronized (handing) {
            closed = true;
        }
        thread.interrupt();
    }

    /** The following thread, for a test to wait until it has ended. */
    Thread thread() {
        return thread;
    }
}
