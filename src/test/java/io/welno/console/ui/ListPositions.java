package io.welno.console.ui;

import io.welno.console.testing.FxState;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;

/** Where a list's view stands, read on the FX thread: for the tests of lists that keep their reader's place. */
public final class ListPositions {

    private ListPositions() {
    }

    public static VirtualFlow<?> flow(ListView<?> list) {
        return (VirtualFlow<?>) list.lookup(".virtual-flow");
    }

    /** The first item with more than a pixel on screen (the flow counts one that ends at the top as visible). */
    public static int firstVisible(ListView<?> list) throws Exception {
        return FxState.read(() -> {
            VirtualFlow<?> flow = flow(list);
            IndexedCell<?> first = flow.getFirstVisibleCell();
            while (flow.sceneToLocal(first.localToScene(0, first.getHeight())).getY() <= 0.5
                    && flow.getVisibleCell(first.getIndex() + 1) != null) {
                first = flow.getVisibleCell(first.getIndex() + 1);
            }
            return first.getIndex();
        });
    }

    public static int lastVisible(ListView<?> list) throws Exception {
        return FxState.read(() -> flow(list).getLastVisibleCell().getIndex());
    }
}
