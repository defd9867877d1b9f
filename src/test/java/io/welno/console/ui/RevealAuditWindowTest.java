package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.RedisAuditLog;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.TestRows;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.view.SessionRow;
import java.time.LocalDateTime;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
import redis.clients.jedis.Protocol;
import redis.clients.jedis.params.SetParams;

/**
 * A developer whose Redis user may not XADD presses Reveal: the reveal's audit entry cannot be written, so the data
 * stays masked and the person tab says why, in English and in Korean.
 */
@ExtendWith(ApplicationExtension.class)
class RevealAuditWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    static final String ID = "welno_0a0d17a0d17a0d17a0d17a0d17a0d17";
    static final String NAME = "배수지";
    static final String PHONE = "01098765432";

    private TestConsole console;
    private ConsoleWindow window;

    @Start
    void start(Stage stage) {
        REDIS.flush();
        REDIS.client().sendCommand(Protocol.Command.ACL, "SETUSER", "noaudit", "reset", "on", ">secret", "~*", "&*",
                "+@all", "-xadd");
        LocalDateTime t = LocalDateTime.now(Timestamps.DEFAULT_ZONE).minusMinutes(3);
        REDIS.client().set("tilko_session:" + ID, TestRows.session(ID, "auth_request_sent", t)
                .user(NAME, PHONE, "19860517").requested(t.plusSeconds(5)).json(), SetParams.setParams().ex(1800));
        console = TestConsole.open(stage, TestConsole.profile("test", "redis://noaudit@127.0.0.1:" + REDIS.port()
                + "/0", "developer", "development", true), "secret");
        window = console.window();
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    private static Label person(FxRobot robot, String field) {
        return robot.lookup((javafx.scene.Node n) -> ("person." + field).equals(n.getId())).queryAs(Label.class);
    }

    @Test
    void aRevealThatCannotBeAuditedKeepsTheDataMaskedAndSaysWhy(FxRobot robot) throws Exception {
        TableView<?> table = FxState.read(() -> table(robot));
        FxState.await("the session's row", () -> table.getItems().size() == 1);
        assertEquals(ID, FxState.read(() -> ((SessionRow) table.getItems().get(0)).id()));
        robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
        robot.interact(() -> robot.lookup("#detailTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        assertEquals("배*지", FxState.read(() -> person(robot, "name").getText()));

        robot.clickOn("#revealButton");
        Label problem = FxState.read(() -> robot.lookup("#revealProblem").queryAs(Label.class));
        FxState.await("the reveal's problem", problem::isVisible);
        assertEquals("Personal data stays masked, since the reveal could not be recorded in the audit log: the Redis user"
                + " has no permission to run \"xadd\" on the audit stream "
                + io.welno.console.flow.RedisAuditLog.DEFAULT_KEY + " (ask for an ACL that allows it on the stream).",
                FxState.read(problem::getText));
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> {
            assertEquals("배*지", person(robot, "name").getText());
            assertFalse(person(robot, "phone").getText().contains(PHONE));
            assertEquals(null, window.view().detail().revealedId(),
                    "nothing counts as revealed (exports stay masked)");
            assertFalse(robot.lookup("#revealButton").queryAs(Button.class).isDisabled(), "it may be tried again");
        });
        assertFalse(REDIS.client().exists(RedisAuditLog.DEFAULT_KEY));

        robot.interact(() -> window.i18n().setLocale(I18n.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> {
            assertTrue(problem.getText().startsWith("개인정보를 가린 채로 둡니다. 개인정보 보기를 감사 기록에 남기지 못했습니다: "),
                    problem.getText());
            assertEquals("배*지", person(robot, "name").getText());
        });
    }
}
