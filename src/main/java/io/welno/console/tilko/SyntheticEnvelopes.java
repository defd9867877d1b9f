package io.welno.console.tilko;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Envelopes the client makes up when Tilko's answer is not a usable JSON envelope. They copy the
 * backend's shapes (docs/backend-protocol.md) so a session document written by the console looks like one
 * written by Python: {@code {Status:"Error", ResultCode, ErrMsg, Message[, TechnicalDetail]}}.
 * Messages are Korean like the backend's; none contains 인증/승인 except the HTML one, which the
 * backend deliberately classifies as "not approved yet".
 */
final class SyntheticEnvelopes {

    static final String AUTH_PENDING = "AUTH_PENDING";

    private SyntheticEnvelopes() {
    }

    /** Tilko answered an HTML page: the backend treats this as "authentication still pending". */
    static ObjectNode htmlAnswer() {
        return error(AUTH_PENDING, "간편인증 로그인 요청이 실패했습니다. 휴대폰에서 인증을 완료한 후 다시 시도해 주세요.",
                "인증 대기 중", null);
    }

    static ObjectNode httpStatus(int code, String technicalDetail) {
        return error("HTTP_" + code, "Tilko 서버가 HTTP " + code + " 오류를 반환했습니다.",
                "Tilko 서버 오류 (HTTP " + code + ")", technicalDetail);
    }

    static ObjectNode timeout(String technicalDetail) {
        return error("TIMEOUT", "Tilko 응답 시간이 초과되었습니다.", "Tilko 응답 시간 초과", technicalDetail);
    }

    static ObjectNode connectionError(String technicalDetail) {
        return error("CONNECTION_ERROR", "Tilko 서버에 연결할 수 없습니다.", "Tilko 서버 연결 실패", technicalDetail);
    }

    static ObjectNode unexpected(String technicalDetail) {
        return error("UNEXPECTED_ERROR", "Tilko 호출 중 예기치 않은 오류가 발생했습니다.", "Tilko 호출 오류", technicalDetail);
    }

    static ObjectNode invalidJson(String technicalDetail) {
        return error("INVALID_RESPONSE", "Tilko 응답을 해석할 수 없습니다.", "Tilko 응답 형식 오류", technicalDetail);
    }

    static ObjectNode configuration(String message) {
        return error("CONFIGURATION_ERROR", message, message, null);
    }

    /**
     * GetPublicKey failed. Tilko's own message is carried (scrubbed by the caller), but never the
     * {@code ApiKey} echo, which may hold a key.
     */
    static ObjectNode publicKeyError(String message, String technicalDetail) {
        return error("PUBLIC_KEY_ERROR", message, message, technicalDetail);
    }

    private static ObjectNode error(String resultCode, String errMsg, String message, String technicalDetail) {
        ObjectNode n = TilkoJson.mapper().createObjectNode();
        n.put("Status", "Error");
        n.put("ResultCode", resultCode);
        n.put("ErrMsg", errMsg);
        n.put("Message", message);
        if (technicalDetail != null) {
            n.put("TechnicalDetail", technicalDetail);
        }
        return n;
    }
}
