package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionStatus;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.Await;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoConfig;
import io.welno.console.tilko.TilkoResult;
import io.welno.console.tilko.sim.SimulatorOptions;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Tilko that cannot be reached: an action that would change the session is refused before anything is written (the
 * backend's way would leave the session in error); and a re-send whose own request never left (the key was at hand,
 * Tilko went away since) is said as not sent, with no push to the phone — neither that Tilko refused it nor that it
 * may have reached Tilko.
 */
class UnusableTilkoTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private RedisSessionStore store;
    private TilkoClient nowhere;

    @BeforeEach
    void open() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        store = FlowTestSupport.store(REDIS);
        nowhere = new TilkoClient(TilkoConfig.builder().baseUrl("http://127.0.0.1:" + closedPort)
                .apiKey("flow-test-key").timeouts(Duration.ofSeconds(5)).build());
    }

    @AfterEach
    void close() {
        nowhere.close();
        store.close();
        pool.shutdownNow();
    }

    private FlowService nowhereFlow() {
        return FlowTestSupport.service(store, TilkoGateway.of(nowhere), null, pool, FlowOptions.defaults());
    }

    /** The action on the session, with Tilko unreachable: refused, and the stored value not changed by a byte. */
    private ActionResult refusedUnchanged(ActionKind kind, String id, String why) {
        String stored = REDIS.client().get("tilko_session:" + id);
        try (FlowService flow = nowhereFlow()) {
            ActionResult result = flow.perform(OPERATOR, ActionRequest.of(kind, id, "by hand"));
            assertEquals(ActionResult.Outcome.REFUSED, result.outcome(), Words.en(result.message()));
            assertEquals(stored, REDIS.client().get("tilko_session:" + id), why);
            return result;
        }
    }

    @Test
    void anUnreachableTilkoRefusesTheActionAndChangesNothing() {
        ActionResult result = refusedUnchanged(ActionKind.SIMPLE_AUTH, FlowTestSupport.newSession(REDIS),
                "not a byte written");

        assertEquals(Phrase.of("flow.refused", Phrase.of("flow.tilko.unusable", ActionKind.SIMPLE_AUTH,
                Phrase.of("tilko.notReached", Phrase.of("net.refused")))), result.message());
        assertEquals("Tilko cannot be used for \"simple-auth\" now: Tilko could not be reached"
                + " (connection refused). Nothing was changed.", Words.en(result.message()));
        assertEquals("'인증 요청 다시 보내기'에는 틸코가 필요한데 지금은 쓸 수 없습니다: 틸코에 연결할 수 없습니다(연결이 거부되었습니다)."
                + " 아무것도 바꾸지 않았습니다.", Words.ko(result.message()));
        assertKorean(result.message());
    }

    @Test
    void aCollectionIsRefusedToo() throws Exception {
        TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO).build());
        String id;
        try (TilkoClient reachable = FlowTestSupport.tilko(sim);
             FlowService before = FlowTestSupport.service(store, TilkoGateway.of(reachable), null, pool,
                     FlowOptions.defaults())) {
            id = FlowTestSupport.newSession(REDIS);
            assertTrue(before.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "auth")).applied());
            assertTrue(before.perform(FlowTestSupport.DEVELOPER,
                    ActionRequest.of(ActionKind.MANUAL_COMPLETE, id, "approved")).applied());
        } finally {
            sim.close();
        }
        ActionResult result = refusedUnchanged(ActionKind.COLLECT, id,
                "still auth_completed: the user need not approve on the phone again");

        assertEquals(SessionStatus.AUTH_COMPLETED, result.statusBefore());
        assertKorean(result.message());
    }

    @Test
    void aRequestThatNeverLeftIsSaidSo() throws Exception {
        // The key was fetched while Tilko answered; the request itself meets a Tilko that has gone away since.
        TilkoSimulator sim = TilkoSimulator.start(SimulatorOptions.builder().approvalDelay(Duration.ZERO).build());
        try (TilkoClient reachable = FlowTestSupport.tilko(sim)) {
            TilkoGateway keyAtHand = new ForwardingTilko(TilkoGateway.of(nowhere)) {
                @Override
                public TilkoResult<String> publicKey(boolean ofABatch) {
                    return reachable.usablePublicKey(ofABatch);
                }
            };
            try (FlowService flow = FlowTestSupport.service(store, keyAtHand, null, pool, FlowOptions.defaults())) {
                String id = FlowTestSupport.newSession(REDIS);

                ActionResult result = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "resend"));

                assertEquals(ActionResult.Outcome.FAILED, result.outcome(), Words.en(result.message()));
                assertEquals(SessionStatus.ERROR, result.statusAfter(), "as the backend leaves it");
                assertEquals(Phrase.of("flow.simpleAuth.notSent", Phrase.of("tilko.notReached",
                        Phrase.of("net.refused")), SessionStatus.ERROR), result.message());
                assertEquals("The SimpleAuthRequest was not sent (Tilko could not be reached (connection refused)), so"
                        + " no push went to the phone; the session is now error.", Words.en(result.message()));
                String korean = Words.ko(result.message());
                assertTrue(korean.startsWith("간편인증 요청을 보내지 못해(틸코에 연결할 수 없습니다(연결이 거부되었습니다))"),
                        korean);
                assertKorean(result.message());
            }
        } finally {
            sim.close();
        }
    }

    /** A session the action would refuse anyway is told its own reason, not that Tilko cannot be used. */
    @Test
    void aSessionTheGuardsRefuseIsToldItsOwnReason() {
        ActionResult refused = refusedUnchanged(ActionKind.COLLECT, FlowTestSupport.newSession(REDIS),
                "an initiated session cannot be collected: nothing written");
        assertFalse(Words.en(refused.message()).contains("Tilko"), Words.en(refused.message()));

        String noSuchSession = "welno_" + "0".repeat(32);
        try (FlowService flow = nowhereFlow()) {
            ActionResult gone = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, noSuchSession, "resend"));
            assertFalse(Words.en(gone.message()).contains("Tilko"), Words.en(gone.message()));
        }
    }

    /**
     * A bulk re-send over a Tilko that takes connections and never answers: each session is refused, having waited
     * at most the probe's limit, and Tilko is asked once for the whole run, not once per session.
     */
    @Test
    void aBulkRunOverASilentTilkoAsksItOnce() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger asked = new AtomicInteger();
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread listener = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                        asked.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-tilko");
            listener.setDaemon(true);
            listener.start();
            Duration limit = Duration.ofMillis(300);
            TilkoConfig config = TilkoConfig.builder().baseUrl("http://127.0.0.1:" + silent.getLocalPort())
                    .apiKey("flow-test-key").probeTimeout(limit)
                    .nanoTime(() -> 0L).clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).build(); // a failure stands all run
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ids.add(FlowTestSupport.newSession(REDIS));
            }
            ExecutorService workers = Executors.newFixedThreadPool(4);
            try (TilkoClient client = new TilkoClient(config);
                 FlowService flow = FlowTestSupport.service(store, TilkoGateway.of(client), null, pool,
                         FlowOptions.defaults())) {
                BulkRun run = BulkRun.start(flow, OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, "-", "resend"),
                        ids, workers, null);
                assertTrue(run.await(Await.EVENTUALLY));

                assertEquals(8, run.summary().count(BulkRun.Tally.REFUSED), run.summary().byTally().toString());
                for (BulkRun.Item item : run.summary().byTally().get(BulkRun.Tally.REFUSED)) {
                    assertEquals(Phrase.of("flow.refused", Phrase.of("flow.tilko.unusable", ActionKind.SIMPLE_AUTH,
                            Phrase.of("tilko.noAnswer", limit))), item.result().message());
                    assertKorean(item.result().message());
                }
                assertEquals(1, asked.get(), "one probe for the run");
            } finally {
                workers.shutdownNow();
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    private static void assertKorean(Phrase message) {
        String korean = Words.ko(message);
        assertFalse(korean.matches("(?s).*[A-Za-z]{3,}.*"), "English in Korean: " + korean);
    }
}
