package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.app.ConnectionProfile;
import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.FlowListener;
import io.welno.console.flow.FlowOptions;
import io.welno.console.flow.SessionWritten;
import io.welno.console.session.SessionStatus;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.TestRows;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.sim.FailureMode;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.SetParams;

/**
 * A write told "written, but not yet confirmed" promised that the hold's reads would tell: when they find the change
 * and it stays to the hold's end, the window says so, and the notice that it was not confirmed gives way, as it does
 * to a revert's (docs/flow.md, "Held actions").
 */
@ExtendWith(ApplicationExtension.class)
class HeldUnconfirmedWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    static final String ID = "welno_c0f1c0f1c0f1c0f1c0f1c0f1c0f1c0f1";
    static final String KEY = "tilko_session:" + ID;
    /** The console's own Redis user: its reads can be taken away without the test's. */
    static final String USER = "unconfirmedwindow";

    private static TilkoSimulator sim;
    private TestConsole console;

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO).build());
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @Start
    void start(Stage stage) {
        REDIS.flush();
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", USER, "reset", "on", ">secret", "~*", "&*",
                "+@all");
        LocalDateTime now = LocalDateTime.now(Timestamps.DEFAULT_ZONE);
        REDIS.client().set(KEY, TestRows.session(ID, "initiated", now.minusSeconds(30)).json(),
                SetParams.setParams().ex(1800));
        ConnectionProfile profile = new ConnectionProfile("test", "redis://" + USER + "@127.0.0.1:" + REDIS.port()
                + "/0", "developer", "Asia/Seoul", "development", true, sim.baseUrl());
        // short, so that the hold ends within the test: its end is what is told
        console = TestConsole.withTilko(stage, profile, "secret", "unconfirmed-window-key",
                FlowOptions.defaults().withHoldWindow(Duration.ofSeconds(12)));
    }

    @AfterEach
    void stop(FxRobot robot) {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", USER, "+@all");
        sim.clearFailures();
        console.close(robot);
    }

    @Test
    void anUnconfirmedWriteTheHoldKeepsIsToldConfirmed(FxRobot robot) throws Exception {
        console.services().flow().addListener(new FlowListener() {
            @Override
            public void onSessionWritten(SessionWritten written) {
                if (written.action() == ActionKind.SIMPLE_AUTH
                        && written.after().status().equals(SessionStatus.AUTH_REQUEST_SENT)) {
                    // between the answer's write and its read-back: the console's user may no longer read a session
                    REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", USER, "-mget", "-get");
                }
            }

            @Override
            public void onActionFinished(ActionResult result) {
                // told unconfirmed; from now on the hold's reads work, and nothing writes over the change
                REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", USER, "+@all");
            }
        });
        simpleAuth(robot);
        FxState.await("the unconfirmed notice", () -> noticeTexts(robot).stream()
                .anyMatch(t -> t.contains(": written, but not yet confirmed")));
        // kept open to be read, as an operator who waits for the answer would
        Node unconfirmed = FxState.read(() -> robot.lookup(".notice").queryAll().stream()
                .filter(n -> ((Label) n.lookup(".notice-text")).getText().contains(": written, but not yet confirmed"))
                .findFirst().orElseThrow());
        robot.interact(((javafx.scene.control.Hyperlink) FxState.read(
                () -> unconfirmed.lookup(".notice-details-link")))::fire);

        FxState.await("the note that the change stayed", () -> note(robot).startsWith(
                "Your \"Re-send auth request\" stayed"));
        FxState.await("the confirmation", () -> noticeTexts(robot).contains("Re-send auth request: confirmed for"
                + " session " + ID + ". The session was read again: the change is there, and it stayed while it was"
                + " watched."));
        List<String> shown = FxState.read(() -> noticeTexts(robot));
        assertTrue(shown.stream().noneMatch(t -> t.contains("not yet confirmed")), "still unconfirmed: " + shown);
    }

    /**
     * A simple-auth Tilko refused leaves the session at error, a write held like an applied one: when that write could
     * not be read back, its notice says it is not yet confirmed (not that the status is there, watched), and it is
     * told confirmed when the hold keeps it, as an applied write is.
     */
    @Test
    void aFailuresErrorWriteNotReadBackIsToldUnconfirmedThenConfirmed(FxRobot robot) throws Exception {
        sim.setFailure(FailureMode.TEMPORARY_FAILURE, TilkoEndpoint.SIMPLE_AUTH);
        console.services().flow().addListener(new FlowListener() {
            @Override
            public void onSessionWritten(SessionWritten written) {
                if (written.action() == ActionKind.SIMPLE_AUTH
                        && written.after().status().equals(SessionStatus.ERROR)) {
                    REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", USER, "-mget", "-get");
                }
            }

            @Override
            public void onActionFinished(ActionResult result) {
                REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", USER, "+@all");
            }
        });
        simpleAuth(robot);
        String failed = "Re-send auth request failed for session " + ID + ". It left the session at \"Error\","
                + " written but not yet confirmed, as the session could not be read back.";
        FxState.await("the unconfirmed failure's notice", () -> noticeTexts(robot).stream()
                .anyMatch(t -> t.startsWith(failed)));

        FxState.await("the confirmation", () -> noticeTexts(robot).contains("Re-send auth request for session " + ID
                + ": the \"Error\" it left is confirmed. The session was read again: it is there, and it stayed while"
                + " it was watched."));
        List<String> shown = FxState.read(() -> noticeTexts(robot));
        assertTrue(shown.stream().noneMatch(t -> t.contains("not yet confirmed")), "still unconfirmed: " + shown);
    }

    private void simpleAuth(FxRobot robot) throws Exception {
        FxState.await("the session's row", () -> robot.lookup("#sessionTable").queryAs(TableView.class)
                .getItems().size() == 1);
        TableView<?> sessions = FxState.read(() -> robot.lookup("#sessionTable").queryAs(TableView.class));
        robot.interact(() -> sessions.getSelectionModel().select(0));
        FxState.await("Simple auth enabled", () -> !robot.lookup("#action-simple-auth").queryButton().isDisabled());
        robot.clickOn("#action-simple-auth");
        FxState.await("the action's preview", () -> robot.lookup("#actionPreview").queryAs(TextArea.class)
                .getText().contains("auth_requesting"));
        robot.clickOn("#actionReason").write("person asked for a new push, support call");
        robot.clickOn("#actionRun");
    }

    private static String note(FxRobot robot) {
        Label label = robot.lookup("#actionHeldNote").queryAs(Label.class);
        return label.isVisible() ? label.getText() : "";
    }

    private static List<String> noticeTexts(FxRobot robot) {
        return robot.lookup(".notice-text").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
