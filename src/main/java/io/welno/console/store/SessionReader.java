package io.welno.console.store;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.UnreadableSession;
import io.welno.console.text.Phrase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisRedirectionException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The one way sessions are read from one Redis server, for the store and for every server of the live feed: SCAN
 * pages of the keys under the prefix, and values with their TTLs, parsed on the calling thread. One rule everywhere
 * (docs/live.md, "Reading"):
 * <ul>
 *   <li>PTTL -1: the key never expires; PTTL -2: the key went away between SCAN and the read, so it is missing, even
 *       if its value arrived just before;</li>
 *   <li>a key that holds a hash, list, ... is unreadable, naming its type ({@code unreadable.notString}), with its
 *       TTL; it is never a session and is never written;</li>
 *   <li>a value is parsed from the bytes Redis sent, which the {@link StoredSession} keeps;</li>
 *   <li>the prefix is matched literally: glob characters in it are escaped;</li>
 *   <li>a key whose name is not UTF-8 is unreadable ({@code unreadable.keyNotUtf8}), named by {@link KeyNames} with
 *       its other bytes as {@code \xNN} escapes and read under the bytes its name stands for: decoded with U+FFFD,
 *       its name would be another key's, so it was read as missing and left out of every listing. It is never
 *       parsed, so never written;</li>
 *   <li>a name no key is listed under (an escape {@link KeyNames} never writes) is missing, never read as another
 *       key.</li>
 * </ul>
 * Values come in one pipeline per call: an MGET and a PTTL per key on a standalone server, or a GET and a PTTL per key
 * on a cluster node, which refuses an MGET whose keys hash to different slots. An MGET the ACL refuses (Redis refuses
 * all of it for one key outside the user's key patterns) is followed by the same pipeline of GETs, so that only the
 * keys the user may not read are refused.
 */
public final class SessionReader {

    private final UnifiedJedis client;
    private final RedisConnectionSettings settings;
    private final SessionCodec codec;
    private final boolean clusterNode;
    private final String pattern;
    /** Names keys as the subscriber's channels do; a name is read under the bytes it stands for. */
    private final KeyNames keyNames;

    /**
     * @param clusterNode true when the server is a cluster node: values are read key by key, never with MGET
     */
    public SessionReader(UnifiedJedis client, RedisConnectionSettings settings, SessionCodec codec,
                         boolean clusterNode) {
        this.client = client;
        this.settings = settings;
        this.codec = codec;
        this.clusterNode = clusterNode;
        this.pattern = matchPattern(settings.keyPrefix());
        this.keyNames = new KeyNames(settings.keyPrefix());
    }

    /**
     * What was read.
     *
     * @param present    sessions found, readable or not, in the order of the keys asked for
     * @param missing    ids whose key did not exist (any more)
     * @param redirected true when a cluster node answered MOVED/ASK for some keys: slots are moving, those keys were
     *                   skipped
     * @param refusals   what Redis answered instead of a key's value or TTL, besides WRONGTYPE: the redirects, and
     *                   the errors (NOPERM...) whose keys are in {@code present} as unreadable rows. A list shows
     *                   such a row; one session's read for an action takes it as the failure it is
     */
    public record Result(List<StoredSession> present, List<String> missing, boolean redirected,
                         List<JedisDataException> refusals) {
    }

    /** {@code SCAN MATCH} pattern for every key under the prefix: the prefix literally, then anything. */
    public static String matchPattern(String prefix) {
        return globEscape(prefix) + "*";
    }

    /** SCAN MATCH and PSUBSCRIBE take globs: a prefix containing *, ?, [, ] or \ must not widen the match. */
    public static String globEscape(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    public RedisConnectionSettings settings() {
        return settings;
    }

    /** One SCAN page of keys under the prefix, each named by {@link KeyNames}. */
    public ScanResult<String> scan(String cursor, int count) {
        ScanResult<byte[]> page = client.scan(cursor.getBytes(StandardCharsets.US_ASCII),
                new ScanParams().match(pattern).count(count));
        List<String> keys = new ArrayList<>(page.getResult().size());
        for (byte[] key : page.getResult()) {
            keys.add(keyNames.name(key));
        }
        return new ScanResult<>(page.getCursorAsBytes(), keys);
    }

    /** Reads and parses the given keys (all under the prefix). */
    public Result read(List<String> keys) {
        return parse(fetch(keys));
    }

    /**
     * Values and TTLs of some keys as Redis sent them, not parsed yet: a loader reads the next chunk while this one
     * is parsed on another thread, so Redis always has a request to work on.
     */
    public static final class Fetched {
        private final List<String> keys;
        /** Each key's bytes; null for a name that no key is listed under, which is not asked for. */
        private final byte[][] raw;
        private final Response<List<byte[]>> mget;
        /** Per key: its GET (cluster node) and PTTL; null for a key not asked for. */
        private final List<Response<byte[]>> gets;
        private final List<Response<Long>> ttls;
        /** From the first command queued to the last answer: the longest a write can have run within the read. */
        private final long roundTripNanos;
        /** When the first command was queued ({@link System#nanoTime}): the moment the TTLs are counted down from. */
        private final long startedNanos;

        private Fetched(List<String> keys, byte[][] raw, Response<List<byte[]>> mget, List<Response<byte[]>> gets,
                        List<Response<Long>> ttls, long startedNanos, long roundTripNanos) {
            this.startedNanos = startedNanos;
            this.keys = keys;
            this.raw = raw;
            this.mget = mget;
            this.gets = gets;
            this.ttls = ttls;
            this.roundTripNanos = roundTripNanos;
        }

        public int size() {
            return keys.size();
        }
    }

    /** The values and TTLs of the keys, in one pipeline; nothing parsed. */
    public Fetched fetch(List<String> keys) {
        int n = keys.size();
        List<Response<Long>> ttls = new ArrayList<>(n);
        byte[][] raw = new byte[n][];
        List<byte[]> named = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            raw[i] = keyNames.bytes(keys.get(i));
            if (raw[i] != null) {
                named.add(raw[i]);
            }
        }
        if (named.isEmpty()) {
            return new Fetched(keys, raw, null, null, ttls, System.nanoTime(), 0);
        }
        if (clusterNode) {
            return fetchKeyByKey(keys, raw);
        }
        Response<List<byte[]>> mget;
        long started = System.nanoTime();
        try (AbstractPipeline pipeline = client.pipelined()) {
            mget = pipeline.mget(named.toArray(byte[][]::new));
            for (byte[] key : raw) {
                ttls.add(key == null ? null : pipeline.pttl(key));
            }
            pipeline.sync();
        }
        if (refusedByAcl(mget)) {
            return fetchKeyByKey(keys, raw);
        }
        return new Fetched(keys, raw, mget, null, ttls, started, System.nanoTime() - started);
    }

    /**
     * Whether the ACL refused the MGET: Redis refuses all of it for one key outside the user's key patterns (or the
     * whole command, for a user who may not run it), though the user may read every other key of the chunk.
     */
    private static boolean refusedByAcl(Response<List<byte[]>> mget) {
        try {
            mget.get();
            return false;
        } catch (JedisDataException e) {
            return StoreFailure.of(e).refusedByAcl();
        }
    }

    /**
     * A GET and a PTTL per key in one pipeline: on a cluster node, and for a chunk whose MGET the ACL refused, where
     * each refused key is then refused alone and {@link #parse} lists it as a row naming the permission while the
     * others are read as usual (one more round trip, for that chunk only).
     */
    private Fetched fetchKeyByKey(List<String> keys, byte[][] raw) {
        List<Response<byte[]>> gets = new ArrayList<>(raw.length);
        List<Response<Long>> ttls = new ArrayList<>(raw.length);
        long started = System.nanoTime();
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (byte[] key : raw) {
                gets.add(key == null ? null : pipeline.get(key));
                ttls.add(key == null ? null : pipeline.pttl(key));
            }
            pipeline.sync();
        }
        return new Fetched(keys, raw, null, gets, ttls, started, System.nanoTime() - started);
    }

    /** Applies the rule to what {@link #fetch} read and parses the values (on the calling thread). */
    public Result parse(Fetched fetched) {
        return parse(fetched, true);
    }

    /**
     * Applies the rule to what {@link #fetch} read and parses the values (on the calling thread).
     *
     * @param rereadFreshTtls whether a value whose TTL is as fresh as a backend write made during the read is read
     *                        again (see {@link #mayHaveRaced}); false where that write's keyspace event brings the key
     *                        back anyway (the feed's pushed reads, which read keys just written)
     */
    public Result parse(Fetched fetched, boolean rereadFreshTtls) {
        List<String> keys = fetched.keys;
        int n = keys.size();
        List<StoredSession> present = new ArrayList<>(n);
        List<String> missing = new ArrayList<>();
        List<byte[]> values = fetched.mget == null ? null : fetched.mget.get();
        boolean redirected = false;
        List<JedisDataException> refusals = new ArrayList<>(0);
        int asked = 0; // the key's place in the MGET, which leaves out names no key is listed under
        Map<Integer, byte[]> raced = new LinkedHashMap<>(0); // place in present → key, to be read again
        for (int i = 0; i < n; i++) {
            String key = keys.get(i);
            String id = settings.idOf(key);
            byte[] raw = fetched.raw[i];
            if (raw == null) {
                missing.add(id);
                continue;
            }
            int place = asked++;
            // Only a name with a backslash can stand for bytes that are not UTF-8: the usual key is not decoded twice.
            boolean notUtf8 = key.indexOf('\\') >= 0 && !KeyNames.isUtf8(raw);
            byte[] value = null;
            long pttl;
            boolean valueCame = false;
            try {
                value = values != null ? values.get(place) : fetched.gets.get(i).get();
                valueCame = true;
                pttl = fetched.ttls.get(i).get();
            } catch (JedisRedirectionException e) {
                redirected = true;
                refusals.add(e);
                continue;
            } catch (JedisDataException e) {
                // WRONGTYPE from a GET: another type under the prefix; anything else (NOPERM...) is named as is.
                boolean wrongType = e.getMessage() != null && e.getMessage().startsWith("WRONGTYPE");
                if (!wrongType) {
                    refusals.add(e);
                }
                StoredSession other = wrongType && notUtf8
                        ? keyNotUtf8(id, pttlOrUnknown(fetched.ttls.get(i)), fetched.startedNanos)
                        : wrongType ? notAString(raw, id)
                        : valueCame ? ttlRefused(id, e, value, fetched.startedNanos)
                        : refused(id, e, pttlOrUnknown(fetched.ttls.get(i)), fetched.startedNanos);
                add(present, missing, id, other);
                continue;
            }
            if (pttl == -2) {
                missing.add(id); // gone between SCAN and this read (or between the value and its TTL)
            } else if (notUtf8) {
                present.add(keyNotUtf8(id, ttl(pttl), fetched.startedNanos));
            } else if (value != null) {
                if (rereadFreshTtls && mayHaveRaced(pttl, fetched.roundTripNanos)) {
                    raced.put(present.size(), raw);
                }
                present.add(new StoredSession(codec.parse(id, value), ttl(pttl), value, fetched.startedNanos));
            } else {
                // The key exists but MGET answered nil: it holds another type, or it was created just now.
                add(present, missing, id, notAString(raw, id));
            }
        }
        if (!raced.isEmpty()) {
            readAgain(raced, present, missing);
        }
        return new Result(present, missing, redirected, refusals);
    }

    /**
     * Whether a write may have landed between a key's value and its TTL in one pipeline: Redis may run another
     * client's command between two of ours when a pipeline reaches it in several reads, and the TTL is then the newer
     * write's, listed with the older value (a pair that never existed). The backend writes with {@code SETEX 1800}
     * (docs/backend-protocol.md), so a TTL set by a write within the read is at most the read's round trip short of
     * 30 minutes; any other TTL was there before the read began. Only keys written in the last few milliseconds are
     * read again, so an ordinary pass costs no extra round trip; a write that keeps the TTL (the console's own,
     * {@code KEEPTTL}) leaves a TTL true of either value.
     */
    static boolean mayHaveRaced(long pttl, long roundTripNanos) {
        long backendTtl = RedisSessionStore.BACKEND_TTL.toMillis();
        // PTTL is whole milliseconds: a millisecond each way of slack
        return pttl >= backendTtl - TimeUnit.NANOSECONDS.toMillis(roundTripNanos) - 2 && pttl <= backendTtl;
    }

    /**
     * Reads the keys whose TTL may be a later write's again, value and TTL side by side in one small pipeline (which
     * Redis reads at once, so nothing runs between them), and puts what it finds in their places: once, as the key's
     * own next write would be read anyway. A key gone meanwhile is missing; an answer that is not a string value
     * leaves the first reading as it was.
     */
    private void readAgain(Map<Integer, byte[]> raced, List<StoredSession> present, List<String> missing) {
        List<Response<byte[]>> values = new ArrayList<>(raced.size());
        List<Response<Long>> ttls = new ArrayList<>(raced.size());
        long started = System.nanoTime();
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (byte[] key : raced.values()) {
                values.add(pipeline.get(key));
                ttls.add(pipeline.pttl(key));
            }
            pipeline.sync();
        }
        int i = 0;
        List<Integer> gone = new ArrayList<>(0);
        for (int place : raced.keySet()) {
            Response<byte[]> value = values.get(i);
            Response<Long> ttl = ttls.get(i++);
            String id = present.get(place).id();
            try {
                long pttl = ttl.get();
                byte[] again = value.get();
                if (pttl == -2) {
                    gone.add(place);
                    missing.add(id);
                } else if (again != null) {
                    present.set(place, new StoredSession(codec.parse(id, again), ttl(pttl), again, started));
                }
            } catch (JedisDataException e) {
                // another type by now, or refused: the first reading stands; the key's next event or pass tells more
            }
        }
        for (int k = gone.size() - 1; k >= 0; k--) {
            present.remove((int) gone.get(k));
        }
    }

    private static void add(List<StoredSession> present, List<String> missing, String id, StoredSession session) {
        if (session == null) {
            missing.add(id);
        } else {
            present.add(session);
        }
    }

    /** A key GET/MGET could not read as a string: its type named, or its value read again if it is a new string. */
    private StoredSession notAString(byte[] raw, String id) {
        String type = client.type(raw);
        if ("none".equals(type)) {
            return null;
        }
        long started = System.nanoTime();
        long pttl = client.pttl(raw);
        if (pttl == -2) {
            return null;
        }
        if ("string".equals(type)) {
            // Written between the read and the TYPE: read it now, once.
            byte[] value = client.get(raw);
            return value == null ? null : new StoredSession(codec.parse(id, value), ttl(pttl), value, started);
        }
        return new StoredSession(UnreadableSession.withoutValue(id, Phrase.of("unreadable.notString",
                typeName(type))), ttl(pttl), null, started);
    }

    /** The name of a Redis type as TYPE answers it: the core ones in words of each language, a module's as it is. */
    public static Object typeName(String type) {
        return switch (type) {
            case "hash", "list", "set", "zset", "stream" -> Phrase.of("redis.type." + type);
            default -> type;
        };
    }

    /** No backend names such a key and no command can: never parsed, so never taken for a session nor written. */
    private static StoredSession keyNotUtf8(String id, long ttl, long readNanos) {
        return new StoredSession(UnreadableSession.withoutValue(id, Phrase.of("unreadable.keyNotUtf8")), ttl, null,
                readNanos);
    }

    private static StoredSession refused(String id, JedisDataException e, long ttl, long readNanos) {
        return new StoredSession(UnreadableSession.valueRefused(id, StoreFailure.of(e).phrase()), ttl, null,
                readNanos);
    }

    /**
     * The value came but its TTL was refused (a user without PTTL): the row says so, not that the value did not come,
     * and shows the value's start. Like every refused reading it is not parsed: a session whose expiry is unknown is
     * not shown as live, nor offered to an action, which would need the TTL to keep it.
     */
    private static StoredSession ttlRefused(String id, JedisDataException e, byte[] value, long readNanos) {
        return new StoredSession(UnreadableSession.ttlRefused(id, StoreFailure.of(e).phrase(), value),
                StoredSession.UNKNOWN_TTL, null, readNanos);
    }

    private static long pttlOrUnknown(Response<Long> pttl) {
        try {
            return ttl(pttl.get());
        } catch (JedisDataException e) {
            return StoredSession.UNKNOWN_TTL;
        }
    }

    /** PTTL → the TTL a {@link StoredSession} carries: -1 (no expiry) as {@link StoredSession#NO_EXPIRY}. */
    private static long ttl(long pttl) {
        return pttl == -1 ? StoredSession.NO_EXPIRY : pttl;
    }
}
