package io.welno.console.flow;

import io.welno.console.store.AuditStreamException;
import io.welno.console.store.StoreFailure;
import io.welno.console.text.LogWords;
import io.welno.console.text.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The audit stream in Redis: {@code XADD key MAXLEN ~ cap * field value …}, so it stays capped without an
 * extra trim job, and {@code XREVRANGE key + - COUNT n} to show it. Shared by every console on the server, so
 * every field is stored cut to a bound ({@link AuditRecord#bounded()}).
 */
public final class RedisAuditLog implements AuditLog {

    public static final String DEFAULT_KEY = "welno:console:audit";
    public static final long DEFAULT_MAX_LEN = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(RedisAuditLog.class);

    private final UnifiedJedis redis;
    private final String key;
    private final long maxLen;
    private final LogWords words;

    public RedisAuditLog(UnifiedJedis redis, String key, long maxLen) {
        this(redis, key, maxLen, LogWords.CODES);
    }

    /** @param words how a failure to append is worded in the log ({@link LogWords}) */
    public RedisAuditLog(UnifiedJedis redis, String key, long maxLen, LogWords words) {
        this.words = Objects.requireNonNull(words, "words");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.key = Objects.requireNonNull(key, "key");
        if (maxLen < 1) {
            throw new IllegalArgumentException("maxLen must be positive");
        }
        this.maxLen = maxLen;
    }

    public RedisAuditLog(UnifiedJedis redis) {
        this(redis, DEFAULT_KEY, DEFAULT_MAX_LEN);
    }

    public RedisAuditLog(UnifiedJedis redis, LogWords words) {
        this(redis, DEFAULT_KEY, DEFAULT_MAX_LEN, words);
    }

    public String key() {
        return key;
    }

    @Override
    public Optional<StoreFailure> record(AuditRecord record) {
        try {
            redis.xadd(key, XAddParams.xAddParams().maxLen(maxLen).approximateTrimming(), record.bounded().toFields());
            return Optional.empty();
        } catch (RuntimeException e) {
            // The action already happened (or was refused): its caller tells the operator the entry is missing.
            LOG.warn("Could not append to the audit stream {} ({} {} on {}): {}", key, SafeText.bounded(record.event(),
                    SafeText.FIELD), SafeText.bounded(record.action(), SafeText.FIELD),
                    SafeText.bounded(record.sessionId(), SafeText.FIELD),
                    SafeText.bounded(words.render(StoreFailure.describe(new AuditStreamException(key, e))),
                            SafeText.TEXT));
            return Optional.of(StoreFailure.of(e).onStream(key));
        }
    }

    @Override
    public List<AuditRecord> read(int limit) {
        List<StreamEntry> entries;
        try {
            entries = redis.xrevrange(key, "+", "-", Math.max(1, limit));
        } catch (RuntimeException e) {
            throw new AuditStreamException(key, e); // its words name the stream, not the sessions' keys
        }
        List<AuditRecord> out = new ArrayList<>(entries.size());
        for (StreamEntry e : entries) {
            out.add(AuditRecord.fromFields(e.getID().toString(), e.getFields()));
        }
        return out;
    }

    @Override
    public String describe() {
        return "Redis stream " + key + " (capped at ~" + maxLen + ")";
    }
}
