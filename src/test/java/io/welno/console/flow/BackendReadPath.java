package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.regex.Pattern;
import redis.clients.jedis.UnifiedJedis;

/**
 * What the Python backend's get_session and the steps after it need from a stored document
 * (docs/backend-protocol.md, "The document", "Timestamps" and "Read rules"): JSON object; every timestamp naive
 * ISO (no offset, 0 or 6 fraction digits) so fromisoformat and the naive comparison work; expires_at present and in
 * the future; messages a list, progress an object; auth_data, when filled, PascalCase; the key still has its TTL.
 */
final class BackendReadPath {

    private static final Pattern NAIVE_ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BackendReadPath() {
    }

    /** @return the parsed document */
    static JsonNode assertReadable(UnifiedJedis redis, String key, ZoneId zone) {
        String raw = redis.get(key);
        assertNotNull(raw, key + " is missing");
        long ttl = redis.ttl(key);
        assertTrue(ttl > 0 && ttl <= BackendStyleWriter.TTL_SECONDS, "the key lost its TTL: " + ttl);
        return assertDocument(raw, zone);
    }

    /**
     * A session file of the fallback folder as the backend's file store reads it back ({@code json.load}): the same
     * document rules, written as its own {@code json.dump(indent=2)} writes it.
     *
     * @return the parsed document
     */
    static JsonNode assertFileReadable(Path file, ZoneId zone) {
        String raw;
        try {
            raw = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(file + " cannot be read: " + e, e);
        }
        assertTrue(raw.startsWith("{\n  \""), "not indent=2 like json.dump: " + raw.substring(0, Math.min(40,
                raw.length())));
        return assertDocument(raw, zone);
    }

    private static JsonNode assertDocument(String raw, ZoneId zone) {
        JsonNode doc;
        try {
            doc = MAPPER.readTree(raw);
        } catch (Exception e) {
            throw new AssertionError("json.loads would fail: " + e.getMessage());
        }
        assertTrue(doc.isObject(), "not an object");
        assertTrue(doc.path("status").isTextual(), "status missing");
        JsonNode expires = doc.get("expires_at");
        assertNotNull(expires, "expires_at missing: the backend raises KeyError");
        LocalDateTime expiresAt = naive(expires.asText(), "expires_at");
        assertTrue(LocalDateTime.now(zone).isBefore(expiresAt), "expires_at is past: get_session would delete it");
        for (String field : new String[] {"created_at", "updated_at", "last_activity", "collection_start_time",
                "collection_end_time", "collection_error_time"}) {
            if (doc.hasNonNull(field)) {
                naive(doc.get(field).asText(), field);
            }
        }
        assertTrue(doc.path("messages").isArray(), "messages must be a list");
        for (JsonNode m : doc.get("messages")) {
            assertTrue(m.isObject() && m.has("timestamp") && m.has("type") && m.has("message"), "odd message " + m);
            naive(m.get("timestamp").asText(), "message timestamp");
        }
        assertTrue(doc.path("progress").isObject(), "progress must be an object");
        JsonNode auth = doc.get("auth_data");
        if (auth != null && !auth.isNull()) {
            for (String k : new String[] {"CxId", "PrivateAuthType", "ReqTxId", "Token", "TxId"}) {
                assertTrue(auth.has(k), "auth_data lacks " + k + " (the collection task reads PascalCase)");
            }
            assertFalse(auth.has("cxId"), "camelCase auth_data");
        }
        return doc;
    }

    private static LocalDateTime naive(String text, String what) {
        if (!NAIVE_ISO.matcher(text).matches()) {
            fail(what + " is not naive local ISO like Python writes: " + text);
        }
        return LocalDateTime.parse(text);
    }
}
