package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.NewSessionDocuments;
import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.Await;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.ui.common.UiPreferences;
import io.welno.console.ui.detail.HistoryTab;
import io.welno.console.view.HistoryVersion;
import io.welno.console.view.SessionRow;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import io.welno.console.view.AlertMonitor;
import io.welno.console.view.BundleTexts;
import io.welno.console.view.Wording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import redis.clients.jedis.params.SetParams;

/**
 * Following a session from the detail pane's star: the Following bucket lists it, a status change written the
 * backend's way shows a notification, the History tab lists the versions with their authors and changed fields, and
 * the followed id is kept for the profile.
 */
@ExtendWith(ApplicationExtension.class)
class FollowAndHistoryWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    @RegisterExtension
    static final PrivatePreferences PREFS = new PrivatePreferences("follow");
    private static final Timestamps TIMESTAMPS = Timestamps.system();
    private static final SessionCodec CODEC = new SessionCodec(TIMESTAMPS.zone());

    private final AlertListTest.RecordingNotifier notifier = new AlertListTest.RecordingNotifier();
    private TestConsole console;
    /** Whether the support person has switched to another application (the window then counts as not focused). */
    private final java.util.concurrent.atomic.AtomicBoolean elsewhere = new java.util.concurrent.atomic.AtomicBoolean();
    private String id;
    private ObjectNode doc;

    @Start
    void start(Stage stage) throws Exception {
        REDIS.flush();
        id = NewSessionDocuments.newSessionId("welno");
        doc = (ObjectNode) new ObjectMapper().readTree(Fixtures.live("03_auth_request_sent.json"));
        doc.put("session_id", id);
        write();
        notifier.supported.set(true);
        console = TestConsole.open(stage, TestConsole.profile("follow", REDIS.url(), "developer", "development", true),
                w -> w.useNotifier(notifier, () -> !elsewhere.get()));
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    private void write() {
        REDIS.client().set("tilko_session:" + id, CODEC.write(doc), SetParams.setParams().ex(1800));
    }

    private static void await(String what, Callable<Boolean> condition) {
        FxState.await(what, condition);
    }


    @SuppressWarnings("unchecked")
    private static ListView<HistoryVersion> versions(FxRobot robot) {
        return robot.lookup("#historyVersions").queryAs(ListView.class);
    }

    private static String walk() {
        try {
            return String.join("\n", UiWalk.visibleTexts());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How many labels shown in the showing windows say {@code text} (a label's inner text node is not counted again,
     * nor the content of a tab not selected).
     */
    private static long labelsSaying(String text) throws Exception {
        return FxState.read(() -> {
            long n = 0;
            for (javafx.stage.Window window : javafx.stage.Window.getWindows()) {
                if (window.isShowing() && window.getScene() != null) {
                    n += count(window.getScene().getRoot(), text);
                }
            }
            return n;
        });
    }

    private static long count(javafx.scene.Node node, String text) {
        if (!node.isVisible()) {
            return 0;
        }
        long n = node instanceof javafx.scene.control.Labeled l && l.getText() != null && l.getText().contains(text)
                ? 1 : 0;
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                n += count(child, text);
            }
        }
        return n;
    }

    @Test
    void aFollowedSessionsStatusChangeIsAnnouncedAndItsHistoryListed(FxRobot robot) throws Exception {
        await("one row", () -> table(robot).getItems().size() == 1);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        await("the detail pane to show the session",
                () -> id.equals(robot.lookup("#detailTitle").queryAs(Label.class).getText()));
        ToggleButton star = FxState.read(() -> robot.lookup("#followButton").queryAs(ToggleButton.class));
        assertFalse(FxState.read(star::isSelected));
        // a screen reader hears the button's words and its pressed state, not the name of a star glyph
        assertEquals("Follow", FxState.read(star::getAccessibleText));
        robot.interact(star::fire);
        assertTrue(FxState.read(star::isSelected));
        assertEquals("Unfollow", FxState.read(star::getAccessibleText));
        await("one followed session",
                () -> "1".equals(robot.lookup("#bucket-following .bucket-count").queryAs(Label.class).getText()));
        assertEquals(List.of(id), UiPreferences.user().followed("follow"), "kept for the profile");

        doc.put("poll_count", 1);
        write();
        await("one version in the history", () -> versions(robot).getItems().size() == 1);
        // the support person is in another window, on the phone: the change reaches the OS's notification area too
        elsewhere.set(true);
        doc.put("status", "auth_completed");
        write();
        await("the change shown", () -> walk().contains("Waiting for approval → Approved"));
        Await.until("the OS notification", Await.EVENTUALLY, () -> notifier.shown.size() == 1);
        assertTrue(notifier.shown.get(0).startsWith("Followed session changed: " + id), notifier.shown.toString());
        assertTrue(notifier.shown.get(0).endsWith("Waiting for approval → Approved"), notifier.shown.toString());
        elsewhere.set(false);
        await("two versions in the history", () -> versions(robot).getItems().size() == 2);

        robot.interact(() -> {
            TabPane tabs = robot.lookup("#detailTabs").queryAs(TabPane.class);
            tabs.getTabs().stream().filter(t -> HistoryTab.ID.equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        // the tab's list makes its cells in a layout pass, which on a loaded machine comes after the events queued now
        await("the history tab listing the change",
                () -> walk().contains("~ status: \"auth_request_sent\" → \"auth_completed\""));
        // the older version below it: in view however tall the system's fonts make the newer one
        robot.interact(() -> versions(robot).scrollTo(1));
        await("the history tab listing the older change", () -> walk().contains("+ poll_count: 1"));
        String texts = walk();
        assertTrue(texts.contains("Backend"), texts);
        assertTrue(texts.contains("At most 20 versions are kept per session"), "the bound is said: " + texts);
        Label bound = robot.lookup("#historyBound").queryAs(Label.class);
        assertFalse(FxState.read(bound::isVisible), "folded away until asked");
        robot.interact(() -> robot.lookup("#historyDetails").queryAs(Hyperlink.class).fire());
        assertTrue(FxState.read(bound::isVisible), "shown on demand");
        assertFalse(texts.contains("박서준"), "names are masked");
        assertEquals(1, labelsSaying("Waiting for approval → Approved"), "one notification: " + texts);
        // and it stays in the alert list after the notice has gone
        var alerts = FxState.read(() -> List.copyOf(console.window().operations().alerts().entries()));
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(AlertMonitor.Rule.FOLLOWED, alerts.get(0).alert().rule());
        assertEquals(List.of(id), alerts.get(0).alert().sessions());
        assertEquals(id + ": Waiting for approval → Approved",
                Wording.window(new BundleTexts(BundleTexts.ENGLISH)).render(alerts.get(0).alert().message()));

        robot.interact(star::fire);
        await("no followed session",
                () -> "0".equals(robot.lookup("#bucket-following .bucket-count").queryAs(Label.class).getText()));
        assertEquals(List.of(), UiPreferences.user().followed("follow"));
    }

    /** The person on the phone waits for an approval that can no longer land: the window says so when it happens. */
    @Test
    void aFollowedSessionsExpiryPassingIsAnnounced(FxRobot robot) throws Exception {
        java.time.LocalDateTime expiresAt = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Seoul"))
                .plusSeconds(3);
        doc.put("expires_at", io.welno.console.session.Timestamps.format(expiresAt));
        write();
        await("one row", () -> table(robot).getItems().size() == 1);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        await("the detail pane to show the session",
                () -> id.equals(robot.lookup("#detailTitle").queryAs(Label.class).getText()));
        robot.interact(() -> robot.lookup("#followButton").queryAs(ToggleButton.class).fire());

        await("the expiry announced", () -> walk().contains(id + " (Waiting for approval): its expires_at ("));
        var alerts = FxState.read(() -> List.copyOf(console.window().operations().alerts().entries()));
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(AlertMonitor.Rule.FOLLOWED, alerts.get(0).alert().rule());
        String written = io.welno.console.session.Timestamps.format(expiresAt);
        assertEquals(id + " (Waiting for approval): its expires_at (" + written + ") passed. The backend deletes the"
                + " session on its next read, so it will not move on.",
                Wording.window(new BundleTexts(BundleTexts.ENGLISH)).render(alerts.get(0).alert().message()));
        Thread.sleep(2_500); // two more seconds of the window's clock: said once
        assertEquals(1, FxState.read(() -> console.window().operations().alerts().entries().size()));
    }
}
