package io.welno.console.tilko.sim;

import io.welno.console.testing.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.tilko.TilkoCrypto;
import io.welno.console.tilko.TilkoJson;
import java.io.IOException;
import java.security.PublicKey;
import java.security.SecureRandom;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Hand-made protocol requests, to test the simulator with exactly the bytes a test wants to send. */
final class RawTilko {

    record Answer(int code, String contentType, String body) {
        JsonNode json() throws IOException {
            return TilkoJson.mapper().readTree(body);
        }
    }

    /** The simulator makes its RSA key pair on the first request for a key: seconds on a busy machine. */
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Await.EVENTUALLY).build();
    final String baseUrl;
    final String apiKey;
    final SecureRandom random = new SecureRandom();

    RawTilko(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    Answer get(String pathAndQuery) throws IOException {
        return call(new Request.Builder().url(baseUrl + pathAndQuery).get().build());
    }

    Answer post(String path, Request.Builder headers, String body) throws IOException {
        return call(headers.url(baseUrl + path)
                .post(RequestBody.create(body, MediaType.get("application/json; charset=utf-8"))).build());
    }

    PublicKey publicKey() throws Exception {
        JsonNode n = get("/api/Auth/GetPublicKey?APIkey=" + apiKey).json();
        return TilkoCrypto.parsePublicKey(n.get("PublicKey").asText());
    }

    /** A well-formed SimpleAuthRequest body encrypted with {@code aesKey}. */
    static ObjectNode simpleAuthBody(byte[] aesKey, String name, String birth, String phone) {
        ObjectNode b = TilkoJson.mapper().createObjectNode();
        b.put("PrivateAuthType", "4");
        b.put("UserName", TilkoCrypto.encryptField(aesKey, name));
        b.put("BirthDate", TilkoCrypto.encryptField(aesKey, birth));
        b.put("UserCellphoneNumber", TilkoCrypto.encryptField(aesKey, phone));
        return b;
    }

    private Answer call(Request request) throws IOException {
        try (Response r = http.newCall(request).execute()) {
            String type = r.header("Content-Type", "");
            return new Answer(r.code(), type, r.body().string());
        }
    }
}
