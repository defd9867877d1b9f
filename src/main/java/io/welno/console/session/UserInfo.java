package io.welno.console.session;

import io.welno.console.text.Masking;

/** {@code user_info} as written by /session/start; any field may be absent (null). */
public record UserInfo(String name, String birthdate, String phoneNo, String gender, String privateAuthType) {

    public static final UserInfo EMPTY = new UserInfo(null, null, null, null, null);

    public AuthProvider provider() {
        return AuthProvider.fromCode(privateAuthType);
    }

    public String maskedName() {
        return Masking.name(name);
    }

    public String maskedPhone() {
        return Masking.phone(phoneNo);
    }
}
