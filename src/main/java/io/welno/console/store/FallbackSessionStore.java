package io.welno.console.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.DocumentDiff;
import io.welno.console.session.SessionDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Redis with the backend's fallback directory beside it. The backend falls back to
 * {@code data/tilko_sessions/{id}.json} whenever a Redis call fails, so sessions written during an outage exist only
 * there: this store lists them after Redis's (marked by {@link #fileCopy}), reads a session from Redis first and from
 * its file when Redis has no such key, and writes each session where it lives — Redis when the key exists there,
 * else the file (atomically, under its lock, with the same compare-and-set). A session in both places is Redis's:
 * that is what the backend reads while Redis answers.
 */
public final class FallbackSessionStore implements SessionStore {

    private static final Set<String> NOTHING_IGNORED = Set.of();

    private final SessionStore redis;
    private final FileSessionStore files;

    /** A listed session and where it stands against the other copy. */
    public record Placed(StoredSession session, FileCopy copy) {
    }

    public FallbackSessionStore(SessionStore redis, FileSessionStore files) {
        this.redis = redis;
        this.files = files;
    }

    public SessionStore redis() {
        return redis;
    }

    public FileSessionStore files() {
        return files;
    }

    /** Redis's sessions first, then those only the directory holds. */
    @Override
    public long scan(Consumer<List<StoredSession>> batchSink) {
        return scanPlaced(batch -> batchSink.accept(batch.stream().map(Placed::session).toList()), false);
    }

    /**
     * Redis's sessions as they are read, each with its place, then those only the directory holds. The directory's
     * names are listed once before the scan, so a file is opened only for a session that has one: a listing with the
     * directory beside it costs one read per file, not one per session.
     */
    public long scanPlaced(Consumer<List<Placed>> batchSink) {
        return scanPlaced(batchSink, true);
    }

    private long scanPlaced(Consumer<List<Placed>> batchSink, boolean compare) {
        Set<String> fileIds = files.ids();
        Set<String> alsoInRedis = ConcurrentHashMap.newKeySet();
        long delivered = redis.scan(batch -> {
            List<Placed> placed = new ArrayList<>(batch.size());
            for (StoredSession session : batch) {
                FileCopy copy = FileCopy.NONE;
                if (fileIds.contains(session.id())) {
                    alsoInRedis.add(session.id());
                    copy = compare ? compare(Optional.of(session), fileGet(session.id())) : FileCopy.NONE;
                }
                placed.add(new Placed(session, copy));
            }
            batchSink.accept(placed);
        });
        // A key created in Redis while the scan ran may be missed by it (SCAN's guarantee covers keys present
        // throughout), so a session written to both places at that moment can be marked file-only until the next list.
        List<Placed> fileOnly = new ArrayList<>();
        for (String id : fileIds) {
            if (!alsoInRedis.contains(id)) {
                fileGet(id).ifPresent(s -> fileOnly.add(new Placed(s, FileCopy.FILE_ONLY)));
            }
        }
        if (!fileOnly.isEmpty()) {
            batchSink.accept(fileOnly);
        }
        return delivered + fileOnly.size();
    }

    @Override
    public Optional<StoredSession> get(String id) {
        Optional<StoredSession> found = redis.get(id);
        return found.isPresent() ? found : fileGet(id);
    }

    /** Where a session read from this store stands against the other copy. */
    public FileCopy fileCopy(StoredSession session) {
        Optional<StoredSession> inRedis = session.ttlMillis() == StoredSession.UNKNOWN_TTL ? redis.get(session.id())
                : Optional.of(session);
        return compare(inRedis, fileGet(session.id()));
    }

    /** The file's copy of a session, if the directory holds one. */
    public Optional<StoredSession> fileGet(String id) {
        try {
            return files.get(id);
        } catch (IllegalArgumentException notAFileName) {
            return Optional.empty();
        }
    }

    /** How Redis's copy and the file's stand to each other. */
    public static FileCopy compare(Optional<StoredSession> inRedis, Optional<StoredSession> inFile) {
        if (inRedis.isEmpty()) {
            return inFile.isPresent() ? FileCopy.FILE_ONLY : FileCopy.NONE;
        }
        if (inFile.isEmpty()) {
            return FileCopy.NONE;
        }
        if (inRedis.get().parsed() instanceof SessionDocument a && inFile.get().parsed() instanceof SessionDocument b) {
            List<String> differing = DocumentDiff.paths(a.tree(), b.tree(), NOTHING_IGNORED).stream()
                    .map(DocumentDiff::name).toList();
            return differing.isEmpty() ? FileCopy.BOTH_EQUAL : new FileCopy(FileCopy.Where.DIVERGED, differing);
        }
        if (Arrays.equals(inRedis.get().value(), inFile.get().value())) {
            return FileCopy.BOTH_EQUAL; // the same bytes, readable or not
        }
        return new FileCopy(FileCopy.Where.DIVERGED, List.of()); // an unreadable copy: cannot be compared field by field
    }

    @Override
    public CreateResult create(String id, ObjectNode document, Duration ttl) {
        return redis.create(id, document, ttl);
    }

    /** Writes where the session lives: Redis when the key exists there, else its file. */
    @Override
    public UpdateResult update(String id, Precondition precondition, SessionMutation mutation) {
        UpdateResult inRedis = redis.update(id, precondition, mutation);
        if (!(inRedis instanceof UpdateResult.Missing) || fileGet(id).isEmpty()) {
            return inRedis;
        }
        return files.update(id, precondition, mutation);
    }

    @Override
    public String describe() {
        return redis.describe() + " + files in " + files.directory();
    }

    @Override
    public void close() {
        redis.close();
        files.close();
    }
}
