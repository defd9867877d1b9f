package io.welno.console.tilko;

import io.welno.console.text.Masking;
import java.util.Objects;

/**
 * The five session values a SimpleAuthRequest returns in {@code ResultData} and every follow-up call
 * sends back in plain text. They are opaque strings and must be echoed exactly.
 * The flow stores them as the backend's PascalCase {@code auth_data}.
 */
public record TilkoCredentials(String cxId, String privateAuthType, String reqTxId, String token, String txId) {

    public TilkoCredentials {
        Objects.requireNonNull(cxId, "cxId");
        privateAuthType = Objects.requireNonNullElse(privateAuthType, "");
        reqTxId = Objects.requireNonNullElse(reqTxId, "");
        token = Objects.requireNonNullElse(token, "");
        txId = Objects.requireNonNullElse(txId, "");
    }

    /** Tokens are masked: they grant access to a person's records while the session lives. */
    @Override
    public String toString() {
        return "TilkoCredentials[cxId=" + Masking.token(cxId) + ", privateAuthType=" + privateAuthType
                + ", reqTxId=" + Masking.token(reqTxId) + ", token=" + Masking.token(token)
                + ", txId=" + Masking.token(txId) + "]";
    }
}
