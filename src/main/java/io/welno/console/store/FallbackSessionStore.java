package io.welno.console.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.session.DocumentDiff;
import io.welno.console.session.SessionDocument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
        Set<String> inRedis = new HashSet<>();
        long delivered = redis.scan(batch -> {
            batch.forEach(s -> inRedis.add(s.id()));
            batchSink.accept(batch);
        });
        List<StoredSession> fileOnly = new ArrayList<>();
        files.scan(batch -> batch.stream().filter(s -> !inRedis.contains(s.id())).forEach(fileOnly::add));
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
        Optional<StoredSession> inFile = fileGet(session.id());
        if (inRedis.isEmpty()) {
            return inFile.isPresent() ? new FileCopy(FileCopy.Where.FILE_ONLY, List.of()) : FileCopy.NONE;
        }
        if (inFile.isEmpty()) {
            return FileCopy.NONE;
        }
        if (inRedis.get().parsed() instanceof SessionDocument a && inFile.get().parsed() instanceof SessionDocument b) {
            List<String> differing = DocumentDiff.paths(a.tree(), b.tree(), NOTHING_IGNORED).stream()
                    .map(DocumentDiff::name).toList();
            return differing.isEmpty() ? new FileCopy(FileCopy.Where.BOTH_EQUAL, List.of())
                    : new FileCopy(FileCopy.Where.DIVERGED, differing);
        }
        if (java.util.Arrays.equals(inRedis.get().value(), inFile.get().value())) {
            return new FileCopy(FileCopy.Where.BOTH_EQUAL, List.of()); // the same bytes, readable or not
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

    private Optional<StoredSession> fileGet(String id) {
        try {
            return files.get(id);
        } catch (IllegalArgumentException notAFileName) {
            return Optional.empty();
        }
    }
}
