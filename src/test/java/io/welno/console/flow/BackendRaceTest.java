package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.DEVELOPER;
import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.HookedStore;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.RedisClient;

/**
 * Console actions while the backend does blind GET → SETEX on the same sessions: an action applies or
 * reports a conflict, never success for a change that is not in Redis; a change the backend later
 * clobbers is reported by the revert watch.
 */
class BackendRaceTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final ObjectMapper mapper = new ObjectMapper();
    private RedisSessionStore store;

    @BeforeEach
    void open() {
        store = FlowTestSupport.store(REDIS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String sessionAt(String fixture, String id) throws Exception {
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live(fixture));
        doc.put("session_id", id);
        doc.put("expires_at", FlowTestSupport.TIMESTAMPS.nowPlusSeconds(900));
        FlowTestSupport.put(REDIS, id, doc);
        return id;
    }

    @Test
    void underBlindBackendWritesActionsApplyOrConflictAndEveryClobberedChangeIsReported() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(sessionAt("04_auth_completed.json", "welno_race_" + i));
        }
        RecordingListener events = new RecordingListener();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger backendWrites = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool();
        List<Future<?>> backends = new ArrayList<>();
        try (RevertWatch watch = new RevertWatch(store, Duration.ofMillis(5));
             FlowService flow = FlowTestSupport.service(store, null, watch, new DirectExecutor(), FlowOptions.defaults())) {
            flow.addListener(events);
            for (int t = 0; t < 2; t++) {
                backends.add(threads.submit(() -> {
                    try (RedisClient own = RedisClient.create("127.0.0.1", REDIS.port())) {
                        BackendStyleWriter backend = new BackendStyleWriter(own);
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (!stop.get()) {
                            String id = ids.get(random.nextInt(ids.size()));
                            ObjectNode snapshot = backend.read(id);
                            // Python holds its copy across awaits (Tilko, PostgreSQL) before writing it back.
                            long holdMicros = random.nextLong(3_000);
                            long until = System.nanoTime() + holdMicros * 1_000;
                            while (System.nanoTime() < until) {
                                Thread.onSpinWait();
                            }
                            String now = FlowTestSupport.TIMESTAMPS.now();
                            snapshot.put("updated_at", now);
                            snapshot.put("last_activity", now);
                            if (random.nextInt(4) == 0) {
                                BackendStyleWriter.appendMessage(snapshot, now, "backend step");
                            }
                            backend.write(id, snapshot);
                            backendWrites.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            List<Future<List<ActionResult>>> consoles = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                consoles.add(threads.submit(() -> {
                    List<ActionResult> mine = new ArrayList<>();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 60; i++) {
                        String id = ids.get(random.nextInt(ids.size()));
                        mine.add(flow.perform(DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "race " + i)));
                    }
                    return mine;
                }));
            }
            List<ActionResult> results = new ArrayList<>();
            for (Future<List<ActionResult>> f : consoles) {
                results.addAll(f.get());
            }
            stop.set(true);
            for (Future<?> f : backends) {
                f.get();
            }
            for (String id : ids) {
                watch.checkNow(id);
            }

            Set<String> reverted = new HashSet<>();
            events.reverts.forEach(r -> reverted.add(r.actionId()));
            Map<String, String> finalDocs = new ConcurrentHashMap<>();
            for (String id : ids) {
                finalDocs.put(id, REDIS.client().get("tilko_session:" + id));
            }
            int applied = 0;
            int conflicts = 0;
            int lost = 0;
            for (ActionResult r : results) {
                assertTrue(r.outcome() == ActionResult.Outcome.APPLIED || r.outcome() == ActionResult.Outcome.CONFLICT,
                        r.outcome() + ": " + Words.en(r.message()));
                if (r.outcome() == ActionResult.Outcome.CONFLICT) {
                    conflicts++;
                    assertTrue(Words.en(r.message()).contains("not in Redis now") || Words.en(r.message()).contains("kept changing"),
                            Words.en(r.message()));
                    continue;
                }
                applied++;
                boolean present = finalDocs.get(r.request().sessionId()).contains("#" + r.actionId() + "]");
                if (!present) {
                    lost++;
                    assertTrue(reverted.contains(r.actionId()),
                            "an applied change vanished without a revert report: " + r.actionId());
                }
            }
            System.out.printf("race: %d backend writes, %d applied, %d conflicts, %d clobbered later, %d reverts%n",
                    backendWrites.get(), applied, conflicts, lost, reverted.size());
            assertTrue(applied > 0, "some actions must get through");
            assertTrue(backendWrites.get() > 20, "the backend must really have been writing");
            for (String id : ids) {
                JsonNode doc = BackendReadPath.assertReadable(REDIS.client(), "tilko_session:" + id,
                        FlowTestSupport.TIMESTAMPS.zone());
                assertEquals("auth_completed", doc.get("status").asText());
            }
        } finally {
            stop.set(true);
            threads.shutdownNow();
        }
    }

    /**
     * The backend's SETEX lands between our compare-and-set and our return: the action must not report
     * success. Deterministic: a store decorator writes the stale copy right after the applied update.
     */
    @Test
    void aChangeOverwrittenRightAfterItsWriteIsAConflictNotASuccess() throws Exception {
        String completeId = sessionAt("03_auth_request_sent.json", "welno_overwritten_complete");
        String authId = sessionAt("01_initiated.json", "welno_overwritten_auth");
        BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
        // After each applied update the "backend" writes back the copy it read before it.
        HookedStore clobbering = new HookedStore(store);
        clobbering.afterEveryAppliedUpdate((id, applied) -> backend.write(id, applied.before().tree().deepCopy()));
        ThrowingTilko tilko = new ThrowingTilko();
        RecordingListener events = new RecordingListener();
        try (FlowService flow = FlowTestSupport.service(store, tilko, null, new DirectExecutor(), FlowOptions.defaults())) {
            FlowService racing = new FlowService(clobbering, tilko, flow.auditLog(), null, FlowTestSupport.TIMESTAMPS,
                    new DirectExecutor(), FlowOptions.defaults());
            racing.addListener(events);

            ActionResult complete = racing.perform(DEVELOPER,
                    ActionRequest.of(ActionKind.MANUAL_COMPLETE, completeId, "approved"));
            assertEquals(ActionResult.Outcome.CONFLICT, complete.outcome(), Words.en(complete.message()));
            assertEquals(ActionResult.Outcome.CONFLICT, complete.outcome());
            assertTrue(Words.en(complete.message()).contains("not in Redis now"), Words.en(complete.message()));
            // The console sees a later value without its change, not who wrote it: the words say that, in both
            // languages, and guess no writer (README, "Held actions").
            assertTrue(Words.en(complete.message()).contains("lacks the change"), Words.en(complete.message()));
            assertFalse(Words.en(complete.message()).contains("backend"), Words.en(complete.message()));
            assertTrue(Words.ko(complete.message()).contains("그 변경이 없습니다"), Words.ko(complete.message()));
            assertFalse(Words.ko(complete.message()).contains("백엔드"), Words.ko(complete.message()));
            assertEquals("auth_request_sent", mapper.readTree(REDIS.client().get("tilko_session:" + completeId))
                    .get("status").asText());

            // A simple-auth whose claim is clobbered must not go on to call Tilko.
            ActionResult auth = racing.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, authId, "retry"));
            assertEquals(ActionResult.Outcome.CONFLICT, auth.outcome(), Words.en(auth.message()));
            assertEquals(0, tilko.calls.get(), "no Tilko request for a claim that is not in Redis");
            JsonNode doc = mapper.readTree(REDIS.client().get("tilko_session:" + authId));
            assertEquals("initiated", doc.get("status").asText());
            assertFalse(doc.has(ConsoleMarks.CLAIM));
            assertEquals(List.of(ActionResult.Outcome.CONFLICT, ActionResult.Outcome.CONFLICT),
                    events.actions.stream().map(ActionResult::outcome).toList());
            racing.close();
        }
    }
}
