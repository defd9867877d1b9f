package io.welno.console.tilko.sim;

import io.welno.console.tilko.TilkoEndpoint;
import java.util.EnumSet;
import java.util.Set;

/**
 * The failure modes the simulator can switch on (docs/tilko.md, plus a few the backend reacts to).
 * Each has a default set of endpoints where it makes sense; a {@link FailureRule} can narrow or widen it.
 */
public enum FailureMode {
    /** No failure: a rule with this mode shields the matching requests from broader rules. */
    NONE(EnumSet.allOf(TilkoEndpoint.class)),
    /** The API key is refused ("유효하지 않은 API-Key"), also on GetPublicKey. */
    BAD_API_KEY(EnumSet.allOf(TilkoEndpoint.class)),
    /** ENC-KEY is treated as undecryptable, as if the client used a wrong public key. */
    BAD_ENC_KEY(posts()),
    /** Data calls answer "간편인증이 완료되지 않았습니다" (ErrorCode 4115); LoginCheck says Result=false. */
    NOT_APPROVED(EnumSet.of(TilkoEndpoint.LOGIN_CHECK, TilkoEndpoint.CHECKUPS, TilkoEndpoint.PRESCRIPTIONS)),
    /** The session is treated as expired. */
    EXPIRED(EnumSet.of(TilkoEndpoint.LOGIN_CHECK, TilkoEndpoint.CHECKUPS, TilkoEndpoint.PRESCRIPTIONS)),
    /**
     * Name/birthdate/phone do not match NHIS records ("입력하신 정보로 사용자를 찾을 수 없습니다…"). By default on
     * the data calls, which is where the backend detects it; scope it to SIMPLE_AUTH to fail the first step.
     */
    IDENTITY_MISMATCH(EnumSet.of(TilkoEndpoint.CHECKUPS, TilkoEndpoint.PRESCRIPTIONS)),
    /** Status OK with an empty ResultList. */
    EMPTY_HISTORY(EnumSet.of(TilkoEndpoint.CHECKUPS, TilkoEndpoint.PRESCRIPTIONS)),
    /** Status Error, "조회된 데이터가 없습니다" (the other way Tilko may say "no history"). */
    NO_DATA_ERROR(EnumSet.of(TilkoEndpoint.CHECKUPS, TilkoEndpoint.PRESCRIPTIONS)),
    /** Status Error, "일시적인 장애가 발생했습니다". */
    TEMPORARY_FAILURE(posts()),
    /** The answer is delayed by {@link SimulatorOptions#slowDelay()}, then given normally. */
    SLOW(posts()),
    /** An HTML page (HTTP 200, text/html) instead of JSON. */
    HTML(EnumSet.of(TilkoEndpoint.CHECKUPS, TilkoEndpoint.PRESCRIPTIONS)),
    /** HTTP 500 with an HTML error page. */
    SERVER_ERROR(posts()),
    /** SimpleAuthRequest answers OK without ResultData.CxId (the backend's "app not linked"). */
    APP_NOT_LINKED(EnumSet.of(TilkoEndpoint.SIMPLE_AUTH));

    private final Set<TilkoEndpoint> defaultEndpoints;

    FailureMode(Set<TilkoEndpoint> defaultEndpoints) {
        this.defaultEndpoints = Set.copyOf(defaultEndpoints);
    }

    /** Where the mode applies when a rule names no endpoints. */
    public Set<TilkoEndpoint> defaultEndpoints() {
        return defaultEndpoints;
    }

    private static EnumSet<TilkoEndpoint> posts() {
        return EnumSet.complementOf(EnumSet.of(TilkoEndpoint.PUBLIC_KEY));
    }
}
