package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.flow.ActionKind;
import io.welno.console.flow.ActionRequest;
import io.welno.console.flow.ActionResult;
import io.welno.console.flow.OpenWork;
import io.welno.console.flow.Operator;
import io.welno.console.flow.Role;
import io.welno.console.testing.Await;
import io.welno.console.testing.Fixtures;
import io.welno.console.testing.FxState;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.ui.common.Mnemonics;
import io.welno.console.ui.shell.LeaveQuestion;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the window, or connecting it elsewhere, while a change of this console is still held asks first: the hold
 * would end unconfirmed. With nothing held, nothing is asked.
 */
@ExtendWith(ApplicationExtension.class)
class LeaveQuestionTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension(false);

    private TestConsole console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = TestConsole.onLiveFixtures(stage, REDIS);
    }

    @AfterEach
    void stop(FxRobot robot) {
        console.close(robot);
    }

    private CompletableFuture<Boolean> askToLeave(boolean switching) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(console.window().mayLeave(switching)));
        return answer;
    }

    private DialogPane question(FxRobot robot) throws Exception {
        FxState.await("the question before leaving", () -> robot.lookup("#leaveQuestion").tryQuery().isPresent());
        return FxState.read(() -> robot.lookup("#leaveQuestion").queryAs(DialogPane.class));
    }

    private static Button button(DialogPane pane, String text) throws Exception {
        return FxState.read(() -> pane.getButtonTypes().stream().map(b -> (Button) pane.lookupButton(b))
                .filter(b -> Mnemonics.plain(b.getText()).equals(text)).findFirst().orElseThrow());
    }

    /** A bulk run's sessions not started yet are named with the run, whatever its id holds. */
    @Test
    void aBulkRunsSessionsNotStartedAreNamed(FxRobot robot) throws Exception {
        OpenWork work = new OpenWork(new OpenWork.Held(0, null), 0).withBulk(List.of(
                new OpenWork.Unstarted("7b3f70a5", 12), new OpenWork.Unstarted("5e0d1d1e", 0)));
        assertFalse(work.isEmpty());
        String content = FxState.read(() -> new LeaveQuestion(stage, console.window().i18n(), ZoneOffset.UTC, false,
                new LeaveQuestion.Work(() -> work, work::bulk), Runnable::run, work).alert().getContentText());
        assertTrue(content.startsWith("12 sessions of bulk run 7b3f70a5 are not started yet and would be left as they "
                + "are."), content);
        assertFalse(content.contains("5e0d1d1e"), "a run through its sessions is not named");
        assertTrue(new OpenWork(new OpenWork.Held(0, null), 0).withBulk(List.of(new OpenWork.Unstarted("x", 0)))
                .isEmpty());
    }

    /**
     * The question's counts follow while it is open: a held change whose session ends while it is asked is no longer
     * counted, and with nothing left the question says that going on cuts nothing short.
     */
    @Test
    void aHoldThatEndsWhileTheQuestionIsOpenIsNoLongerCounted(FxRobot robot) throws Exception {
        String id = Fixtures.id("03_auth_request_sent.json");
        ActionResult done = console.services().flow().perform(new Operator("lee", Role.DEVELOPER),
                ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved"));
        assertEquals(ActionResult.Outcome.APPLIED, done.outcome(), Words.en(done.message()));

        CompletableFuture<Boolean> answer = askToLeave(false);
        DialogPane pane = question(robot);
        assertTrue(FxState.read(pane::getContentText).startsWith("1 change of this console is still watched"));

        REDIS.client().del("tilko_session:" + id); // the session ends: its hold with it
        FxState.await("the question without the hold", () -> pane.getContentText().startsWith(
                "What was watched or running has ended since you were asked"));
        assertEquals("Nothing is watched or running any more", FxState.read(pane::getHeaderText));
        assertFalse(console.services().flow().isHolding(done.actionId()));
        Button close = button(pane, "Close now");
        assertTrue(FxState.read(button(pane, "Cancel")::isDefaultButton), "Enter still stays");
        AltKeys.assertDistinct(FxState.read(pane::getScene)); // not Close and Cancel, both Alt+C
        robot.interact(close::fire);
        assertTrue(answer.get(Await.EVENTUALLY.toSeconds(), TimeUnit.SECONDS), "the user chose to go on");
    }

    @Test
    void nothingHeldNothingAsked() throws Exception {
        assertTrue(askToLeave(false).get(Await.EVENTUALLY.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aHeldChangeIsNamedAndStayingIsTheDefault(FxRobot robot) throws Exception {
        ActionResult done = console.services().flow().perform(new Operator("lee", Role.DEVELOPER),
                ActionRequest.of(ActionKind.MANUAL_COMPLETE, Fixtures.id("03_auth_request_sent.json"), "approved"));
        assertEquals(ActionResult.Outcome.APPLIED, done.outcome(), Words.en(done.message()));

        // The window's close button: asked, and "Keep watching" keeps the window and its services.
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        DialogPane pane = question(robot);
        String content = FxState.read(pane::getContentText);
        assertTrue(content.startsWith("1 change of this console is still watched until "), content);
        // what the hold sees is a write over the change, not who made it
        assertTrue(content.contains(", in case it is written over."), content);
        assertTrue(content.contains("audited as unconfirmed"), content);
        Button stay = button(pane, "Keep watching");
        assertTrue(FxState.read(stay::isDefaultButton), "Enter keeps watching");
        Button closeAnyway = button(pane, "Close anyway");
        assertFalse(FxState.read(closeAnyway::isDefaultButton));
        robot.interact(stay::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(FxState.read(stage::isShowing), "the window stays open");
        assertTrue(console.services().flow().isHolding(done.actionId()), "and the change is still held");

        // Connecting elsewhere asks the same, with its own button.
        CompletableFuture<Boolean> answer = askToLeave(true);
        Button goOn = button(question(robot), "Connect elsewhere anyway");
        robot.interact(goOn::fire);
        assertTrue(answer.get(Await.EVENTUALLY.toSeconds(), TimeUnit.SECONDS), "the user chose to go on");
    }
}
