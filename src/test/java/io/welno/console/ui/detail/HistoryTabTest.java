package io.welno.console.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionCodec;
import io.welno.console.testing.FxState;
import io.welno.console.testing.OwnStage;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.SessionHistory;
import java.time.Clock;
import java.time.ZoneId;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The History tab at the detail pane's least tab height: one line says what the list is; what the history keeps
 * unfolds on demand, so the versions keep the room.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryTabTest {

    private I18n i18n;
    private HistoryTab tab;
    private Stage stage;

    @Start
    void start(Stage primary) {
        i18n = new I18n(I18n.KOREAN);
        SessionHistory history = new SessionHistory(new SessionCodec(), Runnable::run, Clock.systemUTC(),
                SessionHistory.Bounds.DEFAULT);
        tab = new HistoryTab(i18n, history, ZoneId.of("Asia/Seoul"), Clock.systemUTC());
        tab.show("welno_history");
        stage = OwnStage.show(new TabPane(tab), 360, DetailPane.TABS_MIN_HEIGHT);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void whatTheHistoryKeepsIsFoldedAwayUntilAsked(FxRobot robot) throws Exception {
        Label summary = robot.lookup("#historySummary").queryAs(Label.class);
        Label bound = robot.lookup("#historyBound").queryAs(Label.class);
        Hyperlink details = robot.lookup("#historyDetails").queryAs(Hyperlink.class);
        ListView<?> versions = robot.lookup("#historyVersions").queryAs(ListView.class);
        double folded = FxState.read(versions::getHeight);
        FxState.check(() -> {
            assertFalse(bound.isVisible() || bound.isManaged(), "folded away at first");
            assertEquals(i18n.get("history.details.show"), details.getText());
            assertTrue(summary.getHeight() < 2 * summary.getFont().getSize() * 1.6,
                    "the summary is one line at the tabs' least height: " + summary.getHeight());
            assertTrue(versions.getHeight() >= DetailPane.TABS_MIN_HEIGHT / 3,
                    "the versions keep most of the room: " + versions.getHeight());
        });

        robot.interact(details::fire);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> {
            assertTrue(bound.isVisible() && bound.isManaged(), "unfolded");
            assertTrue(bound.getText().contains("20") && bound.getText().contains("50,000"), bound.getText());
            assertEquals(i18n.get("history.details.hide"), details.getText());
            assertTrue(versions.getHeight() < folded, "the note takes its lines from the list");
        });

        robot.interact(details::fire);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertFalse(bound.isVisible() || bound.isManaged(), "folded again"));

        robot.interact(() -> i18n.setLocale(java.util.Locale.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> {
            assertEquals("What is kept", details.getText());
            assertEquals(i18n.get("history.summary"), summary.getText());
        });
    }
}
