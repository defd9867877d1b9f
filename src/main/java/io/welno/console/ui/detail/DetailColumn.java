package io.welno.console.ui.detail;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * The detail pane's column: the header, the part between it and the tabs (warnings, actions, stepper, facts), and
 * the tabs. The tabs take the height the part above leaves them, but never less than {@code tabsLeast}: when that
 * part is taller (a long warning, a narrow or low window) it scrolls on its own instead of squeezing the tabs to
 * their headers. The tabs are not put in a scroll pane themselves, so the timeline and the raw JSON keep their own
 * scrolling, and the header stays in view.
 *
 * <p>A VBox cannot say this: when it is short of room it takes the same share from every child that can shrink.
 */
final class DetailColumn extends Region {

    private final Node header;
    private final Region middle;
    private final ScrollPane middleScroller;
    private final Region tabs;
    private final double gap;
    private final double tabsLeast;
    /** A control reached by the keyboard in the scrolled part is scrolled into view (a ScrollPane does not). */
    private final ChangeListener<Node> focusFollower = (o, was, now) -> scrollToShow(now);

    DetailColumn(Node header, Region middle, Region tabs, double gap, double tabsLeast) {
        this.header = header;
        this.middle = middle;
        this.tabs = tabs;
        this.gap = gap;
        this.tabsLeast = tabsLeast;
        middleScroller = new ScrollPane(middle);
        middleScroller.setFitToWidth(true);
        middleScroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        middleScroller.setId("detailScroller");
        middleScroller.getStyleClass().add("detail-scroller");
        tabs.setMinHeight(tabsLeast);
        getChildren().addAll(header, middleScroller, tabs);
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.focusOwnerProperty().removeListener(focusFollower);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(focusFollower);
            }
        });
    }

    private void scrollToShow(Node node) {
        if (node == null || !isIn(node, middle)) {
            return;
        }
        double content = middle.getLayoutBounds().getHeight();
        double view = middleScroller.getViewportBounds().getHeight();
        if (content <= view) {
            return;
        }
        Bounds shown = middle.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double top = (content - view) * middleScroller.getVvalue();
        if (shown.getMinY() < top) {
            middleScroller.setVvalue(shown.getMinY() / (content - view));
        } else if (shown.getMaxY() > top + view) {
            middleScroller.setVvalue(Math.min(1, (shown.getMaxY() - view) / (content - view)));
        }
    }

    private static boolean isIn(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    ScrollPane middleScroller() {
        return middleScroller;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double width = getWidth() - in.getLeft() - in.getRight();
        double y = in.getTop();
        double room = getHeight() - in.getTop() - in.getBottom();

        double headerHeight = snapSizeY(header.prefHeight(width));
        layoutInArea(header, x, y, width, headerHeight, 0, HPos.LEFT, VPos.TOP);
        y += headerHeight + gap;
        room -= headerHeight + 2 * gap;

        // the part above keeps its whole height while the tabs can have their least; beyond that it scrolls
        Insets chrome = middleScroller.getInsets(); // none with the console's style sheet; the default theme has some
        double middleWanted = snapSizeY(middle.prefHeight(width - chrome.getLeft() - chrome.getRight())
                + chrome.getTop() + chrome.getBottom());
        double tabsHeight = snapSizeY(Math.max(tabsLeast, room - middleWanted));
        double middleHeight = Math.max(0, room - tabsHeight);
        middleScroller.resizeRelocate(x, y, width, middleHeight);
        tabs.resizeRelocate(x, y + middleHeight + gap, width, tabsHeight);
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? -1 : width - getInsets().getLeft() - getInsets().getRight();
        Insets chrome = middleScroller.getInsets();
        return getInsets().getTop() + header.prefHeight(inner) + gap + middle.prefHeight(inner) + chrome.getTop()
                + chrome.getBottom() + gap + tabs.prefHeight(inner) + getInsets().getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        double inner = width < 0 ? -1 : width - getInsets().getLeft() - getInsets().getRight();
        return getInsets().getTop() + header.prefHeight(inner) + 2 * gap + tabsLeast + getInsets().getBottom();
    }

    @Override
    protected double computePrefWidth(double height) {
        return getInsets().getLeft() + Math.max(header.prefWidth(-1), Math.max(middle.prefWidth(-1),
                tabs.prefWidth(-1))) + getInsets().getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        return getInsets().getLeft() + Math.max(header.minWidth(-1), tabs.minWidth(-1)) + getInsets().getRight();
    }
}
