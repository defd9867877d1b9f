package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.flow.BulkRun;
import io.welno.console.flow.FlowOptions;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.session.UserInfo;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.ui.bulk.BulkDialog;
import io.welno.console.ui.bulk.BulkMenu;
import io.welno.console.ui.common.Mnemonics;
import io.welno.console.view.BulkPreview;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
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
 * The bulk dialog's preview, in the window, follows its sessions while it is open (the feed's changes, frame by
 * frame): a session that moves on, one that is deleted and one that comes to qualify change their lines and the
 * counts, and Run acts on the preview as it is at the press — the sessions it shows refused are left alone.
 */
@ExtendWith(ApplicationExtension.class)
class BulkPreviewFollowsTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    /** The partner of this test's sessions: the search for it shows just them. */
    private static final String PARTNER = "bulkfollow";
    private static final Timestamps TIMESTAMPS = Timestamps.system();
    private static final SessionCodec CODEC = new SessionCodec(TIMESTAMPS.zone());

    private final ObjectMapper mapper = new ObjectMapper();
    private TestConsole console;

    @Start
    void start(Stage stage) {
        console = TestConsole.onLiveFixtures(stage, REDIS, FlowOptions.defaults()
                .withHoldWindow(Duration.ofMillis(300)));
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    /** A collection stuck for nine minutes: what reset-stuck accepts. */
    private ObjectNode stuckDocument(String id) throws Exception {
        ObjectNode doc = (ObjectNode) mapper.readTree(Fixtures.live("05_fetching_health_data_stuck.json",
                Fixtures.FIXTURE_NOW.plusMinutes(9)));
        doc.put("session_id", id);
        doc.put("partner_id", PARTNER);
        doc.put("expires_at", TIMESTAMPS.nowPlusSeconds(900));
        return doc;
    }

    private String stuck() throws Exception {
        String id = NewSessionDocuments.newSessionId(PARTNER);
        put(id, stuckDocument(id));
        return id;
    }

    private void put(String id, ObjectNode doc) {
        REDIS.client().set("tilko_session:" + id, CODEC.write(doc), SetParams.setParams().ex(1800));
    }

    private JsonNode doc(String id) throws Exception {
        return mapper.readTree(REDIS.client().get("tilko_session:" + id));
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePreviewFollowsItsSessionsAndRunActsOnWhatItShows(FxRobot robot) throws Exception {
        String movesOn = stuck();
        String deleted = stuck();
        String stays = stuck();
        String qualifies = NewSessionDocuments.newSessionId(PARTNER);
        put(qualifies, NewSessionDocuments.initiated(qualifies, PARTNER, new UserInfo("김하늘",
                "19900101", "01012345678", "M", "4"), TIMESTAMPS));
        var table = FxState.read(() -> console.window().view().table());
        robot.interact(() -> ((TextField) robot.lookup("#searchField").query()).setText(PARTNER));
        FxState.await("this test's four sessions", () -> table.getItems().size() == 4);

        BulkMenu bulk = FxState.read(() -> console.window().operations().bulk());
        robot.interact(bulk::show);
        MenuItem all = FxState.read(() -> bulk.getItems().stream()
                .filter(i -> "bulk-shown-reset-stuck".equals(i.getId())).findFirst().orElseThrow());
        robot.interact(() -> {
            bulk.hide();
            all.fire();
        });
        BulkDialog dialog = FxState.read(bulk::lastDialog);
        Label counts = FxState.read(() -> (Label) dialog.getDialogPane().lookup("#bulkPreviewSummary"));
        Button run = FxState.read(() -> (Button) dialog.getDialogPane().lookup("#bulkRun"));
        FxState.await("the first preview", () -> counts.getText().startsWith("4 sessions: 3 will change, 1 will be"));
        assertEquals("Run for 3 sessions", Mnemonics.plain(FxState.read(run::getText)));

        // While the dialog is open: the backend finishes one collection, deletes a session, and one session comes to
        // a stuck collection.
        ObjectNode finished = (ObjectNode) doc(movesOn);
        finished.put("status", "completed");
        finished.put("collection_started", false);
        REDIS.client().set("tilko_session:" + movesOn, CODEC.write(finished), SetParams.setParams().keepTtl());
        REDIS.client().del("tilko_session:" + deleted);
        put(qualifies, stuckDocument(qualifies));

        TableView<BulkPreview.Line> preview = FxState.read(() -> (TableView<BulkPreview.Line>) dialog.getDialogPane()
                .lookup("#bulkPreview"));
        Map<String, Boolean> now = Map.of(movesOn, false, deleted, false, stays, true, qualifies, true);
        FxState.await("the preview as the sessions are now", () -> now.equals(preview.getItems().stream()
                .collect(Collectors.toMap(BulkPreview.Line::sessionId, BulkPreview.Line::allowed))));
        assertTrue(FxState.read(counts::getText).startsWith("4 sessions: 2 will change, 2 will be refused"));
        assertEquals("Run for 2 sessions", Mnemonics.plain(FxState.read(run::getText)));
        assertEquals("3 sessions changed while this dialog was open; the list shows them as they are now.",
                FxState.read(() -> ((Label) dialog.getDialogPane().lookup("#bulkPreviewFollowed")).getText()));

        robot.interact(() -> ((TextArea) dialog.getDialogPane().lookup("#bulkReason")).setText("outage over"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(run);
        assertFalse(FxState.read(() -> dialog.getDialogPane().lookup("#bulkPreviewFollowed").isVisible()),
                "the list is the preview Run acted on from now on, not the sessions as they are");
        FxState.await("the run's summary", () -> dialog.getDialogPane().lookup("#bulkSummary").isVisible());
        BulkRun.Summary summary = FxState.read(() -> dialog.run().summary());
        assertEquals(List.of(stays, qualifies).stream().sorted().toList(), summary.byTally()
                .get(BulkRun.Tally.APPLIED).stream().map(BulkRun.Item::sessionId).sorted().toList());
        List<BulkRun.Item> refused = summary.byTally().get(BulkRun.Tally.REFUSED);
        assertEquals(List.of(movesOn, deleted).stream().sorted().toList(), refused.stream()
                .map(BulkRun.Item::sessionId).sorted().toList(), "left alone, as the preview showed");
        for (BulkRun.Item item : refused) {
            assertNull(item.result(), "not attempted: " + item.sessionId());
        }
        assertEquals("completed", doc(movesOn).get("status").asText());
        assertEquals("auth_completed", doc(qualifies).get("status").asText());
        assertTrue(FxState.read(() -> ((Label) dialog.getDialogPane().lookup("#bulkSummaryText")).getText())
                .startsWith("4 sessions: 2 applied, 2 refused"));
        robot.interact(dialog::close);
    }
}
