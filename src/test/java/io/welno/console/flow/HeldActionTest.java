package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.UserInfo;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.Words;
import io.welno.console.tilko.sim.SimulatorOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Held actions against a writer that behaves like the backend: it reads a session, waits a gap (its Tilko call),
 * then writes its stale copy back with SETEX. In every trial the console either reports the revert (an event, an
 * audit entry linked to the action, a hold that ends REVERTED) or, with re-apply, ends with the change in place —
 * it never says "kept" for a change that is not in Redis at the end of the hold.
 *
 * <p>The gaps are {@code -Dheld.gaps=0.1,0.5,1.5} (seconds) by default; longer ones, up to 30 s, can be given the
 * same way. Every action kind, every gap, with and without re-apply, run side by side.
 */
class HeldActionTest extends HeldFlowRig {
    @RegisterExtension
    static final SimulatedTilko TILKO = new SimulatedTilko(SimulatorOptions.builder()
            .approvalDelay(Duration.ZERO).build());

    private final ObjectMapper mapper = new ObjectMapper();
    private final RecordingListener events = new RecordingListener();

    @Override
    TilkoGateway tilko() {
        return TILKO.gateway();
    }

    @BeforeEach
    void listen() {
        flow.addListener(events);
    }

    private record Trial(ActionKind kind, double gapSeconds, boolean reapply) {
        @Override
        public String toString() {
            return kind.wire() + " gap " + gapSeconds + " s" + (reapply ? " re-apply" : "");
        }
    }

    private record Ran(Trial trial, String id, ActionResult result, HoldOutcome held, JsonNode atEnd) {
    }

    @Test
    void aStaleCopyWrittenBackIsReportedOrReappliedNeverKeptWhenGone() throws Exception {
        List<Trial> trials = new ArrayList<>();
        for (ActionKind kind : ActionKind.values()) {
            for (double gap : gaps()) {
                trials.add(new Trial(kind, gap, false));
                trials.add(new Trial(kind, gap, true));
            }
        }
        ExecutorService runners = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Ran>> running = new ArrayList<>();
        for (Trial trial : trials) {
            running.add(CompletableFuture.supplyAsync(() -> run(trial), runners));
        }
        List<Ran> ran = new ArrayList<>();
        for (CompletableFuture<Ran> r : running) {
            ran.add(r.get(5, TimeUnit.MINUTES));
        }
        runners.shutdown();

        int reverted = 0;
        int reapplied = 0;
        for (Ran r : ran) {
            String what = r.trial() + ": " + r.result().outcome() + " / " + r.held().kind() + " — "
                    + Words.en(r.result().message()) + " / " + Words.en(r.held().message());
            boolean inPlace = hasActionMessage(r.atEnd(), r.result().actionId());
            if (r.result().applied() && r.held().kept()) {
                assertTrue(inPlace, "kept, so the change must be in Redis at the end of the hold: " + what);
            } else if (r.result().applied()) {
                assertEquals(HoldOutcome.Kind.REVERTED, r.held().kind(), what);
                assertFalse(r.trial().reapply() && r.held().reapplies() == 0 && !r.held().message().key()
                        .equals("hold.reapplyRefused"), "with re-apply on, a revert is re-applied or says why not: "
                        + what);
                assertTrue(events.reverts.stream().anyMatch(e -> e.actionId().equals(r.result().actionId())),
                        "the revert was reported to the listeners: " + what);
                assertTrue(flow.auditLog().read(2_000).stream().anyMatch(a -> a.actionId().equals(r.result()
                        .actionId()) && a.event().equals(AuditRecord.REVERT_DETECTED)), "and audited: " + what);
                reverted++;
            } else {
                // Overwritten before the console could even confirm it: said at once, never "applied".
                assertTrue(r.result().outcome() == ActionResult.Outcome.CONFLICT
                        || r.result().outcome() == ActionResult.Outcome.REFUSED
                        || r.result().outcome() == ActionResult.Outcome.FAILED, what);
            }
            if (r.trial().reapply() && r.held().reapplies() > 0 && r.held().kept()) {
                reapplied++;
            }
        }
        assertTrue(reverted > 0, "some trials saw the backend revert a held change: " + ran);
        assertTrue(reapplied > 0, "some trials re-applied a reverted change and kept it: " + ran);
    }

    /** One trial: the backend reads, the console acts, the backend writes its copy back after the gap. */
    private Ran run(Trial trial) {
        try {
            String id = prepared(trial.kind());
            BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
            CountDownLatch read = new CountDownLatch(1);
            Thread writer = new Thread(() -> {
                ObjectNode stale = backend.read(id);
                read.countDown();
                sleep(trial.gapSeconds());
                backend.write(id, stale);
            });
            writer.start();
            read.await();
            // The stale copy must land inside the hold even when eight trials share a busy machine.
            Duration hold = Duration.ofMillis((long) (trial.gapSeconds() * 1000) + 3_000);
            ActionRequest request = ActionRequest.of(trial.kind(), id, "held trial").withHold(hold)
                    .withReapply(trial.reapply());
            ActionResult result = flow.perform(trial.kind() == ActionKind.MANUAL_COMPLETE ? DEVELOPER : OPERATOR,
                    request);
            writer.join();
            HoldOutcome held = result.hold().await(Duration.ofSeconds(30));
            if (trial.kind() == ActionKind.COLLECT && result.applied()) {
                events.awaitFinished(id, Duration.ofSeconds(30));
                held = result.hold().await(Duration.ofSeconds(30)); // a collection's later writes extend the hold
            }
            return new Ran(trial, id, result, held, mapper.readTree(REDIS.client().get("tilko_session:" + id)));
        } catch (Exception e) {
            throw new AssertionError(trial + " failed to run", e);
        }
    }

    /** A session in which the action may run. */
    private String prepared(ActionKind kind) throws IOException {
        String id = NewSessionDocuments.newSessionId("welno");
        ObjectNode doc = switch (kind) {
            case SIMPLE_AUTH -> NewSessionDocuments.initiated(id, "welno",
                    new UserInfo("김하늘", "19900101", "01012345678", "M", "4"), FlowTestSupport.TIMESTAMPS);
            case MANUAL_COMPLETE -> (ObjectNode) mapper.readTree(Fixtures.live("03_auth_request_sent.json"));
            case COLLECT -> (ObjectNode) mapper.readTree(Fixtures.live("04_auth_completed.json"));
            case RESET_STUCK -> (ObjectNode) mapper.readTree(Fixtures.live("05_fetching_health_data_stuck.json",
                    Fixtures.FIXTURE_NOW.plusMinutes(9)));
        };
        doc.put("session_id", id);
        doc.put("expires_at", FlowTestSupport.TIMESTAMPS.nowPlusSeconds(600));
        FlowTestSupport.put(REDIS, id, doc);
        return id;
    }

    private static boolean hasActionMessage(JsonNode doc, String actionId) {
        for (JsonNode m : doc.path("messages")) {
            JsonNode body = m.get("message");
            String text = body == null ? "" : body.isObject() ? body.path("message").asText() : body.asText();
            if (text.contains("#" + actionId + "]")) {
                return true;
            }
        }
        return false;
    }

    private static List<Double> gaps() {
        String spec = System.getProperty("held.gaps", "0.1,0.5,1.5");
        List<Double> out = Arrays.stream(spec.split(",")).map(String::strip).map(Double::parseDouble).toList();
        if (out.stream().anyMatch(g -> g < 0 || g > 30)) {
            fail("held.gaps must lie between 0 and 30 seconds: " + spec);
        }
        return out;
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
