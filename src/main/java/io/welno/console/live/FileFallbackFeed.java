package io.welno.console.live;

import io.welno.console.store.FallbackSessionStore;
import io.welno.console.store.FileCopy;
import io.welno.console.store.FileSessionStore;
import io.welno.console.store.SessionStore;
import io.welno.console.store.StoreFailure;
import io.welno.console.store.StoredSession;
import io.welno.console.text.LogWords;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live feed with the backend's fallback folder beside it (docs/flow.md, "File fallback"). Redis's changes pass
 * through as they come; the folder is polled (names, then sizes and times, then only the files that changed) and
 *
 * <ul>
 *   <li>a session whose file exists while Redis has no such key is delivered to the listener as a session of its own
 *       (ADDED / UPDATED from the file, REMOVED when the file goes), so the table, the buckets and the actions treat it
 *       like any other;</li>
 *   <li>every session with a file gets a {@link Place}: file only, the same in both, or diverged with the fields that
 *       differ, told to the listeners ({@link FeedListener#onPlaces}) whenever it changes — after the rows, so a
 *       listener always knows the row a place belongs to.</li>
 * </ul>
 *
 * Redis's copy of a session with a file comes from the feed's own changes; a file that appears is checked against
 * Redis once with a GET (the feed may have passed that key before the file existed). Rows and places are delivered
 * under one lock, so a file copy never overtakes Redis's copy of the same session.
 */
public final class FileFallbackFeed implements SessionFeed {

    private static final Logger LOG = LoggerFactory.getLogger(FileFallbackFeed.class);

    /** Where one session stands against the folder; {@link FileCopy#NONE} once its file is gone. */
    public record Place(String id, FileCopy copy) {
    }

    private record FileState(long modified, long size, StoredSession session) {
    }

    private final SessionFeed redisFeed;
    private final SessionStore redis;
    private final FileSessionStore files;
    private final Duration interval;
    private final LogWords words;
    private final ScheduledExecutorService poller;
    private final Object lock = new Object();

    /** The files as last read; written by the poll under {@link #lock}. */
    private final Map<String, FileState> fileStates = new ConcurrentHashMap<>();
    /** Redis's copy of each session that has a file (empty: no such key); only ids with a file are kept. */
    private final Map<String, Optional<StoredSession>> inRedis = new HashMap<>();
    /** Ids with a new file whose Redis copy the poll is reading itself; the feed's changes of them are kept. */
    private final Set<String> lookingUp = new HashSet<>();
    /** Ids whose Redis copy was told by the feed while the poll read it itself: the feed's is newer. */
    private final Set<String> toldByFeed = new HashSet<>();
    private final Map<String, FileCopy> places = new HashMap<>();
    /** Sessions the listener shows from their file. */
    private final Set<String> shownFromFile = new HashSet<>();
    /** This feed's listeners: Redis's feed tells one of its own, which passes its output on to them with the files'. */
    private final FeedBus listeners = new FeedBus(r -> {
        Thread t = new Thread(r, "file-fallback-listener");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    /**
     * @param redis    Redis alone (not the fallback store): the one GET for a new file
     * @param interval how often the folder is looked at
     */
    public FileFallbackFeed(SessionFeed redisFeed, SessionStore redis, FileSessionStore files, Duration interval) {
        this(redisFeed, redis, files, interval, LogWords.CODES);
    }

    /** @param words how a failed read is worded in the log ({@link LogWords}) */
    public FileFallbackFeed(SessionFeed redisFeed, SessionStore redis, FileSessionStore files, Duration interval,
                            LogWords words) {
        this.words = Objects.requireNonNull(words, "words");
        this.redisFeed = Objects.requireNonNull(redisFeed);
        this.redis = Objects.requireNonNull(redis);
        this.files = Objects.requireNonNull(files);
        this.interval = interval;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "file-fallback");
            t.setDaemon(true);
            return t;
        });
    }

    public Path directory() {
        return files.directory();
    }

    /** The places known now (notable or not), for a view built after the start. */
    public Map<String, FileCopy> places() {
        synchronized (lock) {
            return Map.copyOf(places);
        }
    }

    /** The file's copy of a session as last read by the poll (no I/O): for a diverged session's field diff. */
    public Optional<StoredSession> fileCopy(String id) {
        return Optional.ofNullable(fileStates.get(id)).map(FileState::session);
    }

    @Override
    public Subscription subscribe(FeedListener listener) {
        return listeners.subscribe(listener);
    }

    @Override
    public void start() {
        redisFeed.start(new FeedListener() {
            @Override
            public void onBatch(FeedBatch batch) {
                fromRedis(batch);
            }

            @Override
            public void onModeChanged(FeedMode mode, Phrase detail) {
                listeners.onModeChanged(mode, detail);
            }

            @Override
            public void onSnapshotProgress(long loaded, boolean done) {
                listeners.onSnapshotProgress(loaded, done);
            }
        });
        long ms = Math.max(1, interval.toMillis());
        poller.scheduleWithFixedDelay(this::poll, 0, ms, TimeUnit.MILLISECONDS);
    }

    /** Looks at the folder now, on the caller's thread (tests; the poller does it on its own). */
    public void pollNow() {
        poll();
    }

    // ------------------------------------------------------------------ Redis's side

    private void fromRedis(FeedBatch batch) {
        synchronized (lock) {
            Set<String> touched = new LinkedHashSet<>();
            List<SessionChange> changes = batch.changes();
            for (SessionChange change : changes) {
                if (inRedis.containsKey(change.id()) || fileStates.containsKey(change.id())
                        || lookingUp.contains(change.id())) {
                    inRedis.put(change.id(), change.kind().ended() ? Optional.empty()
                            : Optional.ofNullable(change.session()));
                    toldByFeed.add(change.id());
                    touched.add(change.id());
                }
            }
            List<SessionChange> fromFiles = new ArrayList<>();
            for (String id : touched) {
                if (inRedis.get(id).isPresent()) {
                    shownFromFile.remove(id); // Redis's row replaces the file's in this very batch
                } else if (fileStates.get(id) != null) {
                    // Redis dropped the key, the file is still there: the session lives on in its file.
                    fromFiles.add(new SessionChange(ChangeKind.ADDED, id, fileStates.get(id).session()));
                    shownFromFile.add(id);
                }
            }
            listeners.onBatch(batch);
            if (!fromFiles.isEmpty()) {
                listeners.onBatch(new FeedBatch(fromFiles, false, false));
            }
            tellPlaces(touched);
        }
    }

    // ------------------------------------------------------------------ the folder's side

    private void poll() {
        if (closed) {
            return;
        }
        try {
            Set<String> ids = files.ids();
            Map<String, FileState> changed = new HashMap<>();
            for (String id : ids) {
                FileState known = fileStates.get(id);
                FileState now = read(id, known);
                if (now != null && now != known) {
                    changed.put(id, now);
                }
            }
            Set<String> gone = new HashSet<>(fileStates.keySet());
            gone.removeAll(ids);
            Map<String, Optional<StoredSession>> looked = lookUpInRedis(changed.keySet());
            synchronized (lock) {
                // a new file whose Redis copy could not be read is left for the next poll: its place is unknown
                changed.keySet().removeIf(id -> !inRedis.containsKey(id) && !looked.containsKey(id));
                applyFiles(changed, gone, looked);
            }
        } catch (RuntimeException e) {
            LOG.warn("Reading the fallback folder {} failed: {}", SafeText.bounded(String.valueOf(files.directory()),
                    SafeText.TEXT), SafeText.bounded(words.render(StoreFailure.describe(e)), SafeText.TEXT));
        }
    }

    /** The file again when its size or time changed, the known state when not, null when it is gone. */
    private FileState read(String id, FileState known) {
        Path file = files.path(id);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = attributes.lastModifiedTime().toMillis();
            if (known != null && known.modified() == modified && known.size() == attributes.size()) {
                return known;
            }
            return files.get(id).map(s -> new FileState(modified, attributes.size(), s)).orElse(null);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.debug("Cannot read the fallback file of {}: {}", id, e.getMessage());
            return known;
        }
    }

    /** One GET for each session whose file is new here: the feed may have passed its key before the file came. */
    private Map<String, Optional<StoredSession>> lookUpInRedis(Set<String> changedIds) {
        List<String> unknown = new ArrayList<>();
        synchronized (lock) {
            for (String id : changedIds) {
                if (!inRedis.containsKey(id)) {
                    unknown.add(id);
                    lookingUp.add(id);
                    toldByFeed.remove(id);
                }
            }
        }
        Map<String, Optional<StoredSession>> looked = new HashMap<>();
        for (String id : unknown) {
            try {
                looked.put(id, redis.get(id));
            } catch (RuntimeException e) {
                LOG.debug("Cannot read {} from Redis beside its file: {}", SafeText.bounded(id, SafeText.FIELD),
                        SafeText.bounded(words.render(StoreFailure.describe(e)), SafeText.TEXT));
            }
        }
        return looked;
    }

    private void applyFiles(Map<String, FileState> changed, Set<String> gone,
                            Map<String, Optional<StoredSession>> looked) {
        looked.forEach((id, copy) -> {
            if (!toldByFeed.contains(id)) {
                inRedis.put(id, copy);
            }
        });
        lookingUp.clear();
        fileStates.putAll(changed);
        List<SessionChange> rows = new ArrayList<>();
        for (String id : changed.keySet()) {
            if (inRedis.getOrDefault(id, Optional.empty()).isEmpty()) {
                rows.add(new SessionChange(shownFromFile.add(id) ? ChangeKind.ADDED : ChangeKind.UPDATED, id,
                        changed.get(id).session()));
            }
        }
        for (String id : gone) {
            fileStates.remove(id);
            if (shownFromFile.remove(id)) {
                rows.add(new SessionChange(ChangeKind.REMOVED, id, null));
            }
        }
        if (!rows.isEmpty()) {
            listeners.onBatch(new FeedBatch(rows, false, false));
        }
        Set<String> touched = new LinkedHashSet<>(changed.keySet());
        touched.addAll(gone);
        tellPlaces(touched);
        for (String id : gone) {
            inRedis.remove(id);
            toldByFeed.remove(id);
        }
    }

    private void tellPlaces(Set<String> ids) {
        List<Place> told = new ArrayList<>();
        for (String id : ids) {
            FileState file = fileStates.get(id);
            FileCopy copy = FallbackSessionStore.compare(inRedis.getOrDefault(id, Optional.empty()),
                    file == null ? Optional.empty() : Optional.of(file.session()));
            FileCopy before = places.get(id);
            if (file == null) {
                places.remove(id);
            } else {
                places.put(id, copy);
            }
            if (!copy.equals(before) && !(before == null && copy.equals(FileCopy.NONE))) {
                told.add(new Place(id, copy));
            }
        }
        if (!told.isEmpty()) {
            listeners.onPlaces(told);
        }
    }

    // ------------------------------------------------------------------ the rest is Redis's feed

    @Override
    public FeedMode mode() {
        return redisFeed.mode();
    }

    /** Redis's feed's: the folder has no mode of its own (a failed look at it is logged, the next one follows). */
    @Override
    public Phrase modeDetail() {
        return redisFeed.modeDetail();
    }

    @Override
    public void resync() {
        redisFeed.resync(); // the folder is looked at again at the next poll anyway
    }

    @Override
    public double eventsPerSecond() {
        return redisFeed.eventsPerSecond();
    }

    @Override
    public long latencyMillis() {
        return redisFeed.latencyMillis();
    }

    @Override
    public long unansweredMillis() {
        return redisFeed.unansweredMillis();
    }

    @Override
    public Optional<ClockOffset> clockOffset() {
        return redisFeed.clockOffset();
    }

    @Override
    public void close() {
        closed = true;
        poller.shutdownNow();
        redisFeed.close();
        listeners.close(2000);
    }
}
