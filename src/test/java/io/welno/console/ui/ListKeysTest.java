package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.AuditLog;
import io.welno.console.flow.AuditRecord;
import io.welno.console.flow.Role;
import io.welno.console.testing.FxState;
import io.welno.console.text.Phrase;
import io.welno.console.ui.alerts.AlertCenter;
import io.welno.console.ui.alerts.AlertListView;
import io.welno.console.ui.audit.AuditTab;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.AlertMonitor;
import io.welno.console.view.AlertRules;
import io.welno.console.view.Bucket;
import io.welno.console.view.Wording;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The alerts and the audit log without a mouse: what a double click or a link in a row does, a key does on the
 * selected row (Enter, the context menu key, Shift+F10), and the audit filters have names for a screen reader.
 */
@ExtendWith(ApplicationExtension.class)
class ListKeysTest {

    private static final Instant T = Instant.parse("2026-12-03T01:00:00Z");
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(I18n.BUNDLE, Locale.ENGLISH);
    private static final ResourceBundle KOREAN = ResourceBundle.getBundle(I18n.BUNDLE, I18n.KOREAN);

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final List<String> shownSessions = new CopyOnWriteArrayList<>();
    private final List<Bucket> shownBuckets = new CopyOnWriteArrayList<>();
    private AlertCenter center;
    private AuditTab audit;
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        center = new AlertCenter(new AlertRules(5, Duration.ofMinutes(10), 0.2, Duration.ofMinutes(15), true, true,
                true), i18n, new AlertListTest.RecordingNotifier(), Runnable::run, () -> true);
        AlertListView alerts = new AlertListView(center, i18n, ZoneId.of("Asia/Seoul"),
                Clock.fixed(T.plusSeconds(600), ZoneId.of("Asia/Seoul")), shownSessions::add, shownBuckets::add,
                () -> { });
        audit = new AuditTab(i18n, ZoneId.of("Asia/Seoul"), Clock.systemUTC(), Runnable::run, shownSessions::add);
        tabs = new TabPane(new Tab("alerts", alerts), new Tab("audit", audit));
        stage.setScene(new Scene(tabs, 1200, 500));
        stage.show();
    }

    private static Optional<ContextMenu> menu(FxRobot robot, String id) {
        return robot.listWindows().stream().filter(w -> w instanceof ContextMenu m && m.isShowing()
                && id.equals(m.getId())).map(ContextMenu.class::cast).findFirst();
    }

    private static MenuItem item(FxRobot robot, String menu, String id) throws Exception {
        return FxState.read(() -> menu(robot, menu).orElseThrow().getItems().stream()
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow());
    }

    /** The words the open menu draws for its items (FX thread): what the user reads, an Alt key's mark left out. */
    private static List<String> drawnItems(FxRobot robot, String menu) {
        return menu(robot, menu).orElseThrow().getScene().getRoot().lookupAll(".label").stream()
                .map(AltKeys::drawn).toList();
    }

    /** Fires an item of the open menu, as Enter on it does, and closes the menu. */
    private static void choose(FxRobot robot, String menu, String id) throws Exception {
        MenuItem chosen = item(robot, menu, id);
        robot.interact(() -> {
            chosen.fire();
            chosen.getParentPopup().hide();
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    /**
     * Enter on the selected alert opens its whole text, as a double click does; the context menu key and Shift+F10
     * open its menu, which follows its link (its session, or the Stuck bucket) and acknowledges it. Before, only a
     * double click opened the text, and the menu keys did nothing.
     */
    @Test
    void enterReadsTheSelectedAlertWholeAndTheMenuKeysFollowAndAcknowledgeIt(FxRobot robot) throws Exception {
        robot.interact(() -> {
            center.check(new AlertMonitor.Conditions(9, 0, List.of(), 0, true, Phrase.of("mode.LIVE")), T);
            center.revert("welno_r0", null, Phrase.of("text.verbatim", "reverted by the backend"), T);
        });
        TableView<AlertCenter.Entry> table = table(robot, "#alertTable");
        int revert = FxState.read(() -> center.entries().stream().map(e -> e.alert().rule()).toList()
                .indexOf(AlertMonitor.Rule.REVERT));
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(revert);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        String said = FxState.read(() -> Wording.window(i18n).render(center.entries().get(revert).alert().message()));
        TextArea whole = FxState.read(() -> robot.lookup("#fullText").queryAs(TextArea.class));
        assertEquals(said, FxState.read(whole::getText), "Enter opens the alert's whole text");
        robot.interact(() -> ((Stage) whole.getScene().getWindow()).close());

        robot.interact(table::requestFocus);
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(FxState.read(() -> menu(robot, "alertMenu").isPresent()), "Shift+F10 opens the alert's menu");
        assertEquals("Show session welno_r0 in the table",
                FxState.read(item(robot, "alertMenu", "alertMenu-link")::getText));
        assertTrue(FxState.read(() -> drawnItems(robot, "alertMenu")).contains("Show session welno_r0 in the table"),
                "the id drawn as it is: its underscore is no Alt key (it read welnor0): "
                + FxState.read(() -> drawnItems(robot, "alertMenu")));
        choose(robot, "alertMenu", "alertMenu-link");
        assertEquals(List.of("welno_r0"), shownSessions, "its link, by key");

        robot.interact(table::requestFocus);
        robot.type(KeyCode.CONTEXT_MENU);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(FxState.read(() -> menu(robot, "alertMenu").isPresent()), "so does the context menu key");
        choose(robot, "alertMenu", "alertMenu-acknowledge");
        assertTrue(FxState.read(() -> center.entries().get(revert).acknowledgedProperty().get()), "acknowledged");

        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(1 - revert);
        });
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Show the Stuck bucket", FxState.read(item(robot, "alertMenu", "alertMenu-link")::getText));
        choose(robot, "alertMenu", "alertMenu-link");
        assertEquals(List.of(Bucket.STUCK), shownBuckets, "the stuck alert's link opens its bucket");

        // Tab reaches each button on screen: it says which alert it acknowledges, not only "Got it"
        FxState.check(() -> assertTrue(robot.lookup(".alert-ack").queryAllAs(Button.class).stream()
                .anyMatch(b -> b.getAccessibleText() != null && b.getAccessibleText().contains("Change reverted")),
                "an acknowledge button names its alert"));
        assertEquals(ENGLISH.getString("alerts.help"), FxState.read(table::getAccessibleHelp));
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        assertEquals(KOREAN.getString("alerts.help"), FxState.read(table::getAccessibleHelp));
        robot.interact(() -> i18n.setLocale(Locale.ENGLISH));
    }

    /**
     * The audit log's links by key: the menu keys open the selected entry's menu, which shows its session in the table
     * and goes to its revert; the filters name themselves to a screen reader in the window's language, and a typed
     * filter still reads as what was typed.
     */
    @Test
    void anAuditEntrysLinksAreReachedByKeyAndItsFiltersHaveNames(FxRobot robot) throws Exception {
        AuditRecord attempt = record(T, AuditRecord.ATTEMPT, "APPLIED", "1764723600000-0");
        AuditRecord reverted = record(T.plusSeconds(5), AuditRecord.REVERT_DETECTED, "REVERTED", "1764723605000-0");
        AuditLog log = new AuditLog() {
            @Override
            public Optional<io.welno.console.store.StoreFailure> record(AuditRecord record) {
                return Optional.empty();
            }

            @Override
            public List<AuditRecord> read(int limit) {
                return List.of(reverted, attempt);
            }

            @Override
            public String describe() {
                return "in memory";
            }
        };
        robot.interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.asyncFx(() -> audit.load(log)).get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<AuditRecord> table = table(robot, "#auditTable");
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(attempt);
        });
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(FxState.read(() -> menu(robot, "auditMenu").isPresent()), "Shift+F10 opens the entry's menu");
        assertEquals("Show session welno_1 in the table",
                FxState.read(item(robot, "auditMenu", "auditMenu-session")::getText));
        assertTrue(FxState.read(() -> drawnItems(robot, "auditMenu")).contains("Show session welno_1 in the table"),
                "the id drawn as it is (it read welno1): " + FxState.read(() -> drawnItems(robot, "auditMenu")));
        assertFalse(FxState.read(item(robot, "auditMenu", "auditMenu-revert")::isDisable), "it has a revert");
        choose(robot, "auditMenu", "auditMenu-session");
        assertEquals(List.of("welno_1"), shownSessions);
        robot.interact(table::requestFocus);
        robot.type(KeyCode.CONTEXT_MENU);
        WaitForAsyncUtils.waitForFxEvents();
        choose(robot, "auditMenu", "auditMenu-revert");
        assertEquals(reverted, FxState.read(() -> table.getSelectionModel().getSelectedItem()), "its revert");
        assertEquals(ENGLISH.getString("audit.help"), FxState.read(table::getAccessibleHelp));

        robot.interact(() -> audit.operatorField().setText("kim"));
        FxState.check(() -> {
            assertEquals(ENGLISH.getString("audit.filter.operator.name"), audit.operatorField().getAccessibleHelp());
            assertEquals("kim", audit.operatorField().queryAccessibleAttribute(AccessibleAttribute.TEXT),
                    "what was typed still reads as typed");
            assertEquals("Result filter: Any result",
                    audit.resultBox().queryAccessibleAttribute(AccessibleAttribute.TEXT));
            assertEquals("Time filter: Any time", audit.sinceBox().queryAccessibleAttribute(AccessibleAttribute.TEXT));
        });
        robot.interact(() -> {
            audit.operatorField().clear();
            audit.resultBox().setValue("APPLIED");
            i18n.setLocale(I18n.KOREAN);
        });
        FxState.check(() -> {
            assertEquals(KOREAN.getString("audit.filter.operator.name"), audit.operatorField().getAccessibleHelp());
            assertEquals(KOREAN.getString("audit.filter.result.name") + ": "
                    + io.welno.console.view.AuditWords.result(i18n, "APPLIED"),
                    audit.resultBox().queryAccessibleAttribute(AccessibleAttribute.TEXT), "the choice, in Korean");
        });
        robot.interact(() -> i18n.setLocale(Locale.ENGLISH));
    }

    /** An entry as read back from the stream, with its entry id. */
    private static AuditRecord record(Instant at, String event, String result, String streamId) {
        return new AuditRecord(at, "act-1", event, "kim", Role.OPERATOR, "reset-stuck", "welno_1", "outage", false,
                "fetching_health_data", "auth_completed", result, Phrase.of("text.verbatim", "ok"), streamId);
    }
}
