package io.welno.console.tilko.sim;

import io.welno.console.text.Masking;

/**
 * A SimpleAuthRequest the simulator accepted: the person's phone now shows the request. Whoever plays the people
 * (the demo's traffic) hears of it here.
 *
 * @param cxId        the session id the simulator handed out, which the caller saves as {@code temp_auth_data.cxId}
 * @param phoneDigits the person's phone number as digits only, to tell whose phone it is
 */
public record AuthRequested(String cxId, String phoneDigits) {

    /** Masked: a record's own text would put the phone number in whatever log prints it. */
    @Override
    public String toString() {
        return "AuthRequested[" + Masking.token(cxId) + ", " + Masking.phone(phoneDigits) + "]";
    }
}
