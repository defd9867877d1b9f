package io.welno.console.flow;

import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.Prescription;
import io.welno.console.tilko.SimpleAuthTicket;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import java.time.LocalDate;
import java.util.List;

/** Every Tilko call passed on to another gateway: a test overrides the one call whose moment it needs. */
class ForwardingTilko implements TilkoGateway {

    private final TilkoGateway real;

    ForwardingTilko(TilkoGateway real) {
        this.real = real;
    }

    @Override
    public TilkoResult<String> publicKey(boolean ofABatch) {
        return real.publicKey(ofABatch);
    }

    @Override
    public java.util.Optional<TilkoResult<String>> keyAtHand() {
        return real.keyAtHand();
    }

    @Override
    public TilkoResult<SimpleAuthTicket> simpleAuth(TilkoPerson person, String privateAuthType) {
        return real.simpleAuth(person, privateAuthType);
    }

    @Override
    public TilkoResult<Boolean> loginCheck(TilkoCredentials credentials, TilkoPerson person) {
        return real.loginCheck(credentials, person);
    }

    @Override
    public TilkoResult<List<Checkup>> healthCheckups(TilkoCredentials credentials, TilkoPerson person) {
        return real.healthCheckups(credentials, person);
    }

    @Override
    public TilkoResult<List<Prescription>> prescriptions(TilkoCredentials credentials, TilkoPerson person,
                                                         LocalDate today) {
        return real.prescriptions(credentials, person, today);
    }
}
