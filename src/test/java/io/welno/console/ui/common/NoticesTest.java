package io.welno.console.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.FxState;
import java.util.List;
import java.util.Locale;
import io.welno.console.view.BundleTexts;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
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

    private I18n i18n;
    private Notices notices;

    @Start
    void start(Stage stage) {
        i18n = new I18n(Locale.ENGLISH);
        notices = new Notices(i18n);
        stage.setScene(new Scene(new StackPane(notices), 600, 400));
        stage.show();
    }

    @Test
    void aNoticeShownUntilClosedOutlastsAnOrdinaryOneAndGoesByItsButton(FxRobot robot) throws Exception {
        robot.interact(() -> {
            notices.showUntilClosed(() -> "the run ended", () -> "its summary", false);
            notices.show(() -> "saved", false);
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
            korean.show(() -> "수집을 시작했습니다", Notices.Kind.NEWS);
            korean.show(() -> "인증 완료 처리 완료", Notices.Kind.DONE);
            korean.show(() -> "반영되지 않았습니다", Notices.Kind.WARNING);
            notices.show(() -> "started", () -> "its account", Notices.Kind.NEWS);
        });
        assertEquals(List.of("안내", "완료", "주의"), titles(korean));
        assertEquals(List.of("Update"), titles(notices));
        assertEquals(List.of("notice-news", "notice-info", "notice-warning"), FxState.read(() -> korean.getChildren()
                .stream().map(n -> n.getStyleClass().get(1)).toList()));
        // every icon is ASCII or drawn: a glyph outside the Korean fonts' sets would be a box where none falls back
        List<javafx.scene.control.Label> icons = FxState.read(() -> korean.lookupAll(".notice-icon").stream()
                .map(javafx.scene.control.Label.class::cast).toList());
        assertEquals(3, icons.size());
        for (javafx.scene.control.Label icon : icons) {
            String text = FxState.read(icon::getText);
            assertTrue(text == null || text.chars().allMatch(c -> c < 0x80), text);
        }
        assertTrue(FxState.read(() -> icons.get(1).getGraphic() instanceof javafx.scene.shape.SVGPath), "done's check");
    }

    /**
     * A notice already up when the language is switched follows it: its title, its links and its close button's
     * words, and the headline and details its caller words with the window's texts.
     */
    @Test
    void aNoticeUpDuringALanguageSwitchIsWordedAgain(FxRobot robot) throws Exception {
        robot.interact(() -> notices.show(() -> i18n.get("notify.export.failed"),
                () -> i18n.get("reveal.notConnected").repeat(20), Notices.Kind.WARNING));
        Node notice = FxState.read(() -> notices.getChildren().get(0));
        assertEquals(List.of("Attention"), titles(notices));
        assertEquals("Details", link(notice, ".notice-details-link").getText());

        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        assertEquals(List.of("주의"), titles(notices));
        assertEquals(List.of(new BundleTexts(I18n.KOREAN).get("notify.export.failed")), shown());
        Button close = FxState.read(() -> (Button) notice.lookup(".notice-close"));
        assertEquals("닫기", FxState.read(() -> close.getTooltip().getText()));
        assertEquals("닫기", FxState.read(close::getAccessibleText));
        Hyperlink details = link(notice, ".notice-details-link");
        assertEquals("자세히", FxState.read(details::getText));
        assertEquals("전체 글 보기", FxState.read(() -> link(notice, ".notice-full-link").getText()));
        robot.interact(details::fire);
        assertEquals("자세히 접기", FxState.read(details::getText));
        String detail = FxState.read(() -> ((Label) notice.lookup(".notice-detail")).getText());
        assertTrue(detail.startsWith(new BundleTexts(I18n.KOREAN).get("reveal.notConnected")), detail);
    }

    private static Hyperlink link(Node notice, String style) throws Exception {
        return FxState.read(() -> (Hyperlink) notice.lookup(style));
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
