package io.welno.console.tilko.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.welno.console.tilko.TilkoCrypto;
import io.welno.console.tilko.TilkoCrypto.TilkoCryptoException;
import io.welno.console.tilko.TilkoEndpoint;
import io.welno.console.tilko.TilkoJson;
import io.welno.console.text.Masking;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tilko side of the wire: validates each request the way docs/tilko.md describes (API key,
 * ENC-KEY, every encrypted field), applies the switched-on failure mode, then answers from the session
 * state. Everything that goes wrong becomes an error envelope, never a stack trace.
 */
final class ProtocolHandler {

    private static final Logger log = LoggerFactory.getLogger(ProtocolHandler.class);
    private static final DateTimeFormatter YYYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final String[] PERSON_FIELDS = {"UserName", "BirthDate", "UserCellphoneNumber"};
    /** Digit codes and the enum names C#/PHP comments show Tilko echoing back (docs/tilko.md). */
    private static final Set<String> AUTH_TYPES = Set.of("0", "1", "2", "3", "4", "5", "6", "7",
            "KakaoTalk", "Payco", "KbMobile", "SamsungPass", "TelecomPass", "Shinhan", "Naver", "Toss");
    private static final int MAX_BODY = 1 << 20;

    static final String MSG_NO_API_KEY = "API-Key의 값이 없습니다.";
    static final String MSG_BAD_API_KEY = "유효하지 않은 API-Key 입니다.";
    static final String MSG_BAD_ENC_KEY = "ENC-KEY를 복호화할 수 없습니다.";
    static final String MSG_NOT_APPROVED = "간편인증이 완료되지 않았습니다. 휴대폰에서 인증을 완료한 후 다시 요청해 주세요.";
    static final String MSG_EXPIRED = "요청하신 세션이 없거나 유효시간이 지났습니다. 처음부터 다시 진행해 주세요.";
    static final String MSG_IDENTITY = "입력하신 정보로 사용자를 찾을 수 없습니다. 확인 후 다시 시도해 주세요.";
    static final String MSG_NO_DATA = "조회된 데이터가 없습니다.";
    static final String MSG_TEMPORARY = "일시적인 장애가 발생했습니다. 잠시 후 다시 요청해 주세요.";
    static final String HTML_PAGE = "<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>NHIS</title>"
            + "</head><body><h1>간편인증 로그인 요청이 실패했습니다.</h1><p>잠시 후 다시 시도해 주세요.</p></body></html>";
    static final String SERVER_ERROR_PAGE = "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>"
            + "<body><h1>Internal Server Error</h1></body></html>";

    private final TilkoSimulator sim;

    ProtocolHandler(TilkoSimulator sim) {
        this.sim = sim;
    }

    // ---------------------------------------------------------------- GetPublicKey

    Reply publicKey(HttpExchange ex) {
        String apiKey = SimHttpHandler.queryParams(ex.getRequestURI()).get("apikey");
        FailureMode mode = sim.takeFailure(TilkoEndpoint.PUBLIC_KEY, null, null);
        Reply early = transportFailure(mode);
        if (early != null) {
            return early;
        }
        if (mode == FailureMode.TEMPORARY_FAILURE) {
            return publicKeyError(200, MSG_TEMPORARY, apiKey);
        }
        if (apiKey == null || apiKey.isBlank()) {
            return publicKeyError(sim.options().authErrorHttpStatus(), MSG_NO_API_KEY, "");
        }
        if (!sim.options().accepts(apiKey) || mode == FailureMode.BAD_API_KEY) {
            return publicKeyError(sim.options().authErrorHttpStatus(), MSG_BAD_API_KEY, apiKey);
        }
        ObjectNode n = TilkoJson.mapper().createObjectNode();
        n.put("Status", "OK");
        n.put("Message", "성공");
        n.put("PublicKey", TilkoCrypto.encodePublicKey(sim.keyRing().forApiKey(apiKey).getPublic()));
        n.put("ApiKey", apiKey);
        return Reply.json(200, n);
    }

