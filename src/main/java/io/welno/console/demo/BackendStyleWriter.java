package io.welno.console.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.ParsedSession;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import java.util.function.UnaryOperator;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Writes the way the Python backend does: GET → json.loads → change → {@code SETEX key 1800 json.dumps(indent=2)},
 * with no WATCH and no version check. The demo uses it to produce realistic traffic, including the
 * backend's lost updates; it must never be used for the console's own writes.
 */
public final class BackendStyleWriter {

    public static final long BACKEND_TTL_SECONDS = 1800;

    private final UnifiedJedis redis;
    private final String prefix;
    private final SessionCodec codec;

    public BackendStyleWriter(UnifiedJedis redis, String prefix, SessionCodec codec) {
        this.redis = redis;
        this.prefix = prefix;
        this.codec = codec;
    }

    /** GET and parse; null when the key is gone or unreadable (the backend would answer 404). */
    public ObjectNode read(String id) {
        String raw = redis.get(prefix + id);
        if (raw == null) {
            return null;
        }
        ParsedSession parsed = codec.parse(id, raw);
        return parsed instanceof SessionDocument doc ? doc.tree().deepCopy() : null;
    }

    /** SETEX 1800: replaces the whole document and resets the TTL, as every backend write does. */
    public void write(String id, ObjectNode document) {
        redis.set(prefix + id, codec.write(document), SetParams.setParams().ex(BACKEND_TTL_SECONDS));
    }

    /** One blind read-modify-write; returns the written document, or null when the session is gone. */
    public ObjectNode update(String id, UnaryOperator<ObjectNode> change) {
        ObjectNode current = read(id);
        if (current == null) {
            return null;
        }
        ObjectNode next = change.apply(current);
        write(id, next);
        return next;
    }

    public void delete(String id) {
        redis.del(prefix + id);
    }
}
