package io.welno.console.flow;

import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.Prescription;
import io.welno.console.tilko.SimpleAuthTicket;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Tilko that must not be called (or, in the exception test, blows up): counts and throws. Its public key throws too,
 * uncounted: a check that cannot tell lets the action go on to the call it guards, which is the one counted.
 */
class ThrowingTilko implements TilkoGateway {

    final AtomicInteger calls = new AtomicInteger();

    @Override
    public TilkoResult<String> publicKey(boolean ofABatch) {
        throw new IllegalStateException("no public key here");
    }

    @Override
    public TilkoResult<SimpleAuthTicket> simpleAuth(TilkoPerson person, String privateAuthType) {
        calls.incrementAndGet();
        throw new IllegalStateException("Tilko must not be called");
    }

    @Override
    public TilkoResult<Boolean> loginCheck(TilkoCredentials credentials, TilkoPerson person) {
        calls.incrementAndGet();
        throw new IllegalStateException("Tilko must not be called");
    }

    @Override
    public TilkoResult<List<Checkup>> healthCheckups(TilkoCredentials credentials, TilkoPerson person) {
        calls.incrementAndGet();
        throw new IllegalStateException("Tilko must not be called");
    }

    @Override
    public TilkoResult<List<Prescription>> prescriptions(TilkoCredentials credentials, TilkoPerson person,
                                                         LocalDate today) {
        calls.incrementAndGet();
        throw new IllegalStateException("Tilko must not be called");
    }
}
