package io.welno.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welno.console.testing.CliRun;
import io.welno.console.testing.RedisServerExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.SetParams;

/**
 * {@code list}, {@code list --json} and {@code show} for a user whose ACL key patterns leave one session out: the
 * others are listed as for any user, the refused one says it was refused, and {@code show} names the permission for
 * that one only. One key outside the patterns made Redis refuse its whole chunk's MGET, and the listing failed.
 */
class KeyPatternCommandsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String DOC = "{\"status\": \"initiated\", \"messages\": []}";

    private static String narrowUrl() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "narrow", "reset", "on", ">s3cret",
                "~tilko_session:welno_*", "+@read", "+@connection", "+info");
        for (int i = 0; i < 30; i++) {
            REDIS.client().set("tilko_session:welno_" + i, DOC, SetParams.setParams().ex(600));
        }
        REDIS.client().set("tilko_session:kakao_1", DOC, SetParams.setParams().ex(600));
        return "redis://narrow:s3cret@127.0.0.1:" + REDIS.port() + "/0";
    }

    @Test
    void listListsEverySessionTheUserMayReadAndTheRefusedOneAsRefused() {
        String url = narrowUrl();
        CliRun list = CliRun.of("list", "--redis", url);
        assertEquals(0, list.exit(), list.all());
        assertEquals(30, list.out().lines().filter(l -> l.startsWith("welno_") && l.contains("initiated")).count(),
                list.out());
        String refused = list.out().lines().filter(l -> l.startsWith("kakao_1")).findFirst().orElseThrow();
        assertTrue(refused.contains("may not touch this key"), refused);
    }

    @Test
    void listJsonSaysWhyTheRefusedSessionHasNoValue() throws Exception {
        String url = narrowUrl();
        CliRun list = CliRun.of("list", "--json", "--redis", url);
        assertEquals(0, list.exit(), list.all());
        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : list.out().lines().toList()) {
            JsonNode node = new ObjectMapper().readTree(line);
            byId.put(node.get("id").asText(), node);
        }
        assertEquals(31, byId.size(), list.out());
        assertEquals("initiated", byId.get("welno_7").get("status").asText());
        String error = byId.get("kakao_1").get("error").asText();
        assertTrue(error.startsWith("Redis did not send the value: the Redis user may not touch this key"), error);
        // The backend reads it as a user of its own: whether it can, this listing cannot tell.
        assertTrue(byId.get("kakao_1").get("backendCanRead").isNull(), byId.get("kakao_1").toString());
        assertTrue(byId.get("kakao_1").get("bytes").isNull(), "no value was read, not an empty one");
        assertEquals(DOC.length(), byId.get("welno_7").get("bytes").asInt());
    }

    /**
     * A user whose key patterns take in no session: SCAN lists the keys, Redis refuses every value. The rows say so,
     * as for one refused key, but the listing read nothing, and its exit status must not say it was done.
     */
    @Test
    void aListingOfWhichRedisRefusedEveryValueSaysSoAndIsNotDone() {
        narrowUrl();
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "none", "reset", "on", ">s3cret",
                "~elsewhere:*", "+@read", "+@connection", "+info");
        String url = "redis://none:s3cret@127.0.0.1:" + REDIS.port() + "/0";
        for (String[] args : new String[][] {{"list", "--redis", url}, {"list", "--json", "--redis", url}}) {
            CliRun list = CliRun.of(args);
            assertEquals(ExitCode.UNAVAILABLE.code(), list.exit(), list.all());
            assertTrue(list.err().contains("Not one session could be read (31 listed): Redis did not send the value: "
                    + "the Redis user may not touch this key"), list.all());
            assertEquals(31, list.out().lines().filter(l -> l.contains("may not touch this key")).count(), list.out());
        }
        CliRun narrow = CliRun.of("list", "--redis", narrowUrl());
        assertEquals(0, narrow.exit(), "one refused among readable ones: " + narrow.all());
        assertTrue(narrow.err().isEmpty(), narrow.all());
    }

    @Test
    void showReadsASessionTheUserMayReadAndNamesThePermissionForOneItMayNot() {
        String url = narrowUrl();
        CliRun allowed = CliRun.of("show", "welno_3", "--redis", url);
        assertEquals(0, allowed.exit(), allowed.all());
        CliRun refused = CliRun.of("show", "kakao_1", "--redis", url);
        assertEquals(ExitCode.UNAVAILABLE.code(), refused.exit(), refused.all());
        assertTrue(refused.err().contains("may not touch this key"), refused.all());
    }
}
