package io.welno.console.ui;

import static io.welno.console.ui.FixturesWindow.table;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.Timestamps;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.MutableClock;
import io.welno.console.testing.RedisServerExtension;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the window says stays true as time passes with no write to Redis: the window and the flow judge by one clock,
 * which this test moves. A session the backend would still read turns expired for it once its {@code expires_at}
 * passes, and what was judged before follows.
 */
@ExtendWith(ApplicationExtension.class)
class ClockWindowTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private final MutableClock clock = new MutableClock(Instant.now(), Timestamps.DEFAULT_ZONE);
    private TestConsole console;

    @Start
    void start(Stage stage) {
        console = TestConsole.onLiveFixtures(stage, REDIS, clock);
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    private void select(FxRobot robot, String id) throws Exception {
        robot.clickOn("#searchField").write(id.substring(6, 14));
        FxState.await("its row", () -> table(robot).getItems().size() == 1);
        TableView<?> sessions = FxState.read(() -> table(robot));
        robot.interact(() -> sessions.getSelectionModel().select(0));
    }

    /**
     * The action dialog was opened while the session was still the backend's (its preview: the change it would make,
     * Run enabled); its expires_at passes while the dialog is open. The preview is made again and refuses, and Run
     * goes grey, rather than offering a change the flow refuses at the press.
     */
    @Test
    void anOpenActionDialogsPreviewTurnsRefusedWhenItsSessionExpires(FxRobot robot) throws Exception {
        select(robot, Fixtures.id("03_auth_request_sent.json"));
        FxState.await("Force auth complete enabled",
                () -> !robot.lookup("#action-manual-auth-complete").queryButton().isDisabled());
        robot.clickOn("#action-manual-auth-complete");
        FxState.await("the action's preview", () -> robot.lookup("#actionPreview")
                .queryAs(javafx.scene.control.TextArea.class).getText().contains("auth_completed"));
        robot.clickOn("#actionReason").write("고객이 전화로 승인함");
        FxState.await("Run enabled", () -> !robot.lookup("#actionRun").queryButton().isDisabled());

        clock.advance(Duration.ofMinutes(5)); // its expires_at is 87 s after it was written

        FxState.await("the preview refuses the expired session", () -> {
            Label refusal = robot.lookup("#actionRefusal").queryAs(Label.class);
            return refusal.isVisible() && refusal.getText().contains("deletes this session on its next read");
        });
        assertTrue(FxState.read(() -> robot.lookup("#actionRun").queryButton().isDisabled()));
        assertFalse(FxState.read(() -> robot.lookup("#actionSessionChanged").query().isVisible()),
                "the session was not written: the clock changed the verdict");
        robot.type(javafx.scene.input.KeyCode.ESCAPE); // closes the dialog; nothing is run
    }

    private static boolean listed(FxRobot robot, String id) {
        return FixturesWindow.row(robot, id) != null;
    }

    /**
     * The rows follow the clock with no write: the stuck collection (05) enters the Stuck bucket a minute before its
     * expires_at, reset-stuck enabled, and leaves it when that passes; then the detail pane says the backend deletes
     * it on its next read and reset-stuck is grey.
     */
    @Test
    void aCollectionBecomesStuckThenExpiresWithNoWrite(FxRobot robot) throws Exception {
        String id = Fixtures.id("05_fetching_health_data_stuck.json");
        FxState.await("the rows", () -> table(robot).getItems().size() > 10);
        robot.clickOn("#bucket-stuck");
        FxState.await("the Stuck bucket", () -> table(robot).getItems().size() < 10);
        assertFalse(FxState.read(() -> listed(robot, id)), "not stuck yet");

        clock.advance(Duration.ofSeconds(5 * 60 + 30)); // 14:12:30 on the fixtures' clock: expires 14:13:22
        FxState.await("05 in Stuck", () -> listed(robot, id));

        clock.advance(Duration.ofMinutes(2)); // past its expires_at
        FxState.await("05 out of Stuck", () -> !listed(robot, id));
        robot.clickOn("#bucket-all");
        select(robot, id);
        FxState.await("the pane says it expired", () -> robot.lookup("#detailPane").lookup(".label")
                .queryAllAs(Label.class).stream().anyMatch(l -> l.isVisible() && l.getText() != null
                        && l.getText().startsWith("Expired for the backend")));
        FxState.await("reset-stuck grey", () -> robot.lookup("#action-reset-stuck").queryButton().isDisabled());
    }
}