    private static Reply publicKeyError(int status, String message, String apiKey) {
        ObjectNode n = TilkoJson.mapper().createObjectNode();
        n.put("Status", "Error");
        n.put("Message", message);
        n.put("PublicKey", "");
        n.put("ApiKey", apiKey == null ? "" : apiKey);
        return Reply.json(status, n);
    }

    // ---------------------------------------------------------------- POST endpoints

    Reply post(TilkoEndpoint endpoint, HttpExchange ex) throws IOException {
        String apiKey = ex.getRequestHeaders().getFirst("API-KEY"); // Headers are case-insensitive
        if (apiKey == null || apiKey.isBlank()) {
            return authError(endpoint, MSG_NO_API_KEY);
        }
        if (!sim.options().accepts(apiKey)) {
            return authError(endpoint, MSG_BAD_API_KEY);
        }
        byte[] raw = ex.getRequestBody().readNBytes(MAX_BODY + 1);
        if (raw.length > MAX_BODY) {
            return badRequest(endpoint, "요청 본문이 너무 큽니다.");
        }
        JsonNode json;
        try {
            json = TilkoJson.mapper().readTree(raw);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            return badRequest(endpoint, "요청 본문을 JSON 객체로 해석할 수 없습니다.");
        }
        // v2 APIs nest the credentials under "Auth" (docs/tilko.md); be lenient if a client did not.
        JsonNode fields = endpoint == TilkoEndpoint.LOGIN_CHECK && json.path("Auth").isObject() ? json.get("Auth") : json;

        String encKey = ex.getRequestHeaders().getFirst("ENC-KEY");
        if (encKey == null || encKey.isBlank()) {
            return authError(endpoint, "ENC-KEY의 값이 없습니다.");
        }
        byte[] aesKey;
        try {
            aesKey = TilkoCrypto.unwrapAesKey(sim.keyRing().forApiKey(apiKey).getPrivate(), encKey);
        } catch (TilkoCryptoException e) {
            log.debug("simulator: {} rejected, {}", endpoint, e.getMessage());
            return authError(endpoint, MSG_BAD_ENC_KEY);
        }
        String[] person = new String[PERSON_FIELDS.length];
        for (int i = 0; i < PERSON_FIELDS.length; i++) {
            JsonNode v = fields.get(PERSON_FIELDS[i]);
            if (v == null || !v.isTextual()) {
                return badRequest(endpoint, "필수 항목이 없습니다: " + PERSON_FIELDS[i]);
            }
            try {
                person[i] = TilkoCrypto.decryptField(aesKey, v.asText());
            } catch (TilkoCryptoException e) {
                log.debug("simulator: {} field {} rejected, {}", endpoint, PERSON_FIELDS[i], e.getMessage());
                return authError(endpoint, PERSON_FIELDS[i] + " 값을 복호화할 수 없습니다.");
            }
        }
        String name = person[0].strip();
        String birthDate = person[1].strip();
        String phoneDigits = person[2].replaceAll("[\\s-]", "");

        FailureMode mode = sim.takeFailure(endpoint, name, phoneDigits);
        if (mode != FailureMode.NONE) {
            log.debug("simulator: {} for {} answered with failure mode {}", endpoint, Masking.name(name), mode);
        }
        Reply early = transportFailure(mode);
        if (early != null) {
            return early;
        }
        switch (mode) {
            case BAD_API_KEY:
                return authError(endpoint, MSG_BAD_API_KEY);
            case BAD_ENC_KEY:
                return authError(endpoint, MSG_BAD_ENC_KEY);
            case TEMPORARY_FAILURE:
                return answer(apiKey, SimEnvelope.error(payloadField(endpoint), sim.options().temporaryFailureCode(),
                        MSG_TEMPORARY));
            case IDENTITY_MISMATCH:
                return answer(apiKey, identityMismatch(endpoint));
            default:
                break;
        }
        String invalid = validatePerson(name, birthDate, phoneDigits);
        if (invalid != null) {
            return badRequest(endpoint, invalid);
        }
        String authType = TilkoJson.textOrEmpty(fields, "PrivateAuthType").strip();
        if (!AUTH_TYPES.contains(authType)) {
            return badRequest(endpoint, "PrivateAuthType 값이 올바르지 않습니다.");
        }
        if (endpoint == TilkoEndpoint.SIMPLE_AUTH) {
            return simpleAuth(apiKey, authType, name, birthDate, phoneDigits, person[2], mode);
        }
        return followUp(endpoint, apiKey, json, fields, name, birthDate, phoneDigits, mode);
    }

