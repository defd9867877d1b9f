package io.welno.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.welno.console.text.Masking;

/**
 * The Tilko credentials that follow-up calls need. The document holds them in two casings:
 * camelCase in {@code temp_auth_data} (and legacy {@code auth_data}), PascalCase in the
 * {@code auth_data} that the backend's live collection task reads.
 */
public record AuthCredentials(String cxId, String privateAuthType, String reqTxId, String token, String txId,
                              Casing casing) {

    public enum Casing { CAMEL, PASCAL }

    static AuthCredentials from(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        if (node.has("CxId") || node.has("TxId") || node.has("Token")) {
            return new AuthCredentials(text(node, "CxId"), text(node, "PrivateAuthType"), text(node, "ReqTxId"),
                    text(node, "Token"), text(node, "TxId"), Casing.PASCAL);
        }
        return new AuthCredentials(text(node, "cxId"), text(node, "privateAuthType"), text(node, "reqTxId"),
                text(node, "token"), text(node, "txId"), Casing.CAMEL);
    }

    public boolean hasCxId() {
        return cxId != null && !cxId.isEmpty();
    }

    @Override
    public String toString() {
        // Tokens are secrets: keep them out of logs even when a record is printed by accident.
        return "AuthCredentials[cxId=" + Masking.token(cxId) + ", casing=" + casing + "]";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
