package io.welno.console.session;

/** Tilko's {@code PrivateAuthType} codes (docs/tilko.md); the backend itself accepts only 0, 4 and 6. */
public enum AuthProvider {
    KAKAO_TALK("0", "KakaoTalk", "카카오톡"),
    PAYCO("1", "PAYCO", "페이코"),
    KB_MOBILE("2", "KB Mobile", "국민은행모바일"),
    SAMSUNG_PASS("3", "Samsung Pass", "삼성패스"),
    TELECOM_PASS("4", "PASS", "통신사PASS"),
    SHINHAN("5", "Shinhan", "신한"),
    NAVER("6", "Naver", "네이버"),
    TOSS("7", "Toss", "토스"),
    UNKNOWN(null, "Unknown", "알 수 없음");

    private final String code;
    private final String englishName;
    private final String koreanName;

    AuthProvider(String code, String englishName, String koreanName) {
        this.code = code;
        this.englishName = englishName;
        this.koreanName = koreanName;
    }

    public static AuthProvider fromCode(String code) {
        if (code != null) {
            String trimmed = code.trim();
            for (AuthProvider provider : values()) {
                if (trimmed.equals(provider.code)) {
                    return provider;
                }
            }
        }
        return UNKNOWN;
    }

    public String code() {
        return code;
    }

    public String englishName() {
        return englishName;
    }

    public String koreanName() {
        return koreanName;
    }

    /** Only these three pass the backend's validation in /session/simple-auth. */
    public boolean acceptedByBackend() {
        return this == KAKAO_TALK || this == TELECOM_PASS || this == NAVER;
    }
}
