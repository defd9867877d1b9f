package io.welno.console.ui.detail;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * A list that keeps what its reader looks at while its items and its height change: the newest (last) item, or the
 * item at the top of the view at the height it had.
 *
 * <p>A scroll asked for before a layout lands on a stale item count or size, one within the layout that resizes the
 * flow is undone by it, and one over cells never measured lands on an estimate. So the list notes what to keep
 * before a change (or before a layout that resizes it) and, after each of the next few layouts, moves the view by
 * what the flow placed differently, until it holds. A list at its newest item stays there when it is resized (the
 * pane's first layout gives it its full height before the window's). The reader's own scroll, click or key ends the
 * keeping at once: the view is theirs, and a check after it would have scrolled it back.
 */
final class ReadingList<T> extends ListView<T> {

    /** Layouts a kept place is checked after; the flow's estimates settle within a couple. */
    private static final int CHECKS = 4;
    private static final double PIXEL = 0.5;

    /** What to keep: the item at {@code index} with its top at {@code y} in the flow, or the newest item. */
    private record Place(int index, double y) {
        static final Place NEWEST = new Place(-1, 0);
    }

    private VirtualFlow<?> flow;
    private double laidOutHeight = -1;
    /** Noted before a change, taken up by the next layout. */
    private Place pending;
    private Place kept;
    private Check check;
    private int checksLeft;

    ReadingList() {
        addEventFilter(ScrollEvent.ANY, e -> letGo());
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> letGo());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> letGo());
    }

    /** Whether the newest item is in view (or nothing was laid out yet). */
    boolean showsNewest() {
        IndexedCell<?> last = flow() == null ? null : flow().getLastVisibleCell();
        return last == null || last.getIndex() >= getItems().size() - 1;
    }

    /** Call before changing the items: the newest item is what the reader sees afterwards. */
    void keepNewest() {
        keep(Place.NEWEST);
    }

    /** Call before changing the items: the item at the top of the view stays there, at the same height. */
    void keepPlace() {
        keep(place());
    }

    private void keep(Place place) {
        pending = place;
        requestLayout();
    }

    private Place place() {
        IndexedCell<?> first = flow() == null ? null : flow().getFirstVisibleCell();
        // the flow counts a cell that ends right at the top (less than a pixel of it in view) as visible
        while (first != null && top(first) + first.getHeight() <= PIXEL) {
            IndexedCell<?> next = flow.getVisibleCell(first.getIndex() + 1);
            if (next == null) {
                break;
            }
            first = next;
        }
        return first == null ? Place.NEWEST : new Place(first.getIndex(), top(first));
    }

    @Override
    protected void layoutChildren() {
        if (pending == null && getHeight() != laidOutHeight) {
            pending = showsNewest() ? Place.NEWEST : place();
        }
        super.layoutChildren();
        laidOutHeight = getHeight();
        if (pending != null && getScene() != null) {
            kept = pending;
            pending = null;
            checksLeft = CHECKS;
            if (check == null) {
                check = new Check(getScene());
                check.scene.addPostLayoutPulseListener(check);
            }
        }
    }

    /** After a pulse's layout, when the flow has placed its cells. */
    private void hold() {
        VirtualFlow<?> cells = flow();
        int newest = getItems().size() - 1;
        if (checksLeft-- <= 0 || cells == null || newest < 0 || kept.index() > newest) {
            stop();
        } else if (kept == Place.NEWEST) {
            IndexedCell<?> last = cells.getLastVisibleCell();
            double below = last == null ? 0 : top(last) + last.getHeight() - viewport(cells);
            if (last == null || last.getIndex() != newest) {
                // the flow's own scroll: for the last index it goes to its very end; the list's scrollTo puts the
                // item at the top by the estimated sizes, and at some heights stopped one item short, every time
                cells.scrollTo(newest);
            } else if (below > PIXEL) {
                cells.scrollPixels(below); // in view but cut off at the bottom: exact, the cell is measured
            } else {
                stop();
            }
        } else {
            IndexedCell<?> cell = cells.getVisibleCell(kept.index());
            double moved = cell == null ? 0 : top(cell) - kept.y();
            if (cell == null) {
                scrollTo(kept.index()); // at the top now; the next check moves it to its height
            } else if (Math.abs(moved) > PIXEL) {
                cells.scrollPixels(moved);
            } else {
                stop();
            }
        }
    }

    /** The reader moves the view: nothing noted is kept any more. */
    private void letGo() {
        pending = null;
        stop();
    }

    private void stop() {
        Check stopped = check;
        check = null;
        checksLeft = 0;
        if (stopped != null) {
            // not while the scene runs its listeners; until then it does nothing
            Platform.runLater(() -> stopped.scene.removePostLayoutPulseListener(stopped));
        }
    }

    private double top(IndexedCell<?> cell) {
        return flow.sceneToLocal(cell.localToScene(0, 0)).getY();
    }

    /** The height the flow shows cells in (without a horizontal scroll bar). */
    private static double viewport(VirtualFlow<?> cells) {
        Node clipped = cells.lookup(".clipped-container");
        return clipped == null ? cells.getHeight() : clipped.getLayoutBounds().getHeight();
    }

    /** The skin's flow, looked up once per skin. */
    private VirtualFlow<?> flow() {
        if (flow == null || flow.getScene() == null) {
            flow = lookup(".virtual-flow") instanceof VirtualFlow<?> found ? found : null;
        }
        return flow;
    }

    private final class Check implements Runnable {
        private final Scene scene;

        Check(Scene scene) {
            this.scene = scene;
        }

        @Override
        public void run() {
            if (check == this) {
                hold();
            }
        }
    }
}
