package io.welno.console.tilko;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welno.console.testing.TestTls;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Tilko address whose TLS fails: the handshake comes before the request, so the operator is told Tilko was not
 * reached (never that it may have acted on the call) and why, in the window's language.
 */
class TilkoOverTlsTest {

    private static final TilkoPerson PERSON = TilkoClientMockServerTest.PERSON;

    @Test
    void aCertificateNoAuthoritySignedMeansNothingWasSent() throws IOException {
        try (FakeTilko tilko = new FakeTilko(TestTls.serverSockets());
             TilkoClient client = new TilkoClient(TilkoConfig.builder().baseUrl(tilko.baseUrl())
                     .apiKey(TilkoClientMockServerTest.API_KEY).timeouts(Duration.ofSeconds(5)).build())) {
            assertTrue(tilko.baseUrl().startsWith("https://"), tilko.baseUrl());

            TilkoResult<SimpleAuthTicket> result = client.simpleAuth(PERSON, "0");

            assertEquals(TilkoClassification.ERROR, result.classification());
            assertEquals("CONNECTION_ERROR", result.resultCode(), result.detail());
            assertEquals(Phrase.of("tilko.notReached", Phrase.of("net.tls.untrusted")), result.said(), result.detail());
            assertFalse(result.mayHaveReachedTilko(), "the handshake failed before anything was sent");
            assertFalse(result.wasSent());
            assertEquals(List.of(), tilko.requests, "Tilko received no request");
            assertKorean(result.said());
        }
    }

    /** A server that answers the handshake's first bytes in plain text, as an HTTP or Redis port does. */
    @Test
    void aPlainTextServerAtAnHttpsAddressIsNotTls() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            Thread server = new Thread(() -> {
                try (Socket socket = plain.accept()) {
                    byte[] buffer = new byte[4096];
                    received.write(buffer, 0, socket.getInputStream().read(buffer));
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the client's side is what the test reads
                }
            }, "plain-text server");
            server.start();
            try (TilkoClient client = new TilkoClient(TilkoConfig.builder()
                    .baseUrl("https://127.0.0.1:" + plain.getLocalPort() + "/")
                    .apiKey(TilkoClientMockServerTest.API_KEY).timeouts(Duration.ofSeconds(5)).build())) {

                TilkoResult<SimpleAuthTicket> result = client.simpleAuth(PERSON, "0");

                assertEquals(Phrase.of("tilko.notReached", Phrase.of("net.tls.notTls")), result.said(),
                        result.detail());
                assertFalse(result.mayHaveReachedTilko());
                assertFalse(result.wasSent());
                assertKorean(result.said());
            }
            server.join(5000);
            assertEquals(0x16, received.toByteArray()[0], "all the server read was a TLS handshake record");
        }
    }

    private static void assertKorean(Phrase said) {
        String korean = Words.ko(said);
        assertFalse(korean.replace("TLS", "").matches("(?s).*[A-Za-z]{3,}.*"), "English in Korean: " + korean);
    }
}
