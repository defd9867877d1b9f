package io.welno.console.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.welno.console.session.SessionCodec;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.TestRows;
import io.welno.console.ui.common.I18n;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The background works out a copy's parts in the language of the moment they were asked for, not of a later one. */
@ExtendWith(ApplicationExtension.class)
class DocumentContentTest {

    @Start
    void start(Stage stage) {
        // the toolkit only: the parts are handed over with Platform.runLater
    }

    @Test
    void aLanguageSwitchWhileTheBackgroundIsBusyDoesNotMixLanguages(FxRobot robot) throws Exception {
        I18n i18n = new I18n(I18n.KOREAN);
        Queue<Runnable> background = new ArrayDeque<>();
        DocumentContent content = new DocumentContent(i18n, background::add, new SessionCodec());
        var row = TestRows.session("welno_content00000000000000000000000", "auth_request_sent",
                LocalDateTime.now(Timestamps.DEFAULT_ZONE).withNano(0)).row();
        CompletableFuture<DocumentContent.Parts> shown = new CompletableFuture<>();

        robot.interact(() -> {
            content.load(row, false, shown::complete);
            i18n.setLocale(I18n.ENGLISH); // switched before the background took the work up
        });
        background.remove().run();

        List<String> data = shown.get(60, TimeUnit.SECONDS).data();
        assertEquals("건강검진: 수집 안 됨", data.get(0));
    }
}
