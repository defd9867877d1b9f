package io.welno.console.tilko;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.text.Masking;
import io.welno.console.text.NetworkWords;
import io.welno.console.text.Phrase;
import io.welno.console.text.SafeText;
import io.welno.console.tilko.TilkoCrypto.TilkoCryptoException;
import io.welno.console.tilko.TilkoResult.Delivery;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tilko NHIS simple-auth client (docs/tilko.md). Thread-safe; one instance per configuration.
 *
 * <p>Every call returns a {@link TilkoResult} and never throws for anything Tilko or the network does:
 * failures are classified like the backend would (see {@link TilkoClassifier}). Each POST fetches (or
 * reuses) the API key's RSA public key, draws a fresh AES key from SecureRandom, wraps it into
 * {@code ENC-KEY} and encrypts the person fields with it.
 *
 * <p>The API key is only ever put in the {@code API-KEY} header and the GetPublicKey query; every text
 * this class produces (details, logs) is scrubbed of it, and request URLs are never logged.
 *
 * <p>One class on purpose: the four calls are one path (public key, fresh AES key, encrypted fields, POST,
 * classification), and the API key must not leave it; the crypto ({@link TilkoCrypto}), payload parsing
 * ({@link Payloads}), classification ({@link TilkoClassifier}), key cache ({@link PublicKeyCache}) and the memory of a
 * failed probe ({@link UsabilityProbe}) already live apart, so what is left here is that path and its failure handling.
 */
