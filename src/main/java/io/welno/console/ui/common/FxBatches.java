package io.welno.console.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Items that arrive on any thread, handed to the FX thread together: one {@code runLater} for all that came since
 * the last hand-over, so a burst (a bulk run's hundreds of results a second, the audit tail behind it) costs the FX
 * thread one pass, not one queued task per item.
 */
public final class FxBatches<T> {

    private final Queue<T> arriving = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handOverQueued = new AtomicBoolean();
    private final Consumer<List<T>> onFx;

    /** @param onFx takes each batch on the FX thread, in the order the items arrived; never an empty one */
    public FxBatches(Consumer<List<T>> onFx) {
        this.onFx = onFx;
    }

    /** From any thread. */
    public void add(T item) {
        arriving.add(item);
        if (handOverQueued.compareAndSet(false, true)) {
            Platform.runLater(this::handOver);
        }
    }

    private void handOver() {
        handOverQueued.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = arriving.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            onFx.accept(batch);
        }
    }
}
