package io.welno.console.live;

import io.welno.console.session.ParsedSession;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.UnreadableSession;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisConnections;
import io.welno.console.store.StoredSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisRedirectionException;
import redis.clients.jedis.resps.ScanResult;

/**
 * Reads from one server of the topology through its own small pool: SCAN pages, and values with their TTLs in one
 * pipeline per chunk (per-key GET rather than MGET, because a cluster node refuses MGET across slots). Values are
 * parsed on the calling thread, which is always a feed thread.
 */
final class NodeReader implements AutoCloseable {

    private final int index;
    private final HostAndPort address;
    private final RedisConnectionSettings settings;
    private final SessionCodec codec;
    private final RedisClient client;

    NodeReader(int index, HostAndPort address, RedisConnectionSettings nodeSettings, SessionCodec codec) {
        this.index = index;
        this.address = address;
        this.settings = nodeSettings;
        this.codec = codec;
        this.client = RedisConnections.openClient(nodeSettings, "welno-console-feed");
    }

    int index() {
        return index;
    }

    HostAndPort address() {
        return address;
    }

    RedisConnectionSettings settings() {
        return settings;
    }

    RedisClient client() {
        return client;
    }

    /** One SCAN page of keys under the prefix. */
    ScanResult<String> scan(String cursor, int count) {
        return client.scan(cursor, new ScanParams().match(globEscape(settings.keyPrefix()) + "*").count(count));
    }

    /** A read value: the session plus what the feed remembers about it. */
    record Read(StoredSession session, long fingerprint, long expiresAtMillis, String status) {
        String id() {
            return session.id();
        }
    }

    /**
     * @param missing    ids whose key no longer existed
     * @param redirected true when a cluster node answered MOVED/ASK for some keys (slots are moving; those keys
     *                   were skipped and the feed's topology check will resync)
     */
    record Result(List<Read> present, List<String> missing, boolean redirected) {
    }

    /** Reads and parses the keys; keys that no longer exist are reported as missing. */
    Result read(List<String> keys) {
        List<Response<byte[]>> values = new ArrayList<>(keys.size());
        List<Response<Long>> ttls = new ArrayList<>(keys.size());
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (String key : keys) {
                byte[] raw = key.getBytes(StandardCharsets.UTF_8);
                values.add(pipeline.get(raw));
                ttls.add(pipeline.pttl(raw));
            }
            pipeline.sync();
        }
        long now = System.currentTimeMillis();
        List<Read> present = new ArrayList<>(keys.size());
        List<String> missing = new ArrayList<>();
        boolean redirected = false;
        for (int i = 0; i < keys.size(); i++) {
            String id = settings.idOf(keys.get(i));
            byte[] value;
            long pttl;
            try {
                value = values.get(i).get();
                pttl = ttls.get(i).get();
            } catch (JedisRedirectionException e) {
                redirected = true;
                continue;
            } catch (JedisDataException e) {
                // WRONGTYPE: something that is not a string lives under the prefix. Show it, never fail the pass.
                present.add(new Read(new StoredSession(new UnreadableSession(id, "Not a string value: "
                        + e.getMessage(), "", 0), StoredSession.UNKNOWN_TTL, 0), 0, Long.MAX_VALUE, null));
                continue;
            }
            if (value == null) {
                missing.add(id);
                continue;
            }
            present.add(toRead(id, value, pttl, now));
        }
        return new Result(present, missing, redirected);
    }

    private Read toRead(String id, byte[] value, long pttl, long now) {
        // From the bytes: a value that is not UTF-8 is shown as unreadable, as the store's update refuses it.
        ParsedSession parsed = codec.parse(id, value);
        // PTTL -1: no expiry; -2: the key went away between GET and PTTL (it is about to be reported as ended).
        long ttl = pttl == -1 ? StoredSession.NO_EXPIRY : Math.max(0, pttl);
        String status = parsed instanceof SessionDocument doc ? doc.status().wire() : null;
        return new Read(new StoredSession(parsed, ttl, value.length), fingerprint(value),
                ttl == StoredSession.NO_EXPIRY ? Long.MAX_VALUE : now + ttl, status);
    }

    /**
     * 64 bits identifying a value's bytes, to tell an unchanged value in a polling diff without keeping it: two
     * different 32-bit CRCs, both computed by the CPU's own instructions (Arrays.hashCode cost 7× as much, 0.3 s of
     * CPU per 100,000 sessions loaded).
     */
    static long fingerprint(byte[] value) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(value);
        CRC32 ieee = new CRC32();
        ieee.update(value);
        return (castagnoli.getValue() << 32) | ieee.getValue();
    }

    /** SCAN MATCH is a glob: a prefix containing *, ?, [ or \ must not widen the match. */
    static String globEscape(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return Nodes.describe(address);
    }
}
