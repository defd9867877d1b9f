package io.welno.console.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.FxState;
import io.welno.console.ui.common.I18n;
import io.welno.console.ui.common.Mnemonics;
import io.welno.console.ui.common.UiPreferences;
import io.welno.console.ui.shell.ConsoleWindow;
import io.welno.console.ui.table.ColumnChooser;
import io.welno.console.view.SessionRow;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at 1280 pixels and at its narrowest: notices wrap inside it with their details a click away, every
 * column header explains itself in both languages, the toolbar never hides Connections…, the default columns fit
 * without scrolling sideways, and the column chooser's choice is kept.
 */
class WindowFitTest extends FixturesWindow {

    @RegisterExtension
    static final PrivatePreferences PREFS = new PrivatePreferences("fit-test");

    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        PREFS.node().clear(); // each test starts from the defaults
        this.stage = stage;
        // a long profile name and environment: the badge that pushed Connections… behind "»"
        open(stage, "welno-production-primary-seoul", "operator", "production");
        window.addConnectionsButton(() -> { });
    }

    private void resize(FxRobot robot, double width) {
        robot.interact(() -> stage.setWidth(width));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.scene().getRoot().layout());
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    /** The characters a label draws: a label cut short draws fewer, ending in "…". */
    private static String drawn(Label label) {
        return label.lookupAll(".text").stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .reduce("", (a, b) -> a + b).replace("\n", " ").replaceAll(" +", " ").strip();
    }

    @Test
    void aLongNotificationWrapsInsideTheWindowAndItsDetailsAreReachable(FxRobot robot) throws Exception {
        String headline = "Session welno_0123456789abcdef0123456789abcdef was changed by someone else, so Re-send auth "
                + "request did not go through, and the window must still show every word of this sentence";
        String detail = "The change was written, but the session read back right after it lacks the change: it was "
                + "written over straight away and is not in Redis now (the session is auth_requesting, expected "
                + "auth_request_sent). Check the session and try again.";
        for (double width : new double[] {1280, ConsoleWindow.MIN_WIDTH}) {
            resize(robot, width);
            robot.interact(() -> window.view().notices().show(() -> headline, () -> detail, true));
            WaitForAsyncUtils.waitForFxEvents();
            Node notice = FxState.read(() -> {
                List<Node> notices = List.copyOf(robot.lookup(".notice").queryAll());
                return notices.get(notices.size() - 1);
            });
            double sceneWidth = FxState.read(() -> window.scene().getWidth());
            Label more = (Label) FxState.read(() -> notice.lookup(".notice-detail"));
            Hyperlink details = (Hyperlink) FxState.read(() -> notice.lookup(".notice-details-link"));
            FxState.check(() -> {
                Bounds bounds = inScene(notice);
                assertTrue(bounds.getMinX() >= 0 && bounds.getMaxX() <= sceneWidth,
                        "the notice " + bounds + " is inside the window of width " + sceneWidth);
                Label text = (Label) notice.lookup(".notice-text");
                assertEquals(headline, drawn(text), "every word of the headline is drawn (wrapped, not cut)");
                assertTrue(text.getHeight() > 2 * text.getFont().getSize(), "the headline wraps onto several lines");
                Label title = (Label) notice.lookup(".notice-title");
                assertEquals("Attention", drawn(title), "the title is not cut");

                assertFalse(more.isVisible(), "details on demand");
                assertEquals("Details", details.getText());
            });
            robot.clickOn(details);
            WaitForAsyncUtils.waitForFxEvents();
            FxState.check(() -> {
                assertTrue(more.isVisible());
                assertEquals(detail, drawn(more));
                assertTrue(inScene(notice).getMaxX() <= sceneWidth
                        && inScene(notice).getMaxY() <= window.scene().getHeight(),
                        "still inside with its details open");
            });
            robot.interact(() -> ((Button) notice.lookup(".notice-close")).fire());
        }
    }

    @Test
    void everyColumnHeaderSaysWhatItsColumnMeansInBothLanguages(FxRobot robot) throws Exception {
        awaitRows(robot);
        TableView<SessionRow> table = FxState.read(() -> table(robot));
        ResourceBundle english = ResourceBundle.getBundle(I18n.BUNDLE, Locale.ENGLISH);
        ResourceBundle korean = ResourceBundle.getBundle(I18n.BUNDLE, I18n.KOREAN);
        FxState.check(() -> {
            assertTrue(table.getColumns().stream().anyMatch(c -> "column.partner".equals(c.getId())),
                    "a Partner column");
            for (TableColumn<SessionRow, ?> column : table.getColumns()) {
                Label header = (Label) column.getGraphic();
                assertNotNull(header.getTooltip(), column.getId() + " has a tooltip");
                assertEquals(english.getString(column.getId() + ".tip"), header.getTooltip().getText());
            }
            // the sessions table's headers (the alerts and audit tabs have tables of their own)
            for (Node node : robot.from(table).lookup(".column-header").queryAll()) {
                if (node instanceof TableColumnHeader h && h.getTableColumn() != null
                        && h.getTableColumn().isVisible()) {
                    assertTrue(h.lookupAll(".column-title").contains(h.getTableColumn().getGraphic()), "the header of "
                            + h.getTableColumn().getId() + " shows the label that carries the tooltip");
                }
            }
        });
        robot.interact(() -> window.i18n().setLocale(I18n.KOREAN));
        FxState.check(() -> {
            for (TableColumn<SessionRow, ?> column : table.getColumns()) {
                Label header = (Label) column.getGraphic();
                String tip = header.getTooltip().getText();
                assertEquals(korean.getString(column.getId() + ".tip"), tip);
                assertNotEquals(english.getString(column.getId() + ".tip"), tip, column.getId() + " is translated");
                assertEquals(korean.getString(column.getId()), header.getText());
            }
        });
    }

    /**
     * JavaFX's "+" at the end of the header row opens the choice of columns: pointed at, it says so in a tooltip, and a
     * screen reader hears the same words, in the window's language, which a switch reaches.
     */
    @Test
    void theColumnMenuButtonSaysWhatItDoesInBothLanguages(FxRobot robot) throws Exception {
        awaitRows(robot);
        Node button = FxState.read(() -> table(robot).lookup(".show-hide-columns-button")
                .lookup("#" + ColumnChooser.MENU_BUTTON_ID));
        assertNotNull(button, "the table shows JavaFX's column menu button, worded");
        ResourceBundle english = ResourceBundle.getBundle(I18n.BUNDLE, Locale.ENGLISH);
        ResourceBundle korean = ResourceBundle.getBundle(I18n.BUNDLE, I18n.KOREAN);
        FxState.check(() -> {
            assertTrue(button.isVisible());
            assertEquals(english.getString("columns.menuButton"), button.getAccessibleText());
        });
        robot.moveTo(button);
        FxState.await("the button's tooltip", () -> english.getString("columns.menuButton").equals(shownTooltip()));
        robot.interact(() -> window.i18n().setLocale(I18n.KOREAN));
        FxState.check(() -> {
            assertEquals(korean.getString("columns.menuButton"), button.getAccessibleText());
            assertEquals(korean.getString("columns.menuButton"), shownTooltip(), "the tooltip on screen follows");
        });
    }

    /** The text of the tooltip on screen, or "" (FX thread). */
    private static String shownTooltip() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst().orElse("");
    }

    @Test
    void connectionsStaysVisibleBesideAProfileBadgeAt1280AndAtTheNarrowestWindow(FxRobot robot) throws Exception {
        Label badge = FxState.read(() -> robot.lookup("#environmentBadge").queryAs(Label.class));
        FxState.check(() -> assertTrue(badge.isVisible() && badge.getText().contains("production"), badge.getText()));
        for (double width : new double[] {1280, ConsoleWindow.MIN_WIDTH}) {
            resize(robot, width);
            FxState.check(() -> {
                Button connections = robot.lookup("#connectionsButton").queryButton();
                Bounds bounds = inScene(connections);
                double sceneWidth = window.scene().getWidth();
                assertTrue(connections.isVisible() && bounds.getMinX() >= 0 && bounds.getMaxX() <= sceneWidth,
                        "Connections… at " + bounds + " in a window " + sceneWidth + " wide");
                assertTrue(connections.getWidth() >= connections.prefWidth(-1) - 0.5, "at its full width");
                assertEquals(Mnemonics.plain(connections.getText()), ((Text) connections.lookup(".text")).getText(),
                        "its text is not cut (what it shows leaves out its Alt key's mark)");
                assertTrue(inScene(badge).getMaxX() <= bounds.getMinX(), "the badge stays left of it");
                if (width == 1280) {
                    assertEquals(badge.getText(), ((Text) badge.lookup(".text")).getText(), "the badge is not cut");
                } else {
                    assertEquals(badge.getText(), badge.getTooltip().getText(),
                            "a cut badge says it all in its tooltip");
                }
            });
        }
    }

    @Test
    void theDefaultColumnsFitA1280PixelWindowWithoutScrollingSideways(FxRobot robot) throws Exception {
        awaitRows(robot);
        resize(robot, 1280);
        FxState.check(() -> {
            TableView<SessionRow> table = table(robot);
            double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            double inside = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
            ScrollBar vertical = scrollBar(table, Orientation.VERTICAL);
            double room = inside - (vertical != null && vertical.isVisible() ? vertical.getWidth() : 0);
            assertTrue(columns <= room, "columns " + columns + " px in a table with " + room + " px of room");
            ScrollBar horizontal = scrollBar(table, Orientation.HORIZONTAL);
            assertTrue(horizontal == null || !horizontal.isVisible(), "no horizontal scroll bar");
            for (String id : List.of("column.id", "column.status", "column.updated", "column.expires",
                    "column.message")) {
                assertTrue(column(table, id).isVisible(), id + " is shown by default");
            }
        });
    }

    private static ScrollBar scrollBar(TableView<?> table, Orientation orientation) {
        return table.lookupAll(".scroll-bar").stream().filter(ScrollBar.class::isInstance).map(ScrollBar.class::cast)
                .filter(s -> s.getOrientation() == orientation).findFirst().orElse(null);
    }

    private static TableColumn<SessionRow, ?> column(TableView<SessionRow> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    @Test
    void theColumnChooserShowsAndHidesColumnsAndTheChoiceIsKept(FxRobot robot) throws Exception {
        awaitRows(robot);
        TableView<SessionRow> table = FxState.read(() -> table(robot));
        assertFalse(FxState.read(() -> column(table, "column.ttl").isVisible()),
                "TTL is a click away, not shown by default");
        Node statusHeader = FxState.read(() -> robot.lookup(".column-header")
                .match(n -> n instanceof TableColumnHeader h && h.getTableColumn() != null
                        && "column.status".equals(h.getTableColumn().getId())).query());
        robot.clickOn(statusHeader, MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        FxState.check(() -> {
            ContextMenu menu = robot.listWindows().stream().filter(w -> w instanceof ContextMenu m && m.isShowing()
                    && "columnMenu".equals(m.getId())).map(ContextMenu.class::cast).findFirst()
                    .orElseThrow(() -> new AssertionError("a right-click on a header opens the column chooser"));
            CheckMenuItem ttl = (CheckMenuItem) menu.getItems().stream()
                    .filter(i -> "columnMenu-column.ttl".equals(i.getId())).findFirst().orElseThrow();
            assertEquals("TTL", ttl.getText());
            assertFalse(ttl.isSelected());
        });
        robot.clickOn("TTL");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(FxState.read(() -> column(table, "column.ttl").isVisible()), "chosen: shown");
        robot.interact(() -> column(table, "column.name").setVisible(false));

        Set<String> kept = UiPreferences.user().hiddenColumns().orElseThrow();
        Set<String> expected = new HashSet<>(ColumnChooser.HIDDEN_BY_DEFAULT);
        expected.remove("column.ttl");
        expected.add("column.name");
        assertEquals(expected, kept);

        // A window opened later shows the same columns.
        TestConsole[] second = new TestConsole[1];
        robot.interact(() -> second[0] = TestConsole.open(new Stage(), TestConsole.profile("again", REDIS.url(),
                "viewer", "production", false)));
        try {
            FxState.check(() -> {
                TableView<SessionRow> again = second[0].window().view().table();
                assertTrue(column(again, "column.ttl").isVisible());
                assertFalse(column(again, "column.name").isVisible());
                assertTrue(column(again, "column.status").isVisible());
            });
        } finally {
            robot.interact(() -> second[0].window().scene().getWindow().hide());
            second[0].close(robot);
        }
    }

    @Test
    void unreadableReasonsWrapWholeAndDashboardTitlesFitAndSubtitlesSayAllInTheirTooltip(FxRobot robot) throws Exception {
        awaitRows(robot);
        TableView<SessionRow> table = FxState.read(() -> table(robot));
        for (SessionRow row : FxState.read(() -> List.copyOf(table.getItems()))) {
            if (row.readable()) {
                continue;
            }
            robot.interact(() -> table.getSelectionModel().select(row));
            robot.interact(() -> window.scene().getRoot().layout());
            FxState.check(() -> {
                Label subtitle = robot.lookup("#detailSubtitle").queryAs(Label.class);
                assertEquals(subtitle.getText().replaceAll(" +", " ").strip(), drawn(subtitle),
                        "the reason is drawn whole, wrapped if need be");
            });
        }
        robot.interact(() -> window.view().tabs().getSelectionModel().select(1));
        FxState.await("the live tile's detail",
                () -> !robot.lookup("#kpi-live-detail").queryAs(Label.class).getText().isEmpty());
        resize(robot, 1280);
        FxState.check(() -> {
            for (Node node : robot.lookup(".tile-title").queryAll()) {
                Label title = (Label) node;
                assertEquals(title.getText(), drawn(title), "a tile's title is drawn whole at 1280 pixels");
            }
            for (Node node : robot.lookup(".tile-detail").queryAll()) {
                Label detail = (Label) node;
                if (detail.getId() != null) {
                    assertEquals(detail.getText(), detail.getTooltip().getText(), detail.getId());
                }
            }
        });
        // the whole dashboard in a 1280 × 800 window, in either language, without a scroll bar
        robot.interact(() -> stage.setHeight(800));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.KOREAN)) {
            robot.interact(() -> window.i18n().setLocale(locale));
            robot.interact(() -> window.scene().getRoot().layout());
            FxState.check(() -> {
                ScrollPane dashboard = window.view().dashboard();
                assertTrue(dashboard.getContent().getLayoutBounds().getHeight()
                        <= dashboard.getViewportBounds().getHeight() + 0.5, locale + ": the dashboard scrolls, "
                        + dashboard.getContent().getLayoutBounds().getHeight() + " px in "
                        + dashboard.getViewportBounds().getHeight());
            });
        }
    }
}
