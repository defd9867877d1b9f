package io.welno.console.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.welno.console.testing.RedisServerExtension;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import io.welno.console.tilko.sim.TilkoSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The connection dialog's check tries Tilko too, when the profile has its address and a key is at hand: a Tilko that
 * cannot be used is said before the window switches, without stopping the connection (the sessions can be watched).
 */
class TilkoConnectionCheckTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static ConnectionProfile profile(String tilkoUrl) {
        return new ConnectionProfile("check", REDIS.url(), "operator", "Asia/Seoul", "staging", true, tilkoUrl);
    }

    @Test
    void aTilkoThatCannotBeReachedIsAFindingThatDoesNotBlock() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        List<ConnectionCheck.Finding> found = ConnectionCheck.run(profile("http://127.0.0.1:" + closedPort), null,
                "some-key");

        assertEquals(List.of(new ConnectionCheck.Finding(false, Phrase.of("connect.problem.tilko",
                "http://127.0.0.1:" + closedPort, Phrase.of("tilko.notReached", Phrase.of("net.refused"))))), found);
        String korean = Words.ko(found.get(0).phrase());
        assertFalse(korean.replaceAll("http://127\\.0\\.0\\.1:\\d+", "").matches("(?s).*[A-Za-z]{3,}.*"),
                "English in Korean: " + korean);
    }

    @Test
    void aTilkoThatAnswersIsNoFindingAndNoKeyMeansNoTry() throws IOException {
        try (TilkoSimulator sim = TilkoSimulator.start()) {
            assertEquals(List.of(), ConnectionCheck.run(profile(sim.baseUrl()), null, "some-key"));
        }
        assertEquals(List.of(), ConnectionCheck.run(profile("http://127.0.0.1:9"), null, null),
                "without a key nothing is sent to Tilko");
    }
}
