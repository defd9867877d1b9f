package io.welno.console.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.FxState;
import io.welno.console.testing.MutableClock;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.table.SessionTableModel;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The status chart's first minute: one sample draws no area, so the chart says when it will. */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T05:10:20Z"), Timestamps.DEFAULT_ZONE);
    private final I18n i18n = new I18n(I18n.ENGLISH);
    private DashboardView dashboard;
    private Stage stage;

    /** A stage of its own: the primary stage goes on to the next test class at the size it is left with. */
    @Start
    void start(Stage primary) {
        SessionTableModel model = new SessionTableModel(StuckPolicy.defaults(), clock, Timestamps.DEFAULT_ZONE);
        dashboard = new DashboardView(model, i18n, clock, Timestamps.DEFAULT_ZONE, () -> true);
        stage = new Stage();
        stage.setScene(new Scene(dashboard, 1200, 760));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            dashboard.stop();
            stage.close();
        });
    }

    @Test
    void theChartSaysItDrawsFromTheSecondMinute(FxRobot robot) throws Exception {
        robot.interact(dashboard::start);
        FxState.await("the first minute's figures", () -> dashboard.shown() != null);
        Label waiting = robot.lookup("#statusChartFirstMinute").queryAs(Label.class);
        FxState.check(() -> {
            assertEquals(1, dashboard.shown().history().size());
            assertTrue(waiting.isVisible(), "one minute draws no area");
            assertEquals("The console counts the live sessions once a minute from when it connected: the chart"
                    + " appears from the second minute.", waiting.getText());
        });
        robot.interact(() -> i18n.setLocale(I18n.KOREAN));
        FxState.check(() -> assertTrue(waiting.getText().startsWith("콘솔은 연결한 때부터 1분마다"), waiting.getText()));

        clock.advance(Duration.ofMinutes(1));
        robot.interact(dashboard::refresh);
        FxState.await("the second minute's figures", () -> dashboard.shown().history().size() == 2);
        FxState.check(() -> assertFalse(waiting.isVisible(), "two minutes draw the areas"));
    }
}
