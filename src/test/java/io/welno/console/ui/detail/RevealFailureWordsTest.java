package io.welno.console.ui.detail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.FxState;
import io.welno.console.testing.OwnStage;
import io.welno.console.testing.TestRows;
import io.welno.console.text.Phrase;
import io.welno.console.ui.common.I18n;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A reveal whose recording failed for a reason of the console's own (a bug), or got no answer at all, says so in the
 * window's language: not "Redis answered with an error" with an English Java message.
 */
@ExtendWith(ApplicationExtension.class)
class RevealFailureWordsTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 11, 25, 14, 0);
    private static final String BUG = "Cannot invoke \"String.length()\" because \"x\" is null";

    private final I18n i18n = new I18n(I18n.KOREAN);
    private final AtomicReference<CompletionStage<Optional<Phrase>>> answer = new AtomicReference<>();
    private DetailPane pane;
    private Stage stage;

    @Start
    void start(Stage primary) {
        pane = new DetailPane(i18n, Clock.fixed(T.toInstant(ZoneOffset.ofHours(9)), ZoneOffset.ofHours(9)),
                Timestamps.DEFAULT_ZONE, Runnable::run, new SessionCodec(Timestamps.DEFAULT_ZONE), id -> answer.get());
        pane.revealAllowedProperty().set(true);
        pane.show(TestRows.session("welno_reveal", "auth_request_sent", T.minusMinutes(2))
                .user("배수지", "01098765432", "19860517").row());
        stage = OwnStage.show(pane, 900, 700);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(stage::close);
    }

    private String revealFailingWith(FxRobot robot, CompletionStage<Optional<Phrase>> outcome) throws Exception {
        answer.set(outcome);
        robot.interact(() -> robot.lookup("#revealButton").queryButton().fire());
        Label problem = FxState.read(() -> robot.lookup("#revealProblem").queryAs(Label.class));
        FxState.await("the reveal's problem", problem::isVisible);
        return FxState.read(problem::getText);
    }

    @Test
    void aBugOfTheConsoleIsNamedByItsClassNotQuotedAsRedissError(FxRobot robot) throws Exception {
        String said = revealFailingWith(robot, CompletableFuture.failedFuture(new NullPointerException(BUG)));
        assertTrue(said.contains("콘솔 자체의 오류(NullPointerException)"), said);
        assertFalse(said.contains(BUG), said);
        assertFalse(said.contains("Redis"), said);
    }

    @Test
    void noAnswerIsSaidAsSuch(FxRobot robot) throws Exception {
        String said = revealFailingWith(robot, CompletableFuture.completedFuture(null));
        assertTrue(said.endsWith("기록 요청에 응답이 없었습니다."), said);
        assertFalse(said.matches("(?s).*[A-Za-z].*"), said);
    }
}
