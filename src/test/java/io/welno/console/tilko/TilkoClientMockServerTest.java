package io.welno.console.tilko;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.testing.LogCapture;
import io.welno.console.text.Phrase;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted Tilko: request shape, and every way an answer can go wrong. */
class TilkoClientMockServerTest {

    static final String API_KEY = "0123456789abcdef0123456789abcdef";
    static final TilkoPerson PERSON = new TilkoPerson("김가상", "19900101", "01000000001");
    static final TilkoCredentials CREDS = new TilkoCredentials("cx-1", "4", "req-1", "token-1", "req-1");

    private FakeTilko tilko;
    private TilkoClient client;
    private LogCapture logs;

    @BeforeEach
    void setUp() throws IOException {
        tilko = new FakeTilko();
        client = new TilkoClient(config().build());
        logs = new LogCapture("io.welno.console.tilko");
    }

    @AfterEach
    void tearDown() {
        logs.close();
        client.close();
        tilko.close();
    }

    private TilkoConfig.Builder config() {
        return TilkoConfig.builder().baseUrl(tilko.baseUrl()).apiKey(API_KEY).timeouts(Duration.ofSeconds(5));
    }

    // ---------------------------------------------------------------- request shape

    @Test
    void checkupRequestCarriesHeadersPlainCredentialsAndEncryptedPerson() throws Exception {
        String answer = "{\"ResultList\":[{\"Year\":\"2023년\",\"CheckUpDate\":\"09/28\",\"Code\":\"정상(A)\",\"Location\":\"가상의원\","
                + "\"Description\":\"\",\"Inspections\":[{\"Gubun\":\"계측검사\",\"Illnesses\":[{\"Name\":\"비만\",\"Items\":"
                + "[{\"Name\":\"신장\",\"Value\":\"170.1\",\"Unit\":\"cm\",\"ItemReferences\":[]}]}]}]}],"
                + "\"ApiTxKey\":\"tx-9\",\"Status\":\"OK\",\"StatusSeq\":0,\"ErrorCode\":0,\"Message\":\"성공\",\"ErrorLog\":null,"
                + "\"TargetCode\":null,\"TargetMessage\":null,\"PointBalance\":\"8900.00\"}";
        tilko.enqueueJson(answer);

        TilkoResult<List<Checkup>> result = client.healthCheckups(CREDS, PERSON);

        assertEquals(TilkoClassification.SUCCESS, result.classification(), result.describe());
        assertEquals(TilkoJson.mapper().readTree(answer), result.envelope(), "raw envelope kept verbatim");
        assertEquals("170.1", result.payload().orElseThrow().get(0).item("신장").orElseThrow().value());
        assertEquals(2023, result.payload().orElseThrow().get(0).yearNumber().orElseThrow());

        RecordedRequest get = tilko.requests.get(0);
        assertEquals("GET", get.getMethod());
        assertEquals(API_KEY, get.getUrl().queryParameter("APIkey"));
        RecordedRequest post = tilko.posts().get(0);
        assertEquals("/api/v1.0/NhisSimpleAuth/Ggpab003M0105", post.getUrl().encodedPath());
        assertEquals(API_KEY, post.getHeaders().get("API-KEY"));
        assertTrue(post.getHeaders().get("Content-Type").startsWith("application/json"));
        byte[] aes = FakeTilko.aesKey(post);
        assertEquals(16, aes.length);
        JsonNode body = FakeTilko.body(post);
        assertEquals("cx-1", body.get("CxId").asText());
        assertEquals("4", body.get("PrivateAuthType").asText());
        assertEquals("req-1", body.get("ReqTxId").asText());
        assertEquals("token-1", body.get("Token").asText());
        assertEquals("req-1", body.get("TxId").asText());
        assertNotEquals("김가상", body.get("UserName").asText(), "person fields are never plain");
        assertEquals("김가상", TilkoCrypto.decryptField(aes, body.get("UserName").asText()));
        assertEquals("19900101", TilkoCrypto.decryptField(aes, body.get("BirthDate").asText()));
        assertEquals("01000000001", TilkoCrypto.decryptField(aes, body.get("UserCellphoneNumber").asText()));
    }

