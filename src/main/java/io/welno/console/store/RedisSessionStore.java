package io.welno.console.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UnreadableSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Sessions in Redis as the backend keeps them: one JSON string per {@code {prefix}{id}} key. Reads are
 * pipelined; writes go through {@link CompareAndSetScript} so a concurrent writer is never overwritten
 * and the TTL is never reset.
 */
public final class RedisSessionStore implements SessionStore {

    /** The backend's SETEX 1800. */
    public static final Duration BACKEND_TTL = Duration.ofMinutes(30);

    /** Why a key under the prefix that holds a hash, list, ... is shown as unreadable. */
    static final String NOT_A_STRING = "Not a string value: the key holds another Redis type, which is never a "
            + "session; it is shown as is and never written";

    static final int SCAN_COUNT = 1000;
    static final int FETCH_CHUNK = 500;

    private final UnifiedJedis redis;
    private final boolean ownsClient;
    private final RedisConnectionSettings settings;
    private final SessionCodec codec;
    private final OptimisticUpdater updater;
    private volatile CompareAndSetScript casScript;

    public RedisSessionStore(UnifiedJedis redis, boolean ownsClient, RedisConnectionSettings settings,
                             SessionCodec codec, Timestamps timestamps, RetryPolicy retry) {
        this.redis = redis;
        this.ownsClient = ownsClient;
        this.settings = settings;
        this.codec = codec;
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

    @Override
    public long scan(Consumer<List<StoredSession>> batchSink) {
        ScanParams params = new ScanParams().match(globEscape(settings.keyPrefix()) + "*").count(SCAN_COUNT);
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>(FETCH_CHUNK);
        long delivered = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            cursor = page.getCursor();
            for (String key : page.getResult()) {
                // SCAN may return a key more than once while the table is rehashing.
                if (seen.add(key)) {
                    pending.add(key);
                    if (pending.size() == FETCH_CHUNK) {
                        delivered += deliver(pending, batchSink);
                        pending = new ArrayList<>(FETCH_CHUNK);
                    }
                }
            }
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        if (!pending.isEmpty()) {
            delivered += deliver(pending, batchSink);
        }
        return delivered;
    }

    /** Reads the given keys (values and TTLs in one pipeline) and parses them. Missing keys are skipped. */
    public List<StoredSession> fetch(List<String> keys) {
        List<StoredSession> out = new ArrayList<>(keys.size());
        if (keys.isEmpty()) {
            return out;
        }
        byte[][] rawKeys = new byte[keys.size()][];
        for (int i = 0; i < rawKeys.length; i++) {
            rawKeys[i] = keys.get(i).getBytes(StandardCharsets.UTF_8);
        }
        Response<List<byte[]>> values;
        List<Response<Long>> ttls = new ArrayList<>(keys.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            values = pipeline.mget(rawKeys);
            for (String key : keys) {
                ttls.add(pipeline.pttl(key));
            }
            pipeline.sync();
        }
        List<byte[]> raw = values.get();
        for (int i = 0; i < keys.size(); i++) {
            byte[] value = raw.get(i);
            long pttl = ttls.get(i).get();
            if (value != null) {
                out.add(toStored(keys.get(i), value, pttl));
            } else if (pttl != -2) {
                // MGET answers nil for a key that exists but is not a string (PTTL -2 = no such key).
                StoredSession other = notAString(keys.get(i));
                if (other != null) {
                    out.add(other);
                }
            }
        }
        return out;
    }

    /** A key under the prefix that MGET could not read: another Redis type (shown, never written), or a race. */
    private StoredSession notAString(String key) {
        String type = redis.type(key);
        if ("none".equals(type)) {
            return null;
        }
        if ("string".equals(type)) {
            // Created between the MGET and the PTTL of the pipeline: read it now.
            byte[] value = redis.get(key.getBytes(StandardCharsets.UTF_8));
            return value == null ? null : toStored(key, value, redis.pttl(key));
        }
        long pttl = redis.pttl(key);
        return new StoredSession(new UnreadableSession(settings.idOf(key), NOT_A_STRING + " (it is a " + type + ")",
                "", 0), pttl < 0 ? StoredSession.NO_EXPIRY : pttl, 0);
    }

    private int deliver(List<String> keys, Consumer<List<StoredSession>> batchSink) {
        List<StoredSession> batch = fetch(keys);
        if (!batch.isEmpty()) {
            batchSink.accept(batch);
        }
        return batch.size();
    }

    private StoredSession toStored(String key, byte[] value, long pttl) {
        String id = settings.idOf(key);
        return new StoredSession(codec.parse(id, value),
                pttl < 0 ? StoredSession.NO_EXPIRY : pttl, value.length);
    }

    @Override
    public Optional<StoredSession> get(String id) {
        List<StoredSession> found = fetch(List.of(settings.key(id)));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public CreateResult create(String id, ObjectNode document, Duration ttl) {
        String reply = redis.set(settings.key(id), codec.write(document),
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

    /** SCAN MATCH is a glob: a prefix containing *, ?, [ or \ must not widen the match. */
    static String globEscape(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    private final class CasBackend implements OptimisticUpdater.Backend {
        @Override
        public byte[] read(String id) {
            return redis.get(settings.key(id).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public OptimisticUpdater.CasOutcome compareAndSet(String id, byte[] expected, String replacement) {
            return casScript().run(redis, settings.key(id), expected, replacement);
        }
    }
}
