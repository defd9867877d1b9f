package io.welno.console.flow;

import io.welno.console.tilko.Checkup;
import io.welno.console.tilko.Prescription;
import io.welno.console.tilko.SimpleAuthTicket;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The Tilko calls the flow makes; a seam so tests can make a call throw. Production code wraps a {@link TilkoClient}. */
interface TilkoGateway {

    /**
     * Tilko's public key, cached while fresh ({@link TilkoClient#usablePublicKey}): asked before an action changes a
     * session, so a Tilko that cannot be used refuses the action rather than leave the session in error.
     *
     * @param ofABatch true for a bulk run's session, which may take a failure seen a moment ago
     */
    TilkoResult<String> publicKey(boolean ofABatch);

    /**
     * The public key when it is at hand without a request ({@link TilkoClient#keyAtHand}), else empty: the usual
     * answer to whether Tilko can be used, given without waiting a turn among the calls in flight.
     */
    default Optional<TilkoResult<String>> keyAtHand() {
        return Optional.empty();
    }

    TilkoResult<SimpleAuthTicket> simpleAuth(TilkoPerson person, String privateAuthType);

    TilkoResult<Boolean> loginCheck(TilkoCredentials credentials, TilkoPerson person);

    TilkoResult<List<Checkup>> healthCheckups(TilkoCredentials credentials, TilkoPerson person);

    TilkoResult<List<Prescription>> prescriptions(TilkoCredentials credentials, TilkoPerson person, LocalDate today);

    static TilkoGateway of(TilkoClient client) {
        if (client == null) {
            return null;
        }
        return new TilkoGateway() {
            @Override
            public TilkoResult<String> publicKey(boolean ofABatch) {
                return client.usablePublicKey(ofABatch);
            }

            @Override
            public Optional<TilkoResult<String>> keyAtHand() {
                return client.keyAtHand();
            }

            @Override
            public TilkoResult<SimpleAuthTicket> simpleAuth(TilkoPerson person, String privateAuthType) {
                return client.simpleAuth(person, privateAuthType);
            }

            @Override
            public TilkoResult<Boolean> loginCheck(TilkoCredentials credentials, TilkoPerson person) {
                return client.loginCheck(credentials, person);
            }

            @Override
            public TilkoResult<List<Checkup>> healthCheckups(TilkoCredentials credentials, TilkoPerson person) {
                return client.healthCheckups(credentials, person);
            }

            @Override
            public TilkoResult<List<Prescription>> prescriptions(TilkoCredentials credentials, TilkoPerson person,
                                                                 LocalDate today) {
                return client.prescriptions(credentials, person, today);
            }
        };
    }
}
