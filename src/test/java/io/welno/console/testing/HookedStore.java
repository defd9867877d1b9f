package io.welno.console.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.store.CreateResult;
import io.welno.console.store.Precondition;
import io.welno.console.store.SessionMutation;
import io.welno.console.store.SessionStore;
import io.welno.console.store.StoreFailure;
import io.welno.console.store.StoredSession;
import io.welno.console.store.UpdateResult;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The real store with places where a test can act at an exact moment of an action: after the mutation of an
 * update ran on the document just read and before its compare-and-set is sent ({@link #beforeNextWrite}), before
 * the next read ({@link #beforeNextGet}, e.g. the read-back that confirms a write), and after the next read came
 * back but before its caller sees it ({@link #afterNextGet}, a read that lands late). Each of those runs once;
 * {@link #afterEveryAppliedUpdate} stays (e.g. the backend writing its stale copy back after each of our writes).
 * {@link #loseReplyOfNextWrite} makes a write that happened look like one whose answer was lost;
 * {@link #stallAfterWrite} makes Redis stall once a write lands: every later read and write times out.
 */
public final class HookedStore implements SessionStore {

    private final SessionStore delegate;
    private final AtomicReference<Runnable> beforeWrite = new AtomicReference<>();
    private final AtomicReference<Runnable> beforeGet = new AtomicReference<>();
    private final AtomicReference<Runnable> afterGet = new AtomicReference<>();
    private volatile BiConsumer<String, UpdateResult.Applied> afterApplied = (id, applied) -> { };
    private final AtomicReference<Predicate<UpdateResult.Applied>> loseReply = new AtomicReference<>();
    private final AtomicReference<Predicate<UpdateResult.Applied>> stallAfter = new AtomicReference<>();
    private volatile boolean stalled;

    public HookedStore(SessionStore delegate) {
        this.delegate = delegate;
    }

    public void beforeNextWrite(Runnable hook) {
        beforeWrite.set(hook);
    }

    public void beforeNextGet(Runnable hook) {
        beforeGet.set(hook);
    }

    public void afterNextGet(Runnable hook) {
        afterGet.set(hook);
    }

    /** Runs after every update that was applied, before its caller sees the result. */
    public void afterEveryAppliedUpdate(BiConsumer<String, UpdateResult.Applied> hook) {
        afterApplied = hook;
    }

    /**
     * The next applied update that {@code which} picks is written, but its caller hears that the connection broke
     * (outcome unknown), as when the answer of a write that Redis executed is lost on the way back.
     */
    public void loseReplyOfNextWrite(Predicate<UpdateResult.Applied> which) {
        loseReply.set(which);
    }

    /** Once an applied update that {@code which} picks has landed, Redis stalls: every later call times out. */
    public void stallAfterWrite(Predicate<UpdateResult.Applied> which) {
        stallAfter.set(which);
    }

    private static JedisConnectionException timeout() {
        return new JedisConnectionException(new SocketTimeoutException("Read timed out"));
    }

    @Override
    public long scan(Consumer<List<StoredSession>> batchSink) {
        return delegate.scan(batchSink);
    }

    @Override
    public Optional<StoredSession> get(String id) {
        if (stalled) {
            throw timeout();
        }
        Runnable before = beforeGet.getAndSet(null);
        if (before != null) {
            before.run();
        }
        Optional<StoredSession> read = delegate.get(id);
        Runnable after = afterGet.getAndSet(null);
        if (after != null) {
            after.run();
        }
        return read;
    }

    @Override
    public CreateResult create(String id, ObjectNode document, Duration ttl) {
        return delegate.create(id, document, ttl);
    }

    @Override
    public UpdateResult update(String id, Precondition precondition, SessionMutation mutation) {
        if (stalled) {
            return new UpdateResult.Failed(id, StoreFailure.of(timeout()), false);
        }
        UpdateResult result = delegate.update(id, precondition, (current, edit) -> {
            mutation.apply(current, edit);
            Runnable hook = beforeWrite.getAndSet(null);
            if (hook != null) {
                hook.run();
            }
        });
        if (result instanceof UpdateResult.Applied applied) {
            afterApplied.accept(id, applied);
            Predicate<UpdateResult.Applied> stall = stallAfter.get();
            if (stall != null && stall.test(applied)) {
                stalled = true;
            }
            Predicate<UpdateResult.Applied> lose = loseReply.get();
            if (lose != null && lose.test(applied) && loseReply.compareAndSet(lose, null)) {
                return new UpdateResult.Failed(id, StoreFailure.of(
                        new JedisConnectionException("Unexpected end of stream.")), true);
            }
        }
        return result;
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