    @Test
    void publicKeyIsCachedButEveryRequestGetsAFreshAesKey() throws Exception {
        tilko.enqueueJson("{\"Status\":\"OK\",\"ResultList\":[]}");
        tilko.enqueueJson("{\"Status\":\"OK\",\"ResultList\":[]}");
        assertTrue(client.healthCheckups(CREDS, PERSON).isSuccess());
        assertTrue(client.healthCheckups(CREDS, PERSON).isSuccess());

        assertEquals(1, tilko.publicKeyRequests(), "GetPublicKey cached per API key");
        List<RecordedRequest> posts = tilko.posts();
        assertNotEquals(posts.get(0).getHeaders().get("ENC-KEY"), posts.get(1).getHeaders().get("ENC-KEY"));
        assertFalse(java.util.Arrays.equals(FakeTilko.aesKey(posts.get(0)), FakeTilko.aesKey(posts.get(1))));
    }

    @Test
    void zeroTtlFetchesThePublicKeyBeforeEveryCallLikeTheBackend() {
        try (TilkoClient uncached = new TilkoClient(config().publicKeyTtl(Duration.ZERO).build())) {
            tilko.enqueueJson("{\"Status\":\"OK\",\"ResultList\":[]}");
            tilko.enqueueJson("{\"Status\":\"OK\",\"ResultList\":[]}");
            uncached.healthCheckups(CREDS, PERSON);
            uncached.healthCheckups(CREDS, PERSON);
        }
        assertEquals(2, tilko.publicKeyRequests());
    }

    @Test
    void prescriptionsSendTheBackendsPeriod() throws Exception {
        tilko.enqueueJson("{\"Status\":\"OK\",\"ResultList\":[{\"Idx\":\"1\",\"JinRyoGaesiIl\":\"2025-03-02\","
                + "\"ByungEuiwonYakGukMyung\":\"가상약국\",\"RetrieveTreatmentInjectionInformationPersonDetailList\":"
                + "[{\"ChoBangYakPumMyung\":\"가상정\",\"RetrieveMdsupDtlInfo\":{\"DrugCode\":\"1\"}}]}]}");
        TilkoResult<List<Prescription>> result = client.prescriptions(CREDS, PERSON, LocalDate.of(2026, 1, 6));

        assertTrue(result.isSuccess(), result.describe());
        Prescription p = result.payload().orElseThrow().get(0);
        assertEquals(LocalDate.of(2025, 3, 2), p.treatmentStartDate().orElseThrow());
        assertEquals("가상정", p.drugs().get(0).name());
        JsonNode body = FakeTilko.body(tilko.posts().get(0));
        assertEquals("/api/v1.0/NhisSimpleAuth/RetrieveTreatmentInjectionInformationPerson",
                tilko.posts().get(0).getUrl().encodedPath());
        assertEquals("20241112", body.get("StartDate").asText(), "today - 420 days");
        assertEquals("20251107", body.get("EndDate").asText(), "today - 60 days");
    }

    @Test
    void simpleAuthSendsPlainTypeAndParsesResultData() throws Exception {
        tilko.enqueueJson("{\"ResultData\":{\"CxId\":\"cx-7\",\"PrivateAuthType\":\"TelecomPass\",\"ReqTxId\":\"r-7\","
                + "\"Token\":\"t-7\",\"TxId\":\"x-7\",\"UserName\":\"김가상\",\"BirthDate\":\"19900101\","
                + "\"UserCellphoneNumber\":\"01000000001\"},\"Status\":\"OK\",\"StatusSeq\":\"0\",\"ErrorCode\":\"0\"}");
        TilkoResult<SimpleAuthTicket> result = client.simpleAuth(PERSON, "4");

        assertTrue(result.isSuccess(), result.describe());
        SimpleAuthTicket ticket = result.payload().orElseThrow();
        assertEquals(new TilkoCredentials("cx-7", "4", "r-7", "t-7", "x-7"), ticket.credentials());
        assertEquals("김가상", ticket.userName());
        RecordedRequest post = tilko.posts().get(0);
        assertEquals("/api/v1.0/NhisSimpleAuth/SimpleAuthRequest", post.getUrl().encodedPath());
        JsonNode body = FakeTilko.body(post);
        assertEquals("4", body.get("PrivateAuthType").asText());
        assertEquals("19900101", TilkoCrypto.decryptField(FakeTilko.aesKey(post), body.get("BirthDate").asText()));
    }

