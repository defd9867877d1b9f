package io.welno.console.ui;

import static io.welno.console.ui.ListPositions.firstVisible;
import static io.welno.console.ui.ListPositions.flow;
import static io.welno.console.ui.ListPositions.lastVisible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.Timestamps;
import io.welno.console.testing.Await;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.TestRows;
import io.welno.console.ui.detail.DetailPane;
import io.welno.console.view.SessionRow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.VirtualFlow;
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
 * A live copy of the session the detail pane shows changes only what it changed: the operator reading an older
 * message or a part of the raw JSON stays where they are, and a part the copy did not touch is not rebuilt.
 */
@ExtendWith(ApplicationExtension.class)
class DetailLiveUpdateTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private static final String ID = "welno_liveupdate000000000000000000000";
    /** Messages of the session before the test's own: the start, the request and "approve on the phone". */
    private static final int FIRST_MESSAGES = 3;

    private final LocalDateTime start = LocalDateTime.now(Timestamps.DEFAULT_ZONE).minusMinutes(2).withNano(0);
    private TestConsole console;

    @Start
    void start(Stage stage) {
        console = TestConsole.onLiveFixtures(stage, REDIS);
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    /** The session waiting for approval with {@code more} messages after its first three. */
    private TestRows session(int more) {
        TestRows doc = TestRows.session(ID, "auth_request_sent", start).requested(start.plusSeconds(5));
        for (int i = 0; i < more; i++) {
            doc.message(start.plusSeconds(10 + i), "info", String.format("승인을 기다리고 있습니다 (%02d)", i));
        }
        return doc;
    }

    private static void write(String json) {
        REDIS.client().set("tilko_session:" + ID, json, SetParams.setParams().ex(1800));
    }

    /** The same document, with its updated_at {@code seconds} later (the browser's status poll does this). */
    private String polled(int more, int seconds) {
        return session(more).json().replaceFirst("\"updated_at\": \"[^\"]*\"",
                "\"updated_at\": \"" + Timestamps.format(start.plusMinutes(1).plusSeconds(seconds)) + "\"");
    }

    private static void await(String what, Callable<Boolean> condition) {
        FxState.await(what, condition);
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return FxState.read(read);
    }

    private DetailPane detail() {
        return console.window().view().detail();
    }

    private void select(FxRobot robot) throws Exception {
        TableView<SessionRow> table = onFx(() -> FixturesWindow.table(robot));
        await("the session's row", () -> FixturesWindow.indexOf(table, ID) >= 0);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(FixturesWindow.indexOf(table, ID)));
        await("the detail pane to show the session",
                () -> ID.equals(robot.lookup("#detailTitle").queryAs(Label.class).getText()));
    }

    /** Waits until the pane shows a newer copy than {@code before}, and for what it hands to the background. */
    private void awaitNewerCopy(SessionRow before) throws Exception {
        await("a newer copy in the detail pane", () -> detail().current() != before && detail().current() != null);
        settle();
    }

    /** Background work of the pane (formatting, parsing) done, and its results on screen. */
    private static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            Thread.sleep(150);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private void showTab(FxRobot robot, String id) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#detailTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                    .orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static ListView<Object> messages(FxRobot robot) {
        return robot.lookup("#detailMessages").queryAs(ListView.class);
    }

    /** The session, with 40 messages after its first ones, selected: its message list once it holds them all. */
    private ListView<Object> selectedWith40Messages(FxRobot robot) throws Exception {
        write(session(40).json());
        select(robot);
        ListView<Object> list = onFx(() -> messages(robot));
        await("40 messages more", () -> list.getItems().size() == FIRST_MESSAGES + 40);
        return list;
    }

    /** Waits until {@code condition} holds; fails naming {@code what} when it never does. */
    private static void eventually(String what, Callable<Boolean> condition) {
        Await.until(what, Await.EVENTUALLY, () -> {
            try {
                return condition.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * The operator scrolls to {@code index} until {@code there} holds: over cells not measured yet the flow lands on an
     * estimate first (on a loaded machine a first scroll to the end stopped a message short), as a wheel would go on.
     */
    private static void scrollUntil(FxRobot robot, ListView<?> list, int index, Callable<Boolean> there) {
        // polled from the test's thread: each try scrolls through robot.interact, which waits for the FX thread
        eventually("the list scrolled to " + index, () -> {
            robot.interact(() -> list.scrollTo(index));
            WaitForAsyncUtils.waitForFxEvents();
            return there.call();
        });
    }

    @Test
    void aNewMessageKeepsTheOneTheOperatorScrolledUpToAndIsFollowedFromTheNewest(FxRobot robot) throws Exception {
        ListView<Object> list = selectedWith40Messages(robot);
        eventually("a fresh selection shows the newest message", () -> lastVisible(list) == FIRST_MESSAGES + 39);

        scrollUntil(robot, list, 10, () -> firstVisible(list) == 10);
        SessionRow before = onFx(() -> detail().current());
        write(session(41).json());
        await("41 messages more", () -> list.getItems().size() == FIRST_MESSAGES + 41);
        awaitNewerCopy(before);
        eventually("the message the operator scrolled to stays on top", () -> firstVisible(list) == 10);

        scrollUntil(robot, list, FIRST_MESSAGES + 40, () -> lastVisible(list) == FIRST_MESSAGES + 40);
        write(session(42).json());
        await("42 messages more", () -> list.getItems().size() == FIRST_MESSAGES + 42);
        eventually("at the newest message, the list follows", () -> lastVisible(list) == FIRST_MESSAGES + 41);

        // only updated_at moves: the list is not touched at all
        scrollUntil(robot, list, 5, () -> firstVisible(list) == 5);
        Object first = onFx(() -> list.getItems().get(0));
        before = onFx(() -> detail().current());
        write(polled(42, 1));
        awaitNewerCopy(before);
        eventually("the list was not touched", () -> firstVisible(list) == 5);
        assertSame(first, onFx(() -> list.getItems().get(0)), "the same messages are not set again");
    }

    @Test
    void aLanguageSwitchRewordsTheMessagesWhereTheOperatorIsReading(FxRobot robot) throws Exception {
        ListView<Object> list = selectedWith40Messages(robot);
        settle();
        scrollUntil(robot, list, 10, () -> firstVisible(list) == 10);

        robot.interact(() -> console.window().i18n().setLocale(io.welno.console.ui.common.I18n.KOREAN));

        eventually("every message shown with its type in Korean", () -> onFx(() -> {
            // the cells on screen (the flow keeps a hidden cell for measuring, whose words may lag)
            VirtualFlow<?> flow = flow(list);
            List<String> types = new ArrayList<>();
            for (int i = flow.getFirstVisibleCell().getIndex(); i <= flow.getLastVisibleCell().getIndex(); i++) {
                flow.getVisibleCell(i).lookupAll(".message-type").forEach(n -> types.add(((Label) n).getText()));
            }
            return types.contains("안내") && !types.contains("Info");
        }));
        eventually("the message the operator was reading stays on top", () -> firstVisible(list) == 10);
    }

    @Test
    void theRawJsonKeepsItsScrollAndSelectionWhenItsTextChangesAndIsNotSetAgainWhenEqual(FxRobot robot)
            throws Exception {
        write(session(40).json());
        select(robot);
        showTab(robot, "detail.tab.raw");
        TextArea raw = onFx(() -> robot.lookup("#detailRaw").queryAs(TextArea.class));
        await("the raw JSON with the 40th message", () -> raw.getText().contains("(39)"));
        settle();
        String chosen = "승인을 기다리고 있습니다 (20)";
        robot.interact(() -> {
            int at = raw.getText().indexOf(chosen);
            raw.selectRange(at, at + chosen.length());
        });
        settle(); // the selection scrolls to itself first
        robot.interact(() -> raw.setScrollTop(400));
        settle();
        assertEquals(400, onFx(raw::getScrollTop), 0.5, "the raw JSON is long enough to scroll");
        assertEquals(chosen, onFx(raw::getSelectedText));

        SessionRow before = onFx(() -> detail().current());
        write(polled(41, 1)); // one more message at the end, and updated_at near the top moved
        await("the raw JSON with the 41st message", () -> raw.getText().contains("(40)"));
        settle();
        assertTrue(onFx(raw::getText).contains(Timestamps.format(start.plusMinutes(1).plusSeconds(1))));
        assertEquals(400, onFx(raw::getScrollTop), 0.5, "the part the operator was reading stays in view");
        assertEquals(chosen, onFx(raw::getSelectedText), "and so does what they selected");
        assertTrue(onFx(() -> detail().current()) != before);

        List<String> sets = new ArrayList<>();
        robot.interact(() -> raw.textProperty().addListener((o, was, is) -> sets.add(is)));
        before = onFx(() -> detail().current());
        write(polled(41, 1)); // the same bytes again: a copy with nothing new to show
        awaitNewerCopy(before);
        assertEquals(List.of(), sets, "an equal text is not set again");
        assertEquals(400, onFx(raw::getScrollTop), 0.5);
    }

    @Test
    void aPartTheLiveCopyDidNotTouchIsTheSameNodeAfterwards(FxRobot robot) throws Exception {
        write(session(2).json());
        select(robot);
        await("2 messages more", () -> messages(robot).getItems().size() == FIRST_MESSAGES + 2);
        settle();
        List<Node> parts = onFx(() -> List.of(
                lookupId(robot, "person.name"), lookupId(robot, "step.requested"),
                lookupId(robot, "data.checkups"), lookupId(robot, "fact.created")));
        String updated = onFx(() -> ((Label) lookupId(robot, "fact.updated")).getText());

        SessionRow before = onFx(() -> detail().current());
        write(polled(2, 30));
        awaitNewerCopy(before);
        assertTrue(!updated.equals(onFx(() -> ((Label) lookupId(robot, "fact.updated")).getText())),
                "the copy arrived and its update time is shown");
        List<Node> after = onFx(() -> List.of(
                lookupId(robot, "person.name"), lookupId(robot, "step.requested"),
                lookupId(robot, "data.checkups"), lookupId(robot, "fact.created")));
        for (int i = 0; i < parts.size(); i++) {
            assertSame(parts.get(i), after.get(i), "not rebuilt: " + parts.get(i).getId());
        }
    }

    private static Node lookupId(FxRobot robot, String id) {
        return robot.lookup((Node n) -> id.equals(n.getId())).query();
    }
}
