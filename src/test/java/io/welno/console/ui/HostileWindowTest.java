package io.welno.console.ui;

import io.welno.console.ui.common.Notices;
import static io.welno.console.ui.FixturesWindow.table;
import static io.welno.console.hostile.Hostile.assertNoSecret;
import static io.welno.console.hostile.Hostile.assertNothingRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.hostile.Hostile;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.text.SafeText;
import java.time.LocalDateTime;
import java.util.List;
import io.welno.console.ui.detail.DetailPane;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
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
 * The window against sessions made to attack what shows them: escape sequences, forged lines, bidi overrides and
 * invisible characters in ids, names, partners, statuses, timestamps and messages, and unreadable values full of
 * personal data. No text of the table, the detail pane (every tab), the dialogs or a notification holds a raw
 * control character, none shows the personal data, a long message opens whole, and the reason is checked as typed.
 */
@ExtendWith(ApplicationExtension.class)
class HostileWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    static final String PLAIN_ID = "welno_hostile_plain";
    static final String EVIL_ID = "welno_hostile" + Hostile.CLEAR_SCREEN + Hostile.BIDI + Hostile.FORGED_ROW;
    static final String LONG_ID = "welno_hostile_long";
    static final List<String> IDS = List.of(PLAIN_ID, EVIL_ID, LONG_ID, "welno_hostile_odd", "welno_hostile_bad",
            "welno_hostile_double");
    static final String LONG_MESSAGE = ("긴 메시지 " + Hostile.CLEAR_SCREEN).repeat(400) + "끝";

    private TestConsole console;

    @Start
    void start(Stage stage) {
        REDIS.flush();
        SessionCodec codec = new SessionCodec(Timestamps.DEFAULT_ZONE);
        LocalDateTime now = LocalDateTime.now(Timestamps.DEFAULT_ZONE).minusMinutes(2);
        put(PLAIN_ID, codec.write(Hostile.session(PLAIN_ID, now)));
        put(EVIL_ID, codec.write(Hostile.session(EVIL_ID, now)));
        ObjectNode longOne = Hostile.session(LONG_ID, now);
        ((ObjectNode) longOne.withArray("messages").get(0)).put("message", LONG_MESSAGE);
        put(LONG_ID, codec.write(longOne));
        put("welno_hostile_odd", codec.write(Hostile.oddStatus("welno_hostile_odd", now)));
        put("welno_hostile_bad", Hostile.unreadable("welno_hostile_bad"));
        put("welno_hostile_double", Hostile.doubleEncoded("welno_hostile_double"));
        console = TestConsole.open(stage, TestConsole.profile("test", REDIS.url(), "developer", "development", true));
    }

    private static void put(String id, String value) {
        REDIS.client().set("tilko_session:" + id, value, SetParams.setParams().ex(1800));
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }


    private static String raw(FxRobot robot) throws Exception {
        return FxState.read(() -> robot.lookup("#detailRaw").queryAs(TextArea.class).getText());
    }

    private void select(FxRobot robot, String id) throws Exception {
        TableView<?> table = FxState.read(() -> table(robot));
        int row = FxState.read(() -> FixturesWindow.indexOf(table, id));
        assertTrue(row >= 0, id);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(row));
        FxState.await("the raw JSON formatted", () -> !raw(robot).equals("Formatting…"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void awaitRows(FxRobot robot) {
        FxState.await("every hostile session's row", () -> table(robot).getItems().size() == IDS.size());
    }

    private static String walk() throws Exception {
        return String.join("\n", UiWalk.visibleTexts());
    }

    @Test
    void noTextOfTheTableOrTheDetailPaneHoldsARawControlOrPersonalData(FxRobot robot) throws Exception {
        awaitRows(robot);
        for (String id : IDS) {
            select(robot, id);
            String texts = walk();
            String where = "session " + SafeText.bounded(id, 40);
            assertNothingRaw(texts, where);
            assertNoSecret(texts, where);
        }
        select(robot, PLAIN_ID);
        String texts = walk();
        assertTrue(texts.contains("\\u001b[2J"), "shown escaped, not dropped");
        assertTrue(texts.contains("배*지"), "the masked name is shown");
    }

    /**
     * The prefix alone as a key: its row and title say it has no id (an empty cell would be a row nobody can name),
     * and the backend note says why no call can reach it rather than calling it a uuid-era id.
     */
    @Test
    void aKeyThatIsThePrefixAloneSaysItHasNoId(FxRobot robot) throws Exception {
        awaitRows(robot);
        put("", new SessionCodec(Timestamps.DEFAULT_ZONE).write(Hostile.session("",
                LocalDateTime.now(Timestamps.DEFAULT_ZONE).minusMinutes(2))));
        FxState.await("the empty id's row", () -> table(robot).getItems().size() == IDS.size() + 1);
        select(robot, "");
        assertEquals("(no id)", FxState.read(() -> robot.lookup("#detailTitle").queryAs(Label.class).getText()));
        String texts = walk();
        assertTrue(texts.contains("the key is the prefix alone"), texts);
        assertFalse(texts.contains("uuid-era"), texts);
        assertTrue(FxState.read(() -> robot.lookup(".table-row-cell .cell-mono").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Labeled l && "(no id)".equals(l.getText()))),
                "the Session column names it");
    }

    @Test
    void aLongMessageIsCutInTheTimelineAndOpensWhole(FxRobot robot) throws Exception {
        awaitRows(robot);
        // This session's warnings and actions leave the tabs their least height in an 800-pixel window, and the
        // timeline makes cells only for the messages it has room for (the newest): the test is about what the first
        // message shows, so it gives the timeline room for both.
        // (the primary stage goes on to the next test class at the size it is left with: given back at the end)
        Window window = console.window().scene().getWindow();
        double height = FxState.read(window::getHeight);
        robot.interact(() -> window.setHeight(1200));
        try {
            opensWhole(robot);
        } finally {
            robot.interact(() -> window.setHeight(height));
        }
    }

    private void opensWhole(FxRobot robot) throws Exception {
        select(robot, LONG_ID);
        // the timeline is laid out from the document on the background: there once it has been read
        FxState.await("the timeline's link to the whole text", () -> robot.lookup((Node n) -> n instanceof Hyperlink h
                && "Show the whole text".equals(h.getText())).tryQuery().isPresent());
        Hyperlink whole = FxState.read(() -> robot.lookup((Node n) -> n instanceof Hyperlink h
                && "Show the whole text".equals(h.getText())).queryAs(Hyperlink.class));
        robot.interact(whole::fire);
        FxState.await("the full text", () -> robot.lookup("#fullText").tryQuery().isPresent());
        String full = FxState.read(() -> robot.lookup("#fullText").queryAs(TextArea.class).getText());
        assertEquals(SafeText.escape(LONG_MESSAGE), full, "every character, escaped");
        assertNothingRaw(walk(), "the full-text dialog");
    }

    /**
     * This session's long ownership warning (its partner id is two hundred characters of escapes) and the wrapped
     * action bar take most of an 800-pixel window: the tabs keep their least height, in view, and the part above
     * them scrolls to its last line instead.
     */
    @Test
    void theDetailPaneKeepsRoomForItsTabsAndScrollsThePartAbove(FxRobot robot) throws Exception {
        awaitRows(robot);
        select(robot, LONG_ID);
        TabPane tabs = FxState.read(() -> robot.lookup("#detailTabs").queryAs(TabPane.class));
        ScrollPane above = FxState.read(() -> robot.lookup("#detailScroller").queryAs(ScrollPane.class));
        FxState.check(() -> {
            assertEquals(800, above.getScene().getWindow().getHeight(), 1, "the window's usual height");
            assertTrue(above.getContent().getLayoutBounds().getHeight() > above.getViewportBounds().getHeight(),
                    "the part above the tabs is taller than its room");
            assertTrue(tabs.getHeight() >= DetailPane.TABS_MIN_HEIGHT, "tabs " + tabs.getHeight());
            Bounds tabsInScene = tabs.localToScene(tabs.getLayoutBounds());
            assertTrue(tabsInScene.getMaxY() <= above.getScene().getHeight(), "the tabs in view: " + tabsInScene);
        });
        robot.interact(() -> above.setVvalue(above.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> {
            Node last = ((javafx.scene.Parent) above.getContent()).getChildrenUnmodifiable().stream()
                    .filter(Node::isVisible).reduce((a, b) -> b).orElseThrow();
            Bounds lastInScene = last.localToScene(last.getLayoutBounds());
            Bounds shown = above.localToScene(above.getLayoutBounds());
            assertTrue(lastInScene.getMaxY() <= shown.getMaxY() + 1 && lastInScene.getMaxY() > shown.getMinY(),
                    "scrolled down, its last line is in view: " + lastInScene + " in " + shown);
        });
    }

    @Test
    void theDialogChecksTheReasonAsTypedAndNotificationsAreEscaped(FxRobot robot) throws Exception {
        awaitRows(robot);
        select(robot, EVIL_ID);
        FxState.await("Force auth complete enabled",
                () -> !robot.lookup("#action-manual-auth-complete").queryButton().isDisabled());
        robot.clickOn("#action-manual-auth-complete");
        FxState.await("the action's dialog", () -> robot.lookup("#actionReason").tryQuery().isPresent());
        assertNothingRaw(walk(), "the action dialog (its header names the hostile id)");
        assertTrue(walk().contains("at most 500 characters"), "the limit is stated in the dialog");

        TextArea reason = FxState.read(() -> robot.lookup("#actionReason").queryAs(TextArea.class));
        Label problem = FxState.read(() -> robot.lookup("#actionReasonProblem").queryAs(Label.class));
        robot.interact(() -> reason.setText("caller 010-1234-5678 approved on the phone"));
        // narrow enough that the sentence takes several lines in any font
        robot.interact(() -> problem.getScene().getWindow().setWidth(420));
        FxState.await("the sentence laid out", () -> problem.getText().contains("mobile number")
                && problem.lookup(".text") != null && problem.getWidth() < 420);
        FxState.check(() -> {
            Text drawn = (Text) problem.lookup(".text");
            assertEquals(problem.getText(), drawn.getText(), "the whole sentence is drawn, over as many lines as it "
                    + "takes, not cut with an ellipsis");
            assertTrue(robot.lookup("#actionRun").queryButton().isDisabled(), "a reason with a phone number");
        });
        robot.interact(() -> reason.setText("approved\nFORGED root complete"));
        FxState.check(() -> {
            assertTrue(problem.isVisible());
            assertTrue(problem.getText().contains("character 9"), problem.getText());
            assertTrue(robot.lookup("#actionRun").queryButton().isDisabled(),
                    "a reason with a line break cannot run");
        });
        robot.interact(() -> reason.setText("x".repeat(501)));
        FxState.check(() -> {
            assertTrue(problem.getText().contains("501"), problem.getText());
            assertTrue(robot.lookup("#actionRun").queryButton().isDisabled());
        });
        robot.interact(() -> reason.setText("user approved on the phone"));
        assertFalse(FxState.read(problem::isVisible));
        robot.interact(() -> robot.lookup("#actionRun").queryButton().getScene().getWindow().hide());

        Notices notices = FxState.read(() -> console.window().view().notices());
        robot.interact(() -> notices.show(() -> "Refused for " + EVIL_ID + ": " + Hostile.ALL, true));
        FxState.await("the notice", () -> walk().contains("Refused for welno_hostile"));
        assertNothingRaw(walk(), "a notification quoting a hostile id and text");
    }
}
