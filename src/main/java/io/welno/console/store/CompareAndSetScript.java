package io.welno.console.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Replaces a value only if its SHA-1 is still the one we read. The JSON merge happens in Java (cjson would
 * turn {@code []} into {@code {}}); the script only compares and sets. Redis 6+ keeps the TTL with
 * {@code KEEPTTL}; Redis 5 (the Windows embedded binary) has no KEEPTTL, so that variant carries the
 * PTTL over inside the same atomic script. Only a key without one is set without: Redis 5 keeps a key that expires
 * during a script alive until the script ends, and its PTTL is then 0, which is carried as 1 ms (a plain SET would
 * have made the session permanent).
 *
 * <p>A key that no longer holds a string (replaced by a hash, a list, …) changed since it was read, so the script
 * answers as for any other change, and the caller's next read finds the key unreadable and stops there: a plain GET
 * would raise WRONGTYPE, a server error. Any other error of the GET is answered as it is.
 */
final class CompareAndSetScript {

    static final String KEEPTTL = """
            local cur = redis.pcall('GET', KEYS[1])
            if type(cur) == 'table' then
              if string.sub(cur.err, 1, 10) == 'WRONGTYPE ' then return 0 end
              return cur
            end
            if not cur then return -1 end
            if redis.sha1hex(cur) ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
            return 1
            """;

    static final String CARRY_PTTL = """
            local cur = redis.pcall('GET', KEYS[1])
            if type(cur) == 'table' then
              if string.sub(cur.err, 1, 10) == 'WRONGTYPE ' then return 0 end
              return cur
            end
            if not cur then return -1 end
            if redis.sha1hex(cur) ~= ARGV[1] then return 0 end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl == -1 then
              redis.call('SET', KEYS[1], ARGV[2])
            else
              redis.call('SET', KEYS[1], ARGV[2], 'PX', math.max(ttl, 1))
            end
            return 1
            """;

    private final String script;
    private final String sha;

    private CompareAndSetScript(String script) {
        this.script = script;
        this.sha = sha1Hex(script.getBytes(StandardCharsets.UTF_8));
    }

    static CompareAndSetScript forServerVersion(int majorVersion) {
        return new CompareAndSetScript(majorVersion >= 6 ? KEEPTTL : CARRY_PTTL);
    }

    boolean keepsTtlNatively() {
        return script.equals(KEEPTTL);
    }

    /** @param key the key's bytes: a name the console lists need not be its key's text (store.KeyNames) */
    OptimisticUpdater.CasOutcome run(UnifiedJedis redis, byte[] key, byte[] expected, String replacement) {
        List<byte[]> keys = List.of(key);
        List<byte[]> args = List.of(sha1Hex(expected).getBytes(StandardCharsets.US_ASCII),
                replacement.getBytes(StandardCharsets.UTF_8));
        Object result;
        try {
            result = redis.evalsha(sha.getBytes(StandardCharsets.US_ASCII), keys, args);
        } catch (JedisNoScriptException notCached) {
            // Script caches are emptied by restarts, failovers and SCRIPT FLUSH; EVAL re-caches it.
            result = redis.eval(script.getBytes(StandardCharsets.UTF_8), keys, args);
        }
        long code = ((Number) result).longValue();
        return code == 1 ? OptimisticUpdater.CasOutcome.APPLIED
                : code == 0 ? OptimisticUpdater.CasOutcome.CONFLICT : OptimisticUpdater.CasOutcome.MISSING;
    }

    static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always present", e);
        }
    }
}
