package io.welno.console.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.testing.Words;
import io.welno.console.text.Phrase;
import io.welno.console.tilko.TilkoClient;
import io.welno.console.tilko.TilkoConfig;
import io.welno.console.tilko.TilkoCredentials;
import io.welno.console.tilko.TilkoCrypto;
import io.welno.console.tilko.TilkoJson;
import io.welno.console.tilko.TilkoPerson;
import io.welno.console.tilko.TilkoResult;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the operator reads of a Tilko answer, as the actions hand it on ({@link TilkoResult#phrase()}): when the client
 * made the answer up, the reader's language, never the Korean sentence the client writes for the session; where
 * Tilko said something itself, its words are kept as they are. The client's own tests check which phrase each
 * made-up answer carries; these check the words.
 */
class TilkoCallsTest {

    private static final String API_KEY = "calls-test-key";
    private static final TilkoPerson PERSON = new TilkoPerson("김가상", "19900101", "01000000001");
    private static final TilkoCredentials CREDS = new TilkoCredentials("cx-1", "4", "req-1", "token-1", "req-1");
    private static final PublicKey KEY = rsaKey();

    private final MockWebServer server = new MockWebServer();
    private volatile Function<String, MockResponse> publicKey = TilkoCallsTest::goodKey;
    private volatile MockResponse post = json(200, "{\"Status\":\"OK\",\"ResultList\":[]}");
    private TilkoClient client;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().toLowerCase(Locale.ROOT).endsWith("/api/auth/getpublickey")
                        ? publicKey.apply(request.getUrl().queryParameter("APIkey")) : post;
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
        client = new TilkoClient(config().build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private TilkoConfig.Builder config() {
        return TilkoConfig.builder().baseUrl(server.url("/").toString()).apiKey(API_KEY)
                .timeouts(Duration.ofSeconds(10)).publicKeyTtl(Duration.ZERO);
    }

    @Test
    void anHttpErrorPageIsNamedByItsStatus() {
        post = new MockResponse.Builder().code(502).setHeader("Content-Type", "text/plain").body("Bad Gateway").build();
        TilkoResult<?> answer = client.healthCheckups(CREDS, PERSON);
        assertEquals("Tilko 서버 오류 (HTTP 502)", answer.message(), "the session's sentence stays the backend's");
        assertWords(answer, "Tilko answered with HTTP status 502", "틸코가 HTTP 502 상태로 답했습니다");
    }

    /** Why a call failed is said in the reader's language; the exception stays the result's detail, for the log. */
    @Test
    void noAnswerIsSaidInTheReadersLanguage() throws Exception {
        post = new MockResponse.Builder().body("{}").onResponseStart(
                mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE).build();
        TilkoResult<?> broke = client.simpleAuth(PERSON, "4");
        assertEquals("Tilko 호출 오류", broke.message(), "the session's sentence stays the backend's");
        assertWords(broke, "The call to Tilko broke off (the other side closed the connection)",
                "틸코 호출이 도중에 끊겼습니다(상대편이 연결을 닫았습니다)");
        assertTrue(broke.detail().contains("end of stream"), broke.detail());

        try (TilkoClient impatient = new TilkoClient(config().timeouts(Duration.ofSeconds(2)).build())) {
            post = new MockResponse.Builder().headersDelay(5, java.util.concurrent.TimeUnit.SECONDS)
                    .setHeader("Content-Type", "application/json").body("{\"Status\":\"OK\"}").build();
            TilkoResult<?> late = impatient.healthCheckups(CREDS, PERSON);
            assertEquals("Tilko 응답 시간 초과", late.message(), "the session's sentence stays the backend's");
            assertWords(late, "No answer from Tilko within 2s", "틸코가 2초 안에 답하지 않았습니다");
            assertTrue(late.detail().contains("timeout") || late.detail().contains("timed out"), late.detail());
        }

        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (TilkoClient nowhere = new TilkoClient(config().baseUrl("http://127.0.0.1:" + closedPort).build())) {
            TilkoResult<?> refused = nowhere.healthCheckups(CREDS, PERSON);
            assertEquals("Tilko 서버 연결 실패", refused.message(), "the session's sentence stays the backend's");
            assertWords(refused, "Tilko could not be reached (connection refused)",
                    "틸코에 연결할 수 없습니다(연결이 거부되었습니다)");
            assertTrue(refused.detail().contains("127.0.0.1:" + closedPort), refused.detail());
        }
    }

    @Test
    void tilkosOwnAnswerKeepsItsCodeAndWords() {
        post = json(200, "{\"Status\":\"Error\",\"ErrorCode\":4115,\"Message\":\"간편인증이 완료되지 않았습니다.\"}");
        assertWords(client.healthCheckups(CREDS, PERSON), "ErrorCode 4115: \"간편인증이 완료되지 않았습니다.\"",
                "ErrorCode 4115: \"간편인증이 완료되지 않았습니다.\"");
        post = json(200, "{\"Status\":\"Error\"}");
        assertWords(client.healthCheckups(CREDS, PERSON), "An error without a message", "메시지 없는 오류");
    }

    @Test
    void anUnreadableBodyAndAWebPageAreSaidAsSuch() {
        post = json(200, "oops, not json");
        assertWords(client.healthCheckups(CREDS, PERSON), "Tilko's answer was not a JSON object",
                "틸코의 응답이 JSON 객체가 아니라서 읽을 수 없습니다");
        post = new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<html></html>").build();
        assertWords(client.healthCheckups(CREDS, PERSON), "Tilko answered a web page instead of JSON",
                "틸코가 JSON 대신 웹 페이지로 답했습니다");
    }

    @Test
    void noApiKeyIsSaidInTheReadersLanguage() {
        try (TilkoClient keyless = new TilkoClient(config().apiKeySupplier(() -> " ").build())) {
            assertWords(keyless.simpleAuth(PERSON, "4"), "No Tilko API key is set, so nothing was sent",
                    "틸코 API 키가 설정되지 않아 아무것도 보내지 않았습니다");
        }
    }

    @Test
    void aRefusedPublicKeyKeepsTilkosOwnWordsAsAnArgument() {
        publicKey = requested -> json(200, "{\"Status\":\"Error\",\"ErrorCode\":401,\"Message\":\"API-Key " + requested
                + " 는 유효하지 않습니다.\"}");
        TilkoResult<?> answer = client.simpleAuth(PERSON, "4");
        assertEquals("PUBLIC_KEY_ERROR", answer.resultCode());
        assertWords(answer, "Tilko refused the public key request (ErrorCode 401: \"API-Key *** 는 유효하지 않습니다.\")",
                "틸코가 공개키 요청을 거절했습니다(ErrorCode 401: \"API-Key *** 는 유효하지 않습니다.\")");

        publicKey = requested -> json(200, "{\"Status\":\"Error\"}");
        answer = client.simpleAuth(PERSON, "4");
        assertEquals("Tilko 공개키 조회에 실패했습니다.", answer.message(), "the session's sentence stays the backend's");
        assertWords(answer, "Tilko refused the public key request (an error without a message)",
                "틸코가 공개키 요청을 거절했습니다(메시지 없는 오류)");
    }

    @Test
    void aPublicKeyTheClientCannotUseIsSaidInOurWords() {
        publicKey = requested -> json(200, "{\"Status\":\"OK\",\"PublicKey\":\""
                + TilkoCrypto.encodePublicKey(KEY) + "\",\"ApiKey\":\"someone-elses-key\"}");
        assertWords(client.healthCheckups(CREDS, PERSON), "Tilko's public key was issued for a different API key",
                "틸코가 준 공개키는 다른 API 키의 것입니다");

        publicKey = requested -> json(200, "{\"Status\":\"OK\",\"PublicKey\":\"not a key\",\"ApiKey\":\""
                + requested + "\"}");
        assertWords(client.healthCheckups(CREDS, PERSON), "Tilko's answer to the public key request could not be read",
                "틸코의 공개키 응답을 읽을 수 없습니다");

        publicKey = requested -> json(200, "[]");
        assertWords(client.healthCheckups(CREDS, PERSON), "Tilko's answer to the public key request could not be read",
                "틸코의 공개키 응답을 읽을 수 없습니다");
    }

    @Test
    void anOkWithoutACxIdIsSaidInTheReadersLanguage() {
        post = json(200, "{\"Status\":\"OK\",\"ResultData\":{}}");
        assertWords(client.simpleAuth(PERSON, "4"),
                "Tilko answered OK but gave no CxId: the person's authentication app is probably not linked",
                "틸코가 정상 응답했지만 CxId가 없습니다. 본인의 인증 앱이 연동되지 않은 것 같습니다");
    }

    private static void assertWords(TilkoResult<?> answer, String english, String korean) {
        Phrase said = answer.phrase();
        assertEquals(english, Words.en(said), answer.describe());
        assertEquals(korean, Words.ko(said), answer.describe());
    }

    private static MockResponse goodKey(String requested) {
        ObjectNode n = TilkoJson.mapper().createObjectNode();
        n.put("Status", "OK");
        n.put("PublicKey", TilkoCrypto.encodePublicKey(KEY));
        n.put("ApiKey", requested);
        return json(200, n.toString());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }

    private static PublicKey rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPublic();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
