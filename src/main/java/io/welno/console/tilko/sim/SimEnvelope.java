package io.welno.console.tilko.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.welno.console.tilko.TilkoJson;

/**
 * Builds the full Tilko envelope in the field order of a captured answer: payload first, then
 * ApiTxKey, Status, StatusSeq (integer), ErrorCode, Message, ErrorLog, TargetCode, TargetMessage,
 * PointBalance (decimal string) — docs/tilko.md, "Simulator". Clients must tolerate less; the simulator sends all.
 */
final class SimEnvelope {

    private final String payloadField;
    private final JsonNode payload;
    private final boolean ok;
    private final int errorCode;
    private final String message;
    private String targetCode;
    private String targetMessage;

    private SimEnvelope(String payloadField, JsonNode payload, boolean ok, int errorCode, String message) {
        this.payloadField = payloadField;
        this.payload = payload;
        this.ok = ok;
        this.errorCode = errorCode;
        this.message = message;
    }

    static SimEnvelope ok(String payloadField, JsonNode payload) {
        return new SimEnvelope(payloadField, payload, true, 0, "성공");
    }

    /** An error; the payload field is present and null: the simulator always sends the full envelope. */
    static SimEnvelope error(String payloadField, int errorCode, String message) {
        return new SimEnvelope(payloadField, null, false, errorCode, message);
    }

    SimEnvelope target(String code, String text) {
        this.targetCode = code;
        this.targetMessage = text;
        return this;
    }

    boolean isOk() {
        return ok;
    }

    ObjectNode build(String apiTxKey, String pointBalance) {
        ObjectNode n = TilkoJson.mapper().createObjectNode();
        if (payloadField != null) {
            n.set(payloadField, payload == null ? n.nullNode() : payload);
        }
        n.put("ApiTxKey", apiTxKey);
        n.put("Status", ok ? "OK" : "Error");
        n.put("StatusSeq", 0);
        n.put("ErrorCode", errorCode);
        n.put("Message", message);
        n.putNull("ErrorLog");
        n.put("TargetCode", targetCode);
        n.put("TargetMessage", targetMessage);
        n.put("PointBalance", pointBalance);
        return n;
    }
}
