package io.welno.console.ui.detail;

import static io.welno.console.ui.ListPositions.firstVisible;
import static io.welno.console.ui.ListPositions.flow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.OwnStage;
import javafx.event.Event;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The list keeps the reader's place through live changes, and lets go the moment the reader moves the view: a check
 * of the kept place after the reader's own scroll would scroll them back.
 */
@ExtendWith(ApplicationExtension.class)
class ReadingListTest {

    private ReadingList<String> list;
    private Stage stage;

    @Start
    void start(Stage primary) {
        list = new ReadingList<>();
        for (int i = 0; i < 100; i++) {
            list.getItems().add("message " + i);
        }
        stage = OwnStage.show(new StackPane(list), 300, 200);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void aLiveAppendKeepsTheMessageOnTop(FxRobot robot) throws Exception {
        liveAppendAt10(robot, () -> { });
        assertEquals(10, firstVisible(list));
    }

    @Test
    void theReadersWheelWhileTheKeptPlaceIsCheckedIsNotUndone(FxRobot robot) throws Exception {
        liveAppendAt10(robot, () -> {
            list.layout(); // the change's layout: from here the kept place is checked after each pulse
            wheelDownFiveMessages();
        });
        assertTrue(firstVisible(list) >= 15, "the reader's scroll of five messages stands: " + firstVisible(list));
    }

    @Test
    void theReadersWheelBeforeTheChangesLayoutIsNotUndone(FxRobot robot) throws Exception {
        liveAppendAt10(robot, this::wheelDownFiveMessages);
        assertTrue(firstVisible(list) >= 15, "the reader's scroll of five messages stands: " + firstVisible(list));
    }

    /**
     * With message 10 on top, a message is appended as the timeline does (the place kept first), and {@code then}
     * happens in the same turn of the FX thread; then every check the list would make is made.
     */
    private void liveAppendAt10(FxRobot robot, Runnable then) throws Exception {
        scrolledTo10(robot);
        robot.interact(() -> {
            list.keepPlace();
            list.getItems().add("message 100");
            then.run();
        });
        settle();
    }

    private void wheelDownFiveMessages() {
        VirtualFlow<?> flow = flow(list);
        Event.fireEvent(flow, wheelDown(flow, 5 * flow.getFirstVisibleCell().getHeight()));
    }

    private void scrolledTo10(FxRobot robot) throws Exception {
        robot.interact(() -> list.scrollTo(10));
        settle();
        assertEquals(10, firstVisible(list));
    }

    private static ScrollEvent wheelDown(VirtualFlow<?> flow, double pixels) {
        double x = flow.getWidth() / 2;
        double y = flow.getHeight() / 2;
        return new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, false, false, false, false, false, 0, -pixels, 0,
                -pixels, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0,
                new PickResult(flow, x, y));
    }

    /** A few pulses: every check the list would make is made. */
    private static void settle() throws Exception {
        for (int i = 0; i < 6; i++) {
            Thread.sleep(40);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
