package io.welno.console.bench;

import io.welno.console.store.RedisConnectionSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.commands.JedisCommands;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The P1-CLI floor, started as a process of its own: a plain Jedis client that SCANs (COUNT 1000) every key under the
 * prefix, then MGETs them in chunks of 500 and counts the values, parsing nothing. Prints the count.
 * {@code java -cp welno-console.jar io.welno.console.bench.PlainListing URL}
 */
public final class PlainListing {

    private PlainListing() {
    }

    /** SCAN COUNT 1000 to the end, then MGET in chunks of 500; nothing parsed. @return the values read */
    static long scanThenMget(JedisCommands client, String prefix) {
        Set<String> keys = new LinkedHashSet<>();
        ScanParams params = new ScanParams().match(prefix + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = client.scan(cursor, params);
            cursor = page.getCursor();
            keys.addAll(page.getResult());
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        List<String> all = new ArrayList<>(keys);
        long values = 0;
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            for (String value : client.mget(chunk.toArray(new String[0]))) {
                values += value == null ? 0 : 1;
            }
        }
        return values;
    }

    public static void main(String[] args) {
        RedisConnectionSettings redis = RedisConnectionSettings.parse(args[0]);
        try (Jedis client = new Jedis(new HostAndPort(redis.host(), redis.port()),
                DefaultJedisClientConfig.builder().database(redis.database()).user(redis.user())
                        .password(redis.password()).ssl(redis.tls()).protocol(RedisProtocol.RESP2)
                        .socketTimeoutMillis(60_000).build())) {
            System.out.println(scanThenMget(client, redis.keyPrefix()));
        }
    }
}
