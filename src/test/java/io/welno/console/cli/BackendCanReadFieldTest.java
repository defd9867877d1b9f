package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welno.console.live.ChangeKind;
import io.welno.console.live.SessionChange;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.store.StoredSession;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.TestRows;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code backendCanRead} is one field with one meaning in {@code list --json}, {@code show --json} and
 * {@code watch --json}: false for a value that is not a document, null (not known) for one only the console's own
 * bounds stopped, which the backend's {@code json.loads} may well read, and the read rules' verdict for a document.
 * So is {@code expiredForSeconds} in {@code list --json} and {@code watch --json}: how long ago the backend's expiry
 * passed, null when it has not (or the value is not a document); and every field {@code watch --json} shares with
 * {@code list --json} is on each of its lines, readable value or not, with list's value.
 */
class BackendCanReadFieldTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "tilko_session:";

    private static final Map<String, String> VALUES = Map.of(
            "welno_broken", "{\"status\": \"initiated\", ",
            // a number of 1,001 digits: past the console's parser bound, which the backend does not have
            "welno_long_number", "{\"session_id\": \"welno_long_number\", \"status\": \"initiated\", \"n\": "
                    + "1".repeat(1_001) + "}",
            "welno_past", TestRows.session("welno_past", "auth_request_sent",
                    LocalDateTime.now(ZoneId.of("Asia/Seoul")).minusHours(2)).json());

    @Test
    void listShowAndWatchSayTheSameOfEveryValue() throws Exception {
        VALUES.forEach((id, value) -> REDIS.client().set(PREFIX + id, value));
        CliRun list = CliRun.of("list", "--json", "--redis", REDIS.url());
        assertEquals(0, list.exit(), list.err());
        Map<String, JsonNode> listed = new HashMap<>();
        for (String line : list.out().lines().toList()) {
            JsonNode node = JSON.readTree(line);
            listed.put(node.get("id").asText(), node);
        }
        assertTrue(listed.get("welno_broken").get("backendCanRead").isBoolean());
        assertTrue(listed.get("welno_long_number").get("backendCanRead").isNull(), "not known");
        assertEquals(false, listed.get("welno_past").get("backendCanRead").asBoolean(true), "expired");

        SessionCodec codec = new SessionCodec();
        for (Map.Entry<String, String> value : VALUES.entrySet()) {
            String id = value.getKey();
            JsonNode inList = listed.get(id).get("backendCanRead");
            byte[] bytes = value.getValue().getBytes(StandardCharsets.UTF_8);
            JsonNode watched = WatchCommand.changeJson(new SessionChange(ChangeKind.UPDATED, id,
                    new StoredSession(codec.parse(id, bytes), 1_800_000, bytes)), Timestamps.system().nowLocal());
            assertEquals(inList, watched.get("backendCanRead"), "watch --json of " + id + ": " + watched);
            assertEquals(listed.get(id).get("readable"), watched.get("readable"), "readable, " + id);
            for (String field : List.of("status", "readable", "error", "name", "ttl")) {
                assertTrue(watched.has(field), "watch --json of " + id + " has " + field + ", as list's: " + watched);
                if (!field.equals("ttl")) { // the watched copy here is made with a TTL of its own
                    assertEquals(listed.get(id).get(field), watched.get(field), field + " of " + id);
                }
            }
            assertEquals(listed.get(id).get("ttl").isNull(), watched.get("ttl").isNull(), "ttl of " + id);
            JsonNode expiredInList = listed.get(id).get("expiredForSeconds");
            JsonNode expiredWatched = watched.get("expiredForSeconds");
            assertTrue(expiredWatched != null && expiredInList.isNull() == expiredWatched.isNull(),
                    "expiredForSeconds, " + id + ": " + watched);
            if (!expiredInList.isNull()) {
                // read a moment after list's: the same whole seconds, or the next ones
                long later = expiredWatched.asLong() - expiredInList.asLong();
                assertTrue(later >= 0 && later <= 60, "expiredForSeconds, " + id + ": " + expiredInList + " in list, "
                        + expiredWatched + " in watch");
            }
            if (!listed.get(id).get("readable").asBoolean()) {
                CliRun show = CliRun.of("show", id, "--json", "--redis", REDIS.url());
                assertEquals(1, show.exit(), show.err());
                assertEquals(inList, JSON.readTree(show.out()).get("backendCanRead"), "show --json of " + id);
            }
        }
    }
}
