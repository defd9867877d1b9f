package io.welno.console.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.store.CreateResult;
import io.welno.console.store.Precondition;
import io.welno.console.store.SessionMutation;
import io.welno.console.store.SessionStore;
import io.welno.console.store.StoredSession;
import io.welno.console.store.UpdateResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The real store with two places where a test can act at an exact moment of an action: after the mutation of an
 * update ran on the document just read and before its compare-and-set is sent ({@link #beforeNextWrite}), and
 * before the next read ({@link #beforeNextGet}, e.g. the read-back that confirms a write). Each hook runs once.
 */
final class HookedStore implements SessionStore {

    private final SessionStore delegate;
    private final AtomicReference<Runnable> beforeWrite = new AtomicReference<>();
    private final AtomicReference<Runnable> beforeGet = new AtomicReference<>();

    HookedStore(SessionStore delegate) {
        this.delegate = delegate;
    }

    void beforeNextWrite(Runnable hook) {
        beforeWrite.set(hook);
    }

    void beforeNextGet(Runnable hook) {
        beforeGet.set(hook);
    }

    @Override
    public long scan(Consumer<List<StoredSession>> batchSink) {
        return delegate.scan(batchSink);
    }

    @Override
    public Optional<StoredSession> get(String id) {
        Runnable hook = beforeGet.getAndSet(null);
        if (hook != null) {
            hook.run();
        }
        return delegate.get(id);
    }

    @Override
    public CreateResult create(String id, ObjectNode document, Duration ttl) {
        return delegate.create(id, document, ttl);
    }

    @Override
    public UpdateResult update(String id, Precondition precondition, SessionMutation mutation) {
        return delegate.update(id, precondition, (current, edit) -> {
            mutation.apply(current, edit);
            Runnable hook = beforeWrite.getAndSet(null);
            if (hook != null) {
                hook.run();
            }
        });
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
