package io.welno.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welno.console.cli.Main;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.FlowOptions;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Operator;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.flow.Role;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.SessionDocument;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.StuckReason;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UserInfo;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.Await;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoConfig;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.sim.FailureMode;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.params.SetParams;

/**
 * The console's process ended by SIGTERM (a logout, the OS shutting down, {@code kill}) in the middle of a
 * collection gives the claim back: docs/flow.md ("Actions") asks for {@code collection_started} cleared on every
 * exit path.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConsoleExitTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void sigtermDuringACollectionPutsTheSessionBackAtAuthCompleted() throws Exception {
        Timestamps timestamps = new Timestamps(java.time.Clock.systemUTC(), Timestamps.DEFAULT_ZONE);
        String id = NewSessionDocuments.newSessionId("welno");
        REDIS.client().set("tilko_session:" + id, new SessionCodec().write(NewSessionDocuments.initiated(id, "welno",
                new UserInfo("김하늘", "19900101", "01012345678", "M", "4"), timestamps)), SetParams.setParams().ex(1800));
        try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO)
                .slowDelay(Duration.ofSeconds(60)).build())) {
            sim.setFailure(FailureMode.SLOW, TilkoEndpoint.CHECKUPS); // the collection waits inside its first call
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ConsoleExitProbe.class.getName(),
                    REDIS.url(), sim.baseUrl(), id).redirectErrorStream(true);
            builder.environment().put("TILKO_API_KEY", "exit-test-key");
            Process console = builder.start();
            List<String> output = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(console.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals("COLLECTING")) {
                    output.add(line);
                }
                assertTrue(line != null, "the probe started a collection: " + output);
                Await.until("the collection's first request to reach Tilko", Duration.ofSeconds(60),
                        () -> sim.requestCount(TilkoEndpoint.CHECKUPS) > 0);
                assertEquals(1, sim.requestCount(TilkoEndpoint.CHECKUPS), "the collection is waiting for Tilko");
                JsonNode claimed = document(id);
                assertEquals("fetching_health_data", claimed.get("status").asText());
                assertTrue(claimed.get("collection_started").asBoolean());

                console.destroy(); // SIGTERM
                assertTrue(console.waitFor(60, TimeUnit.SECONDS), "the console exits");
            } finally {
                console.destroyForcibly();
            }
            JsonNode after = document(id);
            assertFalse(after.get("collection_started").asBoolean(), "the claim was given back");
            assertFalse(after.has("console_claim"), "the claim was given back");
            assertEquals("auth_completed", after.get("status").asText());
        }
    }

    /**
     * SIGKILL (or a power cut) leaves the claim behind, but not for long: its owner stops renewing the lease, and once
     * the lease has lapsed any console's reset-stuck repairs the session without an override — well before the
     * ten-minute stuck threshold and the session's own expiry.
     */
    @Test
    void aKilledConsolesClaimIsAbandonedWithinItsLeaseAndResetRepairsIt() throws Exception {
        Timestamps timestamps = new Timestamps(java.time.Clock.systemUTC(), Timestamps.DEFAULT_ZONE);
        String id = NewSessionDocuments.newSessionId("welno");
        REDIS.client().set("tilko_session:" + id, new SessionCodec().write(NewSessionDocuments.initiated(id, "welno",
                new UserInfo("김하늘", "19900101", "01012345678", "M", "4"), timestamps)), SetParams.setParams().ex(1800));
        long leaseSeconds = 3;
        try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO)
                .slowDelay(Duration.ofSeconds(60)).build())) {
            sim.setFailure(FailureMode.SLOW, TilkoEndpoint.CHECKUPS);
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ConsoleExitProbe.class.getName(),
                    REDIS.url(), sim.baseUrl(), id, Long.toString(leaseSeconds)).redirectErrorStream(true);
            builder.environment().put("TILKO_API_KEY", "exit-test-key");
            Process console = builder.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(console.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                List<String> output = new ArrayList<>();
                while ((line = out.readLine()) != null && !line.equals("COLLECTING")) {
                    output.add(line);
                }
                assertTrue(line != null, "the probe started a collection: " + output);
                Await.until("the collection to wait for Tilko", Await.EVENTUALLY,
                        () -> sim.requestCount(TilkoEndpoint.CHECKUPS) > 0);
                // The owner renews its lease while the call is out.
                String firstLease = document(id).path("console_claim").path("lease_until").asText();
                Await.until("a renewal of the lease", Await.EVENTUALLY,
                        () -> !document(id).path("console_claim").path("lease_until").asText().equals(firstLease));
                console.destroyForcibly(); // SIGKILL: no shutdown hook runs
                assertTrue(console.waitFor(30, TimeUnit.SECONDS));
            } finally {
                console.destroyForcibly();
            }
        }
        JsonNode left = document(id);
        assertEquals("fetching_health_data", left.get("status").asText(), "the claim is left behind");
        assertTrue(left.get("collection_started").asBoolean());

        try (RedisSessionStore store = RedisSessionStore.open(REDIS.settings(), new SessionCodec(), timestamps);
             FlowService other = new FlowService(store, (TilkoClient) null, new RedisAuditLog(store.client()), null,
                     timestamps, Executors.newSingleThreadExecutor(), FlowOptions.defaults())) {
            Operator operator = new Operator("kim", Role.OPERATOR);
            ActionRequest reset = ActionRequest.of(ActionKind.RESET_STUCK, id, "its console died");
            Await.until("the lease to lapse", Await.EVENTUALLY, () -> {
                SessionDocument doc = (SessionDocument) store.get(id).orElseThrow().parsed();
                return other.isStuck(doc);
            });
            SessionDocument stuck = (SessionDocument) store.get(id).orElseThrow().parsed();
            assertEquals(StuckReason.Kind.LEASE_LAPSED, StuckPolicy.defaults().why(stuck, timestamps.nowLocal())
                    .orElseThrow().kind(), "the window says why");
            ActionResult repaired = other.perform(operator, reset);
            assertEquals(ActionResult.Outcome.APPLIED, repaired.outcome(), Words.en(repaired.message()));
        }
        JsonNode after = document(id);
        assertEquals("auth_completed", after.get("status").asText());
        assertFalse(after.get("collection_started").asBoolean());
        assertFalse(after.has("console_claim"));
    }

    /**
     * Ctrl+C (SIGINT, or a SIGTERM) during a bulk collect on the command line: the collections it started give their
     * claims back before the process ends, and the command still says how far the batch got.
     */
    @Test
    void interruptingABulkCollectGivesEveryClaimBackAndEndsWithItsSummary() throws Exception {
        Timestamps timestamps = new Timestamps(java.time.Clock.systemUTC(), Timestamps.DEFAULT_ZONE);
        try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO)
                .slowDelay(Duration.ofSeconds(60)).build());
             TilkoClient tilko = new TilkoClient(TilkoConfig.builder().baseUrl(sim.baseUrl())
                     .apiKey("exit-test-key").build());
             RedisSessionStore store = RedisSessionStore.open(REDIS.settings(), new SessionCodec(), timestamps);
             FlowService flow = new FlowService(store, tilko,
                     new RedisAuditLog(store.client()), null, timestamps, Executors.newCachedThreadPool(),
                     FlowOptions.defaults())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String id = NewSessionDocuments.newSessionId("welno");
                REDIS.client().set("tilko_session:" + id, new SessionCodec().write(NewSessionDocuments.initiated(id,
                        "welno", new UserInfo("김하늘", "19900101", "0101234567" + i, "M", "4"), timestamps)),
                        SetParams.setParams().ex(1800));
                Operator developer = new Operator("lee", Role.DEVELOPER);
                for (ActionKind kind : new ActionKind[] {ActionKind.SIMPLE_AUTH, ActionKind.MANUAL_COMPLETE}) {
                    ActionResult done = flow.perform(developer, ActionRequest.of(kind, id, "exit test").withHold(
                            Duration.ZERO));
                    assertTrue(done.applied(), Words.en(done.message()));
                }
                ids.add(id);
            }
            sim.setFailure(FailureMode.SLOW, TilkoEndpoint.CHECKUPS); // each collection waits inside its first call
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "collect"));
            command.addAll(ids);
            command.addAll(List.of("--reason", "after the outage", "--redis", REDIS.url(), "--tilko-url",
                    sim.baseUrl(), "--hold", "1"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("TILKO_API_KEY", "exit-test-key");
            Process console = builder.start();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(console.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    out.lines().forEach(output::add);
                } catch (java.io.IOException e) {
                    output.add("(reading failed: " + e + ")");
                }
            });
            reader.start();
            try {
                Await.until("both collections to wait for Tilko", Duration.ofSeconds(60),
                        () -> sim.requestCount(TilkoEndpoint.CHECKUPS) >= 2);
                // SIGTERM: the JVM's shutdown hooks run, as on Ctrl+C. Through the handle: Process.destroy() also
                // closes this side of the pipes, and what the command prints while it stops would be lost.
                console.toHandle().destroy();
                assertTrue(console.waitFor(60, TimeUnit.SECONDS), "the console exits");
            } finally {
                console.destroyForcibly();
            }
            reader.join(10_000);
            for (String id : ids) {
                JsonNode after = document(id);
                assertFalse(after.get("collection_started").asBoolean(), "the claim was given back: " + output);
                assertFalse(after.has("console_claim"), "the claim was given back");
                assertEquals("auth_completed", after.get("status").asText());
            }
            assertTrue(output.stream().anyMatch(l -> l.startsWith("SUMMARY [")), "says how far it got: " + output);
        }
    }

    private static JsonNode document(String id) {
        try {
            return new ObjectMapper().readTree(REDIS.client().get("tilko_session:" + id));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
