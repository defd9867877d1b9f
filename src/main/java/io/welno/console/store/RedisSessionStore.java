package io.welno.console.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Sessions in Redis as the backend keeps them: one JSON string per {@code {prefix}{id}} key. Reads are
 * pipelined; writes go through {@link CompareAndSetScript} so a concurrent writer is never overwritten
 * and the TTL is never reset.
 */
public final class RedisSessionStore implements SessionStore {

    /** The backend's SETEX 1800. */
    public static final Duration BACKEND_TTL = Duration.ofMinutes(30);

    private final UnifiedJedis redis;
    private final boolean ownsClient;
    private final RedisConnectionSettings settings;
    private final SessionCodec codec;
    private final SessionReader reader;
    /** The reader's naming: a write goes to the key an id is listed under, whose bytes its text may not be. */
    private final KeyNames keyNames;
    private final OptimisticUpdater updater;
    private volatile CompareAndSetScript casScript;

    public RedisSessionStore(UnifiedJedis redis, boolean ownsClient, RedisConnectionSettings settings,
                             SessionCodec codec, Timestamps timestamps, RetryPolicy retry) {
        this.redis = redis;
        this.ownsClient = ownsClient;
        this.settings = settings;
        this.codec = codec;
        this.reader = new SessionReader(redis, settings, codec, false);
        this.keyNames = new KeyNames(settings.keyPrefix());
        this.updater = new OptimisticUpdater(new CasBackend(), codec, timestamps, retry);
    }

    public static RedisSessionStore open(RedisConnectionSettings settings, SessionCodec codec, Timestamps timestamps) {
        return new RedisSessionStore(RedisConnections.openClient(settings, "welno-console"), true, settings, codec,
                timestamps, RetryPolicy.DEFAULT);
    }

    public UnifiedJedis client() {
        return redis;
    }

    public RedisConnectionSettings settings() {
        return settings;
    }

    public SessionCodec codec() {
        return codec;
    }

    /**
     * Streams every session with the live feed's loader ({@link ParallelScan}): the SCAN goes on while chunks of keys
     * are read and parsed on threads of their own. Batches reach {@code batchSink} on the calling thread as they are
     * parsed, in no particular order; only a few are held at a time.
     */
    @Override
    public long scan(Consumer<List<StoredSession>> batchSink) {
        ExecutorService scanThread = Executors.newSingleThreadExecutor(daemon("welno-store-scan"));
        ExecutorService readPool = Executors.newFixedThreadPool(ParallelScan.DEFAULT_READERS, daemon("welno-store-read"));
        ExecutorService parsePool = Executors.newFixedThreadPool(ParallelScan.DEFAULT_PARSERS,
                daemon("welno-store-parse"));
        try {
            return new StreamedScan(new ParallelScan(scanThread, readPool, parsePool, ParallelScan.DEFAULT_SCAN_COUNT,
                    ParallelScan.DEFAULT_CHUNK), List.of(reader), ParallelScan.DEFAULT_PARSERS * 2)
                    .drainInto(batchSink);
        } finally {
            scanThread.shutdownNow();
            readPool.shutdownNow();
            parsePool.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Reads the given keys (values and TTLs in one pipeline) and parses them. Missing keys are skipped. */
    public List<StoredSession> fetch(List<String> keys) {
        return reader.read(keys).present();
    }

    /**
     * One session, for an action, a hold or {@code show}. What Redis answered instead of its value is thrown, not
     * returned as a row: a permission the user lacks is a failure to name, and a cluster node's MOVED means the
     * session is on another node — neither is an unreadable session, nor a session that is gone.
     */
    @Override
    public Optional<StoredSession> get(String id) {
        SessionReader.Result read = reader.read(List.of(settings.key(id)));
        if (!read.refusals().isEmpty()) {
            throw read.refusals().get(0);
        }
        List<StoredSession> found = read.present();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The one read component of this store's server (also what every server of the live feed reads through). */
    public SessionReader reader() {
        return reader;
    }

    @Override
    public CreateResult create(String id, ObjectNode document, Duration ttl) {
        byte[] key = keyNames.bytes(settings.key(id));
        if (key == null || !KeyNames.isUtf8(key)) {
            // A key the backend could never name, and that the console lists as unreadable: it is never written.
            throw new IllegalArgumentException("Not a name a session can be created under: " + id);
        }
        String reply = redis.set(key, codec.write(document).getBytes(StandardCharsets.UTF_8),
                SetParams.setParams().nx().px(ttl.toMillis()));
        return "OK".equals(reply) ? CreateResult.CREATED : CreateResult.ALREADY_EXISTS;
    }

    @Override
    public UpdateResult update(String id, Precondition precondition, SessionMutation mutation) {
        return updater.update(id, precondition, mutation);
    }

    /** The server's major version, read once; it decides whether KEEPTTL exists. */
    int serverMajorVersion() {
        return RedisServerInfo.majorVersion(redis.info("server"));
    }

    /** Uses the PTTL-carrying script regardless of version; lets tests prove the Redis 5 path on Redis 6+. */
    public void forceRedis5CompatibleWrites() {
        casScript = CompareAndSetScript.forServerVersion(5);
    }

    private CompareAndSetScript casScript() {
        CompareAndSetScript script = casScript;
        if (script == null) {
            script = CompareAndSetScript.forServerVersion(serverMajorVersion());
            casScript = script;
        }
        return script;
    }

    @Override
    public String describe() {
        return settings.toString();
    }

    @Override
    public void close() {
        if (ownsClient) {
            redis.close();
        }
    }

    private final class CasBackend implements OptimisticUpdater.Backend {
        @Override
        public StoredSession read(String id) {
            // Which script to write with (an INFO, once) is settled here, with the read: a failure of it is then a
            // read's, after which nothing was sent, not a write's whose fate is unknown.
            casScript();
            return RedisSessionStore.this.get(id).orElse(null);
        }

        @Override
        public OptimisticUpdater.CasOutcome compareAndSet(String id, byte[] expected, String replacement) {
            // The read before it was of these bytes, and found a readable value: never a key that is not UTF-8.
            return casScript().run(redis, keyNames.bytes(settings.key(id)), expected, replacement);
        }
    }
}