    @Test
    void simpleAuthOkWithoutCxIdIsAnErrorExplainingTheUnlinkedApp() {
        tilko.enqueueJson("{\"ResultData\":{\"CxId\":null},\"Status\":\"OK\",\"Message\":\"성공\"}");
        TilkoResult<SimpleAuthTicket> result = client.simpleAuth(PERSON, "0");
        assertEquals(TilkoClassification.ERROR, result.classification());
        assertTrue(result.payload().isEmpty());
        assertTrue(result.detail().contains("not linked"), result.detail());
        assertEquals(Phrase.of("tilko.appNotLinked.said", "성공"), result.phrase(),
                "Tilko's word for success, kept beside what its OK without a CxId means, not as its refusal");

        tilko.enqueueJson("{\"ResultData\":{\"CxId\":\"\"},\"Status\":\"OK\"}");
        assertEquals(Phrase.of("tilko.appNotLinked"), client.simpleAuth(PERSON, "0").said(),
                "without a word from Tilko, the client says what its OK without a CxId means");
    }

    @Test
    void loginCheckNestsCredentialsUnderAuth() throws Exception {
        tilko.enqueueJson("{\"Status\":\"OK\",\"Message\":\"성공\",\"Result\":false}");
        tilko.enqueueJson("{\"Status\":\"OK\",\"Message\":\"성공\",\"Result\":true}");
        assertEquals(TilkoClassification.NOT_APPROVED_YET, client.loginCheck(CREDS, PERSON).classification());
        assertEquals(TilkoClassification.SUCCESS, client.loginCheck(CREDS, PERSON).classification());

        RecordedRequest post = tilko.posts().get(0);
        assertEquals("/api/v2.0/NhisSimpleAuth/LoginCheck", post.getUrl().encodedPath());
        JsonNode auth = FakeTilko.body(post).get("Auth");
        assertEquals("cx-1", auth.get("CxId").asText());
        assertEquals("token-1", auth.get("Token").asText());
        assertEquals("01000000001", TilkoCrypto.decryptField(FakeTilko.aesKey(post), auth.get("UserCellphoneNumber").asText()));
    }

    // ---------------------------------------------------------------- failures: classified, never thrown

    @Test
    void htmlAnswerBecomesTheBackendsAuthPendingEnvelope() {
        tilko.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<html><body>로그인 페이지</body></html>").build());
        TilkoResult<List<Checkup>> result = client.healthCheckups(CREDS, PERSON);

        assertEquals(TilkoClassification.NOT_APPROVED_YET, result.classification());
        assertEquals("Error", result.status());
        assertEquals("AUTH_PENDING", result.resultCode());
        assertEquals("인증 대기 중", result.message());
        assertTrue(result.envelope().get("ErrMsg").asText().startsWith("간편인증 로그인 요청이 실패했습니다"));
        assertEquals(200, result.httpStatus());
        assertEquals(Phrase.of("tilko.htmlAnswer"), result.said(), "the operator is not told 인증 대기 중");
        assertNoApiKey(result);
    }

    @Test
    void htmlBodyLabelledAsJsonIsStillAnHtmlAnswer() {
        tilko.enqueue(FakeTilko.json(200, "  <!DOCTYPE html><html></html>"));
        TilkoResult<List<Checkup>> result = client.healthCheckups(CREDS, PERSON);
        assertEquals("AUTH_PENDING", result.resultCode());
        assertEquals(Phrase.of("tilko.htmlAnswer"), result.said());
    }

    @Test
    void htmlAnswerOnPrescriptionsIsAnErrorLikeTheBackend() {
        tilko.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<html></html>").build());
        TilkoResult<List<Prescription>> result = client.prescriptions(CREDS, PERSON, LocalDate.of(2026, 1, 6));
        assertEquals(TilkoClassification.ERROR, result.classification());
        assertEquals("AUTH_PENDING", result.resultCode());
    }

    @Test
    void http5xxIsAClassifiedError() {
        tilko.enqueue(new MockResponse.Builder().code(503).setHeader("Content-Type", "text/plain")
                .body("Service Unavailable").build());
        TilkoResult<List<Checkup>> result = client.healthCheckups(CREDS, PERSON);

        assertEquals(TilkoClassification.ERROR, result.classification());
        assertEquals("HTTP_503", result.resultCode());
        assertEquals(503, result.httpStatus());
        assertTrue(result.message().contains("503"), result.message());
        assertTrue(result.envelope().get("TechnicalDetail").asText().contains("Service Unavailable"));
        assertEquals(Phrase.of("tilko.httpStatus", 503), result.said());
        assertNoApiKey(result);
    }

