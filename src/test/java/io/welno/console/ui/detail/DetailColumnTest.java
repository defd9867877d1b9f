package io.welno.console.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.FxState;
import io.welno.console.testing.OwnStage;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The detail pane's column: the tabs take what the part above leaves, never less than their least; that part scrolls
 * when it must, and a control in it reached by the keyboard is scrolled into view.
 */
@ExtendWith(ApplicationExtension.class)
class DetailColumnTest {

    private static final double LEAST = 160;

    private Button first;
    private Button last;
    private Region tall;
    private TabPane tabs;
    private DetailColumn column;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // made here, on the FX thread once the toolkit is up (a control made earlier breaks every later test class)
        first = new Button("first");
        last = new Button("last");
        tall = new Region();
        tabs = new TabPane();
        tall.setPrefHeight(100);
        column = new DetailColumn(new Label("header"), new VBox(10, first, tall, last), tabs, 10, LEAST);
        stage = OwnStage.show(column, 400, 500);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void theTabsTakeWhatIsLeftAndNeverLessThanTheirLeast(FxRobot robot) throws Exception {
        FxState.check(() -> {
            assertTrue(tabs.getHeight() > LEAST, "room to spare goes to the tabs: " + tabs.getHeight());
            assertEquals(column.middleScroller().getViewportBounds().getHeight(),
                    column.middleScroller().getContent().getLayoutBounds().getHeight(), 1, "the part above whole");
        });
        robot.interact(() -> tall.setPrefHeight(1000));
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> {
            assertEquals(LEAST, tabs.getHeight(), 0.5, "the tabs keep their least");
            assertTrue(bottom(tabs) <= 500 + 0.5, "and stay in the window: " + bottom(tabs));
            assertTrue(column.middleScroller().getViewportBounds().getHeight()
                    < column.middleScroller().getContent().getLayoutBounds().getHeight(), "the part above scrolls");
        });
    }

    @Test
    void aControlReachedByTheKeyboardIsScrolledIntoView(FxRobot robot) throws Exception {
        robot.interact(() -> tall.setPrefHeight(1000));
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertTrue(top(last) > bottom(column.middleScroller()), "below the view at first"));

        robot.interact(last::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertInView(last));

        robot.interact(first::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> assertInView(first));
    }

    private void assertInView(Node node) {
        assertTrue(node.isFocused());
        assertTrue(top(node) >= top(column.middleScroller()) - 0.5
                && bottom(node) <= bottom(column.middleScroller()) + 0.5, "in view: " + scene(node) + " in "
                + scene(column.middleScroller()));
    }

    private static Bounds scene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    private static double top(Node node) {
        return scene(node).getMinY();
    }

    private static double bottom(Node node) {
        return scene(node).getMaxY();
    }
}
