package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.Prescription;
import io.welno.console.tilko.SimpleAuthTicket;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import io.welno.console.testing.Await;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The limit holds as Tilko sees it: a caller that gives up does not hand its turn on while its request runs. */
class LimitedTilkoTest {

    /** A Tilko whose calls last until the test lets them end, counting how many run at once. */
    private static final class HeldTilko implements TilkoGateway {
        final CountDownLatch answer = new CountDownLatch(1);
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        volatile TilkoResult<String> atHand;

        /**
         * The request reaches Tilko and runs there until the test answers it. The client gives up when its thread is
         * interrupted, as OkHttp does; the request at Tilko goes on all the same.
         */
        private <T> TilkoResult<T> hold() {
            started.incrementAndGet();
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread atTilko = new Thread(() -> {
                try {
                    answer.await();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
            });
            atTilko.start();
            try {
                atTilko.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the client gave up", e);
            }
            return null;
        }

        @Override
        public TilkoResult<String> publicKey(boolean ofABatch) {
            return hold();
        }

        @Override
        public Optional<TilkoResult<String>> keyAtHand() {
            return Optional.ofNullable(atHand);
        }

        @Override
        public TilkoResult<SimpleAuthTicket> simpleAuth(TilkoPerson person, String privateAuthType) {
            return hold();
        }

        @Override
        public TilkoResult<Boolean> loginCheck(TilkoCredentials credentials, TilkoPerson person) {
            return hold();
        }

        @Override
        public TilkoResult<List<Checkup>> healthCheckups(TilkoCredentials credentials, TilkoPerson person) {
            return hold();
        }

        @Override
        public TilkoResult<List<Prescription>> prescriptions(TilkoCredentials credentials, TilkoPerson person,
                                                             LocalDate today) {
            return hold();
        }
    }

    /**
     * Whether Tilko can be used, with the key at hand, is no call: it is answered while every turn is taken (a bulk
     * run's collections), rather than wait one turn for it and then another for the action's own call.
     */
    @Test
    void aKeyAtHandIsAnsweredWithoutATurn() throws Exception {
        HeldTilko tilko = new HeldTilko();
        TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().build());
        ExecutorService callers = Executors.newCachedThreadPool();
        try (TilkoClient client = FlowTestSupport.tilko(sim); LimitedTilko limited = new LimitedTilko(tilko, 2)) {
            TilkoResult<String> key = client.usablePublicKey(false);
            assertTrue(key.isSuccess(), key.describe());
            callers.submit(() -> limited.healthCheckups(null, null));
            callers.submit(() -> limited.healthCheckups(null, null));
            Await.until("two calls at Tilko", Duration.ofSeconds(10), () -> tilko.running.get() == 2);

            tilko.atHand = key;
            Future<TilkoResult<String>> asked = callers.submit(() -> limited.publicKey(false));
            assertSame(key, asked.get(30, TimeUnit.SECONDS), "answered while both turns are still taken");
            assertEquals(2, tilko.started.get(), "and nothing was sent for it");
        } finally {
            tilko.answer.countDown();
            callers.shutdownNow();
            sim.close();
        }
    }

    @Test
    void aStoppedCallerReturnsAtOnceButItsTurnEndsWithTheExchange() throws Exception {
        HeldTilko tilko = new HeldTilko();
        ExecutorService callers = Executors.newCachedThreadPool();
        try (LimitedTilko limited = new LimitedTilko(tilko, 2)) {
            Future<?> first = callers.submit(() -> limited.healthCheckups(null, null));
            Future<?> second = callers.submit(() -> limited.healthCheckups(null, null));
            Await.until("two calls at Tilko", Duration.ofSeconds(10), () -> tilko.running.get() == 2);

            first.cancel(true); // a collection stopped: its caller gives up
            assertThrows(java.util.concurrent.CancellationException.class, first::get);
            Future<?> third = callers.submit(() -> limited.healthCheckups(null, null));
            Thread.sleep(300);
            assertEquals(2, tilko.started.get(), "the third waits while the stopped one's request still runs");
            assertFalse(third.isDone());

            tilko.answer.countDown();
            second.get(10, TimeUnit.SECONDS);
            third.get(10, TimeUnit.SECONDS);
            assertEquals(3, tilko.started.get());
            assertTrue(tilko.most.get() <= 2, "never more than two at once: " + tilko.most.get());
        } finally {
            callers.shutdownNow();
        }
    }
}
