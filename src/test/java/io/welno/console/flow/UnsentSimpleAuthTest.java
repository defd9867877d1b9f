package io.welno.console.flow;

import static io.welno.console.flow.FlowTestSupport.OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.session.SessionStatus;
import io.welno.console.store.RedisSessionStore;
import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A re-send whose request never left the console (Tilko's address refuses connections, so its public key could not
 * be fetched): the session ends in error as the backend leaves it, and the operator is told the request was not sent
 * and no push went to the phone — neither that Tilko refused it nor that it may have reached Tilko.
 */
class UnsentSimpleAuthTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void aRequestThatWasNeverSentIsSaidSo() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ExecutorService pool = Executors.newCachedThreadPool();
        try (RedisSessionStore store = FlowTestSupport.store(REDIS);
             TilkoClient nowhere = new TilkoClient(TilkoConfig.builder().baseUrl("http://127.0.0.1:" + closedPort)
                     .apiKey("flow-test-key").timeouts(Duration.ofSeconds(5)).build());
             FlowService flow = FlowTestSupport.service(store, TilkoGateway.of(nowhere), null, pool,
                     FlowOptions.defaults())) {
            String id = FlowTestSupport.newSession(REDIS);

            ActionResult result = flow.perform(OPERATOR, ActionRequest.of(ActionKind.SIMPLE_AUTH, id, "resend"));

            assertEquals(ActionResult.Outcome.FAILED, result.outcome(), Words.en(result.message()));
            assertEquals(SessionStatus.ERROR, result.statusAfter());
            assertEquals(Phrase.of("flow.simpleAuth.notSent", Phrase.of("tilko.notReached", Phrase.of("net.refused")),
                    SessionStatus.ERROR), result.message());
            assertEquals("The SimpleAuthRequest was not sent (Tilko could not be reached (connection refused)), so no"
                    + " push went to the phone; the session is now error.", Words.en(result.message()));
            String korean = Words.ko(result.message());
            assertTrue(korean.startsWith("간편인증 요청을 보내지 못해(틸코에 연결할 수 없습니다(연결이 거부되었습니다))"),
                    korean);
            assertFalse(korean.matches("(?s).*[A-Za-z]{3,}.*"), "English in Korean: " + korean);
        } finally {
            pool.shutdownNow();
        }
    }
}
