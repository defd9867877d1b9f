package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.table;
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
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.SetParams;

/**
 * The window around the tests of a simple-auth's held writes as the window tells them (docs/flow.md, "Held actions"):
 * one session, a Tilko simulator, and a console whose own Redis user can lose its reads without the test's, so that a
 * write's read-back can be made to fail. Each test class holds the window's actions as long as its tests need.
 */
@ExtendWith(ApplicationExtension.class)
abstract class HeldSimpleAuthWindow {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    static final String ID = "welno_5a17a0de5a17a0de5a17a0de5a17a0de";
    static final String KEY = "tilko_session:" + ID;
    /** The console's own Redis user: its reads can be taken away without the test's. */
    static final String USER = "heldwindow";

    static TilkoSimulator sim;
    TestConsole console;

    /** How long the window's actions are held. */
    abstract Duration holdWindow();

    @BeforeAll
    static void startSimulator() throws Exception {
        sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO).build());
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    /** Each test class's own {@code @Start} calls this: TestFX looks for that method in the test class only. */
    void open(Stage stage) {
        REDIS.flush();
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", USER, "reset", "on", ">secret", "~*", "&*",
                "+@all");
        LocalDateTime now = LocalDateTime.now(Timestamps.DEFAULT_ZONE);
        REDIS.client().set(KEY, TestRows.session(ID, "initiated", now.minusSeconds(30)).json(),
                SetParams.setParams().ex(1800));
        ConnectionProfile profile = new ConnectionProfile("test", "redis://" + USER + "@127.0.0.1:" + REDIS.port()
                + "/0", "developer", "Asia/Seoul", "development", true, sim.baseUrl());
        console = TestConsole.withTilko(stage, profile, "secret", "held-window-key",
                FlowOptions.defaults().withHoldWindow(holdWindow()));
    }

    @AfterEach
    void stop(FxRobot robot) {
        sim.clearFailures();
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", USER, "+@all");
        console.close(robot);
    }

    /** The console's user may no longer read a session: a read-back after a write fails. */
    static void takeReadsAway() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", USER, "-mget", "-get");
    }

    static void giveReadsBack() {
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", USER, "+@all");
    }

    /**
     * The console's user loses its reads right after the simple-auth writes {@code status}, between that write and
     * its read-back, so the read-back fails; with {@code backOnceAnswered} they come back once the action has its
     * result, so the hold's reads work.
     */
    void loseReadsOnceWritten(SessionStatus status, boolean backOnceAnswered) {
        console.services().flow().addListener(new FlowListener() {
            @Override
            public void onSessionWritten(SessionWritten written) {
                if (written.action() == ActionKind.SIMPLE_AUTH && written.after().status().equals(status)) {
                    takeReadsAway();
                }
            }

            @Override
            public void onActionFinished(ActionResult result) {
                if (backOnceAnswered) {
                    giveReadsBack();
                }
            }
        });
    }

    /** Re-send auth request on the one session, with a reason, from the action buttons. */
    void simpleAuth(FxRobot robot) throws Exception {
        FxState.await("the session's row", () -> table(robot).getItems().size() == 1);
        TableView<?> sessions = FxState.read(() -> table(robot));
        robot.interact(() -> sessions.getSelectionModel().select(0));
        FxState.await("Simple auth enabled", () -> !robot.lookup("#action-simple-auth").queryButton().isDisabled());
        robot.clickOn("#action-simple-auth");
        FxState.await("the action's preview", () -> robot.lookup("#actionPreview").queryAs(TextArea.class)
                .getText().contains("auth_requesting"));
        robot.clickOn("#actionReason").write("person asked for a new push, support call");
        robot.clickOn("#actionRun");
    }

    static Label noteLabel(FxRobot robot) {
        return robot.lookup("#actionHeldNote").queryAs(Label.class);
    }

    static String note(FxRobot robot) {
        Label label = noteLabel(robot);
        return label.isVisible() ? label.getText() : "";
    }

    static List<String> noticeTexts(FxRobot robot) {
        return robot.lookup(".notice-text").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
