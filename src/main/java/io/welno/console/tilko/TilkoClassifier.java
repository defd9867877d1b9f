package io.welno.console.tilko;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Classifies a Tilko envelope exactly as the WELNO backend does (docs/backend-protocol.md), so the console
 * moves a session to the same status the Python code would. Pure functions of the envelope; no I/O.
 *
 * <p>Data calls ({@code Ggpab003M0105}):
 * <ol>
 *   <li>{@code Status == "OK"} → SUCCESS.</li>
 *   <li>The error text is {@code Message}, else {@code ErrMsg}, with HTML tags stripped.</li>
 *   <li>Checked first: one of {@link #INFO_MISMATCH_PHRASES} in the text → INFO_MISMATCH.</li>
 *   <li>Checked second: {@code ErrorCode == 4115} or the text contains 인증 or 승인 → NOT_APPROVED_YET.
 *       (Order matters: "인증을 진행할 수 없습니다" contains 인증 but means wrong user data.)</li>
 *   <li>Otherwise ERROR.</li>
 * </ol>
 * Prescriptions: the same phrases plus {@code ErrorCode == 8801005} → INFO_MISMATCH; the backend has no
 * "not approved" branch there, so every other failure is ERROR.
 * Simple auth: SUCCESS needs {@code Status == "OK"} and a non-empty {@code ResultData.CxId}; anything
 * else is ERROR (an OK without CxId is the backend's "authentication app not linked").
 * LoginCheck (not used by the backend): OK with {@code Result == true} → SUCCESS, OK otherwise →
 * NOT_APPROVED_YET, errors as for data calls.
 */
public final class TilkoClassifier {

    /** The backend's wrong-user-data substrings, in its order. */
    public static final List<String> INFO_MISMATCH_PHRASES =
            List.of("입력하신 정보", "인증을 진행할 수 없습니다", "사용자 정보", "확인 후 다시 시도");
    /** The ErrorCode the backend reads as "the user has not approved on the phone yet". */
    public static final long NOT_APPROVED_ERROR_CODE = 4115;
    /** The prescription ErrorCode the backend reads as wrong user data. */
    public static final long PRESCRIPTION_INFO_MISMATCH_CODE = 8801005;

    private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");

    private TilkoClassifier() {
    }

    public static TilkoClassification classify(TilkoEndpoint endpoint, JsonNode envelope) {
        return switch (endpoint) {
            case SIMPLE_AUTH -> classifySimpleAuth(envelope);
            case CHECKUPS -> classifyCheckups(envelope);
            case PRESCRIPTIONS -> classifyPrescriptions(envelope);
            case LOGIN_CHECK -> classifyLoginCheck(envelope);
            case PUBLIC_KEY -> isOk(envelope) ? TilkoClassification.SUCCESS : TilkoClassification.ERROR;
        };
    }

    public static TilkoClassification classifySimpleAuth(JsonNode envelope) {
        if (isOk(envelope)) {
            // Lenient: ResultData is where Tilko puts it, but accept Result or the top level too.
            String cxId = TilkoJson.text(Payloads.resultObject(envelope), "CxId");
            if (cxId != null && !cxId.isEmpty()) {
                return TilkoClassification.SUCCESS;
            }
        }
        return TilkoClassification.ERROR;
    }

    public static TilkoClassification classifyCheckups(JsonNode envelope) {
        if (isOk(envelope)) {
            return TilkoClassification.SUCCESS;
        }
        String text = errorText(envelope);
        if (containsInfoMismatchPhrase(text)) {
            return TilkoClassification.INFO_MISMATCH;
        }
        OptionalLong code = TilkoJson.number(envelope, "ErrorCode");
        if ((code.isPresent() && code.getAsLong() == NOT_APPROVED_ERROR_CODE)
                || text.contains("인증") || text.contains("승인")) {
            return TilkoClassification.NOT_APPROVED_YET;
        }
        return TilkoClassification.ERROR;
    }

    public static TilkoClassification classifyPrescriptions(JsonNode envelope) {
        if (isOk(envelope)) {
            return TilkoClassification.SUCCESS;
        }
        OptionalLong code = TilkoJson.number(envelope, "ErrorCode");
        if (containsInfoMismatchPhrase(errorText(envelope))
                || (code.isPresent() && code.getAsLong() == PRESCRIPTION_INFO_MISMATCH_CODE)) {
            return TilkoClassification.INFO_MISMATCH;
        }
        return TilkoClassification.ERROR;
    }

    public static TilkoClassification classifyLoginCheck(JsonNode envelope) {
        if (isOk(envelope)) {
            return TilkoJson.bool(envelope, "Result")
                    ? TilkoClassification.SUCCESS
                    : TilkoClassification.NOT_APPROVED_YET;
        }
        return classifyCheckups(envelope);
    }

    /** {@code Status == "OK"} (surrounding blanks ignored), the backend's success test. */
    public static boolean isOk(JsonNode envelope) {
        String status = TilkoJson.text(envelope, "Status");
        return status != null && status.strip().equals("OK");
    }

    /**
     * A SimpleAuthRequest that Tilko answered OK without a CxId (so classified an error): the person's authentication
     * app is probably not linked, and the backend writes its own sentence for that.
     */
    public static boolean okWithoutTicket(TilkoEndpoint endpoint, TilkoClassification classification,
                                          JsonNode envelope) {
        return endpoint == TilkoEndpoint.SIMPLE_AUTH && classification == TilkoClassification.ERROR && isOk(envelope);
    }

    /** The backend's error text: {@code Message}, else {@code ErrMsg}, HTML tags stripped; never null. */
    public static String errorText(JsonNode envelope) {
        String message = TilkoJson.text(envelope, "Message");
        if (message == null || message.isBlank()) {
            message = TilkoJson.text(envelope, "ErrMsg");
        }
        return message == null ? "" : stripHtml(message);
    }

    /** Removes HTML tags (Tilko sometimes puts markup in messages) and trims. */
    public static String stripHtml(String text) {
        return HTML_TAG.matcher(text).replaceAll("").replace("&nbsp;", " ").strip();
    }

    private static boolean containsInfoMismatchPhrase(String text) {
        for (String phrase : INFO_MISMATCH_PHRASES) {
            if (text.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
