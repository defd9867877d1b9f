package io.welno.console.tilko;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A scripted Tilko on MockWebServer: GetPublicKey answers with a test RSA key (or whatever
 * {@link #publicKeyAnswer} says), every POST gets the next queued response. Requests are recorded.
 */
final class FakeTilko implements AutoCloseable {

    static final KeyPair KEYS = generate();

    final MockWebServer server = new MockWebServer();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    final BlockingQueue<MockResponse> posts = new LinkedBlockingQueue<>();
    volatile Function<String, MockResponse> publicKeyAnswer = FakeTilko::goodPublicKey;

    FakeTilko() throws IOException {
        this(null);
    }

    /** @param https the server's TLS sockets, or null for plain HTTP */
    FakeTilko(SSLSocketFactory https) throws IOException {
        if (https != null) {
            server.useHttps(https);
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                if (request.getUrl().encodedPath().toLowerCase(Locale.ROOT).endsWith("/api/auth/getpublickey")) {
                    return publicKeyAnswer.apply(request.getUrl().queryParameter("APIkey"));
                }
                MockResponse next = posts.poll();
                return next != null ? next : json(500, "{\"Status\":\"Error\",\"Message\":\"no response queued\"}");
            }
        });
        server.start();
    }

    String baseUrl() {
        return server.url("/").toString();
    }

    void enqueue(MockResponse response) {
        posts.add(response);
    }

    void enqueueJson(String body) {
        posts.add(json(200, body));
    }

    List<RecordedRequest> posts() {
        return requests.stream().filter(r -> r.getMethod().equals("POST")).toList();
    }

    long publicKeyRequests() {
        return requests.stream().filter(r -> r.getMethod().equals("GET")).count();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }

    static MockResponse goodPublicKey(String requestedKey) {
        ObjectNode n = TilkoJson.mapper().createObjectNode();
        n.put("Status", "OK");
        n.put("Message", "성공");
        n.put("PublicKey", TilkoCrypto.encodePublicKey(KEYS.getPublic()));
        n.put("ApiKey", requestedKey);
        return json(200, n.toString());
    }

    /** The JSON body of a recorded POST. */
    static JsonNode body(RecordedRequest r) throws IOException {
        return TilkoJson.mapper().readTree(r.getBody().utf8());
    }

    /** The AES key the client wrapped into this request's ENC-KEY. */
    static byte[] aesKey(RecordedRequest r) throws Exception {
        return TilkoCrypto.unwrapAesKey(KEYS.getPrivate(), r.getHeaders().get("ENC-KEY"));
    }

    @Override
    public void close() {
        server.close();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