public final class TilkoClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TilkoClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    /** The backend asks for prescriptions from 420 days back … */
    static final int PRESCRIPTION_START_DAYS_BACK = 420;
    /** … up to 60 days back (docs/tilko.md, "Client"). */
    static final int PRESCRIPTION_END_DAYS_BACK = 60;
    private static final int SNIPPET_CHARS = 200;

    private final TilkoConfig config;
    private final OkHttpClient baseHttp;
    private final boolean ownsHttp;
    private final OkHttpClient requestHttp;
    private final OkHttpClient simpleAuthHttp;
    private final OkHttpClient prescriptionHttp;
    private final OkHttpClient probeHttp;
    private final PublicKeyCache publicKeys;
    private final UsabilityProbe probe;

    public TilkoClient(TilkoConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.ownsHttp = config.httpClient() == null;
        this.baseHttp = ownsHttp ? new OkHttpClient() : config.httpClient();
        this.requestHttp = withTimeout(baseHttp, config.requestTimeout());
        // OkHttp silently re-sends a request after some connection failures. A second SimpleAuthRequest
        // would push a second prompt to the user's phone and cost points, so that call is never retried.
        this.simpleAuthHttp = requestHttp.newBuilder().retryOnConnectionFailure(false).build();
        this.prescriptionHttp = withTimeout(baseHttp, config.prescriptionTimeout());
        this.probeHttp = withTimeout(baseHttp, config.probeTimeout());
        this.publicKeys = new PublicKeyCache(config.publicKeyTtl());
        this.probe = new UsabilityProbe(config.nanoTime(), config.clock());
    }

    public TilkoConfig config() {
        return config;
    }

    /**
     * Step 1: {@code SimpleAuthRequest}. Sends a push to the person's authentication app.
     *
     * @param privateAuthType the app code as a string ("0" KakaoTalk, "4" PASS, "6" Naver, …)
     * @return SUCCESS with the ticket when Tilko answered OK with a CxId; ERROR otherwise
     */
    public TilkoResult<SimpleAuthTicket> simpleAuth(TilkoPerson person, String privateAuthType) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(privateAuthType, "privateAuthType");
        return post(TilkoEndpoint.SIMPLE_AUTH, simpleAuthHttp, (body, enc) -> {
            body.put("PrivateAuthType", privateAuthType);
            putPerson(body, person, enc);
        }, envelope -> ticket(envelope, privateAuthType));
    }

    /** Step 2 (optional): v2 {@code LoginCheck}. SUCCESS once the user approved; NOT_APPROVED_YET while waiting. */
    public TilkoResult<Boolean> loginCheck(TilkoCredentials credentials, TilkoPerson person) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(person, "person");
        return post(TilkoEndpoint.LOGIN_CHECK, requestHttp, (body, enc) -> {
            ObjectNode auth = body.putObject("Auth");
            putCredentials(auth, credentials);
            putPerson(auth, person, enc);
        }, envelope -> Boolean.TRUE);
    }

    /** Step 3: {@code Ggpab003M0105}, the health-checkup history. */
    public TilkoResult<List<Checkup>> healthCheckups(TilkoCredentials credentials, TilkoPerson person) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(person, "person");
        return post(TilkoEndpoint.CHECKUPS, requestHttp, (body, enc) -> {
            putCredentials(body, credentials);
            putPerson(body, person, enc);
        }, Checkup::listFrom);
    }

    /**
     * Step 4: {@code RetrieveTreatmentInjectionInformationPerson}, with the backend's period
     * {@code StartDate = today-420d}, {@code EndDate = today-60d} ({@code yyyyMMdd}) and its 300 s timeout.
     *
     * @param today the local date the period is computed from (the backend uses the server's local date)
     */
    public TilkoResult<List<Prescription>> prescriptions(TilkoCredentials credentials, TilkoPerson person,
                                                         LocalDate today) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(today, "today");
        return post(TilkoEndpoint.PRESCRIPTIONS, prescriptionHttp, (body, enc) -> {
            putCredentials(body, credentials);
            putPerson(body, person, enc);
            body.put("StartDate", today.minusDays(PRESCRIPTION_START_DAYS_BACK).format(YYYYMMDD));
            body.put("EndDate", today.minusDays(PRESCRIPTION_END_DAYS_BACK).format(YYYYMMDD));
        }, Prescription::listFrom);
    }

    /**
     * Fetches (and caches) the API key's public key; the backend's health check does the same.
     * The payload is the Base64 SubjectPublicKeyInfo.
     */
    public TilkoResult<String> publicKey() {
        return publicKey(true, requestHttp, config.requestTimeout());
    }

    /**
     * The public key every call needs first, from the cache while it is fresh: whether Tilko can be used now. An action
     * asks it before it changes a session, so a Tilko that cannot be reached refuses the action instead of leaving the
     * session in error. A key not at hand is asked of Tilko within {@link TilkoConfig#probeTimeout()}, by one caller at
     * a time (the others take its answer), and a failure stands for a few seconds for the sessions of a bulk run
     * ({@link UsabilityProbe}).
     *
     * @param takeRecentFailure true for one session of many, which may be refused on a failure seen a moment ago; false
     *                          for a single action, for which Tilko is asked anew
     */
    public TilkoResult<String> usablePublicKey(boolean takeRecentFailure) {
        String apiKey = currentApiKey();
        if (apiKey == null) {
            return missingKey(TilkoEndpoint.PUBLIC_KEY);
        }
        Optional<TilkoResult<String>> atHand = keyAtHand(apiKey);
        if (atHand.isPresent()) {
            return atHand.get();
        }
        // Not at hand: asked of Tilko within the probe's shorter limit, one probe at a time, a failure kept a moment.
        return probe.ask(apiKey, takeRecentFailure, () -> publicKey(false, probeHttp, config.probeTimeout()));
    }

    /**
     * The current API key's public key while the cache holds it fresh, without a request: whether Tilko can be used,
     * answered without waiting a turn among the calls in flight. Empty when the key would have to be fetched.
     */
    public Optional<TilkoResult<String>> keyAtHand() {
        String apiKey = currentApiKey();
        return apiKey == null ? Optional.empty() : keyAtHand(apiKey);
    }

    private Optional<TilkoResult<String>> keyAtHand(String apiKey) {
        return Optional.ofNullable(publicKeys.get(apiKey, ClockStamp.now(config.nanoTime(), config.clock()))).map(TilkoClient::keyResult);
    }

    private TilkoResult<String> publicKey(boolean fresh, OkHttpClient http, Duration timeout) {
        String apiKey = currentApiKey();
        if (apiKey == null) {
            return missingKey(TilkoEndpoint.PUBLIC_KEY);
        }
        KeyLookup lookup = publicKeyFor(apiKey, fresh, http, timeout);
        if (lookup.failure != null) {
            return failure(TilkoEndpoint.PUBLIC_KEY, lookup.failure);
        }
        return keyResult(lookup.key);
    }

    private static TilkoResult<String> keyResult(PublicKey key) {
        ObjectNode envelope = TilkoJson.mapper().createObjectNode();
        envelope.put("Status", "OK");
        envelope.put("Message", "성공");
        String encoded = TilkoCrypto.encodePublicKey(key);
        envelope.put("PublicKey", encoded);
        return new TilkoResult<>(TilkoEndpoint.PUBLIC_KEY, TilkoClassification.SUCCESS, envelope, encoded, 200, null);
    }

    /** Forgets cached public keys, e.g. after the API key was rotated. */
    public void invalidatePublicKeys() {
        publicKeys.clear();
        probe.forget();
    }

    /** Releases the connection pool and threads when the client built its own OkHttpClient. */
    @Override
    public void close() {
        if (ownsHttp) {
            baseHttp.dispatcher().executorService().shutdown();
            baseHttp.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "TilkoClient[" + config + "]";
    }

    // ---------------------------------------------------------------- request building

    /** Encrypts one field with this request's AES key. */
    @FunctionalInterface
    private interface FieldEncryptor {
        String encrypt(String plaintext);
    }

    @FunctionalInterface
    private interface BodyWriter {
        void write(ObjectNode body, FieldEncryptor enc);
    }

    private static void putPerson(ObjectNode body, TilkoPerson person, FieldEncryptor enc) {
        body.put("UserName", enc.encrypt(person.name()));
        body.put("BirthDate", enc.encrypt(person.birthDate()));
        body.put("UserCellphoneNumber", enc.encrypt(person.phone()));
    }

    private static void putCredentials(ObjectNode body, TilkoCredentials c) {
        body.put("CxId", c.cxId());
        body.put("PrivateAuthType", c.privateAuthType());
        body.put("ReqTxId", c.reqTxId());
        body.put("Token", c.token());
        body.put("TxId", c.txId());
    }

    private static SimpleAuthTicket ticket(ObjectNode envelope, String sentPrivateAuthType) {
        JsonNode data = Payloads.resultObject(envelope);
        // The backend keeps the auth type it sent (user_info.private_auth_type), not Tilko's echo, which
        // may be an enum name; follow-up calls then send the same digit the user chose.
        TilkoCredentials credentials = new TilkoCredentials(TilkoJson.textOrEmpty(data, "CxId"), sentPrivateAuthType,
                TilkoJson.text(data, "ReqTxId"), TilkoJson.text(data, "Token"), TilkoJson.text(data, "TxId"));
        return new SimpleAuthTicket(credentials, TilkoJson.text(data, "UserName"), TilkoJson.text(data, "BirthDate"),
                TilkoJson.text(data, "UserCellphoneNumber"));
    }

    // ---------------------------------------------------------------- the call

    private <T> TilkoResult<T> post(TilkoEndpoint endpoint, OkHttpClient http, BodyWriter writer,
                                    Function<ObjectNode, T> payload) {
        long started = System.nanoTime();
        String apiKey = currentApiKey();
        if (apiKey == null) {
            return logged(missingKey(endpoint), started);
        }
        KeyLookup lookup = publicKeyFor(apiKey, false, requestHttp, config.requestTimeout());
        if (lookup.failure != null) {
            // Whatever became of the key's request, this endpoint's request was never sent.
            return logged(failure(endpoint, lookup.failure.neverSent()), started);
        }
        byte[] aesKey = TilkoCrypto.newAesKey(config.secureRandom());
        String encKey;
        try {
            encKey = TilkoCrypto.wrapAesKey(lookup.key, aesKey);
        } catch (TilkoCryptoException e) {
            publicKeys.invalidate(apiKey);
            String detail = "could not build ENC-KEY: " + e.getMessage();
            return logged(failure(endpoint, new Failure(SyntheticEnvelopes.unexpected(e.getMessage()), 0, detail,
                    Phrase.of("tilko.cannotEncrypt"), Delivery.NOT_SENT)), started);
        }
        ObjectNode body = TilkoJson.mapper().createObjectNode();
        writer.write(body, plaintext -> TilkoCrypto.encryptField(aesKey, plaintext));

        Request request = new Request.Builder()
                .url(url(endpoint))
                .header("API-KEY", apiKey)
                .header("ENC-KEY", encKey)
                .header("Accept", "application/json")
                .post(RequestBody.create(body.toString().getBytes(StandardCharsets.UTF_8), JSON))
                .build();
        TilkoResult<T> result = execute(endpoint, http, request, apiKey, payload);
        if (result.classification() == TilkoClassification.ERROR) {
            // Cheap insurance: if Tilko rotated the key, the next call fetches the new one.
            publicKeys.invalidate(apiKey);
        }
        return logged(result, started);
    }

    private <T> TilkoResult<T> execute(TilkoEndpoint endpoint, OkHttpClient http, Request request, String apiKey,
                                       Function<ObjectNode, T> payload) {
        Answer answer;
        try {
            answer = Answer.read(http, request);
        } catch (IOException | RuntimeException e) {
            return failure(endpoint, transportFailure(e, apiKey, Duration.ofMillis(http.callTimeoutMillis())));
        }
        return interpret(endpoint, answer, apiKey, payload);
    }

    private <T> TilkoResult<T> interpret(TilkoEndpoint endpoint, Answer answer, String apiKey,
                                         Function<ObjectNode, T> payload) {
        JsonNode parsed = answer.json();
        if (!answer.isSuccessful()) {
            if (parsed instanceof ObjectNode tilkoEnvelope) {
                // Tilko's own error envelope on a non-2xx: keep it (it carries Tilko's message) but never call it a success.
                TilkoClassification c = TilkoClassifier.classify(endpoint, tilkoEnvelope);
                if (c == TilkoClassification.SUCCESS) {
                    // Its message is then its word for success ("성공"): said alone, it would read as the reason.
                    return new TilkoResult<>(endpoint, TilkoClassification.ERROR, tilkoEnvelope, null, answer.code,
                            "HTTP " + answer.code + " with an OK envelope", Phrase.of("tilko.okOnHttpError",
                            answer.code), Delivery.ANSWERED);
                }
                return new TilkoResult<>(endpoint, c, tilkoEnvelope, null, answer.code, "HTTP " + answer.code);
            }
            return failure(endpoint, httpError(answer, apiKey));
        }
        ObjectNode envelope;
        String detail = null;
        Phrase said = null;
        if (answer.isHtml() || (parsed == null && answer.looksLikeMarkup())) {
            // The backend's rule: an HTML page instead of JSON means the authentication is still pending.
            envelope = SyntheticEnvelopes.htmlAnswer();
            detail = "Tilko answered HTML instead of JSON";
            said = Phrase.of("tilko.htmlAnswer");
        } else if (parsed instanceof ObjectNode tilkoEnvelope) {
            envelope = tilkoEnvelope;
        } else {
            String what = parsed == null ? "not JSON" : "JSON " + parsed.getNodeType() + " instead of an object";
            return failure(endpoint, new Failure(SyntheticEnvelopes.invalidJson(
                    what + ": " + Masking.scrub(answer.snippet(), apiKey)), answer.code, what,
                    Phrase.of("tilko.unreadable"), Delivery.ANSWERED));
        }
        TilkoClassification classification = TilkoClassifier.classify(endpoint, envelope);
        if (TilkoClassifier.okWithoutTicket(endpoint, classification, envelope)) {
            detail = "Tilko answered OK without ResultData.CxId: the user's authentication app is probably not linked";
            // Tilko's message on an OK is its word for success ("성공"): alone, it would read as Tilko's refusal.
            String tilkoSaid = TilkoClassifier.errorText(envelope);
            said = tilkoSaid.isEmpty() ? Phrase.of("tilko.appNotLinked")
                    : Phrase.of("tilko.appNotLinked.said", Masking.scrub(tilkoSaid, apiKey));
        }
        return withPayload(endpoint, classification, envelope, answer.code, detail, said, payload);
    }

    /**
     * The result of an answer Tilko sent, with the typed payload of a success. Parsing is lenient and should not
     * fail; if it does, the raw envelope is still kept and the result is an ERROR said in the client's words, since
     * Tilko's message on an OK is its word for success. Tilko answered either way, so the call is not one that may
     * have done its work unseen.
     */
    static <T> TilkoResult<T> withPayload(TilkoEndpoint endpoint, TilkoClassification classification,
                                          ObjectNode envelope, int httpStatus, String detail, Phrase said,
                                          Function<ObjectNode, T> payload) {
        T value = null;
        if (classification == TilkoClassification.SUCCESS) {
            try {
                value = payload.apply(envelope);
            } catch (RuntimeException e) {
                return new TilkoResult<>(endpoint, TilkoClassification.ERROR, envelope, null, httpStatus,
                        "payload could not be parsed: " + e.getClass().getSimpleName(),
                        Phrase.of("tilko.payloadUnreadable"), Delivery.ANSWERED);
            }
        }
        return new TilkoResult<>(endpoint, classification, envelope, value, httpStatus, detail, said,
                Delivery.ANSWERED);
    }

    // ---------------------------------------------------------------- public key

    /** Either a key or the reason there is none. */
    private record KeyLookup(PublicKey key, Failure failure) {
    }

    /**
     * A failure before or instead of a usable Tilko answer: the envelope the session gets, in the backend's Korean, and
     * what the client says about it to an operator.
     */
    private record Failure(ObjectNode envelope, int httpStatus, String detail, Phrase said, Delivery delivery) {

        /**
         * This failure for a request that never went out because the public key's request failed. Where that request
         * reached Tilko (no answer in time, an error page), it is said as the key's failure: the bare words ("no
         * answer from Tilko") would not tell it from this request's own; where it reached nothing, they already say
         * that nothing was sent.
         */
        Failure neverSent() {
            boolean plain = said == null || delivery == Delivery.NOT_SENT || said.key().startsWith("tilko.publicKey.");
            return new Failure(envelope, httpStatus, detail, plain ? said : Phrase.of("tilko.publicKey.failed", said),
                    Delivery.NOT_SENT);
        }
    }

    private KeyLookup publicKeyFor(String apiKey, boolean forceFresh, OkHttpClient http, Duration timeout) {
        if (!forceFresh) {
            PublicKey cached = publicKeys.get(apiKey, ClockStamp.now(config.nanoTime(), config.clock()));
            if (cached != null) {
                return new KeyLookup(cached, null);
            }
        }
        HttpUrl url = config.baseUrl().newBuilder()
                .addPathSegments(strip(TilkoEndpoint.PUBLIC_KEY.path()))
                .addQueryParameter("APIkey", apiKey)
                .build();
        Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
        Answer answer;
        try {
            answer = Answer.read(http, request);
        } catch (IOException | RuntimeException e) {
            return new KeyLookup(null, transportFailure(e, apiKey, timeout));
        }
        JsonNode json = answer.json();
        if (!(json instanceof ObjectNode envelope)) {
            String snippet = Masking.scrub(answer.snippet(), apiKey);
            return new KeyLookup(null, !answer.isSuccessful() ? httpError(answer, apiKey)
                    : new Failure(SyntheticEnvelopes.publicKeyError("Tilko 공개키 응답을 해석할 수 없습니다.", snippet),
                            answer.code, "GetPublicKey did not answer a JSON object",
                            Phrase.of("tilko.publicKey.unreadable"), Delivery.ANSWERED));
        }
        if (!answer.isSuccessful() || !TilkoClassifier.isOk(envelope)) {
            String tilkoMessage = Masking.scrub(TilkoClassifier.errorText(envelope), apiKey);
            ObjectNode error = publicKeyError(envelope,
                    tilkoMessage.isEmpty() ? "Tilko 공개키 조회에 실패했습니다." : tilkoMessage, apiKey);
            // Tilko's refusal in its own words; our Korean stand-in is the session's sentence, not Tilko's.
            String code = TilkoJson.text(error, "ErrorCode");
            Phrase refusal = TilkoResult.tilkoSaid(code == null ? null : "ErrorCode " + code, tilkoMessage,
                    TilkoClassification.ERROR);
            return new KeyLookup(null, new Failure(error, answer.code, "GetPublicKey failed",
                    Phrase.of("tilko.publicKey.refused", refusal), Delivery.ANSWERED));
        }
        // The official helpers refuse a key issued for another API key; so do we (no key in the message).
        if (!apiKey.equals(TilkoJson.text(envelope, "ApiKey"))) {
            return keyFailure(envelope, "Tilko 공개키 응답의 ApiKey가 요청한 API 키와 일치하지 않습니다.", apiKey,
                    answer.code, "requested API key and responded API key do not match",
                    Phrase.of("tilko.publicKey.otherKey"));
        }
        try {
            PublicKey key = TilkoCrypto.parsePublicKey(TilkoJson.textOrEmpty(envelope, "PublicKey"));
            publicKeys.put(apiKey, key, ClockStamp.now(config.nanoTime(), config.clock()));
            return new KeyLookup(key, null);
        } catch (TilkoCryptoException e) {
            return keyFailure(envelope, "Tilko 공개키 형식이 올바르지 않습니다.", apiKey, answer.code, e.getMessage(),
                    Phrase.of("tilko.publicKey.unreadable"));
        }
    }

    /** A key Tilko gave but the client cannot use: the session gets the backend-style Korean, the operator ours. */
    private static KeyLookup keyFailure(ObjectNode tilko, String message, String apiKey, int httpStatus, String detail,
                                        Phrase said) {
        return new KeyLookup(null, new Failure(publicKeyError(tilko, message, apiKey), httpStatus, detail, said,
                Delivery.ANSWERED));
    }

    /** A synthetic envelope that keeps Tilko's codes and ids but never the {@code ApiKey} echo. */
    private static ObjectNode publicKeyError(ObjectNode tilko, String message, String apiKey) {
        ObjectNode n = SyntheticEnvelopes.publicKeyError(message, null);
        for (String field : new String[] {"ErrorCode", "TargetCode", "TargetMessage", "ApiTxKey"}) {
            String v = TilkoJson.text(tilko, field);
            if (v != null) {
                n.put(field, Masking.scrub(v, apiKey));
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- helpers

    private String currentApiKey() {
        String key;
        try {
            key = config.apiKey();
        } catch (RuntimeException e) {
            log.warn("Tilko API key supplier failed: {}", e.getClass().getSimpleName());
            return null;
        }
        return key == null || key.isBlank() ? null : key.strip();
    }

    private static <T> TilkoResult<T> missingKey(TilkoEndpoint endpoint) {
        return new TilkoResult<>(endpoint, TilkoClassification.ERROR, SyntheticEnvelopes.configuration(
                "Tilko API 키가 설정되지 않았습니다 (" + TilkoConfig.API_KEY_ENV + ")."), null, 0,
                "no API key configured", Phrase.of("tilko.noApiKey"), Delivery.NOT_SENT);
    }

    private static <T> TilkoResult<T> failure(TilkoEndpoint endpoint, Failure f) {
        return new TilkoResult<>(endpoint, TilkoClassification.ERROR, f.envelope, null, f.httpStatus, f.detail, f.said,
                f.delivery);
    }

    /** An error status without Tilko's envelope: its page says nothing an operator could use beyond the status. */
    private static Failure httpError(Answer answer, String apiKey) {
        return new Failure(SyntheticEnvelopes.httpStatus(answer.code, Masking.scrub(answer.snippet(), apiKey)),
                answer.code, "HTTP " + answer.code, Phrase.of("tilko.httpStatus", answer.code), Delivery.ANSWERED);
    }

    /**
     * Maps an exception to the backend's synthetic shapes; the exception text is scrubbed of the key. What the operator
     * reads is in the console's words ({@link NetworkWords}); the exception itself goes to the log as the detail.
     *
     * @param timeout the call's time limit, named when it ran out
     */
    private static Failure transportFailure(Exception e, String apiKey, Duration timeout) {
        String detail = Masking.scrub(e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()), apiKey);
        if (e instanceof InterruptedIOException) {
            // OkHttp's call timeout and socket read timeouts both surface as InterruptedIOException; a connect timeout
            // too, though nothing reached Tilko then, which is what the operator needs to know.
            boolean connecting = detail.toLowerCase(Locale.ROOT).contains("connect timed out");
            return new Failure(SyntheticEnvelopes.timeout(detail), 0, detail, connecting
                    ? Phrase.of("tilko.notReached", Phrase.of("net.connectTimeout"))
                    : Phrase.of("tilko.noAnswer", timeout), connecting ? Delivery.NOT_SENT : Delivery.UNANSWERED);
        }
        // A failed TLS handshake is one too: it comes before the request, so a certificate refused or a server
        // without TLS means nothing was sent and the call cannot have been acted on.
        if (e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException || NetworkWords.isHandshake(e)) {
            return new Failure(SyntheticEnvelopes.connectionError(detail), 0, detail,
                    Phrase.of("tilko.notReached", NetworkWords.of(e, detail)), Delivery.NOT_SENT);
        }
        // Broken off mid-call: the request may have been read and acted on.
        return new Failure(SyntheticEnvelopes.unexpected(detail), 0, detail,
                Phrase.of("tilko.callBroke", NetworkWords.of(e, detail)), Delivery.UNANSWERED);
    }

    private HttpUrl url(TilkoEndpoint endpoint) {
        return config.baseUrl().newBuilder().addPathSegments(strip(endpoint.path())).build();
    }

    /** {@code addPathSegments} appends; a base URL with a trailing slash would otherwise leave an empty segment. */
    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static OkHttpClient withTimeout(OkHttpClient base, Duration timeout) {
        return base.newBuilder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .build();
    }

    private static <T> TilkoResult<T> logged(TilkoResult<T> result, long startedNanos) {
        long ms = (System.nanoTime() - startedNanos) / 1_000_000;
        // Codes and ids only: messages may quote personal data and are left to the caller to show.
        if (result.isSuccess()) {
            log.debug("Tilko {} -> {} (HTTP {}, ApiTxKey {}) in {} ms", result.endpoint(), result.classification(),
                    result.httpStatus(), result.apiTxKey(), ms);
        } else {
            log.info("Tilko {} -> {} (HTTP {}, ResultCode {}, ErrorCode {}, ApiTxKey {}) in {} ms", result.endpoint(),
                    result.classification(), result.httpStatus(), result.resultCode(), result.errorCode(),
                    result.apiTxKey(), ms);
        }
        return result;
    }

    /** A fully read HTTP answer, so the body is consumed inside the call timeout. */
    private record Answer(int code, String contentType, byte[] body) {

        static Answer read(OkHttpClient http, Request request) throws IOException {
            try (Response response = http.newCall(request).execute()) {
                ResponseBody body = response.body();
                MediaType type = body.contentType();
                return new Answer(response.code(), type == null ? "" : type.toString(), body.bytes());
            }
        }

        boolean isSuccessful() {
            return code >= 200 && code < 300;
        }

        boolean isHtml() {
            return contentType.toLowerCase(Locale.ROOT).contains("text/html");
        }

        boolean looksLikeMarkup() {
            return text().stripLeading().startsWith("<");
        }

        /** The body as UTF-8, which the backend forces whatever the charset header says. */
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The parsed body, or null when it is not JSON. */
        JsonNode json() {
            if (body.length == 0) {
                return null;
            }
            try {
                JsonNode node = TilkoJson.mapper().readTree(text());
                return node == null || node.isMissingNode() ? null : node;
            } catch (IOException e) {
                return null;
            }
        }

        /** The start of the body, tags removed, for a technical detail. */
        String snippet() {
            String s = TilkoClassifier.stripHtml(text()).replaceAll("\\s+", " ");
            return SafeText.clipped(s, SNIPPET_CHARS);
        }
    }
}
