package io.welno.console.ui.common;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The context menu key and Shift+F10 open a table's row menu, at its selected row. JavaFX opens a control's menu when
 * the platform asks for one, and only Windows asks on these keys: on Linux (GTK) a menu came from the right mouse
 * button alone, so a keyboard user never reached what the menu offers (a session's raw JSON, an alert's
 * acknowledgement). The keys ask here the way the platform does; where it asks as well, the second request finds the
 * menu open and is dropped, so the menu does not open twice.
 */
public final class RowMenuKeys {

    private RowMenuKeys() {
    }

    public static void install(TableView<?> table) {
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            boolean menuKey = event.getCode() == KeyCode.CONTEXT_MENU
                    || event.getCode() == KeyCode.F10 && event.isShiftDown() && !event.isShortcutDown()
                    && !event.isAltDown();
            if (menuKey && table.getContextMenu() != null) {
                event.consume();
                Point2D at = anchor(table);
                Point2D local = table.screenToLocal(at);
                Event.fireEvent(table, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                        local == null ? 0 : local.getX(), local == null ? 0 : local.getY(), at.getX(), at.getY(),
                        true, null));
            }
        });
        table.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> {
            if (event.isKeyboardTrigger() && table.getContextMenu() != null && table.getContextMenu().isShowing()) {
                event.consume();
            }
        });
    }

    /** Under the selected row when it is on screen (where the eye already is), otherwise at the table's middle. */
    private static Point2D anchor(TableView<?> table) {
        int selected = table.getSelectionModel().getSelectedIndex();
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof IndexedCell<?> row && row.getIndex() == selected && selected >= 0
                    && row.isVisible()) {
                Bounds bounds = row.localToScreen(row.getBoundsInLocal());
                if (bounds != null) {
                    return new Point2D(bounds.getMinX() + 24, bounds.getMaxY());
                }
            }
        }
        Bounds whole = table.localToScreen(table.getBoundsInLocal());
        return whole == null ? Point2D.ZERO : new Point2D(whole.getCenterX(), whole.getCenterY());
    }
}
