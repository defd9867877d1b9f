package io.welno.console.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.testing.FxState;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A notice goes by itself after a while; one shown to stay until closed outlasts it and goes only by its close
 * button.
 */
@ExtendWith(ApplicationExtension.class)
class NoticesTest {

    private Notices notices;

    @Start
    void start(Stage stage) {
        notices = new Notices(new I18n(Locale.ENGLISH));
        stage.setScene(new Scene(new StackPane(notices), 600, 400));
        stage.show();
    }

    @Test
    void aNoticeShownUntilClosedOutlastsAnOrdinaryOneAndGoesByItsButton(FxRobot robot) throws Exception {
        robot.interact(() -> {
            notices.showUntilClosed("the run ended", "its summary", false);
            notices.show("saved", false);
        });
        assertEquals(List.of("the run ended", "saved"), shown());

        FxState.await("the ordinary notice gone by itself", () -> notices.getChildren().size() == 1);
        assertEquals(List.of("the run ended"), shown());

        robot.interact(() -> ((Button) notices.getChildren().get(0).lookup(".notice-close")).fire());
        assertEquals(List.of(), shown());
    }

    /** Each kind's title says what the notice tells, in the window's language: news is not "Done". */
    @Test
    void aNoticesTitleSaysItsKind(FxRobot robot) throws Exception {
        Notices korean = FxState.read(() -> new Notices(new I18n(I18n.KOREAN)));
        robot.interact(() -> {
            korean.show("수집을 시작했습니다", Notices.Kind.NEWS);
            korean.show("인증 완료 처리 완료", Notices.Kind.DONE);
            korean.show("반영되지 않았습니다", Notices.Kind.WARNING);
            notices.show("started", "its account", Notices.Kind.NEWS);
        });
        assertEquals(List.of("안내", "완료", "주의"), titles(korean));
        assertEquals(List.of("Update"), titles(notices));
        assertEquals(List.of("notice-news", "notice-info", "notice-warning"), FxState.read(() -> korean.getChildren()
                .stream().map(n -> n.getStyleClass().get(1)).toList()));
    }

    private static List<String> titles(Notices in) throws Exception {
        return FxState.read(() -> in.getChildren().stream()
                .map(notice -> ((Label) notice.lookup(".notice-title")).getText()).toList());
    }

    private List<String> shown() throws Exception {
        return FxState.read(() -> notices.getChildren().stream()
                .map(notice -> ((Label) notice.lookup(".notice-text")).getText()).toList());
    }
}