    /** A long body is cut for the detail between whole characters: half an emoji is no text, and shows as an escape. */
    @Test
    void aLongAnswerIsCutBetweenWholeCharacters() {
        tilko.enqueue(new MockResponse.Builder().code(503).setHeader("Content-Type", "text/plain")
                .body("a".repeat(199) + "😀 점검 중").build());
        TilkoResult<List<Checkup>> result = client.healthCheckups(CREDS, PERSON);

        String detail = result.envelope().get("TechnicalDetail").asText();
        assertTrue(detail.endsWith("a".repeat(199) + "…"), detail);
        assertTrue(detail.chars().noneMatch(c -> Character.isSurrogate((char) c)), "no half of the emoji: " + detail);
    }

    @Test
    void http5xxWithTilkoEnvelopeKeepsTilkosMessage() {
        tilko.enqueue(FakeTilko.json(500, "{\"Status\":\"Error\",\"ErrorCode\":500,\"Message\":\"서버 점검 중입니다\","
                + "\"ApiTxKey\":\"tx-500\"}"));
        TilkoResult<List<Checkup>> result = client.healthCheckups(CREDS, PERSON);
        assertEquals(TilkoClassification.ERROR, result.classification());
        assertEquals("서버 점검 중입니다", result.message());
        assertEquals("tx-500", result.apiTxKey());
        assertEquals(500, result.httpStatus());
        assertNull(result.said(), "Tilko's own envelope speaks for itself");
        assertEquals(Phrase.of("tilko.codeSaid", "ErrorCode 500", "서버 점검 중입니다"), result.phrase());
    }

    @Test
    void http5xxWithOkEnvelopeIsNeverASuccess() {
        tilko.enqueue(FakeTilko.json(502, "{\"Status\":\"OK\",\"Message\":\"성공\",\"ResultList\":[]}"));
        TilkoResult<List<Checkup>> result = client.healthCheckups(CREDS, PERSON);
        assertEquals(TilkoClassification.ERROR, result.classification());
        assertEquals(Phrase.of("tilko.okOnHttpError", 502), result.phrase(), "not Tilko's 성공 as the reason");
    }

    @Test
    void anOkWhosePayloadCannotBeReadIsAnErrorInTheClientsWords() {
        ObjectNode envelope = (ObjectNode) TilkoJson.mapper().createObjectNode().put("Status", "OK")
                .put("Message", "성공");
        TilkoResult<Object> result = TilkoClient.withPayload(TilkoEndpoint.CHECKUPS, TilkoClassification.SUCCESS,
                envelope, 200, null, null, e -> {
                    throw new IllegalStateException("a payload no lenient reading expected");
                });
        assertEquals(TilkoClassification.ERROR, result.classification());
        assertTrue(result.payload().isEmpty());
        assertEquals(Phrase.of("tilko.payloadUnreadable"), result.phrase(), "not Tilko's 성공 as the reason");
        assertEquals("payload could not be parsed: IllegalStateException", result.detail());
        assertFalse(result.mayHaveReachedTilko(), "Tilko answered");
        assertTrue(result.wasSent());
        assertEquals(envelope, result.envelope(), "the envelope as Tilko sent it is kept");
    }

    @Test
    void aTimeoutIsAClassifiedError() {
        // Impatient against an answer 5 s late, yet patient enough to fetch the key on a busy machine.
        try (TilkoClient impatient = new TilkoClient(config().timeouts(Duration.ofMillis(1500)).build())) {
            impatient.publicKey(); // warm the key cache so only the data call is slow
            tilko.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS)
                    .setHeader("Content-Type", "application/json").body("{\"Status\":\"OK\"}").build());
            TilkoResult<List<Checkup>> result = impatient.healthCheckups(CREDS, PERSON);

