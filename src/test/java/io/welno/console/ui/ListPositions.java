package io.welno.console.ui;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import org.testfx.util.WaitForAsyncUtils;

/** Where a list's view stands, read on the FX thread: for the tests of lists that keep their reader's place. */
public final class ListPositions {

    private ListPositions() {
    }

    public static VirtualFlow<?> flow(ListView<?> list) {
        return (VirtualFlow<?>) list.lookup(".virtual-flow");
    }

    /** The first item with more than a pixel on screen (the flow counts one that ends at the top as visible). */
    public static int firstVisible(ListView<?> list) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            VirtualFlow<?> flow = flow(list);
            IndexedCell<?> first = flow.getFirstVisibleCell();
            while (flow.sceneToLocal(first.localToScene(0, first.getHeight())).getY() <= 0.5
                    && flow.getVisibleCell(first.getIndex() + 1) != null) {
                first = flow.getVisibleCell(first.getIndex() + 1);
            }
            return first.getIndex();
        }).get(60, TimeUnit.SECONDS);
    }

    public static int lastVisible(ListView<?> list) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> flow(list).getLastVisibleCell().getIndex()).get(60, TimeUnit.SECONDS);
    }
}
