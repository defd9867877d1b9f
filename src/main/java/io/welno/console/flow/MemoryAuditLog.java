package io.welno.console.flow;

import io.welno.console.store.StoreFailure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded in-process audit log that also writes one log line per entry (ids, role, action and result
 * only; never the operator's name or reason). {@link FlowService} records a viewer's refused attempts here
 * because a viewer must not write to Redis at all, not even to the audit stream. Also handy in tests and
 * for file-store profiles.
 */
public final class MemoryAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryAuditLog.class);

    private final int capacity;
    private final Deque<AuditRecord> entries = new ArrayDeque<>();

    public MemoryAuditLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public MemoryAuditLog() {
        this(1_000);
    }

    @Override
    public Optional<StoreFailure> record(AuditRecord record) {
        LOG.info("audit {} {} {} session={} role={} result={}", record.event(), record.action(), record.actionId(),
                record.sessionId(), record.role() == null ? "" : record.role().wire(), record.result());
        synchronized (entries) {
            entries.addFirst(record);
            while (entries.size() > capacity) {
                entries.removeLast();
            }
        }
        return Optional.empty();
    }

    @Override
    public List<AuditRecord> read(int limit) {
        List<AuditRecord> out = new ArrayList<>();
        synchronized (entries) {
            Iterator<AuditRecord> it = entries.iterator();
            while (it.hasNext() && out.size() < limit) {
                out.add(it.next());
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return "local audit (this process only)";
    }
}
