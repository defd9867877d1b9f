package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.testing.LogCapture;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import io.welno.console.view.Wording;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * A lost audit line is logged with the same cause, in the same English words, as the command line says it: both
 * come from StoreFailure's phrase, so they cannot name two causes for one failure.
 */
class AuditLogFailureWordsTest {

    @Test
    void aLostAuditLineNamesTheStoreFailuresCauseInEnglish() {
        int port = EmbeddedRedis.freePort();
        try (RedisClient nobody = RedisClient.create("127.0.0.1", port);
             LogCapture logs = new LogCapture(RedisAuditLog.class.getName())) {
            RedisAuditLog audit = new RedisAuditLog(nobody, RedisAuditLog.DEFAULT_KEY, RedisAuditLog.DEFAULT_MAX_LEN,
                    Wording.cli()::render);
            audit.record(new AuditRecord(Instant.now(), "act-1", AuditRecord.ATTEMPT, "kim", Role.OPERATOR,
                    "reset-stuck", "welno_1", "outage", false, "fetching_health_data", "auth_completed", "APPLIED",
                    Phrase.of("text.verbatim", "ok"), null));
            List<String> lines = logs.startingWith("Could not append to the audit stream");
            assertEquals(1, lines.size(), logs.lines().toString());
            String line = lines.get(0);
            assertTrue(line.contains(": Redis could not be reached ("), line);
            Words.assertWords(line);
        }
    }
}
