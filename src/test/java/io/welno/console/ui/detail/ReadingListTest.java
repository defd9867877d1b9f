package io.welno.console.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
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

    /** A small stage of its own: the primary stage goes on to the next test class at the size it is left with. */
    @Start
    void start(Stage primary) {
        list = new ReadingList<>();
        for (int i = 0; i < 100; i++) {
            list.getItems().add("message " + i);
        }
        stage = new Stage();
        stage.setScene(new Scene(new StackPane(list), 300, 200));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void aLiveAppendKeepsTheMessageOnTop(FxRobot robot) throws Exception {
        scrolledTo10(robot);
        robot.interact(() -> {
            list.keepPlace();
            list.getItems().add("message 100");
        });
        settle();
        assertEquals(10, firstVisible());
    }

    @Test
    void theReadersWheelWhileTheKeptPlaceIsCheckedIsNotUndone(FxRobot robot) throws Exception {
        scrolledTo10(robot);
        robot.interact(() -> {
            list.keepPlace();
            list.getItems().add("message 100");
            list.layout(); // the change's layout: from here the kept place is checked after each pulse
            wheelDownFiveMessages();
        });
        settle();
        assertTrue(firstVisible() >= 15, "the reader's scroll of five messages stands: " + firstVisible());
    }

    @Test
    void theReadersWheelBeforeTheChangesLayoutIsNotUndone(FxRobot robot) throws Exception {
        scrolledTo10(robot);
        robot.interact(() -> {
            list.keepPlace();
            list.getItems().add("message 100");
            wheelDownFiveMessages();
        });
        settle();
        assertTrue(firstVisible() >= 15, "the reader's scroll of five messages stands: " + firstVisible());
    }

    private void wheelDownFiveMessages() {
        VirtualFlow<?> flow = flow();
        Event.fireEvent(flow, wheelDown(flow, 5 * flow.getFirstVisibleCell().getHeight()));
    }

    private void scrolledTo10(FxRobot robot) throws Exception {
        robot.interact(() -> list.scrollTo(10));
        settle();
        assertEquals(10, firstVisible());
    }

    private static ScrollEvent wheelDown(VirtualFlow<?> flow, double pixels) {
        double x = flow.getWidth() / 2;
        double y = flow.getHeight() / 2;
        return new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, false, false, false, false, false, 0, -pixels, 0,
                -pixels, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0,
                new PickResult(flow, x, y));
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) list.lookup(".virtual-flow");
    }

    /** The first item with more than a pixel on screen. */
    private int firstVisible() throws Exception {
        return onFx(() -> {
            VirtualFlow<?> flow = flow();
            IndexedCell<?> first = flow.getFirstVisibleCell();
            while (flow.sceneToLocal(first.localToScene(0, first.getHeight())).getY() <= 0.5
                    && flow.getVisibleCell(first.getIndex() + 1) != null) {
                first = flow.getVisibleCell(first.getIndex() + 1);
            }
            return first.getIndex();
        });
    }

    /** A few pulses: every check the list would make is made. */
    private static void settle() throws Exception {
        for (int i = 0; i < 6; i++) {
            Thread.sleep(40);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(60, TimeUnit.SECONDS);
    }
}
