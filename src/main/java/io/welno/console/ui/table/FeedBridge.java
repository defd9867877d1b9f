package io.welno.console.ui.table;

import io.welno.console.view.SessionRow;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.FeedListener;
import io.welno.console.live.FeedMode;
import io.welno.console.live.SessionChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Carries feed output to the FX thread without flooding it: rows are built on the feed's thread, queued,
 * and drained once per frame by {@link #drain} (an animation pulse calls it), merged so each session
 * appears at most once per frame.
 */
public final class FeedBridge implements FeedListener {

    private record Pending(List<SessionTableModel.RowChange> changes, boolean fromSnapshot) {
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private volatile FeedMode mode = FeedMode.CONNECTING;
    private volatile String modeDetail = "";
    private volatile long snapshotLoaded;
    private volatile boolean snapshotDone;

    @Override
    public void onBatch(FeedBatch batch) {
        List<SessionTableModel.RowChange> rows = new ArrayList<>(batch.changes().size());
        for (SessionChange change : batch.changes()) {
            rows.add(new SessionTableModel.RowChange(change.kind(), change.id(),
                    change.session() == null ? null : SessionRow.of(change.session())));
        }
        queue.add(new Pending(rows, batch.fromSnapshot()));
    }

    @Override
    public void onModeChanged(FeedMode newMode, String detail) {
        modeDetail = detail == null ? "" : detail;
        mode = newMode;
    }

    @Override
    public void onSnapshotProgress(long loaded, boolean done) {
        snapshotLoaded = loaded;
        snapshotDone = done;
    }

    /**
     * Applies everything queued since the last frame to the model; runs on the FX thread.
     *
     * @return whether there was anything to apply
     */
    public boolean drain(SessionTableModel model) {
        Map<String, SessionTableModel.RowChange> merged = new LinkedHashMap<>();
        boolean fromSnapshot = false;
        Pending next;
        while ((next = queue.poll()) != null) {
            fromSnapshot |= next.fromSnapshot();
            for (SessionTableModel.RowChange c : next.changes()) {
                merged.put(c.id(), c);
            }
        }
        if (merged.isEmpty()) {
            return false;
        }
        model.apply(new ArrayList<>(merged.values()), fromSnapshot);
        return true;
    }

    public FeedMode mode() {
        return mode;
    }

    public String modeDetail() {
        return modeDetail;
    }

    public long snapshotLoaded() {
        return snapshotLoaded;
    }

    public boolean snapshotDone() {
        return snapshotDone;
    }

}
