package io.welno.console.live;

import io.welno.console.session.SessionCodec;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.store.RedisConnections;
import io.welno.console.store.SessionReader;
import io.welno.console.store.StoredSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * One server of the topology: its own small pool, and the store's {@link SessionReader} on it (the one rule for
 * TTLs, other types, unreadable values and the prefix glob), plus what the feed remembers of each value read.
 * Values are parsed on the calling thread, which is always a feed thread.
 */
final class NodeReader implements AutoCloseable {

    private final int index;
    private final HostAndPort address;
    private final RedisConnectionSettings settings;
    private final RedisClient client;
    private final SessionReader reader;

    NodeReader(int index, HostAndPort address, RedisConnectionSettings nodeSettings, SessionCodec codec,
               boolean clusterNode) {
        this.index = index;
        this.address = address;
        this.settings = nodeSettings;
        this.client = RedisConnections.openClient(nodeSettings, "welno-console-feed");
        this.reader = new SessionReader(client, nodeSettings, codec, clusterNode);
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

    SessionReader reader() {
        return reader;
    }

    /**
     * A read value: the session plus what the feed remembers about it.
     *
     * @param expiresAtNanos  when its TTL runs out by the monotonic clock
     * @param expiresAtMillis the same by the wall clock ({@link FeedState} takes either as the end)
     */
    record Read(StoredSession session, long fingerprint, long expiresAtNanos, long expiresAtMillis) {
        /** The expiry of a key that has none (or whose TTL is not known). */
        static final long NEVER = Long.MAX_VALUE;

        String id() {
            return session.id();
        }
    }

    /**
     * @param missing    ids whose key no longer existed
     * @param redirected true when a cluster node answered MOVED/ASK for some keys (slots are moving; those keys were
     *                   skipped and the feed's topology check will resync)
     */
    record Result(List<Read> present, List<String> missing, boolean redirected) {
    }

    /**
     * Parses a chunk {@link SessionReader#fetch} read (on a parser thread, or the dispatcher's, while the next chunk
     * is read); keys that no longer exist are reported as missing.
     *
     * @param fingerprints whether to fingerprint the values: only polls compare them (a feed that polls does so from
     *                     its first snapshot on), so a feed on keyspace notifications skips two passes over every value
     */
    Result parse(SessionReader.Fetched fetched, boolean fingerprints) {
        return parse(fetched, fingerprints, true);
    }

    /**
     * @param rereadFreshTtls false for the reads of pushed keys: a write that lands between a value and its TTL sends
     *                        its own keyspace event, and that key is read again in the next batch, while those keys,
     *                        just written, would often look raced ({@link SessionReader#parse(SessionReader.Fetched,
     *                        boolean)})
     */
    Result parse(SessionReader.Fetched fetched, boolean fingerprints, boolean rereadFreshTtls) {
        SessionReader.Result result = reader.parse(fetched, rereadFreshTtls);
        long now = System.nanoTime();
        long wallNow = System.currentTimeMillis();
        List<Read> present = new ArrayList<>(result.present().size());
        for (StoredSession session : result.present()) {
            present.add(toRead(session, now, wallNow, fingerprints));
        }
        return new Result(present, result.missing(), result.redirected());
    }

    /**
     * @param nowNanos  {@link System#nanoTime} now: a TTL read at an unknown moment is counted from it
     * @param nowMillis the wall clock now: the deadline by it counts from now less the reading's age
     */
    static Read toRead(StoredSession session, long nowNanos, long nowMillis, boolean fingerprints) {
        long ttl = session.ttlMillis();
        long readNanos = session.readNanos() == StoredSession.UNTIMED ? nowNanos : session.readNanos();
        long readMillis = nowMillis - TimeUnit.NANOSECONDS.toMillis(nowNanos - readNanos);
        return new Read(session, fingerprints ? fingerprint(session.value()) : 0,
                ttl < 0 ? Read.NEVER : readNanos + TimeUnit.MILLISECONDS.toNanos(ttl),
                ttl < 0 ? Read.NEVER : readMillis + ttl);
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

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return Nodes.describe(address);
    }
}
