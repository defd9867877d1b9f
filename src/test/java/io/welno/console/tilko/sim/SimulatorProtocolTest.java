package io.welno.console.tilko.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.tilko.TilkoCrypto;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator's wire behaviour, exercised with hand-made requests. */
class SimulatorProtocolTest {

    static final String KEY = "protocol-test-key";
    static TilkoSimulator sim;
    static RawTilko raw;

    @BeforeAll
    static void start() throws Exception {
        sim = TilkoSimulator.start(SimulatorOptions.builder().manualApproval().build());
        raw = new RawTilko(sim.baseUrl(), KEY);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void closeOnAnInterruptedThreadStillClosesThePortAndKeepsTheInterrupt() throws Exception {
        // Without care, HttpServer.stop returns early on an interrupted thread (~40 % of closes here).
        for (int i = 0; i < 25; i++) {
            TilkoSimulator closing = TilkoSimulator.start(SimulatorOptions.builder().build());
            java.net.URI uri = java.net.URI.create(closing.baseUrl());
            Thread.currentThread().interrupt();
            closing.close();
            assertTrue(Thread.interrupted(), "the caller's interrupt is kept");
            try (java.net.Socket s = new java.net.Socket(uri.getHost(), uri.getPort())) {
                throw new AssertionError("still listening after close, round " + i);
            } catch (java.net.ConnectException expected) {
                // closed
            }
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        assertTrue(sim.baseUrl().startsWith("http://127.0.0.1:"), sim.baseUrl());
    }

    @Test
    void publicKeyRoutingIsCaseInsensitiveAndToleratesDoubleSlashes() throws Exception {
        List<String> keys = new ArrayList<>();
        for (String url : new String[] {"/api/Auth/GetPublicKey?APIkey=" + KEY, "//api/Auth/GetPublicKey?ApiKey=" + KEY,
            "/API/AUTH/GETPUBLICKEY/?apikey=" + KEY}) {
            RawTilko.Answer a = raw.get(url);
            assertEquals(200, a.code(), url);
            JsonNode n = a.json();
            assertEquals("OK", n.get("Status").asText(), url);
            assertEquals("성공", n.get("Message").asText());
            assertEquals(KEY, n.get("ApiKey").asText(), "the key is echoed");
            keys.add(n.get("PublicKey").asText());
        }
        assertEquals(1, keys.stream().distinct().count(), "one key pair per API key");
        PublicKey pk = TilkoCrypto.parsePublicKey(keys.get(0));
        assertEquals(2048, ((java.security.interfaces.RSAPublicKey) pk).getModulus().bitLength());

        String other = raw.get("/api/Auth/GetPublicKey?APIkey=another-key").json().get("PublicKey").asText();
        assertNotEquals(keys.get(0), other, "another API key gets another key pair");
    }

    @Test
    void publicKeyWithoutApiKeyIsTheOfficialError() throws Exception {
        JsonNode n = raw.get("/api/Auth/GetPublicKey").json();
        assertEquals("Error", n.get("Status").asText());
        assertEquals("API-Key의 값이 없습니다.", n.get("Message").asText());
        assertEquals("", n.get("PublicKey").asText());
    }

    @Test
    void acceptsHeaderNamesInAnyCaseAndAnswersTheFullEnvelope() throws Exception {
        byte[] aes = TilkoCrypto.newAesKey(raw.random);
        String encKey = TilkoCrypto.wrapAesKey(raw.publicKey(), aes);
        RawTilko.Answer a = raw.post("/api/v1.0/nhissimpleauth/simpleauthrequest",
                new Request.Builder().header("api-key", KEY).header("enc-key", encKey),
                RawTilko.simpleAuthBody(aes, "박가상", "19850505", "010-0000-0002").toString());

        assertEquals(200, a.code());
        assertTrue(a.contentType().startsWith("application/json"));
        JsonNode n = a.json();
        assertEquals("OK", n.get("Status").asText(), n.toString());
        List<String> order = new ArrayList<>();
        n.fieldNames().forEachRemaining(order::add);
        assertEquals(List.of("ResultData", "ApiTxKey", "Status", "StatusSeq", "ErrorCode", "Message", "ErrorLog",
                "TargetCode", "TargetMessage", "PointBalance"), order, "captured field order");
        assertTrue(n.get("StatusSeq").isInt());
        assertTrue(n.get("ErrorCode").isInt());
        assertTrue(n.get("PointBalance").asText().matches("\\d+\\.\\d\\d"), n.get("PointBalance").asText());
        JsonNode data = n.get("ResultData");
        for (String f : new String[] {"CxId", "PrivateAuthType", "ReqTxId", "Token", "TxId"}) {
            assertTrue(data.hasNonNull(f), f);
        }
        assertEquals("박가상", data.get("UserName").asText(), "plaintext echo");
        assertEquals(SessionState.PENDING, sim.session(data.get("CxId").asText()).orElseThrow().state());
    }

    @Test
    void undecryptableEncKeyGetsAnErrorEnvelope() throws Exception {
        byte[] aes = TilkoCrypto.newAesKey(raw.random);
        String garbage = Base64.getEncoder().encodeToString(new byte[256]);
        RawTilko.Answer a = raw.post("/api/v1.0/NhisSimpleAuth/SimpleAuthRequest",
                new Request.Builder().header("API-KEY", KEY).header("ENC-KEY", garbage),
                RawTilko.simpleAuthBody(aes, "박가상", "19850505", "01000000002").toString());

        assertEquals(200, a.code(), "default: HTTP 200 + Status Error");
        JsonNode n = a.json();
        assertEquals("Error", n.get("Status").asText());
        assertEquals("ENC-KEY를 복호화할 수 없습니다.", n.get("Message").asText());
        assertTrue(n.get("ResultData").isNull());
        assertTrue(n.get("StatusSeq").isInt());
        assertNotEquals(0, n.get("ErrorCode").asInt());
    }

    @Test
    void encKeyFromAnotherApiKeysPublicKeyIsRejected() throws Exception {
        byte[] aes = TilkoCrypto.newAesKey(raw.random);
        PublicKey foreign = new RawTilko(sim.baseUrl(), "foreign-key").publicKey();
        RawTilko.Answer a = raw.post("/api/v1.0/NhisSimpleAuth/SimpleAuthRequest",
                new Request.Builder().header("API-KEY", KEY).header("ENC-KEY", TilkoCrypto.wrapAesKey(foreign, aes)),
                RawTilko.simpleAuthBody(aes, "박가상", "19850505", "01000000002").toString());
        assertEquals("ENC-KEY를 복호화할 수 없습니다.", a.json().get("Message").asText());
    }

    @Test
    void fieldEncryptedWithAnotherKeyGetsAnErrorEnvelopeNamingTheField() throws Exception {
        byte[] aes = TilkoCrypto.newAesKey(raw.random);
        String foreign;
        do {
            // About once in 256 keys a wrong key's block still ends in valid padding and decrypts to other bytes,
            // which the simulator then refuses as a malformed date: this test is about a field it cannot decrypt.
            foreign = TilkoCrypto.encryptField(TilkoCrypto.newAesKey(raw.random), "19850505");
        } while (decrypts(aes, foreign));
        var body = RawTilko.simpleAuthBody(aes, "박가상", "19850505", "01000000002");
        body.put("BirthDate", foreign);
        RawTilko.Answer a = raw.post("/api/v1.0/NhisSimpleAuth/SimpleAuthRequest",
                new Request.Builder().header("API-KEY", KEY).header("ENC-KEY", TilkoCrypto.wrapAesKey(raw.publicKey(), aes)),
                body.toString());
        JsonNode n = a.json();
        assertEquals("Error", n.get("Status").asText());
        assertTrue(n.get("Message").asText().startsWith("BirthDate"), n.get("Message").asText());
    }

    private static boolean decrypts(byte[] aes, String field) {
        try {
            TilkoCrypto.decryptField(aes, field);
            return true;
        } catch (TilkoCrypto.TilkoCryptoException e) {
            return false;
        }
    }

    @Test
    void plainPersonFieldIsRejectedBecauseItCannotBeDecrypted() throws Exception {
        byte[] aes = TilkoCrypto.newAesKey(raw.random);
        var body = RawTilko.simpleAuthBody(aes, "박가상", "19850505", "01000000002");
        body.put("UserName", "박가상");
        RawTilko.Answer a = raw.post("/api/v1.0/NhisSimpleAuth/SimpleAuthRequest",
                new Request.Builder().header("API-KEY", KEY).header("ENC-KEY", TilkoCrypto.wrapAesKey(raw.publicKey(), aes)),
                body.toString());
        assertEquals("Error", a.json().get("Status").asText());
    }

    @Test
    void missingHeadersAndBadBodiesGetErrorEnvelopes() throws Exception {
        byte[] aes = TilkoCrypto.newAesKey(raw.random);
        String encKey = TilkoCrypto.wrapAesKey(raw.publicKey(), aes);
        String body = RawTilko.simpleAuthBody(aes, "박가상", "19850505", "01000000002").toString();
        String path = "/api/v1.0/NhisSimpleAuth/SimpleAuthRequest";

        assertEquals("API-Key의 값이 없습니다.",
                raw.post(path, new Request.Builder().header("ENC-KEY", encKey), body).json().get("Message").asText());
        assertEquals("ENC-KEY의 값이 없습니다.",
                raw.post(path, new Request.Builder().header("API-KEY", KEY), body).json().get("Message").asText());
        JsonNode notJson = raw.post(path, new Request.Builder().header("API-KEY", KEY).header("ENC-KEY", encKey),
                "not json").json();
        assertEquals("Error", notJson.get("Status").asText());
        JsonNode badDate = raw.post(path, new Request.Builder().header("API-KEY", KEY).header("ENC-KEY", encKey),
                RawTilko.simpleAuthBody(aes, "박가상", "19851340", "01000000002").toString()).json();
        assertTrue(badDate.get("Message").asText().contains("BirthDate"), badDate.toString());
    }

    @Test
    void unknownPathsAndWrongMethodsAreJsonErrors() throws Exception {
        RawTilko.Answer notFound = raw.get("/api/v1.0/Nope/Nothing");
        assertEquals(404, notFound.code());
        assertEquals("Error", notFound.json().get("Status").asText());
        RawTilko.Answer wrongMethod = raw.get("/api/v1.0/NhisSimpleAuth/Ggpab003M0105");
        assertEquals(405, wrongMethod.code());
        assertEquals("Error", wrongMethod.json().get("Status").asText());
    }

    @Test
    void onlyConfiguredKeysAreAcceptedWhenSomeAreConfigured() throws Exception {
        try (TilkoSimulator strict = TilkoSimulator.start(SimulatorOptions.builder().acceptApiKey("good").build())) {
            RawTilko good = new RawTilko(strict.baseUrl(), "good");
            assertEquals("OK", good.get("/api/Auth/GetPublicKey?APIkey=good").json().get("Status").asText());
            JsonNode bad = good.get("/api/Auth/GetPublicKey?APIkey=bad").json();
            assertEquals("Error", bad.get("Status").asText());
            assertEquals("유효하지 않은 API-Key 입니다.", bad.get("Message").asText());
        }
    }
}