            // Had the client waited for the (successful) answer, this would be OK: it gave up at its timeout.
            assertEquals(TilkoClassification.ERROR, result.classification());
            assertEquals("TIMEOUT", result.resultCode());
            assertEquals(0, result.httpStatus());
            assertEquals(Phrase.of("tilko.noAnswer", Duration.ofMillis(1500)), result.said(), "names the time limit");
            assertTrue(result.mayHaveReachedTilko(), "sent and never answered: Tilko may have done its work");
            assertTrue(result.wasSent());
            assertNoApiKey(result);
        }
    }

    /**
     * A SimpleAuthRequest that never went out because the public key did not come in time: no push can have been
     * sent, whatever the timeout says, and the operator must not be told one may have been.
     */
    @Test
    void aPublicKeyThatTimesOutSendsNothingAndSaysSo() {
        try (TilkoClient impatient = new TilkoClient(config().timeouts(Duration.ofMillis(1500)).build())) {
            tilko.publicKeyAnswer = key -> new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS)
                    .setHeader("Content-Type", "application/json").body("{}").build();
            TilkoResult<SimpleAuthTicket> result = impatient.simpleAuth(PERSON, "0");

            assertEquals("TIMEOUT", result.resultCode());
            assertEquals(Phrase.of("tilko.publicKey.failed", Phrase.of("tilko.noAnswer", Duration.ofMillis(1500))),
                    result.said(), "the key's request had no answer");
            assertFalse(result.mayHaveReachedTilko(), "the SimpleAuthRequest itself was never sent");
            assertFalse(result.wasSent());
            assertTrue(tilko.posts().isEmpty());
        }
    }

    @Test
    void envelopeWithMissingFieldsIsAnErrorCarryingTheMessage() {
        tilko.enqueueJson("{\"Message\":\"처리 중 오류가 발생했습니다\"}");
        TilkoResult<List<Checkup>> result = client.healthCheckups(CREDS, PERSON);
        assertEquals(TilkoClassification.ERROR, result.classification());
        assertEquals("처리 중 오류가 발생했습니다", result.message());
        assertNull(result.status());
        assertNull(result.errorCode());
        assertNull(result.apiTxKey());
        assertTrue(result.errorCodeNumber().isEmpty());

        tilko.enqueueJson("{}");
        TilkoResult<List<Checkup>> empty = client.healthCheckups(CREDS, PERSON);
        assertEquals(TilkoClassification.ERROR, empty.classification());
        assertEquals("", empty.message());
    }

    @Test
    void statusErrorCarriesCodesMessagesAndTxKey() {
        tilko.enqueueJson("{\"ResultList\":null,\"ApiTxKey\":\"tx-42\",\"Status\":\"Error\",\"StatusSeq\":0,"
                + "\"ErrorCode\":\"1234\",\"Message\":\"조회 실패\",\"ErrorLog\":\"trace\",\"TargetCode\":\"NHIS-9\","
                + "\"TargetMessage\":\"공단 시스템 점검\",\"PointBalance\":\"100.00\"}");
        TilkoResult<List<Checkup>> result = client.healthCheckups(CREDS, PERSON);
        assertEquals(TilkoClassification.ERROR, result.classification());
        assertEquals("1234", result.errorCode());
        assertEquals(1234L, result.errorCodeNumber().orElseThrow());
        assertEquals("조회 실패", result.message());
        assertEquals("NHIS-9", result.targetCode());
        assertEquals("공단 시스템 점검", result.targetMessage());
        assertEquals("tx-42", result.apiTxKey());
        assertEquals("trace", result.errorLog());
        assertTrue(result.describe().contains("ApiTxKey=tx-42"), result.describe());
        assertNull(result.said());
        assertEquals(Phrase.of("tilko.codeSaid", "ErrorCode 1234", "조회 실패"), result.phrase());
        assertNoApiKey(result);
    }

    @Test
    void statusError4115IsNotApprovedYet() {
        tilko.enqueueJson("{\"Status\":\"Error\",\"ErrorCode\":4115,\"Message\":\"간편인증이 완료되지 않았습니다\"}");
        assertEquals(TilkoClassification.NOT_APPROVED_YET, client.healthCheckups(CREDS, PERSON).classification());
    }

    @Test
    void mismatchedApiKeyEchoIsRejectedBeforeAnyPost() {
        tilko.publicKeyAnswer = requested -> FakeTilko.json(200, "{\"Status\":\"OK\",\"Message\":\"성공\",\"PublicKey\":\""
                + TilkoCrypto.encodePublicKey(FakeTilko.KEYS.getPublic()) + "\",\"ApiKey\":\"someone-elses-key\"}");
        TilkoResult<List<Checkup>> result = client.healthCheckups(CREDS, PERSON);

        assertEquals(TilkoClassification.ERROR, result.classification());
        assertEquals("PUBLIC_KEY_ERROR", result.resultCode());
        assertTrue(result.message().contains("ApiKey"), result.message());
        assertFalse(result.envelope().toString().contains("someone-elses-key"), "the echo is not copied");
        assertTrue(tilko.posts().isEmpty(), "no data call with an unverified key");
        assertEquals(Phrase.of("tilko.publicKey.otherKey"), result.said());
        assertNoApiKey(result);
    }

    @Test
    void publicKeyErrorCarriesTilkosMessageScrubbedOfTheKey() {
        tilko.publicKeyAnswer = requested -> FakeTilko.json(200, "{\"Status\":\"Error\",\"Message\":\"API-Key "
                + requested + " 의 값이 올바르지 않습니다.\",\"PublicKey\":\"\",\"ApiKey\":\"" + requested + "\"}");
        TilkoResult<SimpleAuthTicket> result = client.simpleAuth(PERSON, "4");
        assertEquals(TilkoClassification.ERROR, result.classification());
        assertTrue(result.message().startsWith("API-Key *** 의 값이"), result.message());
        assertEquals(Phrase.of("tilko.publicKey.refused", Phrase.of("tilko.said", "API-Key *** 의 값이 올바르지 않습니다.")),
                result.said());
        assertNoApiKey(result);
    }

    @Test
    void aPublicKeyRefusalWithoutAMessageIsSaidWithTilkosCodeOrNothing() {
        tilko.publicKeyAnswer = requested -> FakeTilko.json(401, "{\"Status\":\"Error\",\"ErrorCode\":401}");
        TilkoResult<List<Checkup>> result = client.healthCheckups(CREDS, PERSON);
        assertEquals("Tilko 공개키 조회에 실패했습니다.", result.message(), "the session's sentence stays the backend's");
        assertEquals(Phrase.of("tilko.publicKey.refused", Phrase.of("tilko.code", "ErrorCode 401")), result.said());

        tilko.publicKeyAnswer = requested -> FakeTilko.json(200, "{\"Status\":\"Error\"}");
        assertEquals(Phrase.of("tilko.publicKey.refused", Phrase.of("tilko.classification.ERROR")),
                client.healthCheckups(CREDS, PERSON).said());
        assertTrue(tilko.posts().isEmpty());
    }

    @Test
    void aPublicKeyAnswerTheClientCannotReadIsSaidAsSuch() {
        tilko.publicKeyAnswer = requested -> FakeTilko.json(200, "[]");
        TilkoResult<List<Checkup>> notAnObject = client.healthCheckups(CREDS, PERSON);
        assertEquals("PUBLIC_KEY_ERROR", notAnObject.resultCode());
        assertEquals(Phrase.of("tilko.publicKey.unreadable"), notAnObject.said());

        tilko.publicKeyAnswer = requested -> FakeTilko.json(200, "{\"Status\":\"OK\",\"PublicKey\":\"not a key\","
                + "\"ApiKey\":\"" + requested + "\"}");
        TilkoResult<List<Checkup>> badKey = client.healthCheckups(CREDS, PERSON);
        assertEquals("Tilko 공개키 형식이 올바르지 않습니다.", badKey.message());
        assertEquals(Phrase.of("tilko.publicKey.unreadable"), badKey.said());

        tilko.publicKeyAnswer = requested -> new MockResponse.Builder().code(502)
                .setHeader("Content-Type", "text/html").body("<html>Bad Gateway</html>").build();
        TilkoResult<List<Checkup>> page = client.healthCheckups(CREDS, PERSON);
        assertEquals("HTTP_502", page.resultCode());
        assertEquals(Phrase.of("tilko.publicKey.failed", Phrase.of("tilko.httpStatus", 502)), page.said(),
                "the error page answered the key's request, not this one");
        assertFalse(page.wasSent());
        assertTrue(tilko.posts().isEmpty());
    }

    @Test
    void garbageAndNonObjectJsonAreErrors() {
        tilko.enqueueJson("oops, not json");
        TilkoResult<List<Checkup>> garbage = client.healthCheckups(CREDS, PERSON);
        assertEquals(TilkoClassification.ERROR, garbage.classification());
        assertEquals("INVALID_RESPONSE", garbage.resultCode());
        assertEquals(Phrase.of("tilko.unreadable"), garbage.said());

        tilko.enqueueJson("[1,2,3]");
        TilkoResult<List<Checkup>> array = client.healthCheckups(CREDS, PERSON);
        assertEquals("INVALID_RESPONSE", array.resultCode());
        assertEquals(Phrase.of("tilko.unreadable"), array.said());
    }

    @Test
    void droppedConnectionIsAClassifiedError() {
        tilko.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .body("{}").build());
        // SimpleAuthRequest is never retried by OkHttp, so the dropped connection reaches the client.
        TilkoResult<SimpleAuthTicket> result = client.simpleAuth(PERSON, "4");
        assertEquals(TilkoClassification.ERROR, result.classification());
        assertEquals("UNEXPECTED_ERROR", result.resultCode(), result.describe());
        assertEquals(1, tilko.posts().size(), "sent once, not retried");
        assertEquals(Phrase.of("tilko.callBroke", Phrase.of("net.closed")), result.said(), result.detail());
        assertTrue(result.mayHaveReachedTilko(), "Tilko's answer could not be taken in: it may have acted on the call");
        assertTrue(result.wasSent());
        assertNoApiKey(result);
    }

    @Test
    void refusedConnectionIsAConnectionError() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (TilkoClient nowhere = new TilkoClient(TilkoConfig.builder().baseUrl("http://127.0.0.1:" + closedPort)
                .apiKey(API_KEY).timeouts(Duration.ofSeconds(2)).build())) {
            TilkoResult<List<Checkup>> result = nowhere.healthCheckups(CREDS, PERSON);
            assertEquals(TilkoClassification.ERROR, result.classification());
            assertEquals("CONNECTION_ERROR", result.resultCode());
            assertEquals(Phrase.of("tilko.notReached", Phrase.of("net.refused")), result.said(), result.detail());
            assertFalse(result.mayHaveReachedTilko());
            assertFalse(result.wasSent(), "the connection was refused");
            assertNoApiKey(result);
        }
    }

    @Test
    void missingApiKeyFailsWithoutTouchingTheNetwork() {
        try (TilkoClient keyless = new TilkoClient(config().apiKeySupplier(() -> "  ").build())) {
            TilkoResult<SimpleAuthTicket> result = keyless.simpleAuth(PERSON, "4");
            assertEquals(TilkoClassification.ERROR, result.classification());
            assertEquals("CONFIGURATION_ERROR", result.resultCode());
            assertTrue(result.message().contains("TILKO_API_KEY"));
            assertEquals(Phrase.of("tilko.noApiKey"), result.said());
        }
        assertTrue(tilko.requests.isEmpty());
    }

    @Test
    void apiKeyNeverReachesLogsOrToString() {
        tilko.enqueueJson("{\"Status\":\"Error\",\"Message\":\"x\"}");
        client.healthCheckups(CREDS, PERSON);
        assertFalse(client.toString().contains(API_KEY));
        assertFalse(logs.lines().isEmpty(), "the call was logged");
        for (String line : logs.lines()) {
            assertFalse(line.contains(API_KEY), line);
            assertFalse(line.contains("김가상") || line.contains("01000000001") || line.contains("token-1"), line);
        }
    }

    @Test
    void publicKeyHealthCheckReturnsTheKey() {
        TilkoResult<String> result = client.publicKey();
        assertTrue(result.isSuccess(), result.describe());
        assertArrayEquals(FakeTilko.KEYS.getPublic().getEncoded(),
                java.util.Base64.getDecoder().decode(result.payload().orElseThrow()));
    }

    private void assertNoApiKey(TilkoResult<?> result) {
        for (String text : new String[] {result.describe(), result.toString(), result.message(),
            String.valueOf(result.detail()), result.envelope().toString(), result.phrase().toString()}) {
            assertFalse(text.contains(API_KEY), "API key leaked into: " + text);
        }
        for (String line : logs.lines()) {
            assertFalse(line.contains(API_KEY), "API key leaked into a log line: " + line);
        }
    }
}
