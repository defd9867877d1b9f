package io.welno.console.flow;

import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.Prescription;
import io.welno.console.tilko.SimpleAuthTicket;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@link FlowOptions#maxTilkoCalls()} Tilko calls of this console at a time; the others wait their turn. A
 * bulk re-send over a whole bucket is then a polite trickle, not a burst against Tilko and the users' phones.
 *
 * <p>"At a time" as Tilko sees it: each call runs on a thread of its own here, and its turn ends when the exchange
 * does. A caller that is interrupted (a collection stopped, a bulk run cancelled) stops waiting at once, but its
 * request is still being answered at Tilko; were the turn handed on then, Tilko would see one call more than the
 * limit for every stopped one (the exchange ends by itself, at the latest at the client's call timeout).
 */
final class LimitedTilko implements TilkoGateway, AutoCloseable {

    private final TilkoGateway tilko;
    private final Semaphore permits;
    private final ExecutorService exchanges;

    LimitedTilko(TilkoGateway tilko, int maxCalls) {
        this.tilko = tilko;
        this.permits = new Semaphore(maxCalls, true);
        AtomicInteger threads = new AtomicInteger();
        this.exchanges = Executors.newFixedThreadPool(maxCalls, r -> {
            Thread t = new Thread(r, "tilko-call-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private <T> T call(Supplier<T> call) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a Tilko call", e);
        }
        Future<T> exchange;
        try {
            exchange = exchanges.submit(() -> {
                try {
                    return call.get();
                } finally {
                    permits.release();
                }
            });
        } catch (RejectedExecutionException closed) {
            permits.release();
            throw new IllegalStateException("the flow is closed", closed);
        }
        try {
            return exchange.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a Tilko call (it ends on its own)", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Ends the calls still running (their callers have gone): the flow is closing. */
    @Override
    public void close() {
        exchanges.shutdownNow();
    }

    @Override
    public TilkoResult<String> publicKey(boolean ofABatch) {
        // A key at hand is no call to Tilko: an action asking whether Tilko can be used does not wait a turn for it
        // (and then a second turn for its own call) behind a bulk run's collections.
        Optional<TilkoResult<String>> atHand = tilko.keyAtHand();
        return atHand.isPresent() ? atHand.get() : call(() -> tilko.publicKey(ofABatch));
    }

    @Override
    public Optional<TilkoResult<String>> keyAtHand() {
        return tilko.keyAtHand();
    }

    @Override
    public TilkoResult<SimpleAuthTicket> simpleAuth(TilkoPerson person, String privateAuthType) {
        return call(() -> tilko.simpleAuth(person, privateAuthType));
    }

    @Override
    public TilkoResult<Boolean> loginCheck(TilkoCredentials credentials, TilkoPerson person) {
        return call(() -> tilko.loginCheck(credentials, person));
    }

    @Override
    public TilkoResult<List<Checkup>> healthCheckups(TilkoCredentials credentials, TilkoPerson person) {
        return call(() -> tilko.healthCheckups(credentials, person));
    }

    @Override
    public TilkoResult<List<Prescription>> prescriptions(TilkoCredentials credentials, TilkoPerson person,
                                                         LocalDate today) {
        return call(() -> tilko.prescriptions(credentials, person, today));
    }
}
