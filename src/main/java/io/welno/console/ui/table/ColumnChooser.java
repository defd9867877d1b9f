package io.welno.console.ui.table;

import io.welno.console.ui.common.I18n;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;

/**
 * Which of the table's columns are shown. The default set fits a 1280-pixel window without scrolling sideways; the
 * rest are a right-click on any column header away (or the table's +, or a key: {@link #show()}), and the choice is
 * kept between runs.
 */
public final class ColumnChooser {

    /** The id of the button over JavaFX's + (what a screen reader and the Tab key reach). */
    public static final String MENU_BUTTON_ID = "columnMenuButton";

    /**
     * Shown only on request (the detail pane has them for the selected session): what is left, with the last message
     * taking the rest, fits the table's share of a 1280-pixel window in both languages.
     */
    public static final Set<String> HIDDEN_BY_DEFAULT = Set.of("column.progress", "column.provider", "column.partner",
            "column.age", "column.ttl");

    private final TableView<?> table;
    private final ContextMenu menu;

    private ColumnChooser(TableView<?> table, ContextMenu menu) {
        this.table = table;
        this.menu = menu;
    }

    /**
     * @param saved the user's earlier choice (hidden column ids), empty for the defaults
     * @param save  called with the hidden column ids whenever the user shows or hides one
     */
    public static ColumnChooser install(TableView<?> table, I18n i18n, Optional<Set<String>> saved,
                                        Consumer<Set<String>> save) {
        Set<String> hidden = saved.orElse(HIDDEN_BY_DEFAULT);
        ContextMenu menu = new ContextMenu();
        menu.setId("columnMenu");
        for (TableColumn<?, ?> column : table.getColumns()) {
            column.setVisible(!hidden.contains(column.getId()));
            CheckMenuItem item = new CheckMenuItem();
            item.setId("columnMenu-" + column.getId());
            item.textProperty().bind(column.textProperty());
            item.selectedProperty().bindBidirectional(column.visibleProperty());
            menu.getItems().add(item);
            column.visibleProperty().addListener((o, was, now) -> {
                if (!now && table.getVisibleLeafColumns().isEmpty()) {
                    column.setVisible(true); // the last column stays: a table without columns cannot be right-clicked
                    return;
                }
                save.accept(hiddenIds(table));
            });
        }
        MenuItem reset = new MenuItem();
        reset.setId("columnMenu-reset");
        reset.textProperty().bind(i18n.text("columns.reset"));
        reset.setOnAction(e -> table.getColumns().forEach(c -> c.setVisible(!HIDDEN_BY_DEFAULT.contains(c.getId()))));
        menu.getItems().addAll(new SeparatorMenuItem(), reset);
        ColumnChooser chooser = new ColumnChooser(table, menu);
        chooser.replaceMenuButton(i18n);
        table.skinProperty().addListener((o, was, now) -> chooser.replaceMenuButton(i18n));
        // A right-click on the header row is about columns, not about a session (the table's own menu). The press
        // opens it (platforms differ in when they send the context-menu request, some send none); the request that
        // may follow only must not open the sessions' menu.
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            if (event.getButton() == MouseButton.SECONDARY && onHeader(event.getPickResult().getIntersectedNode(), table)) {
                menu.show(table, event.getScreenX(), event.getScreenY());
                event.consume();
            }
        });
        table.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> {
            if (onHeader(event.getPickResult().getIntersectedNode(), table)) {
                if (!menu.isShowing()) {
                    menu.show(table, event.getScreenX(), event.getScreenY());
                }
                event.consume();
            }
        });
        return chooser;
    }

    /** Opens the choice of columns below the header row's + (the keyboard's way to it; see MainView's shortcuts). */
    public void show() {
        Node corner = table.lookup(".show-hide-columns-button");
        Node anchor = corner != null && corner.isVisible() && corner.getScene() != null ? corner : table;
        menu.show(anchor, anchor == corner ? Side.BOTTOM : Side.TOP, 0, 0);
    }

    /**
     * JavaFX's own "+" at the end of the header row is a bare region that opens its menu on a mouse press only: a
     * screen reader's "press" and the keyboard could not reach it. A real button laid over it, focusable and worded
     * (tooltip and accessible text, in the window's language), opens this chooser's menu, the same for the mouse, the
     * keyboard (Space, after Tab from the table) and assistive technology. The table's skin makes the region, so this
     * waits for the skin (a new skin makes a new region).
     */
    private void replaceMenuButton(I18n i18n) {
        if (!(table.lookup(".show-hide-columns-button") instanceof Pane corner)
                || corner.lookup("#" + MENU_BUTTON_ID) != null) {
            return;
        }
        Button button = new Button();
        button.setId(MENU_BUTTON_ID);
        button.getStyleClass().add("column-menu-button");
        // Over the whole +, sized here: the header row lays out its corner itself and left a managed child 0 x 0
        // (no frame to see when focused, nothing to click)
        button.setManaged(false);
        corner.layoutBoundsProperty().addListener((o, was, now) -> button.resizeRelocate(0, 0, now.getWidth(),
                now.getHeight()));
        button.resizeRelocate(0, 0, corner.getWidth(), corner.getHeight());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.text("columns.menuButton"));
        button.setTooltip(tip);
        button.accessibleTextProperty().bind(i18n.text("columns.menuButton"));
        button.setOnAction(e -> show());
        corner.getChildren().add(button);
    }

    private static boolean onHeader(Node node, TableView<?> table) {
        for (Node at = node; at != null && at != table; at = at.getParent()) {
            if (at instanceof TableColumnHeader || at.getStyleClass().contains("column-header-background")) {
                return true;
            }
        }
        return false;
    }

    static Set<String> hiddenIds(TableView<?> table) {
        Set<String> ids = new LinkedHashSet<>();
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (!column.isVisible()) {
                ids.add(column.getId());
            }
        }
        return ids;
    }
}
