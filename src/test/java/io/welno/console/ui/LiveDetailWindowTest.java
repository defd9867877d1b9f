package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.row;
import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.Timestamps;
import io.welno.console.ui.common.I18n;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.view.SessionRow;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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
 * The window stays put and tells the truth while the live feed moves: the selection under the cursor, the detail
 * pane following the document, PAUSED, the partner filter's "All" entry, missing fields.
 */
@ExtendWith(ApplicationExtension.class)
class LiveDetailWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private TestConsole console;

    @Start
    void start(Stage stage) {
        console = TestConsole.onLiveFixtures(stage, REDIS);
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    private static void await(String what, Callable<Boolean> condition) {
        FxState.await(what, condition);
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return FxState.read(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static void write(String id, String json) {
        REDIS.client().set("tilko_session:" + id, json, SetParams.setParams().ex(1800));
    }

    /** Fixture 03 (waiting for approval) as the backend writes it now, under another id. */
    private static String waiting(String id) {
        return Fixtures.live("03_auth_request_sent.json").replace(Fixtures.id("03_auth_request_sent.json"), id);
    }

    private void select(FxRobot robot, String id) throws Exception {
        await("the row of " + id, () -> row(robot, id) != null);
        robot.interact(() -> {
            TableView<SessionRow> table = table(robot);
            int i = FixturesWindow.indexOf(table, id);
            table.getSelectionModel().clearAndSelect(i);
            table.scrollTo(Math.max(0, i - 3));
        });
        await("the detail pane to show " + id, () -> id.equals(text(robot, "#detailTitle")));
    }

    /** The table row that shows {@code id} on screen, or null when none does. */
    private static TableRow<?> rowOnScreen(FxRobot robot, String id) {
        return robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && r.isVisible()
                && r.getItem() instanceof SessionRow s && s.id().equals(id)).tryQuery()
                .map(n -> (TableRow<?>) n).orElse(null);
    }

    @Test
    void theSelectedSessionStaysSelectedAndUnderTheCursorWhile200SessionsArriveAboveIt(FxRobot robot) throws Exception {
        // Enough older sessions below that the view can scroll: with every row on screen nothing can hold still.
        String older = Timestamps.format(LocalDateTime.now(Timestamps.DEFAULT_ZONE).minusHours(1));
        for (int i = 0; i < 60; i++) {
            String id = String.format("welno_old%029d", i);
            write(id, waiting(id).replaceFirst("\"updated_at\": \"[^\"]*\"", "\"updated_at\": \"" + older + "\""));
        }
        await("79 rows", () -> table(robot).getItems().size() == 79);
        String chosen = FxState.read(() -> table(robot).getItems().get(6).id());
        robot.interact(() -> table(robot).getSelectionModel().clearAndSelect(6));
        await("the detail pane to show the chosen session", () -> chosen.equals(text(robot, "#detailTitle")));
        WaitForAsyncUtils.waitForFxEvents();
        double yBefore = FxState.read(() -> rowOnScreen(robot, chosen).localToScreen(0, 0).getY());
        // the pointer rests on the chosen session, as before a click
        robot.moveTo(FxState.read(() -> rowOnScreen(robot, chosen)));

        // Newer sessions: sorted by last update, every one of them lands above the chosen one.
        String newer = Timestamps.format(LocalDateTime.now(Timestamps.DEFAULT_ZONE).plusHours(1));
        for (int i = 0; i < 200; i++) {
            String id = String.format("welno_%032d", i);
            write(id, waiting(id).replaceFirst("\"updated_at\": \"[^\"]*\"", "\"updated_at\": \"" + newer + "\""));
        }
        await("279 rows", () -> table(robot).getItems().size() == 279);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<SessionRow> table = FxState.read(() -> table(robot));
        assertEquals(chosen, FxState.read(() -> table.getSelectionModel().getSelectedItem().id()), "still selected");
        assertTrue(FxState.read(() -> table.getSelectionModel().getSelectedIndex()) >= 200, "and 200 rows above it");
        TableRow<?> row = FxState.read(() -> rowOnScreen(robot, chosen));
        assertTrue(row != null, "still on screen");
        Bounds onScreen = FxState.read(() -> row.localToScreen(row.getBoundsInLocal()));
        assertEquals(yBefore, onScreen.getMinY(), 1.0, "at the same height, under the pointer");
        // within the sessions table: the other tabs (alerts, audit) have table rows of their own
        String underId = FxState.read(() -> {
            Node under = robot.from(table).lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r
                    && r.isVisible() && r.localToScreen(r.getBoundsInLocal()).contains(robot.point(row).query()))
                    .query();
            return ((SessionRow) ((TableRow<?>) under).getItem()).id();
        });
        assertEquals(chosen, underId, "a click lands on it");
        assertEquals(chosen, text(robot, "#detailTitle"));
    }

    @Test
    void aSessionWithoutItsStartSaysSoRatherThanAnAge(FxRobot robot) throws Exception {
        String id = Fixtures.id("03_auth_request_sent.json");
        write(id, Fixtures.live("03_auth_request_sent.json").replaceFirst("\"created_at\": \"[^\"]*\",", ""));
        await("the row without created_at", () -> table(robot).getItems().stream().anyMatch(r -> r.id().equals(id)
                && r.createdAt() == null));
        select(robot, id);
        await("the subtitle without an age", () -> text(robot, "#detailSubtitle").contains("start time unknown"));
        assertFalse(text(robot, "#detailSubtitle").contains("ago"), text(robot, "#detailSubtitle"));
    }

    @Test
    void theDetailPaneTicksAndItsButtonsFollowTheLiveDocument(FxRobot robot) throws Exception {
        String id = Fixtures.id("03_auth_request_sent.json");
        // Requesting auth, before Tilko answered: nothing to approve by hand yet.
        String requesting = Fixtures.live("03_auth_request_sent.json")
                .replace("\"status\": \"auth_request_sent\"", "\"status\": \"auth_requesting\"")
                .replaceFirst("(?s),\\s*\"temp_auth_data\": \\{.*?\\}", "");
        write(id, requesting);
        await("the row requesting auth", () -> table(robot).getItems().stream().anyMatch(r -> r.id().equals(id)
                && r.status().wire().equals("auth_requesting")));
        select(robot, id);
        await("manual approval disabled",
                () -> robot.lookup("#action-manual-auth-complete").queryButton().isDisabled());
        assertTrue(FxState.read(() -> robot.lookup(n -> "step.requested".equals(n.getId())).queryAs(Label.class)
                .getStyleClass().contains("step-current")));
        assertFalse(FxState.read(() -> robot.lookup(n -> "step.approved".equals(n.getId())).queryAs(Label.class)
                .getStyleClass().contains("step-current")), "requesting auth does not highlight Approved");

        String subtitle = text(robot, "#detailSubtitle");
        // the age moves on without a new copy
        await("the subtitle's age to move on", () -> !subtitle.equals(text(robot, "#detailSubtitle")));

        // What the new copy marks lasts DetailModel.MARK (4 s), which a busy machine can let pass before a check
        // looks: what the pane showed is recorded as it shows it.
        List<String> freshnessShown = new CopyOnWriteArrayList<>();
        AtomicBoolean statusMarked = new AtomicBoolean();
        robot.interact(() -> {
            Label status = robot.lookup("#detailStatus").queryAs(Label.class);
            status.getStyleClass().addListener((ListChangeListener<String>) change -> {
                while (change.next()) {
                    if (change.wasAdded() && change.getAddedSubList().contains("changed")) {
                        statusMarked.set(true);
                    }
                }
            });
            robot.lookup("#detailFreshness").queryAs(Label.class).textProperty()
                    .addListener((o, before, now) -> freshnessShown.add(now));
        });
        write(id, Fixtures.live("03_auth_request_sent.json")); // Tilko answered: the backend stores the request
        await("manual approval enabled",
                () -> !robot.lookup("#action-manual-auth-complete").queryButton().isDisabled());
        assertEquals("Waiting for approval", text(robot, "#detailStatus"));
        assertTrue(freshnessShown.stream().anyMatch(f -> f.startsWith("Updated just now: status")),
                freshnessShown.toString());
        assertTrue(statusMarked.get(), "the status was marked as changed");

        REDIS.client().del("tilko_session:" + id);
        await("the deletion said", () -> text(robot, "#detailFreshness").startsWith("Deleted from Redis at"));
        await("manual approval disabled again",
                () -> robot.lookup("#action-manual-auth-complete").queryButton().isDisabled());
    }

    @Test
    void pausedSaysPausedWithTheChangesWaiting(FxRobot robot) throws Exception {
        await("LIVE", () -> "LIVE".equals(text(robot, "#feedMode")));
        robot.clickOn("#pauseButton");
        await("PAUSED with none waiting", () -> "PAUSED · 0 waiting".equals(text(robot, "#feedMode")));
        write("welno_paused00000000000000000000000", waiting("welno_paused00000000000000000000000"));
        await("PAUSED with one waiting", () -> "PAUSED · 1 waiting".equals(text(robot, "#feedMode")));
        robot.clickOn("#pauseButton");
        await("LIVE again", () -> "LIVE".equals(text(robot, "#feedMode")));
    }

    @Test
    void thePartnerFilterOffersAllPartnersInWords(FxRobot robot) throws Exception {
        await("19 rows", () -> table(robot).getItems().size() == 19);
        @SuppressWarnings("unchecked")
        ComboBox<String> partner = FxState.read(() -> robot.lookup("#partnerFilter").queryAs(ComboBox.class));
        robot.clickOn(partner);
        await("All partners offered", () -> robot.lookup(".combo-box-popup .list-cell")
                .match(n -> n instanceof ListCell<?> c && "All partners".equals(c.getText())).tryQuery().isPresent());
        robot.clickOn(FxState.read(() -> robot.lookup(".combo-box-popup .list-cell")
                .match(n -> n instanceof ListCell<?> c && "welno".equals(c.getText())).queryAs(Node.class)));
        await("the counts' note", () -> robot.lookup("#countsNote").queryAs(Label.class).isVisible());
        String note = text(robot, "#countsNote");
        assertTrue(note.contains("welno"), note);
        robot.interact(() -> partner.setValue(""));
        await("All partners chosen", () -> "All partners".equals(partner.getButtonCell().getText()));
        assertFalse(FxState.read(() -> robot.lookup("#countsNote").queryAs(Label.class).isVisible()));
    }

    @Test
    void aMissingUpdatedAtShowsAsMissing(FxRobot robot) throws Exception {
        String id = "welno_noupdatedat000000000000000000";
        write(id, waiting(id).replaceFirst("\"updated_at\": \"[^\"]*\",", ""));
        select(robot, id);
        Label updated = FxState.read(() -> robot.lookup(n -> "fact.updated".equals(n.getId())).queryAs(Label.class));
        assertEquals("—", FxState.read(updated::getText));
        assertEquals("Not in the document", FxState.read(() -> updated.getTooltip().getText()));
    }
    @Test
    void messageTypesAreInTheWindowsLanguageAndAnUnknownTypeIsShownAsStored(FxRobot robot) throws Exception {
        String completed = Fixtures.id("07_completed.json");
        robot.interact(() -> console.window().i18n().setLocale(I18n.KOREAN));
        select(robot, completed);
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#detailTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "detail.tab.messages".equals(t.getId())).findFirst().orElseThrow());
        });
        await("the message types", () -> !messageTypes(robot).isEmpty());
        List<String> korean = messageTypes(robot);
        assertTrue(korean.contains("성공") && korean.contains("안내"), korean.toString());
        assertFalse(korean.stream().anyMatch(t -> t.matches("(?i).*(success|info|error).*")), korean.toString());

        robot.interact(() -> console.window().i18n().setLocale(I18n.ENGLISH));
        await("the message types in English", () -> messageTypes(robot).contains("Success"));

        // a type the backend never writes is not dressed up as one it does
        String odd = "welno_oddtype" + "0".repeat(25);
        write(odd, Fixtures.live("07_completed.json").replace(completed, odd).replace("\"type\": \"info\"", "\"type\": \"warn\\u001b[2J\""));
        select(robot, odd);
        await("the unknown type", () -> messageTypes(robot).stream().anyMatch(t -> t.startsWith("warn")));
        List<String> types = messageTypes(robot);
        assertTrue(types.stream().noneMatch(t -> t.contains("\u001b")), types.toString());
    }

    private static List<String> messageTypes(FxRobot robot) throws Exception {
        return FxState.read(() -> robot.lookup(".message-type").queryAll().stream()
                .filter(Node::isVisible).map(n -> ((Label) n).getText()).toList());
    }

    /**
     * What the console read again after a reconnect is told as found then, not as made then: a change written while
     * its subscription was closed, and a deletion, found by the resync's pass (the subscription killed and the key
     * written in one round trip, so no event can tell of it).
     */
    @Test
    void whatAResyncFoundIsToldAsFoundNotAsHappeningThen(FxRobot robot) throws Exception {
        String id = Fixtures.id("03_auth_request_sent.json");
        select(robot, id);
        List<String> freshnessShown = new CopyOnWriteArrayList<>();
        robot.interact(() -> robot.lookup("#detailFreshness").queryAs(Label.class).textProperty()
                .addListener((o, before, now) -> freshnessShown.add(now)));

        unfollowedWhile(pipeline -> pipeline.set("tilko_session:" + id, Fixtures.live("03_auth_request_sent.json")
                .replace("\"status\": \"auth_request_sent\"", "\"status\": \"auth_completed\"")));
        await("the change found", () -> freshnessShown.stream().anyMatch(f -> f.startsWith(
                "Found changed when the console read every session again: status")));
        assertFalse(freshnessShown.stream().anyMatch(f -> f.startsWith("Updated just now")), freshnessShown.toString());

        unfollowedWhile(pipeline -> pipeline.del("tilko_session:" + id));
        await("the end found", () -> text(robot, "#detailFreshness").startsWith("Gone from Redis: found missing at "));
        assertEquals("Gone from Redis (found missing)", text(robot, "#detailSubtitle"), "not a guess of how it went");
    }

    /** Closes the console's subscriptions and runs {@code writes} in the same round trip, before they are back. */
    private static void unfollowedWhile(java.util.function.Consumer<redis.clients.jedis.Pipeline> writes) {
        try (redis.clients.jedis.Jedis admin = new redis.clients.jedis.Jedis("127.0.0.1", REDIS.port())) {
            redis.clients.jedis.Pipeline pipeline = admin.pipelined();
            pipeline.sendCommand(redis.clients.jedis.Protocol.Command.CLIENT, "KILL", "TYPE", "pubsub");
            writes.accept(pipeline);
            pipeline.sync();
        }
    }
}
