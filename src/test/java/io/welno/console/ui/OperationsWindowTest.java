package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.AuditRecord;
import io.welno.console.flow.RedisAuditLog;
import io.welno.console.flow.Role;
import io.welno.console.testing.Await;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.text.Phrase;
import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.ui.shell.OperationsMount;
import io.welno.console.view.AlertMonitor;
import io.welno.console.view.AlertRules;
import io.welno.console.view.SessionRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
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
 * The window with its operating-at-scale parts mounted: several rows stay selected across feed updates and the bulk
 * menu offers them, the alert rules (from the profile) are checked against the live rows and fire once, and the
 * audit tab shows what any console appends to the stream.
 */
@ExtendWith(ApplicationExtension.class)
class OperationsWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private final List<AlertRules> saved = new CopyOnWriteArrayList<>();
    private TestConsole console;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        REDIS.flush();
        REDIS.seedLiveFixtures();
        // Any failed session among those started in the last hour raises the error-rate alert.
        AlertRules rules = new AlertRules(0, Duration.ZERO, 0.01, Duration.ofMinutes(60), true, false, true);
        console = TestConsole.open(stage, TestConsole.profile("ops", REDIS.url(), "developer", "development", true),
                w -> {
                    w.useAlertRules(rules, saved::add);
                    w.useNotifier(io.welno.console.ui.alerts.OsNotifier.NONE);
                });
        window = console.window();
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    private OperationsMount ops() {
        return window.operations();
    }

    @Test
    void severalRowsStaySelectedAndTheBulkMenuOffersThem(FxRobot robot) throws Exception {
        var table = FxState.read(() -> window.view().table());
        FxState.await("19 rows", () -> table.getItems().size() == 19);
        robot.interact(() -> table.getSelectionModel().selectIndices(0, 1, 2));
        List<String> chosen = FxState.read(() -> List.copyOf(window.view().selectedIds()));
        assertEquals(3, chosen.size());
        // A feed batch re-sorts the table (newest change first): the same sessions stay selected.
        String id = chosen.get(2);
        String key = "tilko_session:" + id;
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(REDIS.client().get(key));
        doc.put("updated_at", io.welno.console.session.Timestamps.format(java.time.LocalDateTime.now(
                io.welno.console.session.Timestamps.DEFAULT_ZONE).plusMinutes(1)));
        REDIS.client().set(key, doc.toString(), SetParams.setParams().keepTtl());
        FxState.await("the changed session on top", () -> table.getItems().get(0).id().equals(id));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set3.of(chosen), Set3.of(FxState.read(() -> table.getSelectionModel().getSelectedItems().stream()
                .map(SessionRow::id).toList())), "the selection follows the sessions, not the positions");

        var bulk = FxState.read(() -> ops().bulk());
        robot.interact(() -> bulk.show());
        FxState.check(() -> {
            MenuItem selected = bulk.getItems().stream().filter(i -> "bulk-selected-reset-stuck".equals(i.getId()))
                    .findFirst().orElseThrow();
            assertEquals("Reset stuck collection for the 3 selected…", selected.getText());
            MenuItem shown = bulk.getItems().stream().filter(i -> "bulk-shown-collect".equals(i.getId()))
                    .findFirst().orElseThrow();
            assertEquals("Collect health data for all 19 in All sessions…", shown.getText());
        });
        robot.interact(bulk::hide);
    }

    /**
     * The selection's items count and act on the selected sessions the table shows: one a search hides, or one that
     * ended (deleted by the backend) while selected, stays selected for when it shows again, but a bulk action would
     * act on it unseen.
     */
    @Test
    void theSelectionsItemsCountOnlyTheSelectedSessionsShown(FxRobot robot) throws Exception {
        var table = FxState.read(() -> window.view().table());
        FxState.await("19 rows", () -> table.getItems().size() == 19);
        robot.interact(() -> table.getSelectionModel().selectIndices(0, 1, 2, 3));
        List<String> chosen = FxState.read(() -> table.getSelectionModel().getSelectedItems().stream()
                .map(SessionRow::id).toList());
        assertEquals(4, chosen.size());
        var bulk = FxState.read(() -> ops().bulk());

        // The backend deletes one of them: it leaves the sessions shown (for Recently ended).
        REDIS.client().del("tilko_session:" + chosen.get(3));
        FxState.await("the deleted session gone from the table", () -> table.getItems().stream()
                .noneMatch(r -> r.id().equals(chosen.get(3))));
        assertEquals("Reset stuck collection for the 3 selected…", selectedItemText(robot, bulk));

        // A search that shows one of them.
        robot.interact(() -> ((javafx.scene.control.TextField) robot.lookup("#searchField").query())
                .setText(chosen.get(0)));
        FxState.await("the search applied", () -> table.getItems().size() == 1);
        assertEquals("Reset stuck collection for the 1 selected…", selectedItemText(robot, bulk));
        MenuItem item = FxState.read(() -> bulk.getItems().stream()
                .filter(i -> "bulk-selected-reset-stuck".equals(i.getId())).findFirst().orElseThrow());
        robot.interact(() -> {
            bulk.hide();
            item.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        var dialog = FxState.read(bulk::lastDialog);
        assertEquals("Reset stuck collection for 1 session, with one reason", FxState.read(dialog::getHeaderText),
                "the dialog acts on what the item counted");
        robot.interact(dialog::close);
    }

    private static String selectedItemText(FxRobot robot, io.welno.console.ui.bulk.BulkMenu bulk) throws Exception {
        robot.interact(bulk::show);
        String text = FxState.read(() -> bulk.getItems().stream()
                .filter(i -> "bulk-selected-reset-stuck".equals(i.getId())).findFirst().orElseThrow().getText());
        robot.interact(bulk::hide);
        return text;
    }

    @Test
    void aBulkItemActsOnTheSessionsItCountedThoughTheBucketGrows(FxRobot robot) throws Exception {
        var table = FxState.read(() -> window.view().table());
        FxState.await("19 rows", () -> table.getItems().size() == 19);
        var bulk = FxState.read(() -> ops().bulk());
        robot.interact(() -> bulk.show());
        MenuItem all = FxState.read(() -> bulk.getItems().stream().filter(i -> "bulk-shown-collect".equals(i.getId()))
                .findFirst().orElseThrow());
        assertEquals("Collect health data for all 19 in All sessions…", FxState.read(all::getText));

        // The backend starts a session while the menu is open: the table shows it at once.
        String fixture = "05_fetching_health_data_stuck.json";
        String joined = "joined-while-the-menu-was-open";
        REDIS.client().set("tilko_session:" + joined, Fixtures.live(fixture).replace(Fixtures.id(fixture), joined),
                SetParams.setParams().ex(1800));
        FxState.await("20 rows", () -> table.getItems().size() == 20);

        robot.interact(() -> {
            bulk.hide();
            all.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        var dialog = FxState.read(bulk::lastDialog);
        assertEquals("Collect health data for 19 sessions, with one reason", FxState.read(dialog::getHeaderText),
                "the run covers the 19 the item named, not the 20 there are now");
        robot.interact(dialog::close);
    }

    @Test
    void theProfilesRulesAreCheckedAgainstTheLiveRowsAndFireOnce(FxRobot robot) throws Exception {
        FxState.await("19 rows", () -> window.view().table().getItems().size() == 19);
        robot.interact(() -> ops().watcher().checkNow());
        FxState.await("the error-rate alert", () -> ops().alerts().entries().size() == 1);
        assertEquals(AlertMonitor.Rule.ERROR_RATE, FxState.read(() -> ops().alerts().entries().get(0).alert().rule()));
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> ops().watcher().checkNow());
            WaitForAsyncUtils.waitForFxEvents();
        }
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS); // any late check would land now; none may add an alert
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, FxState.read(() -> ops().alerts().entries().size()), "the same episode raises nothing more");
        Tab alertsTab = FxState.read(() -> window.view().tabs().getTabs().stream()
                .filter(t -> "tab-alerts".equals(t.getId())).findFirst().orElseThrow());
        assertEquals("Alerts (1)", FxState.read(alertsTab::getText));

        AlertRules stricter = new AlertRules(0, Duration.ZERO, 0.9, Duration.ofMinutes(60), true, false, false);
        robot.interact(() -> ops().alerts().setRules(stricter));
        assertEquals(List.of(stricter), saved, "changed rules go to the profile");
    }

    @Test
    void theAuditTabShowsWhatAnyConsoleAppends(FxRobot robot) throws Exception {
        RedisAuditLog stream = new RedisAuditLog(REDIS.client());
        String session = Fixtures.id("05_fetching_health_data_stuck.json");
        Await.until("another console's entry in the audit tab", Await.EVENTUALLY, () -> {
            stream.record(new AuditRecord(Instant.now(), "other-1", AuditRecord.ATTEMPT, "colleague", Role.OPERATOR,
                    "reset-stuck", session, "outage", false, "", "", "APPLIED", Phrase.of("text.verbatim", "ok"),
                    null));
            WaitForAsyncUtils.waitForFxEvents();
            // polled from the test's thread, as each try writes to Redis; only the table is read on the FX thread
            try {
                return FxState.read(() -> ops().audit().table().getItems().stream()
                        .anyMatch(e -> e.operator().equals("colleague")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        robot.interact(() -> window.view().tabs().getSelectionModel().select(window.view().tabs().getTabs().stream()
                .filter(t -> "tab-audit".equals(t.getId())).findFirst().orElseThrow()));
        robot.clickOn(FxState.read(() -> robot.lookup(".hyperlink")
                .match((javafx.scene.control.Hyperlink h) -> session.equals(h.getText()))
                .queryAs(javafx.scene.control.Hyperlink.class)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(session, FxState.read(() -> window.view().detail().current().id()),
                "the link selects the session in the table");
    }

    /** Order-free comparison of id lists. */
    private static final class Set3 {
        static java.util.Set<String> of(List<String> ids) {
            return new java.util.HashSet<>(ids);
        }
    }
}