    private Reply simpleAuth(String apiKey, String authType, String name, String birthDate, String phoneDigits,
                             String phoneAsSent, FailureMode mode) {
        ObjectNode data = TilkoJson.mapper().createObjectNode();
        if (mode == FailureMode.APP_NOT_LINKED) {
            // What the backend calls "app not linked": OK, but no session ids.
            data.putNull("CxId");
            data.put("PrivateAuthType", authType);
            data.putNull("ReqTxId");
            data.putNull("Token");
            data.putNull("TxId");
        } else {
            SessionRecord s = sim.createSession(apiKey, authType, name, birthDate, phoneDigits);
            data.put("CxId", s.cxId);
            data.put("PrivateAuthType", authType);
            data.put("ReqTxId", s.reqTxId);
            data.put("Token", s.token);
            data.put("TxId", s.txId);
            log.debug("simulator: simple auth for {} created session {}", Masking.name(name),
                    Masking.token(s.cxId));
        }
        data.put("UserName", name);
        data.put("BirthDate", birthDate);
        data.put("UserCellphoneNumber", phoneAsSent);
        return answer(apiKey, SimEnvelope.ok("ResultData", data));
    }

    private Reply followUp(TilkoEndpoint endpoint, String apiKey, JsonNode body, JsonNode fields, String name,
                           String birthDate, String phoneDigits, FailureMode mode) {
        String field = payloadField(endpoint);
        SessionRecord s = sim.findSession(TilkoJson.textOrEmpty(fields, "CxId"));
        if (s == null || !s.apiKey.equals(apiKey)
                || !s.token.equals(TilkoJson.textOrEmpty(fields, "Token"))
                || !s.reqTxId.equals(TilkoJson.textOrEmpty(fields, "ReqTxId"))
                || !s.txId.equals(TilkoJson.textOrEmpty(fields, "TxId"))) {
            return answer(apiKey, SimEnvelope.error(field, sim.options().expiredCode(), MSG_EXPIRED));
        }
        if (!s.name.equals(name) || !s.birthDate.equals(birthDate) || !s.phoneDigits.equals(phoneDigits)) {
            return answer(apiKey, identityMismatch(endpoint));
        }
        SessionState state = sim.stateOf(s);
        if (mode == FailureMode.EXPIRED) {
            state = SessionState.EXPIRED;
        } else if (mode == FailureMode.NOT_APPROVED && state == SessionState.APPROVED) {
            state = SessionState.PENDING;
        }
        if (state == SessionState.EXPIRED) {
            return answer(apiKey, SimEnvelope.error(field, sim.options().expiredCode(), MSG_EXPIRED));
        }
        if (endpoint == TilkoEndpoint.LOGIN_CHECK) {
            // LoginCheck says "성공" with Result=false while waiting (docs/tilko.md).
            return answer(apiKey, SimEnvelope.ok(field,
                    TilkoJson.mapper().getNodeFactory().booleanNode(state == SessionState.APPROVED)));
        }
        if (state == SessionState.PENDING) {
            return answer(apiKey, SimEnvelope.error(field, sim.options().notApprovedCode(), MSG_NOT_APPROVED));
        }
        if (mode == FailureMode.NO_DATA_ERROR) {
            return answer(apiKey, SimEnvelope.error(field, sim.options().noDataCode(), MSG_NO_DATA));
        }
        LocalDate today = LocalDate.now(sim.options().clock());
        if (mode == FailureMode.EMPTY_HISTORY) {
            return answer(apiKey, SimEnvelope.ok(field, TilkoJson.mapper().createArrayNode()));
        }
        if (endpoint == TilkoEndpoint.CHECKUPS) {
            return answer(apiKey, SimEnvelope.ok(field, SyntheticRecords.checkups(name, birthDate, today)));
        }
        // Prescriptions: StartDate/EndDate are plain yyyyMMdd and optional (only WELNO sends them).
        LocalDate start;
        LocalDate end;
        try {
            start = optionalDate(body, fields, "StartDate", today.minusMonths(14));
            end = optionalDate(body, fields, "EndDate", today);
        } catch (DateTimeParseException e) {
            return badRequest(endpoint, "StartDate/EndDate 형식이 올바르지 않습니다 (yyyyMMdd).");
        }
        return answer(apiKey, SimEnvelope.ok(field, SyntheticRecords.prescriptions(name, birthDate, start, end)));
    }

