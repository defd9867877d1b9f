package io.welno.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.text.Masking;

/** {@code user_info} as written by /session/start; any field may be absent (null). */
public record UserInfo(String name, String birthdate, String phoneNo, String gender, String privateAuthType) {

    public static final UserInfo EMPTY = new UserInfo(null, null, null, null, null);

    /** The person a {@code user_info} value names; {@link #EMPTY} when it is missing or not an object. */
    public static UserInfo of(JsonNode info) {
        if (info == null || !info.isObject()) {
            return EMPTY;
        }
        return new UserInfo(DocumentFacts.text(info, "name"), DocumentFacts.text(info, "birthdate"),
                DocumentFacts.text(info, "phone_no"), DocumentFacts.text(info, "gender"),
                DocumentFacts.text(info, "private_auth_type"));
    }

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
