package io.welno.console.flow;

import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.Prescription;
import io.welno.console.tilko.SimpleAuthTicket;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@link FlowOptions#maxTilkoCalls()} Tilko calls of this console at a time; the others wait their turn. A
 * bulk re-send over a whole bucket is then a polite trickle, not a burst against Tilko and the users' phones.
 */
final class LimitedTilko implements TilkoGateway {

    private final TilkoGateway tilko;
    private final Semaphore permits;

    LimitedTilko(TilkoGateway tilko, int maxCalls) {
        this.tilko = tilko;
        this.permits = new Semaphore(maxCalls, true);
    }

    private <T> T call(Supplier<T> call) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a Tilko call", e);
        }
        try {
            return call.get();
        } finally {
            permits.release();
        }
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
