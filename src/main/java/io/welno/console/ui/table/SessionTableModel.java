package io.welno.console.ui.table;

import io.welno.console.view.Bucket;
import io.welno.console.view.SessionRow;
import io.welno.console.view.ExpiryTally;
import io.welno.console.view.SessionStarts;
import io.welno.console.view.StuckExplanation;
import io.welno.console.view.StuckTally;
import io.welno.console.text.Phrase;
import io.welno.console.live.ChangeKind;
import io.welno.console.live.LatestById;
import io.welno.console.session.AuthProvider;
import io.welno.console.session.StuckPolicy;
import io.welno.console.session.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The session table's view model, owned by the FX thread. Rows arrive as already-built
 * {@link RowChange}s (built off the FX thread) once per frame; a frame's changes are merged into the
 * filtered, sorted {@link SortedRowView} in one pass, and the bucket counts are published once.
 *
 * <p>The bucket counts follow the provider and partner filters (the choices that stay on screen beside them), not
 * the search; {@link #liveCountProperty()} counts every live session whatever is filtered.
 *
 * <p>Some 450 lines on purpose: a frame's merge, the bucket counts and the filter are one pass over the same
 * rows (split, each part would walk up to 100,000 rows again every frame), and a sixth of the class is the properties
 * the toolbar and the buckets bind to.
 */
public final class SessionTableModel {

    /**
     * One change to apply: a new row for ADDED/UPDATED, null for REMOVED/EXPIRED.
     *
     * @param seenAt      when the feed handed the change on (null: when it is applied). A session's end is this
     *                    moment, not the one it is applied at: held while the table is paused, a deletion would
     *                    otherwise end the session at the resume
     * @param foundByPass an end found by reading every session again (a resync after a reconnect, say), not told as
     *                    it happened: the session went at some time before {@code seenAt}, which is only when it was
     *                    found gone
     */
    public record RowChange(ChangeKind kind, String id, SessionRow row, Instant seenAt, boolean foundByPass) {
        public RowChange(ChangeKind kind, String id, SessionRow row) {
            this(kind, id, row, null, false);
        }
    }

    public static final int ENDED_CAPACITY = 500;

    private final ArrayList<SessionRow> master = new ArrayList<>();
    private final SortedRowView shown = new SortedRowView();
    private final Map<String, Integer> index = new HashMap<>();
    private final Deque<String> endedOrder = new ArrayDeque<>();
    private final Map<Bucket, IntegerProperty> counts = new LinkedHashMap<>();
    private final ObservableList<String> partners = FXCollections.observableArrayList();
    private final Set<String> partnerSet = new TreeSet<>();

    private final ObjectProperty<Bucket> bucket = new SimpleObjectProperty<>(Bucket.ALL);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<AuthProvider> provider = new SimpleObjectProperty<>();
    private final StringProperty partner = new SimpleStringProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final IntegerProperty pendingUpdates = new SimpleIntegerProperty();
    private final IntegerProperty liveCount = new SimpleIntegerProperty();
    /** False while the feed is neither live nor polling: the rows and counts are the last ones read. */
    private final BooleanProperty following = new SimpleBooleanProperty(true);

    /** Changes held while paused: the latest per session, in the order they first came. */
    private final LatestById<RowChange> pending = new LatestById<>();
    private final Map<Bucket, Integer> countDeltas = new HashMap<>();
    private int liveDelta;
    /** The provider and partner filters: what the bucket counts follow. */
    private Predicate<SessionRow> facet = row -> true;
    private final ZoneId zone;
    /** The guards' clock reading: the backend's wall-clock time to the microsecond. */
    private final Timestamps timestamps;
    private StuckPolicy stuckPolicy;
    private final StuckTally stuck;
    private final ExpiryTally expiry;
    /** Live sessions past their expires_at: keys the backend deletes on its next read (see {@link ExpiryTally}). */
    private final IntegerProperty pastExpiry = new SimpleIntegerProperty();
    /** The ids of the Following bucket. */
    private Set<String> followed = Set.of();
    /** Every session seen to start within the hour, however many ended rows are trimmed; fed as changes arrive. */
    private final SessionStarts starts = new SessionStarts();

    public SessionTableModel(StuckPolicy stuckPolicy, Clock clock, ZoneId zone) {
        this.stuckPolicy = stuckPolicy;
        this.zone = zone;
        this.timestamps = new Timestamps(clock, zone);
        this.stuck = new StuckTally(master, stuckPolicy, facet, now());
        this.expiry = new ExpiryTally(now());
        for (Bucket b : Bucket.standard()) {
            counts.put(b, new SimpleIntegerProperty());
        }
        refilter();
        bucket.addListener((o, a, b) -> refilter());
        search.addListener((o, was, now) -> {
            // The stuck bucket grows with time: rows it left out a moment ago may belong to it now.
            if (bucket.get().kind() != Bucket.Kind.STUCK && SessionRow.searchNarrows(was, now)) {
                shown.narrowFilter(predicate());
            } else {
                refilter();
            }
        });
        provider.addListener((o, a, b) -> {
            recount();
            refilter();
        });
        partner.addListener((o, a, b) -> {
            recount();
            refilter();
        });
        paused.addListener((o, wasPaused, isPaused) -> {
            if (!isPaused) {
                flushPending();
            }
        });
    }

    /**
     * Applies one frame's worth of changes, or holds them while paused. Sessions that vanished while the feed was
     * disconnected arrive as explicit REMOVED changes at the end of its resync, so nothing here has to guess.
     *
     * <p>A snapshot or resync is held too: the operator paused to read a table that stands still, and a resync brings
     * what changed while the connection was down (or pushed changes riding in its batches) like any other change.
     */
    public void apply(List<RowChange> changes) {
        LocalDateTime now = now();
        for (RowChange change : changes) {
            if (change.row() != null) {
                starts.saw(change.row(), now); // as it arrives: a pause holds back the table, not what is counted
            }
        }
        if (paused.get()) {
            changes.forEach(this::hold);
            pendingUpdates.set(pending.size());
            return;
        }
        applyNow(changes);
    }

    /**
     * Holds a change for the resume, the latest per session, so that "N new updates" counts the sessions resuming
     * would change: nothing is held for a change that leaves the session as the table shows it — the end of a session
     * the table does not show live (it came while paused, or had ended already), or a reading of a live session with
     * the same value (a resync reads every session again) — and a change back to what is shown forgets the one held.
     */
    private void hold(RowChange change) {
        SessionRow shownNow = row(change.id());
        boolean changesNothing = change.kind().ended()
                ? shownNow == null || shownNow.isEnded()
                : shownNow != null && shownNow.showsTheSameAs(change.row());
        if (changesNothing) {
            pending.remove(change.id());
        } else {
            pending.put(change.id(), change);
        }
    }

    private void flushPending() {
        List<RowChange> queued = pending.drain();
        pendingUpdates.set(0);
        applyNow(queued);
    }

    private void applyNow(List<RowChange> changes) {
        countDeltas.clear();
        List<SessionRow> removed = new ArrayList<>();
        List<SessionRow> added = new ArrayList<>();
        for (RowChange change : changes) {
            Integer at = index.get(change.id());
            SessionRow current = at == null ? null : master.get(at);
            if (change.kind().ended()) {
                if (current != null && !current.isEnded()) {
                    count(current, -1);
                    stuck.remove(current);
                    expiry.remove(current);
                    SessionRow ended = ended(current, change);
                    master.set(at, ended);
                    removed.add(current);
                    added.add(ended);
                    endedOrder.add(change.id());
                }
                continue;
            }
            SessionRow row = change.row();
            notePartner(row);
            if (current == null) {
                index.put(change.id(), master.size());
                master.add(row);
            } else {
                if (current.isEnded()) {
                    endedOrder.remove(change.id());
                } else {
                    count(current, -1);
                    stuck.remove(current);
                    expiry.remove(current);
                }
                master.set(at, row);
                removed.add(current);
            }
            added.add(row);
            count(row, +1);
            stuck.add(row);
            expiry.add(row);
        }
        trimEnded(removed);
        shown.apply(removed, added);
        counts.get(Bucket.ENDED).set(endedInFacet());
        counts.get(Bucket.STUCK).set(stuck.count()); // at the last tick's time
        pastExpiry.set(expiry.past());
        publishCounts();
    }

    /**
     * {@code row} ended by {@code change}: seen to go when the feed handed the change on, or found gone then by a pass
     * ({@link RowChange#foundByPass}).
     */
    private SessionRow ended(SessionRow row, RowChange change) {
        LocalDateTime seen = change.seenAt() == null ? now() : LocalDateTime.ofInstant(change.seenAt(), zone);
        return row.ended(change.kind(), seen, change.foundByPass());
    }

    /** The ended rows that pass the provider and partner filters (at most {@link #ENDED_CAPACITY} to look at). */
    private int endedInFacet() {
        if (!facetActive()) {
            return endedOrder.size();
        }
        int n = 0;
        for (String id : endedOrder) {
            SessionRow row = row(id);
            if (row != null && facet.test(row)) {
                n++;
            }
        }
        return n;
    }

    /** Whether a provider or partner is chosen: the bucket counts then cover only its sessions. */
    public boolean facetActive() {
        return provider.get() != null || (partner.get() != null && !partner.get().isEmpty());
    }

    /** Counts every bucket again for a new provider or partner filter: one pass over the rows. */
    private void recount() {
        AuthProvider p = provider.get();
        String part = partner.get();
        facet = row -> (p == null || row.provider() == p) && (part == null || part.isEmpty() || part.equals(row.partner()));
        Map<Bucket, Integer> fresh = new HashMap<>();
        for (SessionRow row : master) {
            if (!row.isEnded() && facet.test(row)) {
                fresh.merge(Bucket.ALL, 1, Integer::sum);
                fresh.merge(Bucket.statusBucketOf(row), 1, Integer::sum);
            }
        }
        counts.forEach((b, count) -> {
            if (b.kind() != Bucket.Kind.STUCK && b.kind() != Bucket.Kind.ENDED) {
                count.set(fresh.getOrDefault(b, 0));
            }
        });
        counts.get(Bucket.ENDED).set(endedInFacet());
        stuck.recount(stuckPolicy, facet, now());
        tick();
    }

    /** Drops the oldest ended rows beyond the capacity, with one re-index. */
    private void trimEnded(List<SessionRow> removed) {
        Set<Integer> drop = new HashSet<>();
        while (endedOrder.size() > ENDED_CAPACITY) {
            Integer at = index.remove(endedOrder.removeFirst());
            if (at != null) {
                drop.add(at);
                removed.add(master.get(at));
            }
        }
        if (!drop.isEmpty()) {
            int kept = 0;
            for (int i = 0; i < master.size(); i++) {
                if (!drop.contains(i)) {
                    master.set(kept++, master.get(i));
                }
            }
            master.subList(kept, master.size()).clear();
            reindex();
        }
    }

    private void reindex() {
        index.clear();
        for (int i = 0; i < master.size(); i++) {
            index.put(master.get(i).id(), i);
        }
    }

    private void count(SessionRow row, int delta) {
        liveDelta += delta;
        if (!facet.test(row)) {
            return; // outside the provider and partner filters, which the counts follow
        }
        countDeltas.merge(Bucket.ALL, delta, Integer::sum);
        countDeltas.merge(Bucket.statusBucketOf(row), delta, Integer::sum);
    }

    /** Once per applied batch: every count change re-lays out a label, and most batches net out to none. */
    private void publishCounts() {
        countDeltas.forEach((b, delta) -> {
            if (delta != 0) {
                IntegerProperty count = counts.get(b);
                count.set(count.get() + delta);
            }
        });
        countDeltas.clear();
        if (liveDelta != 0) {
            liveCount.set(liveCount.get() + liveDelta);
            liveDelta = 0;
        }
    }

    private void notePartner(SessionRow row) {
        if (!row.partner().isEmpty() && partnerSet.add(row.partner())) {
            partners.setAll(partnerSet);
        }
    }

    /**
     * Moves the time-dependent parts on (the stuck count, and the Stuck bucket's rows when it is shown); called about
     * once a second.
     */
    public void tick() {
        LocalDateTime now = now();
        Optional<StuckTally.Moved> moved = stuck.advanceTo(now);
        counts.get(Bucket.STUCK).set(stuck.count());
        expiry.advanceTo(now);
        pastExpiry.set(expiry.past());
        countFollowed();
        if (bucket.get().kind() == Bucket.Kind.STUCK) {
            // As the clock moves on, only the rows that just became stuck are new, and only those that expired go.
            Predicate<SessionRow> stuckNow = predicate(now);
            moved.ifPresentOrElse(m -> {
                if (!m.expired().isEmpty()) {
                    shown.narrowFilter(stuckNow); // tests the rows shown only
                }
                shown.widenFilter(stuckNow, rowsOf(m.became()));
            }, () -> shown.setFilter(stuckNow));
        }
    }

    private List<SessionRow> rowsOf(List<String> ids) {
        List<SessionRow> rows = new ArrayList<>(ids.size());
        for (String id : ids) {
            SessionRow row = row(id);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The followed sessions changed: the Following bucket's rows and count follow. */
    public void setFollowed(Set<String> ids) {
        followed = Set.copyOf(ids);
        countFollowed();
        if (bucket.get().kind() == Bucket.Kind.FOLLOWING) {
            refilter();
        }
    }

    private void countFollowed() {
        int live = 0;
        for (String id : followed) {
            SessionRow row = row(id);
            // counted as listed: the provider and partner filters narrow every bucket's count, this one's too
            if (row != null && !row.isEnded() && facet.test(row)) {
                live++;
            }
        }
        counts.get(Bucket.FOLLOWING).set(live);
    }

    public void setStuckPolicy(StuckPolicy policy) {
        this.stuckPolicy = policy;
        stuck.recount(policy, facet, now());
        tick();
    }

    /**
     * The backend's naive wall-clock time in the profile's zone, to the microsecond as the guards read it, so that the
     * Stuck bucket and reset-stuck judge a session at the same moment alike, and the status bar's count of sessions
     * past their expiry with them.
     */
    private LocalDateTime now() {
        return timestamps.nowLocal();
    }

    public StuckPolicy stuckPolicy() {
        return stuckPolicy;
    }

    /** Why the row is in the Stuck bucket now (the bucket's own policy and clock), or empty when it is not. */
    public Optional<Phrase> whyStuck(SessionRow row) {
        return StuckExplanation.of(row, stuckPolicy, now());
    }

    private void refilter() {
        shown.setFilter(predicate());
    }

    public Predicate<SessionRow> predicate() {
        return predicate(now());
    }

    private Predicate<SessionRow> predicate(LocalDateTime now) {
        Bucket b = bucket.get();
        Predicate<SessionRow> matchesSearch = SessionRow.search(search.get());
        Predicate<SessionRow> providerAndPartner = facet;
        StuckPolicy policy = stuckPolicy;
        Set<String> following = followed;
        return row -> (b.kind() == Bucket.Kind.FOLLOWING ? following.contains(row.id()) && !row.isEnded()
                : bucketMatches(b, row, policy, now))
                && providerAndPartner.test(row) && matchesSearch.test(row);
    }

    private static boolean bucketMatches(Bucket b, SessionRow row, StuckPolicy policy, LocalDateTime now) {
        if (b.kind() == Bucket.Kind.ENDED) {
            return row.isEnded();
        }
        if (row.isEnded()) {
            return false;
        }
        return switch (b.kind()) {
            case ALL -> true;
            case STUCK -> row.isStuck(policy, now);
            default -> Bucket.statusBucketOf(row).equals(b);
        };
    }

    public SessionRow row(String id) {
        Integer at = index.get(id);
        return at == null ? null : master.get(at);
    }

    /** The rows the table shows: filtered, in the table's order. */
    public SortedRowView rows() {
        return shown;
    }

    public List<SessionRow> allRows() {
        return Collections.unmodifiableList(master);
    }

    /**
     * Every session as the feed last told, paused or not: a copy of the rows with the changes held while paused laid
     * over them. For figures that must not stand still with the table (the dashboard, the alert rules); a list copy
     * plus O(held changes), on the FX thread.
     */
    public List<SessionRow> currentRows() {
        List<SessionRow> rows = new ArrayList<>(master);
        if (pending.isEmpty()) {
            return rows;
        }
        for (RowChange change : pending.values()) {
            Integer at = index.get(change.id());
            if (change.kind().ended()) {
                if (at != null && !rows.get(at).isEnded()) {
                    rows.set(at, ended(rows.get(at), change));
                }
            } else if (at != null) {
                rows.set(at, change.row());
            } else {
                rows.add(change.row());
            }
        }
        return rows;
    }

    /** The sessions seen to start, and the approvals seen, within the last hour (FX thread). */
    public SessionStarts starts() {
        return starts;
    }

    /**
     * The feed's mode as the window checks it: whether the console follows the sessions now (live or polling). The
     * started counts say from it what they may lack: what started and ended before the first connection, or while
     * the connection was down.
     */
    public void feedFollowing(boolean following) {
        starts.following(following, now());
    }

    public ReadOnlyIntegerProperty count(Bucket b) {
        IntegerProperty count = counts.get(b);
        if (count == null) {
            throw new IllegalArgumentException("Unknown bucket " + b);
        }
        return count;
    }

    public ObjectProperty<Bucket> bucketProperty() {
        return bucket;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<AuthProvider> providerProperty() {
        return provider;
    }

    public StringProperty partnerProperty() {
        return partner;
    }

    public ObservableList<String> partners() {
        return partners;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyIntegerProperty pendingUpdatesProperty() {
        return pendingUpdates;
    }

    public ReadOnlyIntegerProperty liveCountProperty() {
        return liveCount;
    }

    /**
     * The live sessions, and of them those past their expires_at (at the last tick's time), as the feed last told,
     * paused or not: the status bar's count says "sessions that exist now, as last read", which the paused table's own
     * count ({@link #liveCountProperty()}) is not. O(held changes).
     */
    public LiveCount liveCountNow() {
        int live = liveCount.get();
        int past = pastExpiry.get();
        LocalDateTime at = expiry.at();
        for (RowChange change : pending.values()) {
            SessionRow shownNow = row(change.id());
            if (shownNow != null && !shownNow.isEnded()) {
                live--;
                past -= shownNow.pastBackendExpiry(at) ? 1 : 0;
            }
            if (!change.kind().ended()) {
                live++;
                past += change.row().pastBackendExpiry(at) ? 1 : 0;
            }
        }
        return new LiveCount(live, past);
    }

    /** How many sessions live, and how many of them are past their expires_at. */
    public record LiveCount(int live, int pastExpiry) {
    }

    /** Of {@link #liveCountProperty()}, the sessions past their expires_at (at the last tick's time). */
    public ReadOnlyIntegerProperty pastExpiryProperty() {
        return pastExpiry;
    }

    /** Set from the feed's mode by the window; the counts say "as last read" while it is false. */
    public BooleanProperty followingProperty() {
        return following;
    }

    public int endedCount() {
        return endedOrder.size();
    }
}
