package io.welno.console.tilko;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.MutableClock;
import io.welno.console.text.Phrase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whether Tilko can be used, as an action asks it before it changes a session: within the probe's own limit, one
 * request for callers that ask at once, and a failure that stands a few seconds, so a bulk run over a Tilko that is
 * down does not wait out the limit once per session.
 */
class UsablePublicKeyTest {

    private static final String API_KEY = TilkoClientMockServerTest.API_KEY;

    /** The client's monotonic clock and its wall clock, moved by hand. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final MutableClock wall = new MutableClock(Instant.parse("2026-12-06T01:00:00Z"), ZoneOffset.UTC);
    private FakeTilko tilko;

    @BeforeEach
    void start() throws IOException {
        tilko = new FakeTilko();
    }

    @AfterEach
    void stop() {
        tilko.close();
    }

    private TilkoConfig.Builder config() {
        return TilkoConfig.builder().baseUrl(tilko.baseUrl()).apiKey(API_KEY).nanoTime(nanos::get).clock(wall);
    }

    private static MockResponse silent() {
        return new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS)
                .setHeader("Content-Type", "application/json").body("{}").build();
    }

    @Test
    void theProbeWaitsItsOwnLimitNotTheRequests() {
        tilko.publicKeyAnswer = key -> silent();
        try (TilkoClient client = new TilkoClient(config().requestTimeout(Duration.ofSeconds(60))
                .probeTimeout(Duration.ofMillis(400)).build())) {
            TilkoResult<String> usable = client.usablePublicKey(true);

            assertFalse(usable.isSuccess());
            assertEquals(Phrase.of("tilko.noAnswer", Duration.ofMillis(400)), usable.said(),
                    "the probe's limit, not the request's minute");
        }
    }

    @Test
    void theProbeIsNeverLongerThanARequest() {
        TilkoConfig config = config().requestTimeout(Duration.ofSeconds(3)).build();
        assertEquals(Duration.ofSeconds(3), config.probeTimeout());
        assertEquals(TilkoConfig.DEFAULT_PROBE_TIMEOUT, config().build().probeTimeout());
    }

    @Test
    void callersAskingAtOnceShareOneRequestAndAFailureStandsAMoment() throws Exception {
        tilko.publicKeyAnswer = key -> silent();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try (TilkoClient client = new TilkoClient(config().probeTimeout(Duration.ofMillis(400)).build())) {
            List<Future<TilkoResult<String>>> asked = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                asked.add(callers.submit(() -> client.usablePublicKey(true)));
            }
            for (Future<TilkoResult<String>> answer : asked) {
                assertEquals(Phrase.of("tilko.noAnswer", Duration.ofMillis(400)), answer.get().said());
            }
            assertEquals(1, tilko.publicKeyRequests(), "one probe for six callers");

            nanos.addAndGet(UsabilityProbe.FAILURE_MEMORY.minusMillis(1).toNanos());
            assertFalse(client.usablePublicKey(true).isSuccess());
            assertEquals(1, tilko.publicKeyRequests(), "the failure still stands");

            tilko.publicKeyAnswer = FakeTilko::goodPublicKey;
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            wall.advance(UsabilityProbe.FAILURE_MEMORY);
            assertTrue(client.usablePublicKey(true).isSuccess(), "asked again once the failure has stood its time");
            assertEquals(2, tilko.publicKeyRequests());
            assertTrue(client.usablePublicKey(true).isSuccess());
            assertEquals(2, tilko.publicKeyRequests(), "the key is cached now");
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * A failure and a key stand while both clocks say they are recent: the monotonic clock stands still while the
     * computer sleeps, and after an hour asleep Tilko is asked again, not taken as down (or up) from before.
     */
    @Test
    void afterTheComputerSleptTheFailureAndTheKeyAreAskedAgain() {
        tilko.publicKeyAnswer = key -> silent();
        try (TilkoClient client = new TilkoClient(config().probeTimeout(Duration.ofMillis(400)).build())) {
            assertFalse(client.usablePublicKey(true).isSuccess());
            assertEquals(1, tilko.publicKeyRequests());
            tilko.publicKeyAnswer = FakeTilko::goodPublicKey;
            wall.advance(Duration.ofHours(1)); // asleep: the monotonic clock did not move
            assertTrue(client.usablePublicKey(true).isSuccess(), "asked again after the sleep");
            assertEquals(2, tilko.publicKeyRequests());

            tilko.publicKeyAnswer = key -> silent();
            wall.advance(Duration.ofHours(1));
            assertFalse(client.usablePublicKey(true).isSuccess(), "the key from before the sleep is not taken as Tilko up");
            assertEquals(3, tilko.publicKeyRequests());
        }
    }

    @Test
    void aRefusalStandsForThatKeyUntilTheKeysAreForgotten() {
        tilko.publicKeyAnswer = key -> FakeTilko.json(200, "{\"Status\":\"Error\","
                + "\"Message\":\"유효하지 않은 API-Key 입니다.\",\"ErrorCode\":\"BAD_API_KEY\"}");
        try (TilkoClient client = new TilkoClient(config().build())) {
            assertFalse(client.usablePublicKey(true).isSuccess());
            assertFalse(client.usablePublicKey(true).isSuccess());
            assertEquals(1, tilko.publicKeyRequests());

            tilko.publicKeyAnswer = FakeTilko::goodPublicKey;
            client.invalidatePublicKeys();
            assertTrue(client.usablePublicKey(true).isSuccess(), "a rotated key is tried at once");
            assertEquals(2, tilko.publicKeyRequests());
        }
    }

    /** An operator may be retrying one action because Tilko is back: a failure of a moment ago is not its answer. */
    @Test
    void aSingleActionAsksAnewWhileABulkRunsSessionTakesTheRecentFailure() {
        tilko.publicKeyAnswer = key -> FakeTilko.json(503, "busy");
        try (TilkoClient client = new TilkoClient(config().build())) {
            assertFalse(client.usablePublicKey(true).isSuccess());
            tilko.publicKeyAnswer = FakeTilko::goodPublicKey;

            assertFalse(client.usablePublicKey(true).isSuccess(), "one of many takes the failure of a moment ago");
            assertEquals(1, tilko.publicKeyRequests());
            assertTrue(client.usablePublicKey(false).isSuccess(), "a single action asks Tilko, which is back");
            assertEquals(2, tilko.publicKeyRequests());
        }
    }

    @Test
    void anActionsOwnCallDoesNotTakeTheProbesFailure() {
        tilko.publicKeyAnswer = key -> FakeTilko.json(503, "busy");
        try (TilkoClient client = new TilkoClient(config().build())) {
            assertFalse(client.usablePublicKey(true).isSuccess());
            tilko.publicKeyAnswer = FakeTilko::goodPublicKey;

            assertTrue(client.publicKey().isSuccess(), "the health check asks Tilko itself");
            assertTrue(client.usablePublicKey(true).isSuccess(), "and the key it fetched is used");
            assertEquals(2, tilko.publicKeyRequests());
        }
    }
}
