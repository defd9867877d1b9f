package io.welno.console.flow;

import java.util.List;

/** Where every action attempt is recorded. Implementations never throw from {@link #record}. */
public interface AuditLog {

    /** Appends one entry; a failure is logged and swallowed (an audit outage must not change an action's outcome). */
    void record(AuditRecord record);

    /** The newest entries first, at most {@code limit}. */
    List<AuditRecord> read(int limit);

    /** For status bars: where the entries go. */
    String describe();
}