    // ---------------------------------------------------------------- helpers

    /** Failure modes that replace the whole HTTP answer; SLOW delays and lets the request through. */
    private Reply transportFailure(FailureMode mode) {
        switch (mode) {
            case SLOW:
                sim.sleepSlow();
                return null;
            case HTML:
                return Reply.html(200, HTML_PAGE);
            case SERVER_ERROR:
                return Reply.html(500, SERVER_ERROR_PAGE);
            default:
                return null;
        }
    }

    private SimEnvelope identityMismatch(TilkoEndpoint endpoint) {
        return SimEnvelope.error(payloadField(endpoint), sim.options().identityMismatchCode(), MSG_IDENTITY)
                .target("NHIS-USER-MISMATCH", "사용자 정보가 일치하지 않습니다.");
    }

    private static String validatePerson(String name, String birthDate, String phoneDigits) {
        if (name.isEmpty()) {
            return "이름(UserName)이 비어 있습니다.";
        }
        try {
            LocalDate.parse(birthDate, YYYYMMDD);
        } catch (DateTimeParseException e) {
            return "생년월일(BirthDate)은 yyyyMMdd 형식이어야 합니다.";
        }
        if (!phoneDigits.matches("01\\d{8,9}")) {
            return "휴대폰 번호(UserCellphoneNumber) 형식이 올바르지 않습니다.";
        }
        return null;
    }

    private static LocalDate optionalDate(JsonNode body, JsonNode fields, String field, LocalDate fallback) {
        String v = TilkoJson.text(fields, field);
        if (v == null) {
            v = TilkoJson.text(body, field);
        }
        return v == null || v.isBlank() ? fallback : LocalDate.parse(v.strip(), YYYYMMDD);
    }

    private Reply authError(TilkoEndpoint endpoint, String message) {
        ObjectNode n = SimEnvelope.error(payloadField(endpoint), SimulatorOptions.DEFAULT_AUTH_ERROR_CODE, message)
                .build(SimHttpHandler.newApiTxKey(), null);
        return Reply.json(sim.options().authErrorHttpStatus(), n);
    }

    private Reply badRequest(TilkoEndpoint endpoint, String message) {
        ObjectNode n = SimEnvelope.error(payloadField(endpoint), SimulatorOptions.DEFAULT_BAD_REQUEST_CODE, message)
                .build(SimHttpHandler.newApiTxKey(), null);
        return Reply.json(200, n);
    }

    /** Bills successful calls (Tilko charges prepaid points per call) and stamps ApiTxKey and PointBalance. */
    private Reply answer(String apiKey, SimEnvelope envelope) {
        String balance = sim.charge(apiKey, envelope.isOk());
        return Reply.json(200, envelope.build(SimHttpHandler.newApiTxKey(), balance));
    }

    private static final Map<TilkoEndpoint, String> PAYLOAD_FIELDS = Map.of(
            TilkoEndpoint.SIMPLE_AUTH, "ResultData",
            TilkoEndpoint.LOGIN_CHECK, "Result",
            TilkoEndpoint.CHECKUPS, "ResultList",
            TilkoEndpoint.PRESCRIPTIONS, "ResultList");

    static String payloadField(TilkoEndpoint endpoint) {
        return PAYLOAD_FIELDS.get(endpoint);
    }
}
