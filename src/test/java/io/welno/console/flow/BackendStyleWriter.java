package io.welno.console.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import redis.clients.jedis.UnifiedJedis;

/**
 * Writes sessions the way the Python backend does (docs/backend-protocol.md, "Lost updates"): GET → json.loads →
 * mutate → SETEX 1800 json.dumps(indent=2), with no WATCH, no Lua and no version check. A snapshot can be held across
 * other writes and written back later, which is the backend's stale-snapshot bug.
 */
final class BackendStyleWriter {

    static final int TTL_SECONDS = 1800;

    private final UnifiedJedis redis;
    private final String prefix;
    private final SessionCodec codec = new SessionCodec();
    private final Timestamps timestamps;

    BackendStyleWriter(UnifiedJedis redis, String prefix, Timestamps timestamps) {
        this.redis = redis;
        this.prefix = prefix;
        this.timestamps = timestamps;
    }

    BackendStyleWriter(UnifiedJedis redis) {
        this(redis, "tilko_session:", Timestamps.system());
    }

    /** {@code r.get(key)} + {@code json.loads}; null when the key does not exist. */
    ObjectNode read(String id) {
        String raw = redis.get(prefix + id);
        if (raw == null) {
            return null;
        }
        try {
            return (ObjectNode) codec.treeReader().readTree(raw);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code r.setex(key, 1800, json.dumps(doc, ensure_ascii=False, indent=2))}, blind. */
    void write(String id, ObjectNode doc) {
        redis.setex(prefix + id, TTL_SECONDS, codec.write(doc));
    }

    /** One GET → mutate → SETEX, like every helper in redis_session_manager.py. */
    boolean update(String id, Consumer<ObjectNode> mutation) {
        ObjectNode doc = read(id);
        if (doc == null) {
            return false;
        }
        mutation.accept(doc);
        write(id, doc);
        return true;
    }

    /** The status poll's extend_session: last_activity = updated_at = now, expires_at = now + seconds. */
    boolean extendSession(String id, long seconds) {
        return update(id, doc -> {
            String now = timestamps.now();
            doc.put("last_activity", now);
            doc.put("updated_at", now);
            doc.put("expires_at", timestamps.nowPlusSeconds(seconds));
        });
    }

    /** add_error_message / update_session_status style: append an info message. */
    static void appendMessage(ObjectNode doc, String now, String text) {
        ObjectNode m = doc.withArray("messages").addObject();
        m.put("timestamp", now);
        m.put("type", "info");
        m.put("message", text);
        doc.put("updated_at", now);
    }
}
