package io.welno.console.ui.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.welno.console.live.ChangeKind;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import io.welno.console.testing.FxState;
import io.welno.console.testing.OwnStage;
import io.welno.console.testing.TestRows;
import io.welno.console.ui.common.I18n;
import io.welno.console.view.SessionRow;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The progress column's dots are read aloud as a count of steps, in the window's language, not symbol by symbol. */
@ExtendWith(ApplicationExtension.class)
class ProgressCellSpokenTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 14, 0);

    private Stage stage;

    @Start
    void start(Stage primary) {
        Clock clock = Clock.fixed(T0.plusMinutes(1).atZone(Timestamps.DEFAULT_ZONE).toInstant(), ZoneOffset.UTC);
        SessionTableModel model = new SessionTableModel(StuckPolicy.defaults(), clock, Timestamps.DEFAULT_ZONE);
        SessionTable table = new SessionTable(model, new I18n(I18n.KOREAN), clock, Timestamps.DEFAULT_ZONE);
        table.getColumns().forEach(column -> column.setVisible(true));
        SessionRow row = TestRows.session("welno_progress", "auth_request_sent", T0).requested(T0.plusSeconds(5)).row();
        model.apply(List.of(new SessionTableModel.RowChange(ChangeKind.ADDED, row.id(), row)));
        stage = OwnStage.show(table, 1400, 300);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void theDotsAreReadAsAStepCount(FxRobot robot) throws Exception {
        String spoken = FxState.read(() -> robot.lookup(".cell-progress").queryAll().stream()
                .map(TableCell.class::cast).filter(cell -> cell.getText() != null).findFirst()
                .map(TableCell::getAccessibleText).orElse(null));
        assertEquals("6단계 중 2단계 완료", spoken);
        assertFalse(spoken.contains("●"));
    }
}
