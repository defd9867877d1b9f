package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.BulkRun;
import io.welno.console.flow.FlowOptions;
import io.welno.console.flow.FlowService;
import io.welno.console.flow.Operator;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.flow.RevertWatch;
import io.welno.console.flow.Role;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UserInfo;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.Await;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.PastOwnBound;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoConfig;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.sim.FailureMode;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import io.welno.console.ui.bulk.BulkDialog;
import io.welno.console.ui.bulk.BulkMenu;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Mnemonics;
import io.welno.console.ui.common.Notices;
import io.welno.console.view.BulkPreview;
import io.welno.console.view.Wording;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import redis.clients.jedis.params.SetParams;

/**
 * The bulk dialog on a real Redis: its preview lists the sessions that would be refused with the flow's reason, the
 * run ends in a summary whose counts match what happened, and cancelling a bulk collect mid-run (Tilko slow) leaves
 * no session claimed.
 */
@ExtendWith(ApplicationExtension.class)
class BulkDialogTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final Timestamps TIMESTAMPS = Timestamps.system();
    private static final SessionCodec CODEC = new SessionCodec(TIMESTAMPS.zone());
    private static final Operator OPERATOR = new Operator("kim", Role.OPERATOR);
    private final ObjectMapper mapper = new ObjectMapper();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private RedisSessionStore store;
    private Stage stage;
    private BulkDialog dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
        store = RedisSessionStore.open(REDIS.settings(), CODEC, TIMESTAMPS);
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (dialog != null) {
            robot.interact(dialog::close);
        }
        workers.shutdownNow();
        background.shutdownNow();
        store.close();
    }

    private FlowService flow(TilkoClient tilko, FlowOptions options) {
        return new FlowService(store, tilko, new RedisAuditLog(store.client()),
                new RevertWatch(store, Duration.ofMillis(200)), TIMESTAMPS, background, options);
    }

    private String stuck() throws Exception {
        String id = NewSessionDocuments.newSessionId("welno");
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live("05_fetching_health_data_stuck.json",
                Fixtures.FIXTURE_NOW.plusMinutes(9)));
        doc.put("session_id", id);
        doc.put("expires_at", TIMESTAMPS.nowPlusSeconds(900));
        put(id, doc);
        return id;
    }

    private String initiated(int n) {
        String id = NewSessionDocuments.newSessionId("welno");
        put(id, NewSessionDocuments.initiated(id, "welno", new UserInfo("김하늘", "19900101",
                "0101234" + String.format("%04d", n), "M", "4"), TIMESTAMPS));
        return id;
    }

    /** {@code n} sessions whose auth request was sent and approved, through the flow: ready to collect. */
    private List<String> authenticated(FlowService flow, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = initiated(i);
            ids.add(id);
            assertTrue(flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "send it")
                    .withHold(Duration.ZERO)).applied(), id);
            assertTrue(flow.perform(new Operator("lee", Role.DEVELOPER), ActionRequest.of(
                    ActionKind.MANUAL_COMPLETE, id, "approved on the phone").withHold(Duration.ZERO)).applied());
        }
        return ids;
    }

    private void put(String id, ObjectNode doc) {
        REDIS.client().set("tilko_session:" + id, CODEC.write(doc), SetParams.setParams().ex(1800));
    }

    private JsonNode doc(String id) throws Exception {
        return mapper.readTree(REDIS.client().get("tilko_session:" + id));
    }

    private void open(FxRobot robot, FlowService flow, ActionKind kind, List<String> ids) {
        open(robot, flow, kind, ids, i18n);
    }

    private void open(FxRobot robot, FlowService flow, ActionKind kind, List<String> ids, I18n words) {
        robot.interact(() -> {
            dialog = new BulkDialog(stage, flow, OPERATOR, kind, ids, words, background, workers);
            dialog.show();
        });
    }

    private void runWith(FxRobot robot, String reason) {
        robot.interact(() -> ((TextArea) dialog.getDialogPane().lookup("#bulkReason")).setText(reason));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#bulkRun");
    }

    private void awaitSummary() {
        FxState.await("the run's summary", () -> dialog.getDialogPane().lookup("#bulkSummary").isVisible());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private BulkMenu menu(FlowService flow, List<String> ids, Notices notices) throws Exception {
        return FxState.read(() -> {
            stage.getScene().setRoot(new StackPane(notices));
            return new BulkMenu(flow, OPERATOR, i18n, background, workers, new BulkMenu.Sessions() {
                @Override
                public List<String> selected() {
                    return List.of();
                }

                @Override
                public List<String> shown() {
                    return ids;
                }

                @Override
                public Runnable onChanges(java.util.function.Consumer<java.util.Collection<String>> listener) {
                    return () -> { };
                }

                @Override
                public String shownName() {
                    return "Shown";
                }

                @Override
                public Window window() {
                    return stage;
                }
            }, notices);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePreviewShowsRefusalsWithTheirReasonAndTheSummaryCountsWhatHappened(FxRobot robot) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(stuck());
        }
        ids.add(initiated(1));
        ids.add(initiated(2));
        try (FlowService flow = flow(null, FlowOptions.defaults().withHoldWindow(Duration.ofMillis(300)))) {
            open(robot, flow, ActionKind.RESET_STUCK, ids);
            TableView<BulkPreview.Line> preview = FxState.read(() -> (TableView<BulkPreview.Line>) dialog
                    .getDialogPane().lookup("#bulkPreview"));
            FxState.await("the preview", () -> preview.getItems().size() == 5);
            WaitForAsyncUtils.waitForFxEvents();
            List<BulkPreview.Line> refused = FxState.read(() -> preview.getItems().stream().filter(l -> !l.allowed())
                    .toList());
            assertEquals(ids.subList(3, 5), refused.stream().map(BulkPreview.Line::sessionId).toList());
            String reason = FxState.read(() -> robot.from(preview).lookup(".table-row-cell").queryAll().stream()
                    .filter(row -> ((javafx.scene.control.TableRow<BulkPreview.Line>) row).getItem() == refused.get(0))
                    .flatMap(row -> robot.from(row).lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                            .stream())
                    .map(cell -> String.valueOf(cell.getText())).reduce("", (a, b) -> a + "|" + b));
            assertTrue(reason.contains("Refused"), reason);
            String shortId = io.welno.console.view.SessionRow.shortId(refused.get(0).sessionId());
            assertTrue(reason.startsWith("|" + shortId + "|"),
                    "the short id, as the table shows it, leaves the room to the reason: " + reason);
            assertTrue(reason.toLowerCase(Locale.ROOT).contains("reset"), "the flow's refusal in words: " + reason);
            String previewed = FxState.read(() -> ((Label) dialog.getDialogPane().lookup("#bulkPreviewSummary"))
                    .getText());
            assertTrue(previewed.startsWith("5 sessions: 3 will change, 2 will be refused"), previewed);
            assertTrue(FxState.read(() -> dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes()
                    .get(0)).isDisabled()), "no run without a reason");

            assertEquals("What will happen to each session", FxState.read(() -> ((Label) dialog.getDialogPane()
                    .lookup("#bulkPreviewLabel")).getText()));

            runWith(robot, "Tilko outage, restart them");
            awaitSummary();
            // after Run, the table is what was forecast, and says so
            assertTrue(FxState.read(() -> ((Label) dialog.getDialogPane().lookup("#bulkPreviewLabel")).getText())
                    .startsWith("The preview, made before the run"));
            BulkRun.Summary summary = FxState.read(() -> dialog.run().summary());
            assertEquals(3, summary.count(BulkRun.Tally.APPLIED), summary.toString());
            assertEquals(2, summary.count(BulkRun.Tally.REFUSED), summary.toString());
            String headline = FxState.read(() -> ((Label) dialog.getDialogPane().lookup("#bulkSummaryText")).getText());
            assertTrue(headline.startsWith("5 sessions: 3 applied, 2 refused"), headline);
            robot.interact(() -> dialog.summaryView().choose(BulkRun.Tally.REFUSED));
            List<String> listed = FxState.read(() -> dialog.summaryView().listed());
            assertEquals(2, listed.size());
            assertTrue(listed.get(0).startsWith(ids.get(3)) || listed.get(0).startsWith(ids.get(4)),
                    listed.toString());
            for (String id : ids.subList(0, 3)) {
                assertEquals("auth_completed", doc(id).get("status").asText(), id);
            }
            assertEquals("initiated", doc(ids.get(3)).get("status").asText());
        }
    }

    /**
     * A session whose hold ended on a value past the console's own bound is neither applied nor failed: Redis answered,
     * and the change may well be in that value. The summary counts it apart, in the window's language.
     */
    @Test
    void aHoldEndedPastTheConsolesOwnBoundIsCountedNotConfirmedNotFailed(FxRobot robot) throws Exception {
        List<String> ids = List.of(stuck(), stuck(), stuck());
        PastOwnBound.onceChanged(REDIS, ids.get(0));
        PastOwnBound.onceChanged(REDIS, ids.get(1));
        try (FlowService flow = flow(null, FlowOptions.defaults().withHoldWindow(Duration.ofSeconds(3)))) {
            open(robot, flow, ActionKind.RESET_STUCK, ids, new I18n(Locale.KOREAN));
            FxState.await("the preview allows the run", () -> ((Label) dialog.getDialogPane()
                    .lookup("#bulkPreviewSummary")).getText().startsWith("세션 3개 중 3개는 바뀌고"));
            runWith(robot, "장애 복구");
            awaitSummary();
            BulkRun.Summary summary = FxState.read(() -> dialog.run().summary());
            assertEquals(2, summary.count(BulkRun.Tally.UNCONFIRMED), summary.toString());
            assertEquals(1, summary.count(BulkRun.Tally.APPLIED), summary.toString());
            assertEquals(0, summary.count(BulkRun.Tally.FAILED), summary.toString());
            String headline = FxState.read(() -> ((Label) dialog.getDialogPane().lookup("#bulkSummaryText")).getText());
            assertTrue(headline.contains("확인 안 됨 2, 실패 0"), headline);
            assertEquals("확인 안 됨 2건", FxState.read(() -> ((javafx.scene.control.ToggleButton) dialog
                    .getDialogPane().lookup("#bulkTally-UNCONFIRMED")).getText()));
            robot.interact(() -> dialog.summaryView().choose(BulkRun.Tally.UNCONFIRMED));
            List<String> listed = FxState.read(() -> dialog.summaryView().listed());
            assertEquals(2, listed.size(), listed.toString());
            assertTrue(listed.stream().allMatch(l -> l.startsWith(ids.get(0)) || l.startsWith(ids.get(1))),
                    listed.toString());
        }
    }

    /**
     * The preview follows its sessions only while Run would act on it: a dialog closed before Run stops following (the
     * window would otherwise preview a closed dialog's sessions for as long as it is open), and Run stops it too.
     */
    @Test
    void theDialogStopsFollowingItsSessionsAtRunOrWhenClosedBeforeIt(FxRobot robot) throws Exception {
        List<String> ids = List.of(stuck(), stuck());
        java.util.concurrent.atomic.AtomicInteger following = new java.util.concurrent.atomic.AtomicInteger();
        try (FlowService flow = flow(null, FlowOptions.defaults().withHoldWindow(Duration.ofMillis(200)))) {
            open(robot, flow, ActionKind.RESET_STUCK, ids);
            robot.interact(() -> dialog.follow(listener -> {
                following.incrementAndGet();
                return following::decrementAndGet;
            }));
            assertEquals(1, following.get());
            robot.interact(dialog::close);
            assertEquals(0, following.get(), "closed before Run: no longer following");

            open(robot, flow, ActionKind.RESET_STUCK, ids);
            robot.interact(() -> dialog.follow(listener -> {
                following.incrementAndGet();
                return following::decrementAndGet;
            }));
            FxState.await("the preview allows the run", () -> ((Label) dialog.getDialogPane()
                    .lookup("#bulkPreviewSummary")).getText().startsWith("2 sessions: 2 will change"));
            runWith(robot, "outage over");
            assertEquals(0, following.get(), "Run acts on the preview as it is at the press");
            awaitSummary();
        }
    }

    /**
     * Enter in a bulk run's reason starts nothing and types nothing: Run there acts on every session of the preview,
     * and Enter is how a sentence typed in a hurry ends; the run starts with the button only.
     */
    @Test
    void enterInTheReasonNeitherRunsNorBreaksTheLine(FxRobot robot) throws Exception {
        List<String> ids = List.of(stuck(), stuck());
        try (FlowService flow = flow(null, FlowOptions.defaults().withHoldWindow(Duration.ofMillis(200)))) {
            open(robot, flow, ActionKind.RESET_STUCK, ids);
            FxState.await("the preview allows the run", () -> ((Label) dialog.getDialogPane()
                    .lookup("#bulkPreviewSummary")).getText().startsWith("2 sessions: 2 will change"));
            TextArea reason = FxState.read(() -> (TextArea) dialog.getDialogPane().lookup("#bulkReason"));
            robot.clickOn(reason).write("outage over");
            FxState.await("Run allowed", () -> !dialog.getDialogPane().lookup("#bulkRun").isDisabled());
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            FxState.check(() -> {
                assertEquals("outage over", reason.getText(), "no line break typed");
                assertTrue(dialog.isShowing() && !dialog.getDialogPane().lookup("#bulkRunning").isVisible(),
                        "nothing run");
            });
            for (String id : ids) {
                assertEquals("fetching_health_data", doc(id).path("status").asText(), id + " left as it was");
            }
        }
    }

    @Test
    void cancellingABulkCollectMidRunLeavesNoSessionClaimed(FxRobot robot) throws Exception {
        try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO)
                .slowDelay(Duration.ofMillis(400)).build());
             TilkoClient tilko = new TilkoClient(TilkoConfig.builder().baseUrl(sim.baseUrl()).apiKey("bulk-ui-key")
                     .timeouts(Await.EVENTUALLY).build());
             FlowService flow = flow(tilko, FlowOptions.defaults().withMaxTilkoCalls(2)
                     .withHoldWindow(Duration.ZERO))) {
            sim.setFailure(FailureMode.SLOW, TilkoEndpoint.CHECKUPS);
            List<String> ids = authenticated(flow, 16);
            open(robot, flow, ActionKind.COLLECT, ids);
            FxState.await("the preview allows the run", () -> ((Label) dialog.getDialogPane()
                    .lookup("#bulkPreviewSummary")).getText().startsWith("16 sessions: 16 will change"));
            runWith(robot, "collect after the outage");
            Await.until("some collections to wait for Tilko", Await.EVENTUALLY,
                    () -> sim.requestCount(TilkoEndpoint.CHECKUPS) >= 2);
            robot.clickOn("#bulkCancelRun");
            awaitSummary();
            Await.until("every collection to stop", Await.EVENTUALLY, () -> flow.runningCollections().isEmpty());
            BulkRun.Summary summary = FxState.read(() -> dialog.run().summary());
            assertEquals(16, summary.byTally().values().stream().mapToInt(List::size).sum(), "every session reported");
            String headline = FxState.read(() -> ((Label) dialog.getDialogPane().lookup("#bulkSummaryText")).getText());
            assertTrue(headline.startsWith("16 sessions: " + summary.count(BulkRun.Tally.APPLIED) + " applied"),
                    headline);
            // The collections the run started were stopped by the cancel and gave their claims back.
            for (String id : ids) {
                JsonNode doc = doc(id);
                assertFalse(doc.has("console_claim"), id + " still claimed: " + doc.get("status"));
                assertFalse(doc.path("collection_started").asBoolean(false), id + " left collecting");
            }
            assertTrue(sim.maxConcurrentCalls() <= 2, "Tilko asked at most twice at once: " + sim.maxConcurrentCalls());
        }
    }

    /**
     * Closing the dialog is not cancelling: a bulk collect whose dialog is closed mid-run (Tilko slow) goes on to the
     * end, a notice tells its summary, and the bulk menu shows its dialog again with that summary.
     */
    @Test
    void aRunWhoseDialogIsClosedGoesOnAndTellsItsSummary(FxRobot robot) throws Exception {
        try (TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO)
                .slowDelay(Duration.ofMillis(300)).build());
             TilkoClient tilko = new TilkoClient(TilkoConfig.builder().baseUrl(sim.baseUrl()).apiKey("bulk-ui-key")
                     .timeouts(Await.EVENTUALLY).build());
             FlowService flow = flow(tilko, FlowOptions.defaults().withMaxTilkoCalls(2)
                     .withHoldWindow(Duration.ZERO))) {
            sim.setFailure(FailureMode.SLOW, TilkoEndpoint.CHECKUPS);
            List<String> ids = authenticated(flow, 6);
            Notices notices = new Notices(i18n);
            BulkMenu menu = menu(flow, ids, notices);
            robot.interact(() -> dialog = menu.open(ActionKind.COLLECT, ids));
            FxState.await("the preview allows the run", () -> ((Label) dialog.getDialogPane()
                    .lookup("#bulkPreviewSummary")).getText().startsWith("6 sessions: 6 will change"));
            runWith(robot, "collect after the outage");
            Await.until("some collections to wait for Tilko", Await.EVENTUALLY,
                    () -> sim.requestCount(TilkoEndpoint.CHECKUPS) >= 1);
            robot.interact(dialog::close);

            FxState.await("the notice of the run's end", () -> notices.lookupAll(".notice").size() == 1);
            BulkRun.Summary summary = FxState.read(() -> dialog.run().summary());
            assertEquals(0, summary.count(BulkRun.Tally.CANCELLED), "closing the dialog cancelled nothing");
            assertEquals(6, summary.count(BulkRun.Tally.APPLIED), summary.byTally().toString());
            assertEquals("Bulk run " + summary.batchId() + " (Collect health data) ended: "
                    + Wording.window(i18n).render(summary.phrase()),
                    FxState.read(() -> ((Label) notices.lookup(".notice .notice-text")).getText()));
            assertTrue(FxState.read(() -> notices.lookup(".notice").getStyleClass().contains("notice-info")),
                    "every change stayed");
            for (String id : ids) {
                assertEquals("completed", doc(id).get("status").asText(), id);
            }

            robot.interact(menu::show);
            MenuItem again = FxState.read(() -> menu.getItems().stream()
                    .filter(i -> ("bulk-run-" + summary.batchId()).equals(i.getId())).findFirst().orElseThrow());
            assertEquals("Bulk run " + summary.batchId() + " (Collect health data, 6 sessions): ended, its summary…",
                    FxState.read(again::getText));
            robot.interact(() -> {
                menu.hide();
                again.fire();
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(FxState.read(dialog::isShowing), "shown again");
            assertTrue(FxState.read(() -> dialog.getDialogPane().lookup("#bulkSummary").isVisible()));
        }
    }

    /**
     * A run whose dialog is closed is listed as running while its holds last; when the window goes, the menu cancels
     * it and closes its dialog (its workers stop with the window).
     */
    @Test
    void theWindowGoingCancelsARunWhoseDialogIsClosed(FxRobot robot) throws Exception {
        try (FlowService flow = flow(null, FlowOptions.defaults().withHoldWindow(Duration.ofMinutes(5)))) {
            List<String> ids = List.of(stuck(), stuck());
            BulkMenu menu = menu(flow, ids, new Notices(i18n));
            robot.interact(() -> dialog = menu.open(ActionKind.RESET_STUCK, ids));
            FxState.await("the preview allows the run", () -> ((Label) dialog.getDialogPane()
                    .lookup("#bulkPreviewSummary")).getText().startsWith("2 sessions: 2 will change"));
            runWith(robot, "outage over");
            Await.until("both attempted", Await.EVENTUALLY, () -> ids.stream().allMatch(id -> {
                try {
                    return "auth_completed".equals(doc(id).get("status").asText());
                } catch (Exception e) {
                    return false;
                }
            }));
            robot.interact(dialog::close);
            robot.interact(menu::show);
            BulkRun run = FxState.read(dialog::run);
            assertEquals("Bulk run " + run.batchId() + " (Reset stuck collection, 2 sessions): running, 0 finished…",
                    FxState.read(() -> menu.getItems().stream().filter(i -> ("bulk-run-" + run.batchId())
                            .equals(i.getId())).findFirst().orElseThrow().getText()), "held, so not finished yet");
            robot.interact(menu::hide);
            assertFalse(run.isCancelled(), "closing the dialog cancelled nothing");

            robot.interact(menu::stop);
            assertTrue(run.isCancelled());
            assertFalse(FxState.read(dialog::isShowing));
        }
    }
    /**
     * The menu's item of a run whose dialog is closed follows the run while the menu stays open: "running, 0
     * finished…" until its holds end, then "ended" — no event tells the menu, only the passing of time.
     */
    @Test
    void anOpenMenuFollowsARunThatEnds(FxRobot robot) throws Exception {
        try (FlowService flow = flow(null, FlowOptions.defaults().withHoldWindow(Duration.ofSeconds(5)))) {
            List<String> ids = List.of(stuck());
            BulkMenu menu = menu(flow, ids, new Notices(i18n));
            robot.interact(() -> dialog = menu.open(ActionKind.RESET_STUCK, ids));
            FxState.await("the preview allows the run", () -> ((Label) dialog.getDialogPane()
                    .lookup("#bulkPreviewSummary")).getText().startsWith("1 session: 1 will change"));
            runWith(robot, "outage over");
            BulkRun run = FxState.read(dialog::run);
            robot.interact(dialog::close);
            robot.interact(menu::show);
            java.util.function.Supplier<String> item = () -> menu.getItems().stream()
                    .filter(i -> ("bulk-run-" + run.batchId()).equals(i.getId())).findFirst().orElseThrow().getText();
            assertTrue(FxState.read(item::get).contains("running"), "held, so not finished yet");
            FxState.await("the item says the run ended", () -> item.get().equals("Bulk run " + run.batchId()
                    + " (Reset stuck collection, 1 session): ended, its summary…"));
            assertTrue(FxState.read(menu::isShowing), "said while the menu stayed open");
            robot.interact(menu::hide);
        }
    }

    /**
     * The menu lists the last five runs, but keeps every run still going beyond them: the window going must cancel
     * each, and its leave question count their sessions not started.
     */
    @Test
    void everyRunStillGoingIsKeptBeyondTheLastFive(FxRobot robot) throws Exception {
        try (FlowService flow = flow(null, FlowOptions.defaults().withHoldWindow(Duration.ofMinutes(5)))) {
            List<BulkRun> runs = new ArrayList<>();
            BulkMenu menu = menu(flow, List.of(), new Notices(i18n));
            for (int i = 0; i < 6; i++) {
                List<String> one = List.of(stuck());
                robot.interact(() -> dialog = menu.open(ActionKind.RESET_STUCK, one));
                FxState.await("the preview allows the run", () -> ((Label) dialog.getDialogPane()
                        .lookup("#bulkPreviewSummary")).getText().startsWith("1 session: 1 will change"));
                runWith(robot, "outage over");
                BulkRun run = FxState.read(dialog::run);
                Await.until("the session started", Await.EVENTUALLY, () -> run.notStarted() == 0);
                runs.add(run);
                robot.interact(dialog::close);
            }
            assertEquals(6, FxState.read(menu::notStarted).size(), "all six runs are still going (held)");

            robot.interact(menu::stop);
            for (BulkRun run : runs) {
                assertTrue(run.isCancelled(), "the first run too: " + run.batchId());
            }
        }
    }

    /**
     * An open bulk dialog is worded again when the language is switched (a run can take minutes, and the dialog does
     * not keep the window from Settings): title, header, field, labels, column headers and cells, buttons, and after
     * the run its progress and summary.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anOpenDialogFollowsALanguageSwitch(FxRobot robot) throws Exception {
        List<String> ids = new ArrayList<>(List.of(stuck(), stuck(), initiated(1)));
        I18n korean = new I18n(I18n.KOREAN);
        try (FlowService flow = flow(null, FlowOptions.defaults().withHoldWindow(Duration.ofMillis(300)))) {
            open(robot, flow, ActionKind.RESET_STUCK, ids);
            TableView<BulkPreview.Line> preview = FxState.read(() -> (TableView<BulkPreview.Line>) dialog
                    .getDialogPane().lookup("#bulkPreview"));
            FxState.await("the preview", () -> preview.getItems().size() == 3);
            assertEquals("Run for 2 sessions", Mnemonics.plain(FxState.read(() -> button(0).getText())));

            robot.interact(() -> i18n.setLocale(I18n.KOREAN));
            WaitForAsyncUtils.waitForFxEvents();
            String action = korean.get("action." + ActionKind.RESET_STUCK.wire());
            assertEquals(action, FxState.read(dialog::getTitle));
            assertEquals(korean.format("bulk.header", action, 3), FxState.read(dialog::getHeaderText));
            assertEquals(korean.get("action.reason.prompt"), FxState.read(() -> ((TextArea) dialog.getDialogPane()
                    .lookup("#bulkReason")).getPromptText()));
            assertEquals(korean.get("bulk.preview"), text("#bulkPreviewLabel"));
            assertEquals(Wording.window(korean).render(io.welno.console.text.Phrase.of("bulk.preview.counts", 3, 2, 1)),
                    text("#bulkPreviewSummary"));
            assertEquals(List.of(korean.get("column.id"), korean.get("bulk.preview.verdict"),
                    korean.get("bulk.preview.what")), FxState.read(() -> preview.getColumns().stream()
                    .map(javafx.scene.control.TableColumn::getText).toList()));
            String cells = FxState.read(() -> robot.from(preview).lookup(".table-cell")
                    .queryAllAs(javafx.scene.control.TableCell.class).stream().map(c -> String.valueOf(c.getText()))
                    .reduce("", (a, b) -> a + "|" + b));
            assertTrue(cells.contains("|" + korean.get("bulk.preview.refused") + "|"), cells);
            assertFalse(cells.contains("Refused") || cells.contains("Will change"), "no English left: " + cells);
            assertEquals(List.of(korean.format("bulk.run", 2), korean.get("dialog.close")),
                    FxState.read(() -> List.of(button(0).getText(), button(1).getText())));

            runWith(robot, "Tilko outage, restart them");
            awaitSummary();
            assertEquals(korean.get("bulk.preview.made"), text("#bulkPreviewLabel"));
            BulkRun.Summary summary = FxState.read(() -> dialog.run().summary());
            assertEquals(Wording.window(korean).render(summary.phrase()), text("#bulkSummaryText"));

            robot.interact(() -> i18n.setLocale(I18n.ENGLISH));
            WaitForAsyncUtils.waitForFxEvents();
            String english = text("#bulkSummaryText");
            assertTrue(english.startsWith("3 sessions: 2 applied, 1 refused"), english);
            assertEquals("Applied: 2", FxState.read(() -> ((javafx.scene.control.ToggleButton) dialog.getDialogPane()
                    .lookup("#bulkTally-APPLIED")).getText()));
            assertTrue(text("#bulkProgressText").startsWith("3 of 3 done"), text("#bulkProgressText"));
            robot.interact(() -> dialog.summaryView().choose(BulkRun.Tally.REFUSED));
            robot.interact(() -> i18n.setLocale(I18n.KOREAN));
            WaitForAsyncUtils.waitForFxEvents();
            String listed = FxState.read(() -> robot.from(dialog.getDialogPane().lookup("#bulkSummarySessions"))
                    .lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                    .map(c -> String.valueOf(c.getText())).filter(t -> !"null".equals(t)).findFirst().orElse(""));
            BulkRun.Item refused = summary.byTally().get(BulkRun.Tally.REFUSED).get(0);
            assertEquals(ids.get(2) + " — " + Wording.window(korean).render(refused.told()), listed);
        }
    }

    private javafx.scene.control.Button button(int index) {
        return (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(dialog.getDialogPane()
                .getButtonTypes().get(index));
    }

    private String text(String id) throws Exception {
        return FxState.read(() -> ((Label) dialog.getDialogPane().lookup(id)).getText());
    }
}
