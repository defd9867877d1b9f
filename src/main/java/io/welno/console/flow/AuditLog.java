package io.welno.console.flow;

import io.welno.console.store.StoreFailure;
import java.util.List;
import java.util.Optional;

/** Where every action attempt is recorded. Implementations never throw from {@link #record}. */
public interface AuditLog {

    /**
     * Appends one entry. Never throws: an audit outage must not undo or change what an action did, but the caller
     * must be able to tell the operator that the entry is missing, and a reveal must not go ahead without one.
     *
     * @return empty when the entry was written; else why not ({@link StoreFailure#mayHaveWritten()}: perhaps it was)
     */
    Optional<StoreFailure> record(AuditRecord record);

    /** The newest entries first, at most {@code limit}. */
    List<AuditRecord> read(int limit);

    /** For status bars: where the entries go. */
    String describe();
}
