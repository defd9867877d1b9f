package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.UserInfo;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.Await;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.sim.FailureMode;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One action over many sessions: every session is applied, refused or reported — none lost, none applied twice —
 * while a backend-style writer churns some of them; a cancelled run leaves no claim behind; Tilko is never asked
 * more than the configured number of calls at once.
 */
class BulkRunTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String RESET_TEXT = "멈춘 데이터 수집을 초기화했습니다";

    private final ObjectMapper mapper = new ObjectMapper();
    private RedisSessionStore store;
    private ExecutorService workers;
    private ExecutorService background;

    @BeforeEach
    void open() {
        store = FlowTestSupport.store(REDIS);
        workers = Executors.newFixedThreadPool(8);
        background = Executors.newCachedThreadPool();
    }

    @AfterEach
    void close() {
        workers.shutdownNow();
        background.shutdownNow();
        store.close();
    }

    private String seeded(String fixture, java.time.LocalDateTime fixtureNow) {
        return FlowTestSupport.seeded(REDIS, fixture, fixtureNow, 900);
    }

    private JsonNode doc(String id) throws Exception {
        return mapper.readTree(REDIS.client().get("tilko_session:" + id));
    }

    /**
     * A run is finished only once every session has been told: the command line prints its summary and exits when the
     * run is over, and the last session's line must not come after that, or never.
     */
    @Test
    void everySessionIsToldBeforeTheRunCountsAsFinished() throws Exception {
        List<String> ids = List.of(FlowTestSupport.waitingSession(REDIS), FlowTestSupport.waitingSession(REDIS));
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        try (FlowService flow = FlowTestSupport.service(store, null, null, background, FlowOptions.defaults())) {
            BulkRun run = BulkRun.start(flow, FlowTestSupport.DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE,
                    "-", "approved"), ids, workers, item -> {
                        try {
                            Thread.sleep(300); // a slow terminal
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        told.incrementAndGet();
                    });
            assertTrue(run.await(Await.EVENTUALLY));
            assertEquals(2, told.get(), "both sessions told when the run is over");
            assertEquals(2, run.summary().count(BulkRun.Tally.APPLIED));
        }
    }

    /**
     * A run started from a preview acts on what the preview showed when Run was pressed: a session it showed refused
     * is left alone, though it qualifies by its turn (nothing written, nothing audited), and a session it showed would
     * change but that moved on meanwhile is refused by the flow at its turn, saying that the preview had allowed it.
     */
    @Test
    void aRunFromAPreviewLeavesItsRefusedSessionsAloneAndSaysWhichNoLongerQualified() throws Exception {
        java.time.LocalDateTime stuckNow = Fixtures.FIXTURE_NOW.plusMinutes(9);
        String stuckAll = seeded("05_fetching_health_data_stuck.json", stuckNow);
        String qualifiesLater = seeded("05_fetching_health_data_stuck.json", stuckNow);
        String movedOn = seeded("05_fetching_health_data_stuck.json", stuckNow);
        List<String> ids = List.of(stuckAll, qualifiesLater, movedOn);
        ObjectNode moved = (ObjectNode) doc(movedOn);
        moved.put("status", "completed");
        moved.put("collection_started", false);
        FlowTestSupport.put(REDIS, movedOn, moved);
        try (FlowService flow = FlowTestSupport.service(store, null, null, background, FlowOptions.defaults()
                .withHoldWindow(Duration.ofMillis(200)))) {
            BulkRun run = BulkRun.startPreviewed(flow, OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, "-",
                    "outage over"), ids, java.util.Map.of(qualifiesLater, io.welno.console.text.Phrase.of(
                    "guard.reset.notStarted", "reset-stuck", "fetching_health_data")), workers, null);
            assertTrue(run.await(Await.EVENTUALLY));
            BulkRun.Summary summary = run.summary();
            assertEquals(3, summary.total());
            assertEquals(List.of(stuckAll), summary.byTally().get(BulkRun.Tally.APPLIED).stream()
                    .map(BulkRun.Item::sessionId).toList());
            java.util.Map<String, BulkRun.Item> refused = summary.byTally().get(BulkRun.Tally.REFUSED).stream()
                    .collect(Collectors.toMap(BulkRun.Item::sessionId, item -> item));
            assertEquals(Set.of(qualifiesLater, movedOn), refused.keySet());
            assertEquals("bulk.notAttempted", refused.get(qualifiesLater).told().key());
            assertEquals(null, refused.get(qualifiesLater).result(), "not attempted");
            assertEquals("fetching_health_data", doc(qualifiesLater).get("status").asText(), "left alone");
            assertEquals("bulk.refusedSincePreview", refused.get(movedOn).told().key());
            assertEquals("completed", doc(movedOn).get("status").asText());
            assertEquals(0, run.notStarted());
            long entriesOfLeftAlone = REDIS.client().xrevrange(RedisAuditLog.DEFAULT_KEY, "+", "-", 500).stream()
                    .filter(e -> qualifiesLater.equals(e.getFields().get("session"))).count();
            assertEquals(0, entriesOfLeftAlone, "nothing audited for a session never attempted");
        }
    }

    /**
     * What the window's leave question counts: the sessions no worker has come to yet, and none once the run is
     * cancelled (they are left alone).
     */
    @Test
    void theSessionsNotStartedAreCountedUntilTheRunIsCancelled() throws Exception {
        List<String> ids = List.of(FlowTestSupport.waitingSession(REDIS), FlowTestSupport.waitingSession(REDIS),
                FlowTestSupport.waitingSession(REDIS));
        ExecutorService one = Executors.newSingleThreadExecutor();
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        try (FlowService flow = FlowTestSupport.service(store, null, null, background, FlowOptions.defaults())) {
            one.execute(() -> {
                try {
                    busy.await(); // the only worker is busy until released
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            BulkRun run = BulkRun.start(flow, FlowTestSupport.DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE,
                    "-", "approved").withHold(java.time.Duration.ofMillis(200)), ids, one, null);
            assertEquals(3, run.notStarted());
            run.cancel();
            assertEquals(0, run.notStarted(), "cancelled: the rest is left alone, not waiting to start");
            busy.countDown();
            assertTrue(run.await(Await.EVENTUALLY));
            assertEquals(3, run.summary().count(BulkRun.Tally.CANCELLED));

            BulkRun through = BulkRun.start(flow, FlowTestSupport.DEVELOPER, ActionRequest.of(
                    ActionKind.MANUAL_COMPLETE, "-", "approved").withHold(java.time.Duration.ofMillis(200)), ids, one,
                    null);
            assertTrue(through.await(Await.EVENTUALLY));
            assertEquals(0, through.notStarted(), "every session started");
            assertEquals(3, through.summary().count(BulkRun.Tally.APPLIED));
        } finally {
            one.shutdownNow();
        }
    }

    /**
     * A session that ended counts as ended, not as a conflict: one missing when its action starts, one deleted while
     * its change is held. Nobody else changed either, and the summary says so.
     */
    @Test
    void sessionsThatEndedAreCountedAsEndedNotAsConflicts() throws Exception {
        String held = FlowTestSupport.waitingSession(REDIS);
        String missing = "welno_" + "0".repeat(32);
        // Long enough for the deletion below to land inside it on a busy machine (it follows the write at once).
        FlowOptions shortHold = FlowOptions.defaults().withHoldWindow(Duration.ofSeconds(5));
        try (FlowService flow = FlowTestSupport.service(store, null, new RevertWatch(store, Duration.ofMillis(200)),
                background, shortHold)) {
            BulkRun run = BulkRun.start(flow, FlowTestSupport.DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE,
                    "-", "approved"), List.of(held, missing), workers, item -> { });
            Await.until("the change applied", Await.EVENTUALLY, () -> {
                String stored = REDIS.client().get("tilko_session:" + held);
                return stored != null && stored.matches("(?s).*\"status\":\\s*\"auth_completed\".*");
            });
            REDIS.client().del("tilko_session:" + held); // while its change is held
            assertTrue(run.await(Await.EVENTUALLY));
            BulkRun.Summary summary = run.summary();
            assertEquals(2, summary.count(BulkRun.Tally.ENDED), summary.byTally().toString());
            assertEquals(0, summary.count(BulkRun.Tally.CONFLICT));
            String said = io.welno.console.view.Wording.cli().render(summary.phrase());
            assertTrue(said.contains("0 conflict") && said.contains("2 ended"), said);
        }
    }

    /**
     * The console closing (Ctrl+C, the window closed) while a run's changes are held ends their holds unconfirmed:
     * counted as not confirmed, not as Redis unavailable, which nothing here was.
     */
    @Test
    void holdsCutShortByTheConsoleClosingAreNotConfirmedNotRedisUnavailable() throws Exception {
        List<String> ids = List.of(FlowTestSupport.waitingSession(REDIS), FlowTestSupport.waitingSession(REDIS));
        Set<String> applied = ConcurrentHashMap.newKeySet();
        FlowService flow = FlowTestSupport.service(store, null, new RevertWatch(store, Duration.ofMillis(100)),
                background, FlowOptions.defaults().withHoldWindow(Duration.ofMinutes(5)));
        BulkRun run;
        try {
            flow.addListener(new FlowListener() {
                @Override
                public void onActionFinished(ActionResult result) {
                    if (result.applied()) {
                        applied.add(result.request().sessionId());
                    }
                }
            });
            run = BulkRun.start(flow, FlowTestSupport.DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, "-",
                    "approved"), ids, workers, item -> { });
            Await.until("both changes applied and held", Await.EVENTUALLY, () -> applied.size() == 2);
        } finally {
            flow.close();
        }
        assertTrue(run.await(Await.EVENTUALLY));
        BulkRun.Summary summary = run.summary();
        assertEquals(2, summary.count(BulkRun.Tally.UNCONFIRMED), summary.byTally().toString());
        assertEquals(0, summary.count(BulkRun.Tally.UNAVAILABLE), summary.byTally().toString());
    }

    /**
     * The backend writes back its stale copies of a run's sessions: each revert is told as the run's (its batch id),
     * so the window can tell them as one, and the summary counts them.
     */
    @Test
    void aBulkRunsRevertsAreToldAsTheRunsAndCounted() throws Exception {
        List<String> ids = List.of(FlowTestSupport.waitingSession(REDIS), FlowTestSupport.waitingSession(REDIS));
        BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
        List<ObjectNode> stale = ids.stream().map(backend::read).toList(); // the backend's GET, before the run
        List<RevertDetected> told = new CopyOnWriteArrayList<>();
        Set<String> applied = ConcurrentHashMap.newKeySet();
        try (FlowService flow = FlowTestSupport.service(store, null, new RevertWatch(store, Duration.ofMillis(100)),
                background, FlowOptions.defaults().withHoldWindow(Duration.ofSeconds(30)))) {
            flow.addListener(new FlowListener() {
                @Override
                public void onRevertDetected(RevertDetected revert) {
                    told.add(revert);
                }

                @Override
                public void onActionFinished(ActionResult result) {
                    if (result.applied()) {
                        applied.add(result.request().sessionId());
                    }
                }
            });
            BulkRun run = BulkRun.start(flow, FlowTestSupport.DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE,
                    "-", "approved"), ids, workers, item -> { });
            // Applied and read back, so held: a stale copy written before the read-back is a conflict, not a revert.
            Await.until("both changes applied and read back", Await.EVENTUALLY,
                    () -> applied.containsAll(ids));
            for (int i = 0; i < ids.size(); i++) {
                backend.write(ids.get(i), stale.get(i)); // … and its SETEX of the old copies
            }
            assertTrue(run.await(Await.EVENTUALLY));
            assertEquals(2, run.summary().count(BulkRun.Tally.REVERTED), run.summary().byTally().toString());
            assertEquals(Set.copyOf(ids), told.stream().map(RevertDetected::sessionId).collect(Collectors.toSet()));
            for (RevertDetected revert : told) {
                assertEquals(run.batchId(), revert.batchId(), "told as the run's");
                assertTrue(revert.ours());
            }
        }
    }

    /**
     * A change written over by a value that is no session at all (a write cut off mid-way) is counted with the changes
     * written over, but the summary does not say the backend reverted it: the backend never writes such a value.
     */
    @Test
    void aChangeWrittenOverByAValueThatIsNoSessionIsNotCountedAsTheBackendsRevert() throws Exception {
        List<String> ids = List.of(FlowTestSupport.waitingSession(REDIS), FlowTestSupport.waitingSession(REDIS));
        BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
        ObjectNode stale = backend.read(ids.get(0));
        Set<String> applied = ConcurrentHashMap.newKeySet();
        try (FlowService flow = FlowTestSupport.service(store, null, new RevertWatch(store, Duration.ofMillis(100)),
                background, FlowOptions.defaults().withHoldWindow(Duration.ofSeconds(30)))) {
            flow.addListener(new FlowListener() {
                @Override
                public void onActionFinished(ActionResult result) {
                    if (result.applied()) {
                        applied.add(result.request().sessionId());
                    }
                }
            });
            BulkRun run = BulkRun.start(flow, FlowTestSupport.DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE,
                    "-", "approved"), ids, workers, item -> { });
            Await.until("both changes applied and read back", Await.EVENTUALLY, () -> applied.containsAll(ids));
            backend.write(ids.get(0), stale);
            REDIS.client().set("tilko_session:" + ids.get(1), "{\"status\": \"auth_",
                    redis.clients.jedis.params.SetParams.setParams().keepTtl());
            assertTrue(run.await(Await.EVENTUALLY));
            assertEquals(2, run.summary().count(BulkRun.Tally.REVERTED), run.summary().byTally().toString());
            String said = io.welno.console.view.Wording.cli().render(run.summary().phrase());
            assertTrue(said.contains("2 written over") && !said.contains("backend"), said);
        }
    }

    @Test
    void aBulkResetOverFiveHundredStuckSessionsAccountsForEveryOneWhileTheBackendChurns() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(seeded("05_fetching_health_data_stuck.json", Fixtures.FIXTURE_NOW.plusMinutes(9)));
        }
        // The backend keeps writing some of them: blind GET -> SETEX, sometimes of a copy held a moment.
        AtomicBoolean churning = new AtomicBoolean(true);
        BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
        Thread churn = new Thread(() -> {
            Random random = new Random(7);
            while (churning.get()) {
                String id = ids.get(random.nextInt(50));
                ObjectNode copy = backend.read(id);
                if (random.nextBoolean()) {
                    backend.extendSession(id, 300);
                } else if (copy != null) {
                    backend.write(id, copy);
                }
            }
        }, "backend-churn");
        churn.start();
        BulkRun run;
        try (FlowService flow = new FlowService(store, (TilkoClient) null, new RedisAuditLog(store.client()),
                new RevertWatch(store, Duration.ofMillis(200)), FlowTestSupport.TIMESTAMPS, background,
                FlowOptions.defaults())) {
            List<ActionPreview> previews = BulkRun.preview(flow, OPERATOR,
                    ActionRequest.of(ActionKind.RESET_STUCK, "-", "Tilko outage, restart them"), ids.subList(0, 20));
            assertTrue(previews.stream().allMatch(ActionPreview::allowed), "each one previewed as allowed");
            run = BulkRun.start(flow, OPERATOR, ActionRequest.of(ActionKind.RESET_STUCK, "-",
                    "Tilko outage, restart them").withHold(Duration.ofSeconds(1)), ids, workers, null);
            assertTrue(run.await(Duration.ofMinutes(3)), "every session finished: " + run.finished());
        } finally {
            churning.set(false);
            churn.join();
        }
        BulkRun.Summary summary = run.summary();
        assertTrue(summary.finished());
        assertEquals(500, summary.byTally().values().stream().mapToInt(List::size).sum());
        Set<String> seen = summary.byTally().values().stream().flatMap(List::stream).map(BulkRun.Item::sessionId)
                .collect(Collectors.toSet());
        assertEquals(new HashSet<>(ids), seen, "every session is accounted for, once");
        assertEquals(0, summary.count(BulkRun.Tally.FAILED) + summary.count(BulkRun.Tally.UNAVAILABLE), summary.toString());
        assertTrue(summary.count(BulkRun.Tally.APPLIED) > 400, summary.phrase().toString());
        for (BulkRun.Item item : summary.byTally().getOrDefault(BulkRun.Tally.APPLIED, List.of())) {
            JsonNode doc = doc(item.sessionId());
            assertEquals("auth_completed", doc.get("status").asText(), item.sessionId());
            assertFalse(doc.get("collection_started").asBoolean(), item.sessionId());
        }
        for (String id : ids) {
            long resets = 0;
            for (JsonNode m : doc(id).get("messages")) {
                resets += m.path("message").asText().contains(RESET_TEXT) ? 1 : 0;
            }
            assertTrue(resets <= 1, id + " was reset " + resets + " times");
        }
        long inBatch = REDIS.client().xrevrange(RedisAuditLog.DEFAULT_KEY, "+", "-", 5_000).stream()
                .filter(e -> run.batchId().equals(e.getFields().get("batch_id")))
                .filter(e -> "attempt".equals(e.getFields().get("event"))).count();
        assertEquals(500, inBatch, "one audit attempt per session, all with the batch id");
    }

    /** Fresh sessions approved and ready to collect, through the flow itself (real simulator credentials). */
    private List<String> readyToCollect(FlowService flow, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = NewSessionDocuments.newSessionId("welno");
            FlowTestSupport.put(REDIS, id, NewSessionDocuments.initiated(id, "welno",
                    new UserInfo("김하늘", "19900101", "0101234" + String.format("%04d", i), "M", "4"),
                    FlowTestSupport.TIMESTAMPS));
            assertTrue(flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")
                    .withHold(Duration.ZERO)).applied());
            assertTrue(flow.perform(FlowTestSupport.DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE, id,
                    "approved").withHold(Duration.ZERO)).applied());
            ids.add(id);
        }
        return ids;
    }

    /**
     * A bulk collect counts each session by how its collection ended, not by its claim: a collection Tilko ends in
     * info_required is a failure in the summary (and says why), one that completed and stayed is applied.
     */
    @Test
    void aBulkCollectCountsEachSessionByHowItsCollectionEnded() throws Exception {
        try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO).build());
             TilkoClient tilko = FlowTestSupport.tilko(sim);
             FlowService flow = new FlowService(store, tilko, new RedisAuditLog(store.client()),
                     new RevertWatch(store, Duration.ofMillis(100)), FlowTestSupport.TIMESTAMPS, background,
                     FlowOptions.defaults())) {
            List<String> mismatched = readyToCollect(flow, 3);
            sim.setFailure(FailureMode.IDENTITY_MISMATCH, TilkoEndpoint.CHECKUPS);
            BulkRun failing = BulkRun.start(flow, OPERATOR, ActionRequest.of(ActionKind.COLLECT, "-", "collect")
                    .withHold(Duration.ofMillis(300)), mismatched, workers, null);
            assertTrue(failing.await(Duration.ofMinutes(1)));
            BulkRun.Summary summary = failing.summary();
            assertEquals(3, summary.count(BulkRun.Tally.FAILED), summary.phrase().toString());
            for (BulkRun.Item item : summary.byTally().get(BulkRun.Tally.FAILED)) {
                assertEquals(CollectionFinished.Result.INFO_REQUIRED, item.collection().result());
                assertEquals(item.collection().message(), item.told());
                assertEquals("info_required", doc(item.sessionId()).get("status").asText());
            }

            sim.clearFailures();
            List<String> fine = readyToCollect(flow, 2);
            BulkRun completing = BulkRun.start(flow, OPERATOR, ActionRequest.of(ActionKind.COLLECT, "-", "collect")
                    .withHold(Duration.ofMillis(300)), fine, workers, null);
            assertTrue(completing.await(Duration.ofMinutes(1)));
            assertEquals(2, completing.summary().count(BulkRun.Tally.APPLIED),
                    completing.summary().phrase().toString());
            for (BulkRun.Item item : completing.summary().byTally().get(BulkRun.Tally.APPLIED)) {
                assertEquals(CollectionFinished.Result.COMPLETED, item.collection().result());
                assertEquals(completing.batchId(), item.collection().batchId(), "its end names its run");
                assertEquals(HoldOutcome.Kind.KEPT, item.held().kind());
                assertEquals("completed", doc(item.sessionId()).get("status").asText());
            }
        }
    }

    /**
     * A failed simple-auth leaves its sessions in error and says so; that write is held in a batch too: a session the
     * backend wrote back over counts as reverted, the others as failed.
     */
    @Test
    void aBulkSimpleAuthThatFailsCountsAnUndoneErrorWriteAsReverted() throws Exception {
        try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO).build());
             TilkoClient tilko = FlowTestSupport.tilko(sim);
             RevertWatch watch = new RevertWatch(store, Duration.ofMillis(50));
             FlowService flow = new FlowService(store, tilko, new RedisAuditLog(store.client()), watch,
                     FlowTestSupport.TIMESTAMPS, background, FlowOptions.defaults())) {
            sim.setFailure(FailureMode.TEMPORARY_FAILURE, TilkoEndpoint.SIMPLE_AUTH);
            String undone = FlowTestSupport.newSession(REDIS);
            String left = FlowTestSupport.newSession(REDIS);
            BackendStyleWriter backend = new BackendStyleWriter(REDIS.client());
            ObjectNode stale = backend.read(undone);
            Set<String> finished = ConcurrentHashMap.newKeySet();
            flow.addListener(new FlowListener() {
                @Override
                public void onActionFinished(ActionResult result) {
                    finished.add(result.request().sessionId());
                }
            });
            BulkRun run = BulkRun.start(flow, OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, "-", "re-send")
                    .withHold(Duration.ofSeconds(3)), List.of(undone, left), workers, null);
            // Written and read back, so held: a stale copy landing before the read-back is a conflict, not a revert.
            Await.until("the console's error write, read back", Duration.ofSeconds(30),
                    () -> finished.contains(undone));
            assertTrue(REDIS.client().get("tilko_session:" + undone).contains("\"status\": \"error\""));
            backend.write(undone, stale);
            assertTrue(run.await(Duration.ofMinutes(1)));
            BulkRun.Summary summary = run.summary();
            assertEquals(1, summary.count(BulkRun.Tally.REVERTED), summary.phrase().toString());
            assertEquals(undone, summary.byTally().get(BulkRun.Tally.REVERTED).get(0).sessionId());
            assertEquals(1, summary.count(BulkRun.Tally.FAILED), summary.phrase().toString());
        }
    }

    @Test
    void aCancelledBulkCollectLeavesNoSessionClaimedAndTilkoIsAskedPolitely() throws Exception {
        try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO)
                .slowDelay(Duration.ofMillis(400)).build());
             TilkoClient tilko = FlowTestSupport.tilko(sim)) {
            sim.setFailure(FailureMode.SLOW, TilkoEndpoint.CHECKUPS);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = NewSessionDocuments.newSessionId("welno");
                FlowTestSupport.put(REDIS, id, NewSessionDocuments.initiated(id, "welno",
                        new UserInfo("김하늘", "19900101", "0101234" + String.format("%04d", i), "M", "4"),
                        FlowTestSupport.TIMESTAMPS));
                ids.add(id);
            }
            try (FlowService flow = new FlowService(store, tilko, new RedisAuditLog(store.client()),
                    new RevertWatch(store, Duration.ofMillis(200)), FlowTestSupport.TIMESTAMPS, background,
                    FlowOptions.defaults().withMaxTilkoCalls(2))) {
                // Simple-auth over all of them: Tilko never sees more than two calls at once.
                BulkRun auth = BulkRun.start(flow, OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, "-",
                        "re-send after the outage").withHold(Duration.ZERO), ids, workers, null);
                assertTrue(auth.await(Duration.ofMinutes(2)));
                assertEquals(40, auth.summary().count(BulkRun.Tally.APPLIED), auth.summary().phrase().toString());
                assertTrue(sim.maxConcurrentCalls() <= 2, "at most 2 Tilko calls at once: " + sim.maxConcurrentCalls());
                assertTrue(sim.maxConcurrentCalls() >= 1);

                for (String id : ids) {
                    assertTrue(flow.perform(FlowTestSupport.DEVELOPER, ActionRequest.of(ActionKind.MANUAL_COMPLETE,
                            id, "approved").withHold(Duration.ZERO)).applied());
                }
                BulkRun collect = BulkRun.start(flow, OPERATOR, ActionRequest.of(ActionKind.COLLECT, "-",
                        "collect them all").withHold(Duration.ZERO), ids, workers, null);
                Await.until("some collections to wait for Tilko", Duration.ofSeconds(20),
                        () -> sim.requestCount(TilkoEndpoint.CHECKUPS) >= 2);
                collect.cancel();
                assertTrue(collect.await(Duration.ofMinutes(1)), "the cancelled run ends");
                BulkRun.Summary stopped = collect.summary();
                for (BulkRun.Item item : stopped.byTally().getOrDefault(BulkRun.Tally.APPLIED, List.of())) {
                    assertEquals(CollectionFinished.Result.COMPLETED, item.collection().result(),
                            item.sessionId() + " counted applied");
                }
                assertTrue(stopped.count(BulkRun.Tally.CANCELLED) > 0, stopped.phrase().toString());
                Await.until("every collection to stop", Duration.ofSeconds(30),
                        () -> flow.runningCollections().isEmpty());
            }
            for (String id : ids) {
                JsonNode doc = doc(id);
                assertFalse(doc.has("console_claim"), id + " still claimed: " + doc.get("status"));
                assertFalse(doc.path("collection_started").asBoolean(false) && doc.get("status").asText()
                        .startsWith("fetching"), id + " left collecting");
            }
            assertTrue(sim.maxConcurrentCalls() <= 2, "still at most 2 at once: " + sim.maxConcurrentCalls());
        }
    }
}
