package io.welno.console.ui.table;

import io.welno.console.store.FileCopy;
import io.welno.console.view.SessionRow;
import io.welno.console.live.ChangeKind;
import io.welno.console.live.FeedBatch;
import io.welno.console.live.FeedListener;
import io.welno.console.live.FeedMode;
import io.welno.console.live.FileFallbackFeed;
import io.welno.console.live.LatestById;
import io.welno.console.live.SessionChange;
import io.welno.console.text.Phrase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Carries feed output to the FX thread without flooding it: rows are built on the feed's thread, queued,
 * and drained once per frame by {@link #drain} (an animation pulse calls it), merged so each session
 * appears at most once per frame.
 */
public final class FeedBridge implements FeedListener {

    /** Rows of a batch, or (rows null) places that changed, queued in the order the feed told them. */
    private record Pending(List<SessionTableModel.RowChange> changes, List<FileFallbackFeed.Place> places) {
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    /** The latest place of each session with a file (profile with a fallback folder), put on rows as they are built. */
    private final Map<String, FileCopy> places = new ConcurrentHashMap<>();
    private volatile FeedMode mode = FeedMode.CONNECTING;
    private volatile Phrase modeDetail = Phrase.of("feed.notStarted");
    private volatile long snapshotLoaded;
    private volatile boolean snapshotDone;
    private final Clock clock;

    public FeedBridge() {
        this(Clock.systemUTC());
    }

    /** @param clock what stamps the changes with the moment the feed handed them on (a session's end is that moment) */
    public FeedBridge(Clock clock) {
        this.clock = clock;
    }
    /** Who hears each frame's changed sessions (FX thread only). */
    private final List<Consumer<Collection<String>>> frameListeners = new ArrayList<>();

    @Override
    public void onBatch(FeedBatch batch) {
        List<SessionTableModel.RowChange> rows = new ArrayList<>(batch.changes().size());
        // within a batch window of the key's event: a deletion held while the table is paused ends at this moment
        Instant seen = clock.instant();
        long nowNanos = System.nanoTime();
        for (SessionChange change : batch.changes()) {
            // The TTL counts down from when Redis gave it, not from now: a resync's chunk may have waited seconds
            // for its batch, and counted from now an unchanged session reads as one whose expiry a write pushed out.
            SessionRow row = change.session() == null ? null
                    : SessionRow.of(change.session(), seen.minusNanos(change.session().ageNanos(nowNanos)),
                            change.fromSnapshot()).withPlace(places.get(change.id()));
            rows.add(new SessionTableModel.RowChange(change.kind(), change.id(), row, seen,
                    change.kind().ended() && change.fromSnapshot()));
        }
        queue.add(new Pending(rows, null));
    }

    /**
     * Places against the fallback folder that changed ({@link FileFallbackFeed}); they come after the rows they
     * belong to, on the feed's thread.
     */
    @Override
    public void onPlaces(List<FileFallbackFeed.Place> changed) {
        for (FileFallbackFeed.Place place : changed) {
            if (place.copy().where() == FileCopy.Where.REDIS_ONLY) {
                places.remove(place.id());
            } else {
                places.put(place.id(), place.copy());
            }
        }
        queue.add(new Pending(null, List.copyOf(changed)));
    }

    @Override
    public void onModeChanged(FeedMode newMode, Phrase detail) {
        modeDetail = detail == null ? Phrase.of("feed.notStarted") : detail;
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
        LatestById<SessionTableModel.RowChange> merged = new LatestById<>();
        Pending next;
        while ((next = queue.poll()) != null) {
            if (next.places() != null) {
                replacePlaces(model, merged, next.places());
                continue;
            }
            for (SessionTableModel.RowChange c : next.changes()) {
                merged.put(c.id(), c);
            }
        }
        if (merged.isEmpty()) {
            return false;
        }
        List<SessionTableModel.RowChange> changes = merged.values();
        model.apply(changes);
        if (!frameListeners.isEmpty()) {
            List<String> ids = new ArrayList<>(changes.size());
            for (SessionTableModel.RowChange c : changes) {
                ids.add(c.id());
            }
            Collection<String> told = Collections.unmodifiableList(ids);
            for (Consumer<Collection<String>> listener : List.copyOf(frameListeners)) {
                listener.accept(told);
            }
        }
        return true;
    }

    /**
     * Tells {@code listener}, on the FX thread once per frame, the ids of the sessions that frame's changes were about
     * (written, ended, deleted, or their place against the fallback folder), also while the table is paused: what
     * must stay true of some sessions while it is on screen (a bulk dialog's preview) looks up just those, never every
     * row. Returns what stops it.
     */
    public Runnable onFrameChanges(Consumer<Collection<String>> listener) {
        frameListeners.add(listener);
        return () -> frameListeners.remove(listener);
    }

    /** A place that changed becomes an update of the row it belongs to (queued in this frame, or in the model). */
    private static void replacePlaces(SessionTableModel model, LatestById<SessionTableModel.RowChange> merged,
                                      List<FileFallbackFeed.Place> changed) {
        for (FileFallbackFeed.Place place : changed) {
            SessionTableModel.RowChange queued = merged.get(place.id());
            SessionRow row = queued != null ? queued.row() : model.row(place.id());
            if (row == null || row.isEnded()) {
                continue; // no row yet (it comes with its place on it) or it ended
            }
            SessionRow placed = row.withPlace(place.copy());
            if (placed != row) {
                merged.put(place.id(), new SessionTableModel.RowChange(
                        queued != null ? queued.kind() : ChangeKind.UPDATED, place.id(), placed));
            }
        }
    }

    public FeedMode mode() {
        return mode;
    }

    /** What the feed says about its mode; the window words it ({@code Wording.window}). */
    public Phrase modeDetail() {
        return modeDetail;
    }

    public long snapshotLoaded() {
        return snapshotLoaded;
    }

    public boolean snapshotDone() {
        return snapshotDone;
    }

}
