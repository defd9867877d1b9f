package io.welno.console.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where session documents live. Implementations never delete, never drop unknown fields, never
 * overwrite a value they have not read, and never touch an unreadable value.
 */
public interface SessionStore extends AutoCloseable {

    /**
     * Streams every session in batches as they are read, so a caller can show the first rows before the
     * scan ends. A key that vanishes between listing and reading is skipped.
     *
     * @return the number of sessions delivered
     */
    long scan(Consumer<List<StoredSession>> batchSink);

    Optional<StoredSession> get(String id);

    /** Writes a new document if no session with that id exists; the TTL is the backend's 30 minutes unless given. */
    CreateResult create(String id, ObjectNode document, Duration ttl);

    /**
     * Read → check → mutate a copy → compare-and-set, retried on conflict. The result says exactly what
     * happened; nothing is written unless the result is {@link UpdateResult.Applied}.
     */
    UpdateResult update(String id, Precondition precondition, SessionMutation mutation);

    /** A short description for status bars and logs (never contains secrets). */
    String describe();

    @Override
    void close();
}
