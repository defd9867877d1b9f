package io.welno.console.fault;

import static io.welno.console.fault.FlowRig.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.testing.CliRun;
import io.welno.console.demo.EmbeddedRedis;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult;
import io.welno.console.session.AuthCredentials;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.SessionEditor;
import io.welno.console.session.SessionStatus;
import io.welno.console.store.RedisConnectionSettings;
import io.welno.console.testing.Await;
import io.welno.console.testing.PythonNumbers;
import io.welno.console.testing.Words;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

/**
 * A field the console never touches comes back from an action as the backend's json.dumps would write what its
 * json.loads read (docs/backend-protocol.md, "Numbers"): a reset-stuck through the real store, on a session holding
 * every form of number Python writes or reads ({@link PythonNumbers}).
 */
@Timeout(120)
class PythonNumbersRoundTripTest {

    private static EmbeddedRedis redis;

    @BeforeAll
    static void start() {
        redis = EmbeddedRedis.start(List.of());
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void aResetStuckWritesEveryNumberItNeverTouchedAsTheBackendWould() throws Exception {
        try (FlowRig rig = new FlowRig(RedisConnectionSettings.parse(redis.url()), Await.EVENTUALLY,
                Duration.ofSeconds(1)); Jedis admin = new Jedis("127.0.0.1", redis.port(), 10_000)) {
            String id = FlowRig.newSession(admin);
            ObjectNode tree = FlowRig.document(admin, id).tree().deepCopy();
            SessionEditor edit = new SessionEditor(tree, FlowRig.TIMESTAMPS);
            edit.authData(new AuthCredentials("CX-" + id, "4", "req-" + id, "tok-" + id, "tx-" + id,
                    AuthCredentials.Casing.PASCAL)); // a collection's credentials: reset-stuck refuses one without
            edit.status(SessionStatus.FETCHING_HEALTH_DATA);
            edit.put(SessionDocument.COLLECTION_STARTED, true);
            edit.putNow("collection_start_time");
            int n = 0;
            for (String literal : PythonNumbers.EXPECTED.keySet()) {
                tree.put("x_number_" + n++, "@" + literal + "@");
            }
            String stored = FlowRig.CODEC.write(tree);
            for (String literal : PythonNumbers.EXPECTED.keySet()) {
                stored = stored.replace("\"@" + literal + "@\"", literal); // the literal as another writer left it
            }
            admin.setex("tilko_session:" + id, 1800, stored);

            // NaN and the infinities are Python's own words: the backend reads this document, and list says so
            CliRun list = CliRun.of("list", "--json", "--redis", redis.url());
            assertEquals(0, list.exit(), list.err());
            String line = list.out().lines().filter(l -> l.contains("\"id\":\"" + id + "\"")).findFirst()
                    .orElseThrow(() -> new AssertionError(list.out()));
            assertTrue(line.contains("\"readable\":true") && line.contains("\"backendCanRead\":true"), line);

            ActionResult result = rig.perform(OPERATOR, ActionKind.RESET_STUCK, id);
            assertEquals(ActionResult.Outcome.APPLIED, result.outcome(), Words.en(result.message()));

            String written = admin.get("tilko_session:" + id);
            assertTrue(written.contains("\"status\": \"auth_completed\""), written);
            int field = 0;
            for (Map.Entry<String, String> number : PythonNumbers.EXPECTED.entrySet()) {
                String expected = "\n  \"x_number_" + field++ + "\": " + number.getValue() + ",\n";
                assertTrue(written.contains(expected) || written.contains(expected.replace(",\n", "\n}")),
                        number.getKey() + " should be written as " + number.getValue() + " in:\n" + written);
            }
        }
    }

    /**
     * A number of 2,000 digits is past the console's parser's bound, but the backend's json.loads reads it (Python reads
     * integers of up to 4,300 digits): list says it cannot tell whether the backend reads the value, never that it
     * cannot. A value the backend cannot read either keeps backendCanRead false.
     */
    @Test
    void listNeverSaysTheBackendCannotReadAValueOnlyTheConsolesBoundsStopped() throws Exception {
        try (Jedis admin = new Jedis("127.0.0.1", redis.port(), 10_000)) {
            admin.setex("tilko_session:longnumber", 1800, "{\"session_id\": \"longnumber\", \"status\": \"initiated\","
                    + " \"n\": " + "9".repeat(2_000) + "}");
            admin.setex("tilko_session:plusinf", 1800, "{\"session_id\": \"plusinf\", \"n\": +Infinity}");
        }
        CliRun list = CliRun.of("list", "--json", "--redis", redis.url());
        assertEquals(0, list.exit(), list.err());
        String longNumber = line(list.out(), "longnumber");
        assertTrue(longNumber.contains("\"readable\":false") && longNumber.contains("\"backendCanRead\":null"), longNumber);
        String plusInf = line(list.out(), "plusinf");
        assertTrue(plusInf.contains("\"readable\":false") && plusInf.contains("\"backendCanRead\":false"), plusInf);
    }

    private static String line(String listing, String id) {
        return listing.lines().filter(l -> l.contains("\"id\":\"" + id + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError(listing));
    }
}
